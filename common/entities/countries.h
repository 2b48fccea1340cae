// Countries by name and by ISO 3166-1 code: Debian's iso-codes list with the
// display names and short forms of common/entities/data/places.tsv ("Russia",
// "UK", "Britain"). A small table of its own, so that the query side
// (country:egypt) and the facets (EG -> "Egypt") need not load the whole
// gazetteer (61k given names, 4.5k cities) to name a country; the gazetteer
// builds its country places from the same table.
// Read-only after construction: safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex {

class Countries {
public:
    static const Countries& standard();

    // "EG" -> "Egypt" (places.tsv's display names win over ISO 3166's
    // "Russian Federation"); empty for an unknown code.
    std::string name(std::string_view code) const;

    // The code of the country a name means, read as the gazetteer reads it
    // (case, accents, dots and a leading "the" ignored: "egypt", "the U.K.",
    // "United Kingdom"); nothing for a name that is no country or that the
    // gazetteer reads first as another kind of place.
    std::optional<std::string> code_of(std::string_view name) const;

    // Every ISO 3166-1 spelling (name, common name, official name) with its
    // code, in the list's order: the gazetteer adds them as places.
    const std::vector<std::pair<std::string, std::string>>& iso_spellings() const { return iso_spellings_; }

private:
    Countries();

    std::unordered_map<std::string, std::string> names_;  // code -> display name
    // name key -> code, for keys whose first gazetteer entry is a country;
    // nothing for a key whose first entry is another kind of place.
    std::unordered_map<std::string, std::optional<std::string>> by_key_;
    std::vector<std::pair<std::string, std::string>> iso_spellings_;
};

}  // namespace newsdex
