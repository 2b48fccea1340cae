#include "common/near_duplicates.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <sstream>
#include <vector>

#include "common/schema.h"

namespace newsdex {

namespace {

constexpr int kHashes = 16;
constexpr int kBands = 8, kRows = 2;  // kBands * kRows == kHashes
constexpr int kSameStory = 12;        // of 16 hashes
constexpr std::size_t kShingleWords = 4;
constexpr std::size_t kHexDigits = 8;

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

std::string minhash_signature(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t')) ++pos;
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
        if (end > pos) words.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    if (words.size() < kShingleWords) return "";
    std::vector<std::uint64_t> minima(kHashes, ~0ULL);
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t k = 0; k < kShingleWords; ++k) h = mix(h ^ fnv1a(words[i + k]));
        for (int j = 0; j < kHashes; ++j) minima[j] = std::min(minima[j], mix(h + 0x9e3779b97f4a7c15ULL * (j + 1)));
    }
    std::string out;
    char buf[17];
    for (auto m : minima) {
        std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(m >> 32));
        out += buf;
    }
    return out;
}

int shared_hashes(std::string_view a, std::string_view b) {
    if (a.size() != kHashes * kHexDigits || b.size() != a.size()) return 0;
    int same = 0;
    for (int j = 0; j < kHashes; ++j) same += a.substr(j * kHexDigits, kHexDigits) == b.substr(j * kHexDigits, kHexDigits);
    return same;
}

std::size_t group_near_duplicates(Xapian::WritableDatabase& db) {
    struct Entry {
        Xapian::docid docid;
        std::string signature, id, group;
    };
    std::vector<Entry> entries;
    std::map<Xapian::docid, std::size_t> index;
    for (auto v = db.valuestream_begin(schema::kShingleSignatureSlot); v != db.valuestream_end(schema::kShingleSignatureSlot); ++v) {
        index[v.get_docid()] = entries.size();
        entries.push_back({v.get_docid(), *v, "", ""});
    }
    // Ids from the tie-break key (8 date digits, then the id): no record decoding.
    for (auto v = db.valuestream_begin(schema::kTieBreakSlot); v != db.valuestream_end(schema::kTieBreakSlot); ++v)
        if (auto it = index.find(v.get_docid()); it != index.end()) entries[it->second].id = (*v).substr(8);
    for (auto v = db.valuestream_begin(schema::kDuplicateGroupSlot); v != db.valuestream_end(schema::kDuplicateGroupSlot); ++v)
        if (auto it = index.find(v.get_docid()); it != index.end()) entries[it->second].group = *v;

    UnionFind groups(entries.size());
    for (int band = 0; band < kBands; ++band) {
        std::map<std::string_view, std::vector<std::size_t>> buckets;
        for (std::size_t e = 0; e < entries.size(); ++e)
            buckets[std::string_view(entries[e].signature).substr(band * kRows * kHexDigits, kRows * kHexDigits)].push_back(e);
        for (const auto& [key, members] : buckets)
            for (std::size_t x = 1; x < members.size(); ++x)
                for (std::size_t y = 0; y < x; ++y)
                    if (groups.find(members[x]) != groups.find(members[y]) &&
                        shared_hashes(entries[members[x]].signature, entries[members[y]].signature) >= kSameStory)
                        groups.join(members[x], members[y]);
    }
    std::map<std::size_t, std::pair<std::string, std::size_t>> key_of;  // root -> (smallest id, size)
    for (std::size_t e = 0; e < entries.size(); ++e) {
        auto [it, fresh] = key_of.try_emplace(groups.find(e), entries[e].id, 0);
        if (entries[e].id < it->second.first) it->second.first = entries[e].id;
        ++it->second.second;
    }
    std::size_t rewritten = 0;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const auto& [key, size] = key_of[groups.find(e)];
        const std::string want = size > 1 ? key : "";
        if (want == entries[e].group) continue;
        Xapian::Document doc = db.get_document(entries[e].docid);
        if (want.empty()) doc.remove_value(schema::kDuplicateGroupSlot);
        else doc.add_value(schema::kDuplicateGroupSlot, want);
        db.replace_document(entries[e].docid, doc);
        ++rewritten;
    }
    return rewritten;
}

}  // namespace newsdex
