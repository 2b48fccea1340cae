// Data compiled into the library: the gazetteer files of common/entities/data/ and
// Debian's iso-codes lists (see common/entities/data/README.md for sources).
#pragma once

#include <string_view>

namespace newsdex::embedded {

extern const std::string_view kCities;           // common/entities/data/cities.tsv
extern const std::string_view kGivenNames;       // common/entities/data/given-names.txt
extern const std::string_view kPlaces;           // common/entities/data/places.tsv
extern const std::string_view kDemonyms;         // common/entities/data/demonyms.tsv
extern const std::string_view kOrganizations;    // common/entities/data/organizations.tsv
extern const std::string_view kGivenNameForms;   // common/entities/data/given-name-forms.tsv
extern const std::string_view kIsoCountries;     // iso-codes iso_3166-1.json
extern const std::string_view kIsoSubdivisions;  // iso-codes iso_3166-2.json

}  // namespace newsdex::embedded
