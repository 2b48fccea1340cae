// What newsdex-index's maintenance modes (--check, --stats, --compact) share:
// finding the index, what an interrupted compaction leaves beside it, and
// the size of an index on disk.
//
// A compaction (compaction.h) builds the compacted index in a hidden sibling
// folder, ".NAME.compacting-PID", and swaps it into place. Where the file
// system cannot swap two folders in one step, it renames the index to
// ".NAME.old-PID" first: a crash between the two renames leaves no NAME,
// and every mode then says where the index is instead of starting afresh.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The index folder as a path without a trailing slash ("news.db/" ->
// "news.db"), so that its siblings can be named.
std::filesystem::path index_folder(const std::string& db_path);

// A compaction's sibling of the index: role "compacting" or "old".
std::filesystem::path compaction_sibling(const std::string& db_path, std::string_view role, long pid);
// The siblings of that role that exist, left by compactions of any process.
std::vector<std::filesystem::path> compaction_siblings(const std::string& db_path, std::string_view role);

// Throws IndexError when there is no index at `db_path` but an interrupted
// compaction left it as ".NAME.old-PID": the message says how to put it
// back. Indexing into a fresh, empty index there would hide it.
void refuse_interrupted_compaction(const std::string& db_path);

// Throws IndexError when `db_path` holds no index (naming an interrupted
// compaction's leftover, as above): the maintenance modes never create one.
void require_index(const std::string& db_path);

// The bytes of every file in the index folder.
std::uintmax_t index_size_on_disk(const std::string& db_path);
// "1.5 MiB", "812 KiB", "96 bytes".
std::string human_size(std::uintmax_t bytes);

}  // namespace newsdex
