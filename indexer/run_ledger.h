// What an indexing run did with each article id it met, one entry per id:
// whether an article of the run is kept for it (and from which path), what
// the index held under it before the run, whether the run wrote it, and
// whether --prune must keep it. A run over millions of articles keeps
// millions of entries, so they are packed: 40 bytes each in one
// open-addressing table, their ids and paths in blocks of bytes (a map of
// strings took about 0.2 KB an id).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

class RunLedger {
public:
    // One id's entry. Paths are kept only where they differ from the id (a
    // file's path is its id).
    struct Entry {
        bool kept = false;        // an article of this run is kept for the id
        bool had_stored = false;  // an article had the id before the run
        bool written = false;     // put in the index by this run
        bool seen = false;        // kept in the index by this run (--prune only)

    private:
        friend class RunLedger;
        std::uint64_t hash = 0;
        std::uint64_t id = kEmpty;         // where the id's bytes are; kEmpty: a free slot
        std::uint64_t kept_path = kEmpty;  // kEmpty: the id
        std::uint32_t stored = kNone;      // index into stored_elsewhere_; kNone: path and source are the id
    };

    // The id's entry, made empty the first time (`fresh` says so). The
    // reference stays valid until the next call of entry().
    Entry& entry(std::string_view id, bool& fresh);
    // The id's entry, or null when the run never met it.
    const Entry* find(std::string_view id) const;
    std::size_t size() const { return size_; }

    void set_kept_path(Entry& e, std::string_view id, std::string_view path);
    std::string kept_path(const Entry& e) const;
    // The article the index held under the id before the run.
    void set_stored(Entry& e, std::string_view id, std::string_view path, std::string_view source);
    std::string stored_path(const Entry& e) const;
    std::string stored_source(const Entry& e) const;

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};
    static constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

    std::uint64_t store(std::string_view bytes);
    std::string_view stored_bytes(std::uint64_t at) const;
    std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
    void grow();

    std::vector<Entry> table_;
    std::size_t size_ = 0;
    // Bytes of ids and paths, each a 4-byte length and the bytes, never
    // moved (a block is never reallocated), so growing copies no string.
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t used_in_last_ = kBlockBytes;
    struct StoredElsewhere {
        std::uint64_t path, source;
    };
    std::vector<StoredElsewhere> stored_elsewhere_;
};

// The ids a run's reading thread met, as 64-bit hashes (a collision only
// makes it analyse an unchanged article again), in an open-addressing table:
// 8 to 16 bytes an id, where a std::unordered_set took about 40.
class IdHashSet {
public:
    // False when the hash was in the set already.
    bool insert(std::uint64_t hash);
    std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

private:
    std::vector<std::uint64_t> table_;  // 0: a free slot (the hash 0 is has_zero_)
    std::size_t size_ = 0;
    bool has_zero_ = false;
};

}  // namespace newsdex
