#include "indexer/run_ledger.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "common/base/strings.h"

namespace newsdex {

RunLedger::Entry& RunLedger::entry(std::string_view id, bool& fresh) {
    if ((size_ + 1) * 10 > table_.size() * 7) grow();  // at most 70% full: short probes
    const std::uint64_t hash = stable_hash64(id);
    Entry& e = table_[slot_of(id, hash)];
    fresh = e.id == kEmpty;
    if (fresh) {
        e.hash = hash;
        e.id = store(id);
        ++size_;
    }
    return e;
}

const RunLedger::Entry* RunLedger::find(std::string_view id) const {
    if (table_.empty()) return nullptr;
    const Entry& e = table_[slot_of(id, stable_hash64(id))];
    return e.id == kEmpty ? nullptr : &e;
}

// The id's slot, or the free slot where it goes (linear probing; the table
// always has a free slot).
std::size_t RunLedger::slot_of(std::string_view id, std::uint64_t hash) const {
    const std::size_t mask = table_.size() - 1;
    for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
        const Entry& e = table_[k];
        if (e.id == kEmpty || (e.hash == hash && stored_bytes(e.id) == id)) return k;
    }
}

void RunLedger::grow() {
    std::vector<Entry> old(std::max<std::size_t>(1024, table_.size() * 2));
    old.swap(table_);
    const std::size_t mask = table_.size() - 1;
    for (const Entry& e : old) {
        if (e.id == kEmpty) continue;
        std::size_t k = e.hash & mask;
        while (table_[k].id != kEmpty) k = (k + 1) & mask;
        table_[k] = e;
    }
}

std::uint64_t RunLedger::store(std::string_view bytes) {
    const std::size_t need = 4 + bytes.size();
    if (used_in_last_ + need > kBlockBytes || blocks_.empty()) {
        blocks_.push_back(std::make_unique<char[]>(std::max(kBlockBytes, need)));
        used_in_last_ = 0;
    }
    char* at = blocks_.back().get() + used_in_last_;
    const auto length = static_cast<std::uint32_t>(bytes.size());
    std::memcpy(at, &length, 4);
    std::memcpy(at + 4, bytes.data(), bytes.size());
    const std::uint64_t ref = (static_cast<std::uint64_t>(blocks_.size() - 1) << 32) | used_in_last_;
    // A string longer than a block has a block of its own: the next one
    // starts a new block.
    used_in_last_ = need > kBlockBytes ? kBlockBytes : used_in_last_ + need;
    return ref;
}

std::string_view RunLedger::stored_bytes(std::uint64_t at) const {
    const char* p = blocks_[at >> 32].get() + (at & 0xFFFFFFFFu);
    std::uint32_t length = 0;
    std::memcpy(&length, p, 4);
    return {p + 4, length};
}

void RunLedger::set_kept_path(Entry& e, std::string_view id, std::string_view path) {
    e.kept_path = path == id ? kEmpty : store(path);
}

std::string RunLedger::kept_path(const Entry& e) const {
    return std::string(stored_bytes(e.kept_path == kEmpty ? e.id : e.kept_path));
}

void RunLedger::set_stored(Entry& e, std::string_view id, std::string_view path, std::string_view source) {
    e.had_stored = true;
    if (path == id && source == id) return;
    e.stored = static_cast<std::uint32_t>(stored_elsewhere_.size());
    stored_elsewhere_.push_back({store(path), store(source)});
}

std::string RunLedger::stored_path(const Entry& e) const {
    return std::string(stored_bytes(e.stored == kNone ? e.id : stored_elsewhere_[e.stored].path));
}

std::string RunLedger::stored_source(const Entry& e) const {
    return std::string(stored_bytes(e.stored == kNone ? e.id : stored_elsewhere_[e.stored].source));
}

bool IdHashSet::insert(std::uint64_t hash) {
    if (hash == 0) return !std::exchange(has_zero_, true);
    if ((size_ + 1) * 10 > table_.size() * 7) {
        std::vector<std::uint64_t> old(std::max<std::size_t>(1024, table_.size() * 2));
        old.swap(table_);
        size_ = 0;
        for (const std::uint64_t h : old)
            if (h) insert(h);
    }
    const std::size_t mask = table_.size() - 1;
    for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
        if (table_[k] == hash) return false;
        if (table_[k] == 0) {
            table_[k] = hash;
            ++size_;
            return true;
        }
    }
}

}  // namespace newsdex
