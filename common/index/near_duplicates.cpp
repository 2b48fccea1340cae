#include "common/index/near_duplicates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <vector>

#include "common/analysis/shingles.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

// The pass holds one entry per article of the index, so entries are kept
// small (about 70 bytes, the signature as numbers, no id): at 1,000,000
// articles the pass needs about 100 MB, not the gigabyte that strings took.
using Hashes = std::array<std::uint32_t, kSignatureHashes>;

struct Entry {
    Xapian::docid docid;
    Hashes hashes;
};

// A stored signature as numbers: 16 hashes of 4 bytes (big-endian), or of
// 8 hex digits as analysis revisions up to 15 stored them; nothing when it
// is neither (a damaged index: --check reports it), so it groups with
// nothing.
std::optional<Hashes> decode_signature(std::string_view stored) {
    constexpr std::size_t kDigits = 8;
    Hashes h{};
    if (stored.size() == kSignatureHashes * kSignatureHashBytes) {
        for (std::size_t i = 0; i < h.size(); ++i)
            for (std::size_t b = 0; b < kSignatureHashBytes; ++b)
                h[i] = (h[i] << 8) | static_cast<unsigned char>(stored[i * kSignatureHashBytes + b]);
        return h;
    }
    if (stored.size() != kSignatureHashes * kDigits) return std::nullopt;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const char* from = stored.data() + i * kDigits;
        const auto [end, error] = std::from_chars(from, from + kDigits, h[i], 16);
        if (error != std::errc() || end != from + kDigits) return std::nullopt;
    }
    return h;
}

bool same_story(const Hashes& a, const Hashes& b) {
    int shared = 0;
    for (std::size_t i = 0; i < a.size(); ++i) shared += a[i] == b[i];
    return shared >= kSameStoryHashes;
}

struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) { parent[find(a)] = find(b); }
};

// Value streams come in docid order, so the entries are sorted by docid.
std::vector<Entry> read_signatures(Xapian::Database& db) {
    std::vector<Entry> entries;
    for (auto v = db.valuestream_begin(schema::kShingleSignatureSlot);
         v != db.valuestream_end(schema::kShingleSignatureSlot); ++v)
        if (const auto h = decode_signature(*v)) entries.push_back({v.get_docid(), *h});
    return entries;
}

std::optional<std::uint32_t> entry_of(const std::vector<Entry>& entries, Xapian::docid docid) {
    const auto it = std::lower_bound(entries.begin(), entries.end(), docid,
                                     [](const Entry& e, Xapian::docid d) { return e.docid < d; });
    if (it == entries.end() || it->docid != docid) return std::nullopt;
    return static_cast<std::uint32_t>(it - entries.begin());
}

// Locality-sensitive hashing: articles agreeing on a whole band are
// compared; those that are one story join one group. The groups do not
// depend on the order of comparison.
UnionFind find_groups(const std::vector<Entry>& entries) {
    UnionFind groups(entries.size());
    std::vector<std::pair<std::uint64_t, std::uint32_t>> bucket;  // (band key, entry), one band at a time
    bucket.reserve(entries.size());
    for (int band = 0; band < kSignatureBands; ++band) {
        bucket.clear();
        const std::size_t first = static_cast<std::size_t>(band) * (kSignatureHashes / kSignatureBands);
        for (std::uint32_t e = 0; e < entries.size(); ++e)
            bucket.emplace_back(std::uint64_t{entries[e].hashes[first]} << 32 | entries[e].hashes[first + 1], e);
        std::sort(bucket.begin(), bucket.end());
        for (std::size_t run = 0; run < bucket.size();) {
            std::size_t end = run + 1;
            while (end < bucket.size() && bucket[end].first == bucket[run].first) ++end;
            for (std::size_t x = run + 1; x < end; ++x)
                for (std::size_t y = run; y < x; ++y) {
                    const std::uint32_t a = bucket[x].second, b = bucket[y].second;
                    if (groups.find(a) != groups.find(b) && same_story(entries[a].hashes, entries[b].hashes))
                        groups.join(a, b);
                }
            run = end;
        }
    }
    return groups;
}

}  // namespace

bool is_stored_signature(std::string_view value) { return decode_signature(value).has_value(); }

std::size_t group_near_duplicates(Xapian::WritableDatabase& db) {
    const std::vector<Entry> entries = read_signatures(db);
    UnionFind groups = find_groups(entries);
    std::vector<std::uint32_t> size(entries.size(), 0);
    for (std::uint32_t e = 0; e < entries.size(); ++e) ++size[groups.find(e)];

    // A group's key is the id that sorts first among its articles: ids from
    // the tie-break key (no record decoding), for grouped articles only.
    std::map<std::uint32_t, std::string> key_of;  // root -> key
    for (auto v = db.valuestream_begin(schema::kTieBreakSlot); v != db.valuestream_end(schema::kTieBreakSlot); ++v) {
        const auto e = entry_of(entries, v.get_docid());
        if (!e || size[groups.find(*e)] < 2) continue;
        std::string id = schema::article_id_of_tie_break_key(*v);
        auto [it, fresh] = key_of.try_emplace(groups.find(*e), id);
        if (!fresh && id < it->second) it->second = std::move(id);
    }
    // The keys stored now (grouped articles only, and any left from before).
    std::map<Xapian::docid, std::string> stored;
    for (auto v = db.valuestream_begin(schema::kDuplicateGroupSlot);
         v != db.valuestream_end(schema::kDuplicateGroupSlot); ++v)
        stored.emplace(v.get_docid(), *v);

    std::vector<std::pair<Xapian::docid, std::string>> changes;  // docid -> key ("" for none)
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
        const std::uint32_t root = groups.find(e);
        const std::string want = size[root] > 1 ? key_of[root] : "";
        const auto have = stored.find(entries[e].docid);
        if (want != (have == stored.end() ? "" : have->second)) changes.emplace_back(entries[e].docid, want);
        if (have != stored.end()) stored.erase(have);
    }
    for (const auto& [docid, key] : stored) changes.emplace_back(docid, "");  // a key without a signature
    std::sort(changes.begin(), changes.end());
    for (const auto& [docid, key] : changes) {
        Xapian::Document doc = db.get_document(docid);
        if (key.empty()) doc.remove_value(schema::kDuplicateGroupSlot);
        else doc.add_value(schema::kDuplicateGroupSlot, key);
        db.replace_document(docid, doc);
    }
    return changes.size();
}

}  // namespace newsdex
