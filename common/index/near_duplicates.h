// Near-duplicate groups, a corpus-wide pass (corpus_passes.h): the same story
// from several outlets. Each article carries a MinHash signature of its
// body's word 4-shingles (common/analysis/shingles.h; value slot 6, written
// by the document builder); after loading, one pass over the whole index
// groups articles whose signatures are the same story (12 of 16 hashes),
// found through locality-sensitive hashing, and gives each member of a group the id that
// sorts first in it as its duplicate-group key (slot 7). The key depends only
// on the group, never on input order; Enquire::set_collapse_key on slot 7 is
// --collapse.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// Writes slot 7 where it changes; returns the number of articles rewritten.
std::size_t group_near_duplicates(Xapian::WritableDatabase& db);

// Whether slot 6's value is a signature this build reads: 16 hashes of 4
// bytes, or of 8 hex digits as analysis revisions up to 15 wrote them.
bool is_stored_signature(std::string_view value);

}  // namespace newsdex
