// Facet heads scored against judgements (issue 12, "Facets a reporter can
// trust"): the most frequent person, location and organisation facet values
// of an index, each looked up in a gold file that says whether the value is
// a real entity of its type and which entity it names (same_as), and for a
// location which country it is in. Precision is measured where users see
// it: values judged, entities among them, values no judgement covers
// (unjudged), and duplicate groups (two or more head values naming one
// entity). The file format is in docs/entity-guidelines.md (Facet heads).
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsdex::facet_heads {

// The fields a head is scored for, as --facet names them.
inline constexpr std::string_view kFields[] = {"person", "location", "org"};

// One line of the gold file.
struct Judgement {
    std::string field;  // "person", "location" or "org"
    std::string value;  // as the facet shows it
    bool entity = false;
    std::string same_as;                 // the entity it names; values with one same_as are one entity
    std::optional<std::string> country;  // locations: ISO 3166-1 code, "" for none (a region spanning countries)
    std::string note;
    // Articles the value had when it was judged (0: not recorded). Many
    // judgements rest on what most of a value's articles mean ("Leicester":
    // mostly the rugby club), so a value whose count has moved far since
    // is listed for a second look.
    std::size_t count = 0;
};

// The judgements of one file. Values are found as the facet merges them:
// by entity_key() (folded), so a new most frequent spelling keeps its
// judgement.
class Gold {
public:
    // Throws std::runtime_error naming the line on a malformed line, an
    // unknown field, an entity without same_as, a country on a value that is
    // no location entity, or a value judged twice.
    static Gold read(std::istream& in);

    const Judgement* find(std::string_view field, std::string_view value) const;
    std::size_t judged(std::string_view field) const;

private:
    std::map<std::pair<std::string, std::string>, Judgement> by_key_;
};

// A facet value in the head, with newsdex's country for a location (the
// gazetteer's; other_country when the name has a second reading that an
// article's other places can choose, as "Georgia" does).
struct HeadValue {
    std::string value;
    std::size_t count = 0;
    std::string country;
    std::string other_country;
};

// The top `n` values of a facet field over every article of `db`, most
// frequent first, as `newsdex-search --facet FIELD:N '*'` shows them.
std::vector<HeadValue> read_head(const Xapian::Database& db, std::string_view field, std::size_t n);

struct HeadScore {
    std::string field;
    std::size_t head = 0;    // values in the head
    std::size_t judged = 0;  // of them, judged
    std::size_t entities = 0;
    std::vector<HeadValue> unjudged;
    std::vector<std::pair<HeadValue, Judgement>> not_entities;
    // Two or more head values with one same_as (compared folded), by the
    // first value's rank; each group in head order.
    struct Duplicates {
        std::string same_as;  // as the first value's judgement spells it
        std::vector<HeadValue> values;
    };
    std::vector<Duplicates> duplicates;
    // Locations: judged entities whose gold country newsdex does not give.
    std::size_t countries_checked = 0;
    std::vector<std::pair<HeadValue, Judgement>> wrong_countries;
    // Judged values whose article count moved by more than a third (and
    // more than 2) since they were judged: their judgement may be stale.
    std::vector<std::pair<HeadValue, Judgement>> changed;

    double precision() const { return judged ? double(entities) / double(judged) : 0.0; }
    // Counting every unjudged value as no entity.
    double floor() const { return head ? double(entities) / double(head) : 0.0; }
    // Issue 12's target: at least 98% entities, no duplicates, all judged.
    bool target_met() const { return unjudged.empty() && duplicates.empty() && precision() >= 0.98; }
};

HeadScore score_head(std::string_view field, const std::vector<HeadValue>& head, const Gold& gold);

}  // namespace newsdex::facet_heads
