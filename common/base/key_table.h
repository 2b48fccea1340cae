// A table from byte strings to values for lookups on every token of a text:
// word lists, gazetteer names. std::unordered_map hashes with _Hash_bytes,
// divides by a prime bucket count and follows a node per entry; extraction
// spent a third of its time in such lookups (bench/RESULTS.md). This one
// hashes eight bytes at a time, probes a power-of-two array of slots that
// keep 32 bits of each key's hash beside it (a mismatch rarely reads the
// key), and stores the entries in insertion order. No erase; the first
// value inserted under a key stays (as try_emplace). Pointers to values
// stay valid until the next insertion.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace newsdex {

// A 64-bit hash of bytes, eight at a time. Never stored: it may change.
inline std::uint64_t hash_bytes(std::string_view bytes) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes.size();
    auto mix = [&h](std::uint64_t word) {
        h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    };
    auto load = [](const char* at, auto word) {
        std::memcpy(&word, at, sizeof word);
        return static_cast<std::uint64_t>(word);
    };
    const char* p = bytes.data();
    const std::size_t n = bytes.size();
    std::size_t at = 0;
    for (; at + 8 <= n; at += 8) mix(load(p + at, std::uint64_t{}));
    // The last bytes in one or two loads that may overlap bytes already
    // mixed (the length is in the seed), not a byte at a time: most keys
    // are short names, and a loop of variable length was a fifth of a
    // facet count's time.
    if (n >= 8 && at < n) {
        mix(load(p + n - 8, std::uint64_t{}));
    } else if (n >= 4) {
        mix(load(p, std::uint32_t{}) | load(p + n - 4, std::uint32_t{}) << 32);
    } else if (n > 0) {
        mix(static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    return h * 0x94D049BB133111EBULL;  // the top bits pick the slot: mix them well
}

template <typename Key, typename Value>
class KeyTable {
public:
    // The value under `key`, made from `args` if absent (as
    // std::unordered_map::try_emplace: `args` are left alone otherwise);
    // and whether it was.
    template <typename... Args>
    std::pair<Value*, bool> try_emplace(std::string_view key, Args&&... args) {
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        const std::uint64_t h = hash_bytes(key);
        std::size_t i = slot_of(h);
        for (; slots_[i].entry != 0; i = (i + 1) & mask_)
            if (slots_[i].tag == tag_of(h) && std::string_view(entries_[slots_[i].entry - 1].first) == key)
                return {&entries_[slots_[i].entry - 1].second, false};
        entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                              std::forward_as_tuple(std::forward<Args>(args)...));
        slots_[i] = {tag_of(h), static_cast<std::uint32_t>(entries_.size())};
        return {&entries_.back().second, true};
    }

    const Value* find(std::string_view key) const {
        if (entries_.empty()) return nullptr;
        const std::uint64_t h = hash_bytes(key);
        for (std::size_t i = slot_of(h); slots_[i].entry != 0; i = (i + 1) & mask_)
            if (slots_[i].tag == tag_of(h) && std::string_view(entries_[slots_[i].entry - 1].first) == key)
                return &entries_[slots_[i].entry - 1].second;
        return nullptr;
    }
    Value* find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    std::size_t size() const { return entries_.size(); }

private:
    struct Slot {
        std::uint32_t tag = 0;    // the hash's low 32 bits
        std::uint32_t entry = 0;  // index into entries_ + 1; 0: empty
    };

    static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h); }
    std::size_t slot_of(std::uint64_t h) const { return static_cast<std::size_t>(h >> shift_) & mask_; }

    void grow() {
        const std::size_t size = slots_.empty() ? 16 : slots_.size() * 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        shift_ = 64 - std::countr_zero(size);
        for (std::size_t e = 0; e < entries_.size(); ++e) {
            const std::uint64_t h = hash_bytes(entries_[e].first);
            std::size_t i = slot_of(h);
            while (slots_[i].entry != 0) i = (i + 1) & mask_;
            slots_[i] = {tag_of(h), static_cast<std::uint32_t>(e + 1)};
        }
    }

    std::vector<std::pair<Key, Value>> entries_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    int shift_ = 64;  // 64 - log2 of the number of slots: the hash's top bits pick one
};

}  // namespace newsdex
