#include "common/index/near_duplicates.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <vector>

#include "common/analysis/shingles.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

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

std::size_t group_near_duplicates(Xapian::WritableDatabase& db) {
    struct Entry {
        Xapian::docid docid;
        std::string signature, id, group;
    };
    std::vector<Entry> entries;
    std::map<Xapian::docid, std::size_t> index;
    for (auto v = db.valuestream_begin(schema::kShingleSignatureSlot);
         v != db.valuestream_end(schema::kShingleSignatureSlot); ++v) {
        index[v.get_docid()] = entries.size();
        entries.push_back({v.get_docid(), *v, "", ""});
    }
    // Ids from the tie-break key: no record decoding.
    for (auto v = db.valuestream_begin(schema::kTieBreakSlot); v != db.valuestream_end(schema::kTieBreakSlot); ++v)
        if (auto it = index.find(v.get_docid()); it != index.end())
            entries[it->second].id = schema::article_id_of_tie_break_key(*v);
    for (auto v = db.valuestream_begin(schema::kDuplicateGroupSlot);
         v != db.valuestream_end(schema::kDuplicateGroupSlot); ++v)
        if (auto it = index.find(v.get_docid()); it != index.end()) entries[it->second].group = *v;

    UnionFind groups(entries.size());
    for (int band = 0; band < kSignatureBands; ++band) {
        std::map<std::string_view, std::vector<std::size_t>> buckets;
        for (std::size_t e = 0; e < entries.size(); ++e)
            buckets[signature_band(entries[e].signature, band)].push_back(e);
        for (const auto& [key, members] : buckets)
            for (std::size_t x = 1; x < members.size(); ++x)
                for (std::size_t y = 0; y < x; ++y)
                    if (groups.find(members[x]) != groups.find(members[y]) &&
                        same_story(entries[members[x]].signature, entries[members[y]].signature))
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
