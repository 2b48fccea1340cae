#include "indexer/compaction.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <optional>

#include "common/index/article_index.h"
#include "common/index/schema.h"
#include "indexer/maintenance.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> metadata_of(const Xapian::Database& db) {
    std::map<std::string, std::string> all;
    for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) all[*key] = db.get_metadata(*key);
    return all;
}

// The copy must be the same index: Xapian's compactor copies the user
// metadata (the schema version above all), and with DBCOMPACT_NO_RENUMBER
// the document ids too; this says so before the copy replaces anything.
void verify_copy(const Xapian::Database& index, const fs::path& copy) {
    const Xapian::Database compacted(copy.string());
    std::string difference;
    if (compacted.get_doccount() != index.get_doccount())
        difference = "it holds " + std::to_string(compacted.get_doccount()) + " articles, the index " +
                     std::to_string(index.get_doccount());
    else if (compacted.get_lastdocid() != index.get_lastdocid()) difference = "its document ids differ";
    else if (compacted.get_total_length() != index.get_total_length()) difference = "its total length differs";
    else if (metadata_of(compacted) != metadata_of(index)) difference = "its metadata differs";
    if (!difference.empty())
        throw IndexError("the compacted copy is not the same index (" + difference + "): the index is unchanged");
}

// The copy's files reach the disk before a rename makes them the index, so
// a power cut cannot leave a renamed but unwritten index.
void sync_to_disk(const fs::path& path) {
    const int fd = ::open(path.empty() ? "." : path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void sync_folder_tree(const fs::path& folder) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) sync_to_disk(*it);
    sync_to_disk(folder);
}

// Compacts `index` (at `db_path`) into `copy` and checks the result; removes
// the copy when either fails. A sharded index is compacted shard by shard,
// each keeping its document ids, under a copy of its shard list.
void write_verified_copy(const std::string& db_path, const Xapian::Database& index, const fs::path& copy) {
    std::error_code ec;
    fs::remove_all(copy, ec);
    constexpr unsigned kFlags = Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL;
    try {
        const auto shards = index_shard_paths(db_path);
        if (shards.size() == 1 && shards.front() == db_path) {
            Xapian::Database(db_path).compact(copy.string(), kFlags, schema::kBlockSize);
        } else {
            fs::create_directories(copy);
            for (const auto& shard : shards)
                Xapian::Database(shard).compact((copy / fs::path(shard).filename()).string(), kFlags,
                                                schema::kBlockSize);
            fs::copy_file(fs::path(db_path) / schema::kShardStubFile, copy / schema::kShardStubFile);
        }
        verify_copy(index, copy);
        sync_folder_tree(copy);
    } catch (...) {
        fs::remove_all(copy, ec);
        throw;
    }
}

// What crashed compactions left: a ".NAME.compacting-PID" is a partial copy,
// or the old index after the swap; either way the index is whole without
// it. (Called under the writer lock, so no compaction is running.)
std::vector<fs::path> remove_leftovers(const std::string& db_path) {
    std::vector<fs::path> removed;
    for (const auto& leftover : compaction_siblings(db_path, "compacting")) {
        std::error_code ec;
        fs::remove_all(leftover, ec);
        if (!ec) removed.push_back(leftover);
    }
    return removed;
}

IndexError swap_failed(const std::string& what, const std::error_code& ec) {
    return IndexError("cannot put the compacted index in place: " + what + ": " + ec.message());
}

}  // namespace

bool swap_into_place(const std::string& db_path, const fs::path& copy, SwapMethod method) {
    const fs::path index = index_folder(db_path);
    fs::path replaced = copy;  // after an exchange, the copy's name holds the old index
    if (method == SwapMethod::exchange) {
        if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, index.c_str(), RENAME_EXCHANGE) != 0) {
            const std::error_code ec(errno, std::generic_category());
            if (ec == std::errc::invalid_argument || ec == std::errc::function_not_supported) return false;
            throw swap_failed("exchange with " + copy.string(), ec);
        }
    } else {
        replaced = compaction_sibling(db_path, "old", ::getpid());
        std::error_code ec;
        fs::rename(index, replaced, ec);
        if (ec) throw swap_failed("rename to " + replaced.string(), ec);
        // From here until the next rename, the index is at `replaced`, which refuse_interrupted_compaction() names.
        fs::rename(copy, index, ec);
        if (ec) {
            std::error_code ignored;
            fs::rename(replaced, index, ignored);
            throw swap_failed("rename " + copy.string(), ec);
        }
    }
    sync_to_disk(index.parent_path());
    std::error_code ec;
    fs::remove_all(replaced, ec);
    return true;
}

CompactionSummary compact_index(const std::string& db_path) {
    require_index(db_path);
    // The writer lock, held until the copy is in place. (Its destructor then
    // removes the writer file at db_path, which the new folder does not
    // have, unless an indexer has opened it in the instant since.)
    const WritableArticleIndex lock(db_path);
    CompactionSummary s;
    s.leftovers_removed = remove_leftovers(db_path);
    s.old_indexes_kept = compaction_siblings(db_path, "old");
    s.bytes_before = index_size_on_disk(db_path);
    const Xapian::Database index(db_path);
    s.articles = index.get_doccount();
    const fs::path copy = compaction_sibling(db_path, "compacting", ::getpid());
    write_verified_copy(db_path, index, copy);
    try {
        if (!swap_into_place(db_path, copy, SwapMethod::exchange)) swap_into_place(db_path, copy, SwapMethod::renames);
    } catch (const IndexError&) {
        std::error_code ec;
        fs::remove_all(copy, ec);  // the index stayed (or went back) where it was
        throw;
    }
    s.bytes_after = index_size_on_disk(db_path);
    return s;
}

}  // namespace newsdex
