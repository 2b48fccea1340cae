// Corpus-wide person resolution, the first corpus-wide pass
// (corpus_passes.h), over the whole index after each load. From every
// article's person mentions, person evidence and other entities it decides:
//   - what is no person: a name whose mentions across the index speak more
//     for a work or a place than for a person (the evidence of
//     common/entities/person_names.h: "the film Vera Drake", "in Million
//     Dollar Baby") leaves every article's persons;
//   - one spelling per person: names that differ only in the spelling of the
//     Arabic article ("El-Sisi", "al-Sisi", "El Sisi") are one person, shown
//     in its most frequent spelling (ties: the smallest in byte order);
//   - one name per person: "George Bush" is the only "George W Bush" with
//     that first and last name, "A Foley" the only "Anthony Foley";
//   - a bare surname ("Blinken", from "Mr. Blinken") becomes the full name
//     when one person in the index has that surname; among several, the one
//     whose articles share the most of this article's other persons,
//     organisations and places, when it clearly leads; else it stays bare.
//     A bare word that more identities have as their first word than as
//     their last ("John": many Johns, one Elton John) may be any of them:
//     resolved the same way among all of them, and dropped rather than
//     kept when it stays ambiguous.
// Two different full names are never merged. Articles whose resolved
// persons change are re-indexed. The result depends only on the set of
// articles in the index, never on the order they came in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/reading/article.h"

namespace newsdex {

// Returns the number of articles rewritten. Reads the person value slots of
// every article, and the stored record of those it rewrites.
std::size_t resolve_persons_across_index(Xapian::WritableDatabase& db);

// The persons each of `unwritten` (analysed articles, their persons as
// extracted) will have once written into `db`: resolved over the index's
// articles and these together, as resolve_persons_across_index() resolves
// them after the load. Written with these persons, they need no rewrite then
// (unless the load also replaces or removes articles that bear on them, or
// writes only some of them). Their persons in order; a list may be empty.
std::vector<std::vector<std::string>> resolve_persons_before_writing(Xapian::Database& db,
                                                                     const std::vector<const Article*>& unwritten);

// The key two spellings of one person share: name_key() with "el" read as "al".
std::string person_identity_key(std::string_view name);
// The words of that key: "George W. Bush" -> {"george", "w", "bush"}.
std::vector<std::string> person_identity_words(std::string_view name);

}  // namespace newsdex
