// Persons named in one article, from evidence in the text: titles and roles
// ("Secretary of State Antony Blinken"), honorifics ("Mr Gantz"), given-name
// lexicons, reporting verbs ("…, Miller said"). Later mentions by surname
// resolve to the fullest form introduced in the article; two people sharing
// a surname stay two, and a bare surname goes to the nearest preceding full
// mention (the first full mention when none precedes).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "common/entities/entity_tokens.h"
#include "common/entities/evidence.h"
#include "common/entities/gazetteer.h"

namespace newsdex {

// How one article's mentions of a two-or-more-word name speak for or
// against a person. One sentence rarely settles it ("Vera Drake was the
// highlight"); the corpus-wide pass (common/index/person_resolution.h) sums
// these over the index and drops a name whose mentions are mostly a work's
// or a place's.
struct PersonEvidence {
    std::size_t as_person = 0;  // after a role or honorific, or before a reporting verb
    std::size_t as_thing = 0;   // "the film X", "the X games", "Eastwood's X", "in X", quoted, …
    // A one-word name right after a relation ("his wife Sandra", "her
    // father, Murray"): someone the article names by given name alone, whom
    // the corpus-wide pass leaves as written rather than taking for a
    // namesake elsewhere in the index ("Sandra Gidley").
    std::size_t as_relative = 0;
};

// Names in order of first mention; a surname alone when the article never
// gives more. With `evidence`, also the evidence of every mention of a name
// of two or more words (key: the name as written), kept or not. With `why`,
// also the rule that made each name found a person.
std::vector<std::string> find_persons(const std::vector<EntityToken>& tokens, const Gazetteer& gazetteer,
                                      std::string_view text = {},
                                      std::map<std::string, PersonEvidence>* evidence = nullptr,
                                      EvidenceMap* why = nullptr);

}  // namespace newsdex
