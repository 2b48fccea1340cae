// Data compiled into the library: the gazetteer files of common/data/ and
// Debian's iso-codes lists (see common/data/README.md for sources).
#pragma once

#include <string_view>

namespace newsdex::embedded {

extern const std::string_view kCities;            // common/data/cities.tsv
extern const std::string_view kGivenNames;        // common/data/given-names.txt
extern const std::string_view kPlaces;            // common/data/places.tsv
extern const std::string_view kDemonyms;          // common/data/demonyms.tsv
extern const std::string_view kOrganizations;     // common/data/organizations.tsv
extern const std::string_view kIsoCountries;      // iso-codes iso_3166-1.json
extern const std::string_view kIsoSubdivisions;   // iso-codes iso_3166-2.json

}  // namespace newsdex::embedded
