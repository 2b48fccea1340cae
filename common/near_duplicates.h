// Near-duplicate articles: the same story from several outlets. Each article
// carries a MinHash signature of its body's word 4-shingles (value slot 6,
// written by the analyser); after loading, one pass over the whole index
// groups articles whose signatures agree on at least 12 of 16 hashes (an
// estimated Jaccard similarity of 0.75), found through locality-sensitive
// hashing (8 bands of 2 hashes), and gives each member of a group the id that
// sorts first in it as its duplicate-group key (slot 7). The key depends only
// on the group, never on input order; Enquire::set_collapse_key on slot 7 is
// --collapse.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// 16 hashes, 8 hex digits each; empty when the body has under 4 words.
std::string minhash_signature(std::string_view folded_body);

// How many of the 16 hashes two signatures share.
int shared_hashes(std::string_view a, std::string_view b);

// Writes slot 7 where it changes; returns the number of articles rewritten.
std::size_t group_near_duplicates(Xapian::WritableDatabase& db);

}  // namespace newsdex
