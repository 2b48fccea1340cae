// Unit tests for common/entities/countries.h: the small country table the
// query side and the facets use must name countries exactly as the full
// gazetteer does, or country:X would filter on something else than the
// extracted countries.
#include "common/entities/countries.h"

#include <gtest/gtest.h>

#include "common/entities/gazetteer.h"

namespace newsdex {
namespace {

TEST(CountriesTest, NamesByCode) {
    const Countries& c = Countries::standard();
    EXPECT_EQ(c.name("EG"), "Egypt");
    EXPECT_EQ(c.name("PS"), "Palestine");  // ISO's "Palestine, State of", cut at the comma
    EXPECT_EQ(c.name("RU"), "Russia");     // places.tsv's display name over "Russian Federation"
    EXPECT_EQ(c.name("ZZ"), "");
}

TEST(CountriesTest, CodesByAnyName) {
    const Countries& c = Countries::standard();
    EXPECT_EQ(c.code_of("egypt"), "EG");
    EXPECT_EQ(c.code_of("United Kingdom"), "GB");
    EXPECT_EQ(c.code_of("Russian Federation"), "RU");
    EXPECT_EQ(c.code_of("Cairo"), std::nullopt);  // a city
    EXPECT_EQ(c.code_of("Narnia"), std::nullopt);
}

// Every spelling either table knows gives the same answer from both: the
// code when the gazetteer's place for that name is a country, else nothing.
TEST(CountriesTest, AgreesWithTheGazetteerOnEveryCountrySpelling) {
    const Countries& c = Countries::standard();
    const Gazetteer& g = Gazetteer::standard();
    std::size_t checked = 0;
    for (const auto& [name, code] : c.iso_spellings()) {
        const Place* p = g.find_place(name);
        ASSERT_NE(p, nullptr) << name;
        const std::optional<std::string> expected =
            p->kind == PlaceKind::country ? std::optional<std::string>(p->country) : std::nullopt;
        EXPECT_EQ(c.code_of(name), expected) << name;
        ++checked;
    }
    EXPECT_GT(checked, 240u);  // ISO 3166-1 has 249 countries, most with several spellings
    for (const char* name : {"UK", "Britain", "US", "America", "Gaza", "West Bank", "Europe", "Georgia", "Holland"}) {
        const Place* p = g.find_place(name);
        const std::optional<std::string> expected =
            p && p->kind == PlaceKind::country ? std::optional<std::string>(p->country) : std::nullopt;
        EXPECT_EQ(c.code_of(name), expected) << name;
        EXPECT_EQ(g.country_name("GB"), c.name("GB"));
    }
}

}  // namespace
}  // namespace newsdex
