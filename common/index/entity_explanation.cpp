#include "common/index/entity_explanation.h"

#include <chrono>

#include <algorithm>
#include <optional>

#include "common/entities/entity_extractor.h"
#include "common/entities/gazetteer.h"
#include "common/entities/given_name_forms.h"
#include "common/index/person_resolution.h"

namespace newsdex {

namespace {

constexpr std::size_t kContextBytes = 40;  // shown on each side of a mention

// The mention with some words on each side, on one line, cut at word
// boundaries: `…said Secretary of State Antony Blinken on Monday…`.
std::string quote(const std::string& text, const Evidence& e) {
    if (e.begin >= e.end || e.end > text.size()) return "";
    std::size_t from = e.begin > kContextBytes ? e.begin - kContextBytes : 0;
    std::size_t to = std::min(text.size(), e.end + kContextBytes);
    while (from > 0 && from < e.begin && text[from - 1] != ' ') ++from;  // start at a word
    while (to < text.size() && to > e.end && text[to] != ' ') --to;      // end after a word
    std::string q = from > 0 ? "…" : "";
    for (const char c : text.substr(from, to - from)) {  // one line: a run of spaces and breaks as one space
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space) q += c;
        else if (!q.empty() && q.back() != ' ') q += ' ';
    }
    return q + (to < text.size() ? "…" : "");
}

// How person resolution across the index turned `mention` into `person`,
// or nothing when it did not.
std::optional<std::string> resolution_of(const std::string& mention, const std::string& person) {
    const auto m = person_identity_words(mention), p = person_identity_words(person);
    if (m.empty() || p.empty()) return std::nullopt;
    if (m == p) return "the index's most frequent spelling of \"" + mention + "\"";
    if (m.size() == 1 && p.size() >= 2 && m[0] == p.back())
        return "the bare surname \"" + mention +
               "\", resolved across the index: the only person of that surname, or the one whose articles share "
               "this article's other names";
    if (m.size() == 1 && p.size() >= 2 && m[0] == p.front())
        return "the bare given name \"" + mention + "\", resolved across the index to the only person it can be";
    const auto& formal = formal_given_names(m.front());
    if (m.size() == p.size() && m.size() >= 2 && std::equal(m.begin() + 1, m.end(), p.begin() + 1) &&
        std::find(formal.begin(), formal.end(), p.front()) != formal.end())
        return "\"" + mention +
               "\", a familiar form of the given name of the only full name it matches, which an "
               "article names beside it";
    if (m.size() == 2 && p.size() >= 2 && m.back() == p.back() && m.front().front() == p.front().front())
        return "\"" + mention + "\", a short form (an initial, or no middle initial) of the only full name it matches";
    return std::nullopt;
}

class Explainer {
public:
    explicit Explainer(const Article& stored) : stored_(stored) {
        extract_entities(stored, Gazetteer::standard(), &why_);
    }

    std::vector<EntityExplanation> run() {
        explain_date();
        explain_persons();
        explain_named("location", stored_.locations, why_.locations);
        explain_countries();
        explain_named("org", stored_.organizations, why_.organizations);
        return std::move(out_);
    }

private:
    void add(const char* field, const std::string& value, std::string rule, const Evidence* e = nullptr) {
        out_.push_back({field, value, std::move(rule), e ? quote(why_.text, *e) : ""});
    }

    const Evidence* evidence(const EvidenceMap& map, const std::string& name) const {
        const auto it = map.find(name);
        return it == map.end() ? nullptr : &it->second;
    }

    void explain_date() {
        if (!stored_.date)
            return add("date", "undated",
                       "no date in the input's metadata, no dated line, and no "
                       "mentioned date corroborated as the day of writing");
        add("date", stored_.date->to_iso(), date_rule());
    }

    std::string date_rule() const {
        switch (stored_.date_source) {
            case DateSource::metadata: return "the input's date (a JSON field, a header or a leading date line)";
            case DateSource::text: return "a dated line of the text (Updated: …, a dated dateline)";
            case DateSource::inferred: break;
        }
        if (stored_.date->precision == DatePrecision::year)
            return "the copyright year (©): no date the text mentions is corroborated as the day of writing";
        static constexpr const char* kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};
        const auto day = std::chrono::year_month_day{std::chrono::year{stored_.date->year},
                                                     std::chrono::month{static_cast<unsigned>(stored_.date->month)},
                                                     std::chrono::day{static_cast<unsigned>(stored_.date->day)}};
        return std::string(
                   "the latest date the text mentions in the copyright year, or the nearest day after it "
                   "(at most three) that a weekday the text speaks of names: here ") +
               kWeekdays[std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding()] +
               ", corroborated as the day of writing";
    }

    void explain_persons() {
        std::vector<bool> used(stored_.person_mentions.size(), false);
        for (const auto& person : stored_.persons) {
            if (const Evidence* e = evidence(why_.persons, person)) {
                add("person", person, e->rule, e);
                mark_used(used, person);
                continue;
            }
            bool found = false;
            for (std::size_t k = 0; k < stored_.person_mentions.size() && !found; ++k)
                if (auto how = resolution_of(stored_.person_mentions[k], person)) {
                    add("person", person, *how, evidence(why_.persons, stored_.person_mentions[k]));
                    used[k] = found = true;
                }
            if (!found)
                add("person", person,
                    "not found again on re-reading the text: the dateline, the overrides file or the input's own tags");
        }
        for (std::size_t k = 0; k < used.size(); ++k)
            if (!used[k])
                add("person", stored_.person_mentions[k],
                    "found in the text but left out across the index: most mentions of the name in the index are "
                    "a work's or a place's, or a bare given name fits several people (docs/entities.md)",
                    evidence(why_.persons, stored_.person_mentions[k]));
    }

    // The mentions that name `person`: its spellings, and the short or
    // familiar forms resolution turned into it ("Steve Gerrard" beside
    // "Steven Gerrard" is no mention left out).
    void mark_used(std::vector<bool>& used, const std::string& person) const {
        for (std::size_t k = 0; k < used.size(); ++k)
            if (person_identity_key(stored_.person_mentions[k]) == person_identity_key(person) ||
                resolution_of(stored_.person_mentions[k], person))
                used[k] = true;
    }

    void explain_named(const char* field, const std::vector<std::string>& values, const EvidenceMap& map) {
        for (const auto& v : values) {
            const Evidence* e = evidence(map, v);
            add(field, v,
                e ? e->rule
                  : "not found again on re-reading the text: the dateline, the overrides file or the input's own tags",
                e);
        }
    }

    void explain_countries() {
        for (const auto& code : stored_.countries) {
            std::string from;
            for (const auto& l : stored_.locations)
                if (const Place* p = Gazetteer::standard().find_place(l); p && p->country == code && from.empty())
                    from = l;
            add("country", code,
                from.empty() ? "a nationality or demonym in the text (Israeli, French), or the overrides"
                             : "the country of the location " + from);
        }
    }

    const Article& stored_;
    ArticleEvidence why_;
    std::vector<EntityExplanation> out_;
};

}  // namespace

std::vector<EntityExplanation> explain_entities(const Article& stored) { return Explainer(stored).run(); }

}  // namespace newsdex
