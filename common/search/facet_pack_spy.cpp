#include "common/search/facet_pack_spy.h"

#include <algorithm>
#include <bit>
#include <numeric>

#include "common/base/key_table.h"
#include "common/base/text_folding.h"
#include "common/index/schema.h"

namespace newsdex {

// One field's counts: an open-addressing table of (key hash, spelling
// hash) pairs, so that counting a value is a hash of its bytes, a probe and
// an increment, with no allocation. Spellings that share a key hash are
// merged by entity_key(), so two values whose key hashes collide are still
// counted apart; only two spellings agreeing in both hashes (96 bits) would
// be taken for one.
class FacetPackSpy::Tallies {
public:
    void add(const schema::FacetPackEntry& e) {
        if ((spellings_.size() + 1) * 2 > table_.size()) grow();
        const std::uint64_t spelling = hash_bytes(e.value);  // eight bytes at a time, never stored
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = spread(e.key_hash, spelling) & mask;; i = (i + 1) & mask) {
            Slot& s = table_[i];
            if (s.count == 0) return first_seen(i, e, spelling);
            if (s.spelling_hash == spelling && s.key_hash == e.key_hash) {
                ++s.count;
                return;
            }
        }
    }

    // Spellings sharing a key hash are merged by entity_key(), worked out
    // only for them: most values have one spelling, and folding every
    // value seen would cost more than counting it.
    std::vector<EntityCount> counts() const {
        std::vector<EntityCount> out;
        const auto counts = spelling_counts();
        for_each_value(
            counts, [&](EntityCount&& c, std::uint32_t) { out.push_back(std::move(c)); },
            [&](std::uint32_t n) {
                out.push_back({counts[n], {{spellings_[n].value, counts[n]}}});
            });
        return out;
    }

    std::vector<ValueCount> value_counts() const {
        std::vector<ValueCount> out;
        out.reserve(spellings_.size());
        const auto counts = spelling_counts();
        for_each_value(
            counts,
            [&](EntityCount&& c, std::uint32_t best) {
                out.push_back({spellings_[best].value, c.count});
            },
            [&](std::uint32_t n) {
                out.push_back({spellings_[n].value, counts[n]});
            });
        return out;
    }

private:
    // The count sits in the slot the probe has just read: a facet count is
    // bound by the misses of its table's random reads, and a separate array
    // of counts was a second one per value counted.
    struct Slot {
        std::uint64_t spelling_hash = 0;
        std::uint32_t key_hash = 0;
        Xapian::doccount count = 0;  // 0: empty
    };
    struct Spelling {
        std::string value;  // as written
        std::uint32_t key_hash;
    };

    // Fibonacci hashing: the top bits of a multiplication, so that names
    // whose key hashes share low bits still spread over the table.
    std::size_t spread(std::uint32_t key_hash, std::uint64_t spelling_hash) const {
        return static_cast<std::size_t>(((spelling_hash ^ key_hash) * 0x9E3779B97F4A7C15ULL) >> shift_);
    }

    void first_seen(std::size_t i, const schema::FacetPackEntry& e, std::uint64_t spelling_hash) {
        spellings_.push_back({std::string(e.value), e.key_hash});
        table_[i] = {spelling_hash, e.key_hash, 1};
        spelling_at_[i] = static_cast<std::uint32_t>(spellings_.size() - 1);
    }

    void grow() {
        std::vector<Slot> old = std::move(table_);
        std::vector<std::uint32_t> old_spelling_at = std::move(spelling_at_);
        table_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
        spelling_at_.assign(table_.size(), 0);
        shift_ = 64 - std::countr_zero(table_.size());
        const std::size_t mask = table_.size() - 1;
        for (std::size_t k = 0; k < old.size(); ++k) {
            if (old[k].count == 0) continue;
            std::size_t i = spread(old[k].key_hash, old[k].spelling_hash) & mask;
            while (table_[i].count != 0) i = (i + 1) & mask;
            table_[i] = old[k];
            spelling_at_[i] = old_spelling_at[k];
        }
    }

    // Each spelling's count, by its index in spellings_.
    std::vector<Xapian::doccount> spelling_counts() const {
        std::vector<Xapian::doccount> counts(spellings_.size());
        for (std::size_t i = 0; i < table_.size(); ++i)
            if (table_[i].count != 0) counts[spelling_at_[i]] = table_[i].count;
        return counts;
    }

    // Calls merged(EntityCount, index of its most common spelling, ties: the
    // smallest) for each value whose key hash several spellings share
    // (merged by entity_key()), single(spelling index) for each value of
    // one spelling; `counts`: each spelling's (spelling_counts()).
    template <typename OnMerged, typename OnSingle>
    void for_each_value(const std::vector<Xapian::doccount>& counts, OnMerged merged, OnSingle single) const {
        std::vector<std::uint32_t> order(spellings_.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair(spellings_[a].key_hash, a) < std::pair(spellings_[b].key_hash, b);
        });
        for (std::size_t run = 0; run < order.size();) {
            std::size_t end = run + 1;
            while (end < order.size() && spellings_[order[end]].key_hash == spellings_[order[run]].key_hash) ++end;
            if (end - run == 1) {
                single(order[run]);
            } else {
                struct Merged {
                    EntityCount c;
                    std::uint32_t best = 0;
                };
                std::map<std::string, Merged> by_key;  // a hash collision stays two values
                for (std::size_t k = run; k < end; ++k) {
                    const std::uint32_t n = order[k];
                    auto [it, fresh] = by_key.try_emplace(entity_key(spellings_[n].value));
                    Merged& m = it->second;
                    m.c.count += counts[n];
                    m.c.spellings[spellings_[n].value] += counts[n];
                    if (fresh || shown_before(spellings_[n].value, counts[n], spellings_[m.best].value, counts[m.best]))
                        m.best = n;
                }
                for (auto& [key, m] : by_key) merged(std::move(m.c), m.best);
            }
            run = end;
        }
    }

    std::vector<Slot> table_;
    std::vector<std::uint32_t> spelling_at_;  // per slot of table_: its index in spellings_
    int shift_ = 64;                          // 64 - log2 of the table's size
    std::vector<Spelling> spellings_;         // in order of first sight
};

FacetPackSpy::FacetPackSpy(std::string_view codes) {
    for (const char code : codes) by_code_[static_cast<unsigned char>(code)] = std::make_unique<Tallies>();
}

FacetPackSpy::~FacetPackSpy() = default;

void FacetPackSpy::operator()(const Xapian::Document& doc, double) {
    const std::string pack = doc.get_value(schema::kFacetPackSlot);
    schema::FacetPackReader reader(pack);
    schema::FacetPackEntry entry;
    char code = 0;
    while (reader.next_field(code))
        if (Tallies* t = by_code_[static_cast<unsigned char>(code)].get())  // other fields' groups are skipped whole
            while (reader.next_value(entry)) t->add(entry);
}

std::vector<EntityCount> FacetPackSpy::counts(char code) const {
    const Tallies* t = by_code_[static_cast<unsigned char>(code)].get();
    return t ? t->counts() : std::vector<EntityCount>();
}

std::vector<ValueCount> FacetPackSpy::value_counts(char code) const {
    const Tallies* t = by_code_[static_cast<unsigned char>(code)].get();
    return t ? t->value_counts() : std::vector<ValueCount>();
}

}  // namespace newsdex
