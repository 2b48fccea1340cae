// newsdex-index --compact: rewrites the index with Xapian's compactor
// (smaller, faster to search; XAPIAN-NOTES.md measured 128 MB -> 67 MB) and
// puts the result in its place without ever leaving the path without a
// whole index:
//
//   1. takes the writer lock (a WritableArticleIndex), so no indexer writes
//      meanwhile, and removes what crashed compactions left beside it;
//   2. compacts into the hidden sibling ".NAME.compacting-PID" (document
//      ids kept), then opens the copy and compares it with the index:
//      document count, total length, every metadata key (the schema
//      version, the last run, the pending passes); any difference removes
//      the copy and leaves the index as it was;
//   3. swaps the two folders in one step (renameat2 RENAME_EXCHANGE), then
//      removes the old one. Where the file system cannot swap, the index is
//      renamed to ".NAME.old-PID" and the copy to NAME: a crash between the
//      two leaves the index in ".NAME.old-PID", which every mode then names
//      (refuse_interrupted_compaction(), maintenance.h).
//
// Searchers that have the old index open keep reading it until they
// reopen(). Xapian notices the new index by its revision number, which
// starts again at 1: a searcher kept open, without reopening, while
// indexers commit as many times as the old index had revisions, goes on
// with the old one until the next commit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct CompactionSummary {
    Xapian::doccount articles = 0;
    std::uintmax_t bytes_before = 0, bytes_after = 0;
    std::vector<std::filesystem::path> leftovers_removed;  // of compactions that crashed
    // ".NAME.old-PID": the index before a compaction that crashed after its
    // second rename. Kept (only a person can tell it is no longer needed).
    std::vector<std::filesystem::path> old_indexes_kept;
};

// Throws IndexError when there is no index, it cannot be locked (the message
// names the writer), has another schema, or the compacted copy is not the
// same index (nothing changed then); Xapian::Error from the compactor.
CompactionSummary compact_index(const std::string& db_path);

// How swap_into_place() replaces the index: exchange where the file system
// can, else two renames. A parameter so that tests run both.
enum class SwapMethod { exchange, renames };

// Puts the folder `copy` at `db_path`, then removes what was there. Returns
// false, changing nothing, when `method` is exchange and the file system
// cannot exchange two folders.
bool swap_into_place(const std::string& db_path, const std::filesystem::path& copy, SwapMethod method);

}  // namespace newsdex
