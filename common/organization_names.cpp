#include "common/organization_names.h"

#include <algorithm>
#include <map>

#include "common/strings.h"
#include "common/text_folding.h"

namespace newsdex {

namespace {

// A capitalised name ending in one of these is an organisation.
bool is_organisation_suffix(std::string_view w) {
    return is_one_of(w, {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Group", "Bank", "Ltd", "Ltd.", "Limited", "plc",
                      "PLC", "AG", "SA", "GmbH", "LLC", "Holdings", "Company", "Party", "Council", "Ministry",
                      "Department", "Agency", "Commission", "University", "Association", "Federation", "Union",
                      "League", "Club", "FC", "Airways", "Airlines", "Institute", "Foundation", "Fund", "Authority",
                      "Board", "Committee", "Court", "Police", "Army", "Front", "Movement", "Brigades", "Alliance",
                      "Organisation", "Organization", "Service", "Office", "Parliament", "Assembly", "Senate",
                      "Network", "Press", "Wire", "Times", "Post", "Herald", "Courier", "Ledger", "Gazette",
                      "Telegraph", "Journal", "Tribune", "Semiconductor", "Motors", "Energy", "Telecom", "Systems",
                      "Technologies", "Mail", "Media", "Trust", "Society", "Forum", "Coalition", "Cie"});
}

// Organisation names that open "X of Y": "Bank of England", "University of Nairobi".
bool is_organisation_head(std::string_view w) {
    return is_one_of(w, {"Bank", "University", "Ministry", "Department", "Council", "Institute", "Office", "College",
                      "Church", "Federation", "Association", "Union", "Court", "Museum", "Academy", "Chamber",
                      "Organisation", "Organization", "League", "House"});
}

// Lower-case words inside a name ("Bank of England"); "and" is left out: it
// joins two names more often than it sits inside one.
bool is_connector(std::string_view w) { return w == "of" || w == "for" || w == "&" || w == "the" || w == "de" || w == "la"; }

bool opens_sentence_only(std::string_view w) {
    return is_one_of(w, {"The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before",
                      "As", "For", "From", "To", "With", "By", "Of", "It", "This", "That", "Its", "Their", "His",
                      "Her", "Our", "According", "Under", "Since"});
}

// The longest well-known organisation starting at token i.
std::size_t match_known(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g, std::string& name) {
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= g.longest_organization() && i + n <= t.size(); ++n) {
        if (n > 1 && (t[i + n - 1].sentence_start || t[i + n - 1].punctuation_before)) break;
        key += (n > 1 ? " " : "") + t[i + n - 1].key;
        const Organization* o = g.find_organization_by_key(key);
        if (!o || !t[i].capitalized) continue;
        if (o->acronym && !std::all_of(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(i + n),
                                       [](const EntityToken& x) { return x.all_caps; }))
            continue;
        if (n == 1 && !o->acronym && t[i].sentence_start) continue;  // "Shell said" vs "Shell prices…": need context
        name = o->name;
        best = n;
    }
    return best;
}

// A capitalised run (connectors inside) starting at i; its end.
std::size_t capitalised_run(const std::vector<EntityToken>& t, std::size_t i) {
    std::size_t j = i;
    while (j < t.size()) {
        if (j > i && (t[j].sentence_start || t[j].punctuation_before)) break;
        if (t[j].capitalized) { ++j; continue; }
        if (j > i && is_connector(t[j].text) && j + 1 < t.size() && t[j + 1].capitalized && !t[j + 1].punctuation_before) {
            ++j;
            continue;
        }
        break;
    }
    return j;
}

std::string joined(const std::vector<EntityToken>& t, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t k = b; k < e; ++k) s += (k == b ? "" : t[k].hyphen_before ? "-" : " ") + t[k].text;
    return s;
}

// "Full Name (ACR)": the acronym stands for the name in this article.
void note_acronym(const std::vector<EntityToken>& t, std::size_t end, std::string_view text, const std::string& name,
                  std::map<std::string, std::string>& acronyms) {
    if (end >= t.size() || !t[end].all_caps || t[end].text.size() < 2) return;
    const std::string_view gap = text.substr(t[end - 1].end, t[end].begin - t[end - 1].end);
    if (gap.find('(') != std::string_view::npos && text.substr(t[end].end).starts_with(")")) acronyms[t[end].text] = name;
}

}  // namespace

std::vector<std::string> find_organizations(const std::vector<EntityToken>& t, std::string_view text, const Gazetteer& g) {
    std::vector<std::string> out;
    std::map<std::string, std::string> acronyms;
    auto add = [&](const std::string& name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    for (std::size_t i = 0; i < t.size();) {
        if (!t[i].capitalized) { ++i; continue; }
        if (auto it = acronyms.find(t[i].text); it != acronyms.end()) { add(it->second); ++i; continue; }
        std::string known;
        const std::size_t n_known = match_known(t, i, g, known);
        std::size_t begin = i;
        const std::size_t end = capitalised_run(t, i);
        while (begin < end && opens_sentence_only(t[begin].text)) ++begin;
        const bool suffix = end > begin + 1 && is_organisation_suffix(t[end - 1].text);
        // "[Central] Bank of Kenya": a head word followed by "of" anywhere in the run.
        bool head = false;
        for (std::size_t k = begin; k + 2 < end && !head; ++k)
            head = is_organisation_head(t[k].text) && t[k + 1].text == "of";
        if ((suffix || head) && end - begin > n_known) {
            const std::string name = joined(t, begin, end);
            const Organization* o = g.find_organization(name);
            add(o ? o->name : name);
            note_acronym(t, end, text, o ? o->name : name, acronyms);
            i = end;
            continue;
        }
        if (n_known) {
            add(known);
            note_acronym(t, i + n_known, text, known, acronyms);
            i += n_known;
            continue;
        }
        ++i;
    }
    return out;
}

}  // namespace newsdex
