// Facet counting on a local index: one match spy reads each match's facet
// pack (schema.h, kFacetPackSlot) once and counts every requested field in
// memory, keyed by the value's stored key hash, where the per-slot path
// runs one ValueCountMatchSpy per used slot of every field (up to 64 value
// reads per field and match). Xapian's remote servers cannot run it (they
// run built-in spies only): FacetCounter falls back to the per-slot spies.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

// One value as counted: its matches, and its spellings (all sharing one
// entity_key()) with theirs.
struct EntityCount {
    Xapian::doccount count = 0;
    std::map<std::string, Xapian::doccount, std::less<>> spellings;
};

// Of two spellings of one value, whether `a` is the one shown: the more
// common, or as common and the smaller in byte order.
inline bool shown_before(std::string_view a, Xapian::doccount a_count, std::string_view b, Xapian::doccount b_count) {
    return a_count != b_count ? a_count > b_count : a < b;
}

// One value as shown: its most common spelling, and its matches.
struct ValueCount {
    std::string_view value;
    Xapian::doccount count = 0;
};

class FacetPackSpy : public Xapian::MatchSpy {
public:
    // codes: the pack codes of the fields to count (FacetField::pack_code,
    // schema::kDatePackCode).
    explicit FacetPackSpy(std::string_view codes);
    ~FacetPackSpy() override;

    void operator()(const Xapian::Document& doc, double weight) override;
    // What was counted for one field, in no particular order.
    std::vector<EntityCount> counts(char code) const;
    // The same, each value as its most common spelling (ties: the smallest),
    // viewing the spy's own copy: valid while the spy lives. Allocates one
    // entry per value, where counts() builds a map per value.
    std::vector<ValueCount> value_counts(char code) const;

private:
    class Tallies;
    std::array<std::unique_ptr<Tallies>, 256> by_code_;
};

}  // namespace newsdex
