#include "searcher/completion.h"

#include <algorithm>
#include <tuple>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

// Query fields that are not entity fields (schema::entity_fields() lists those).
constexpr std::string_view kOtherFields[] = {"title", "country", "date", "id"};
constexpr std::string_view kSortOrders[] = {"relevance", "newest", "oldest", "recent"};
constexpr std::string_view kFacetSpecs[] = {"person",     "location",  "country",  "org",  "source",
                                            "author",     "section",   "keyword",  "date", "date:year",
                                            "date:month", "date:week", "date:day", "none"};

std::size_t utf8_boundary(std::string_view s, std::size_t n) {
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

std::string common_start(const std::vector<std::string>& words) {
    if (words.empty()) return {};
    std::size_t n = words.front().size();
    for (const auto& w : words) {
        std::size_t k = 0;
        while (k < n && k < w.size() && w[k] == words.front()[k]) ++k;
        n = k;
    }
    return words.front().substr(0, utf8_boundary(words.front(), n));
}

// Without quotes, lower case: how typed text and candidates are compared.
std::string loose(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '"') out += c;
    return lower_ascii(out);
}

// Fills in replacement and finished from the candidates.
Completion finish(std::size_t start, std::string_view typed, std::vector<std::string> candidates, bool final_word) {
    Completion c;
    c.start = start;
    if (candidates.size() > Completer::kMaxCandidates) candidates.resize(Completer::kMaxCandidates);
    c.candidates = std::move(candidates);
    if (c.candidates.size() == 1) {
        c.replacement = c.candidates.front();
        c.finished = final_word;
    } else if (!c.candidates.empty()) {
        std::string shared = common_start(c.candidates);
        // Only when it keeps what was typed: "person:blin" must not shrink
        // to the `person:"` that "Antony Blinken" and "Boris Blin" share.
        if (shared.size() > typed.size() && loose(shared).starts_with(loose(typed))) c.replacement = std::move(shared);
    }
    return c;
}

template <std::size_t N>
std::vector<std::string> starting_with(const std::string_view (&words)[N], std::string_view typed,
                                       std::string_view suffix) {
    std::vector<std::string> out;
    for (auto w : words)
        if (w.starts_with(typed)) out.push_back(std::string(w) + std::string(suffix));
    return out;
}

// Where the query word under the cursor begins: after the last space or
// bracket outside quotes, and after a leading + or -.
std::size_t word_start(std::string_view text) {
    std::size_t start = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        else if (!quoted && (text[i] == ' ' || text[i] == '\t' || text[i] == '(' || text[i] == ')')) start = i + 1;
    }
    while (start < text.size() && (text[start] == '+' || text[start] == '-')) ++start;
    return start;
}

// An article's value of `field` whose whole-name term is `term`: the
// spelling it stores; empty when none (the term past the field's cap).
std::string display_form(const Xapian::Database& db, const schema::EntityField& entity, const std::string& term) {
    const schema::FacetField* facet = schema::find_facet_field(entity.query_name);
    auto post = db.postlist_begin(term);
    if (!facet || post == db.postlist_end(term)) return {};
    const Article a = schema::decode_article(db.get_document(*post));
    for (const auto& name : schema::facet_values(a, *facet)) {
        const auto terms = schema::entity_terms(entity, name);
        if (!terms.empty() && terms.front() == term) return name;
    }
    return {};
}

// person:Ant -> person:"Antony Blinken" …: whole names starting with the
// typed text first, then names with a later word starting with it, each
// group by the number of articles naming them.
std::vector<std::string> entity_candidates(const Xapian::Database& db, const schema::EntityField& entity,
                                           std::string_view field_part, std::string_view value) {
    if (value.starts_with('"')) value.remove_prefix(1);
    if (value.ends_with('"')) value.remove_suffix(1);
    std::string key = entity_key(value);
    if (!key.empty() && (value.ends_with(' ') || value.ends_with('-'))) key += ' ';
    const std::string prefix(entity.whole_prefix);
    const std::string word_key = " " + key;
    std::vector<std::tuple<int, long long, std::string>> found;  // (a later word?, -articles, term)
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string term = *t;
        const std::string_view name = std::string_view(term).substr(prefix.size());
        // "XP" + key: a longer prefix of another field would start with a capital.
        if (!name.empty() && name.front() >= 'A' && name.front() <= 'Z') continue;
        int rank;
        if (name.starts_with(key)) rank = 0;
        else if (!key.empty() && name.find(word_key) != std::string_view::npos) rank = 1;
        else continue;
        found.emplace_back(rank, -static_cast<long long>(t.get_termfreq()), term);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (const auto& [rank, order, term] : found) {
        if (out.size() == Completer::kMaxCandidates) break;
        std::string name = display_form(db, entity, term);
        if (name.empty()) name = term.substr(prefix.size());
        out.push_back(std::string(field_part) + "\"" + name + "\"");
    }
    return out;
}

std::vector<std::string> country_candidates(const Xapian::Database& db, std::string_view field_part,
                                            std::string_view value) {
    const std::string prefix = schema::country_term(value);
    const std::size_t bare = schema::country_term("").size();
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        std::string code = (*t).substr(bare);
        if (code.size() != 2) continue;
        for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        found.emplace_back(t.get_termfreq(), std::string(field_part) + code);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

// The word under the cursor in query text; offsets relative to `text`.
Completion complete_query(const Xapian::Database& db, std::string_view text) {
    const std::size_t start = word_start(text);
    const std::string_view word = text.substr(start);
    std::size_t colon = std::string_view::npos;
    for (std::size_t i = 0; i < word.size() && word[i] != '"'; ++i)
        if (word[i] == ':') {
            colon = i;
            break;
        }
    if (colon == std::string_view::npos) {  // a field name
        std::vector<std::string> fields;
        const std::string typed = lower_ascii(word);
        for (const auto& f : schema::entity_fields())
            if (f.query_name.starts_with(typed)) fields.push_back(std::string(f.query_name) + ":");
        for (auto f : kOtherFields)
            if (f.starts_with(typed)) fields.push_back(std::string(f) + ":");
        std::sort(fields.begin(), fields.end());
        return finish(start, word, std::move(fields), false);
    }
    const std::string_view field = word.substr(0, colon), field_part = word.substr(0, colon + 1),
                           value = word.substr(colon + 1);
    const std::string name = lower_ascii(field);
    if (name == "country") return finish(start, word, country_candidates(db, field_part, value), true);
    for (const auto& f : schema::entity_fields())
        if (f.query_name == name) return finish(start, word, entity_candidates(db, f, field_part, value), true);
    return finish(start, word, {}, false);
}

}  // namespace

Completer::Completer(const Xapian::Database& db, std::vector<std::string> commands)
    : db_(db), commands_(std::move(commands)) {}

Completion Completer::complete(std::string_view text) const {
    std::size_t lead = 0;
    while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t')) ++lead;
    const std::string_view line = text.substr(lead);
    if (!line.starts_with(':')) {
        Completion c = complete_query(db_, line);
        c.start += lead;
        return c;
    }
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) {  // the command itself
        std::vector<std::string> names;
        for (const auto& c : commands_)
            if (c.starts_with(line)) names.push_back(c);
        return finish(lead, line, std::move(names), true);
    }
    // Its argument words.
    const std::string_view command = line.substr(0, space);
    const std::size_t arg_start = line.find_last_of(' ') + 1;
    const std::string_view arg = line.substr(arg_start);
    if (command == ":sort") return finish(lead + arg_start, arg, starting_with(kSortOrders, arg, ""), true);
    if (command == ":facets") return finish(lead + arg_start, arg, starting_with(kFacetSpecs, arg, ""), true);
    if (command == ":filter") {
        Completion c = complete_query(db_, line.substr(space + 1));
        c.start += lead + space + 1;
        return c;
    }
    return finish(lead + arg_start, arg, {}, false);
}

}  // namespace newsdex
