// Corpus-wide person resolution, the first corpus-wide pass
// (corpus_passes.h), over the whole index after each load. From every article's person_mentions it decides:
//   - one spelling per person: names that differ only in the spelling of the
//     Arabic article ("El-Sisi", "al-Sisi", "El Sisi") are one person, shown
//     in its most frequent spelling (ties: the smallest in byte order);
//   - a bare surname ("Blinken", from "Mr. Blinken") becomes the full name
//     when exactly one person in the index has that surname, and stays bare
//     otherwise.
// Articles whose resolved persons change are re-indexed. The result depends
// only on the set of articles in the index, never on the order they came in.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace newsdex {

// Returns the number of articles rewritten. Reads the person value slots of
// every article, and the stored record of those it rewrites.
std::size_t resolve_persons_across_index(Xapian::WritableDatabase& db);

// The key two spellings of one person share: name_key() with "el" read as "al".
std::string person_identity_key(std::string_view name);

}  // namespace newsdex
