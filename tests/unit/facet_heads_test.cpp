// Unit tests for bench/facet_heads.h (newsdex-score-entities --facet-heads):
// reading judgements, and scoring a facet head against them: precision,
// unjudged values, duplicate groups, wrong countries and stale judgements;
// and reading a head from a small in-memory index.
#include "bench/facet_heads.h"

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_index.h"

namespace newsdex::facet_heads {
namespace {

Gold gold_of(const std::string& lines) {
    std::istringstream in(lines);
    return Gold::read(in);
}

const char* const kGold =
    R"({"field": "person", "value": "Tony Blair", "entity": true, "same_as": "Tony Blair", "count": 150}
{"field": "person", "value": "Blair", "entity": true, "same_as": "Tony Blair", "note": "Mr Blair", "count": 12}
{"field": "person", "value": "Rings", "entity": false, "note": "from a film title", "count": 24}
{"field": "person", "value": "Jos\u00e9 \u00c1lvarez", "entity": true, "same_as": "Jose Alvarez"}

{"field": "location", "value": "Kent", "entity": true, "same_as": "Kent", "country": "GB"}
{"field": "location", "value": "Europe", "entity": true, "same_as": "Europe", "country": ""}
{"field": "location", "value": "Paris", "entity": true, "same_as": "Paris"}
{"field": "org", "value": "Rings", "entity": true, "same_as": "Rings Ltd"}
)";

TEST(FacetHeadsGold, FindsValuesAsTheFacetFoldsThem) {
    const Gold gold = gold_of(kGold);
    EXPECT_EQ(gold.judged("person"), 4u);
    EXPECT_EQ(gold.judged("location"), 3u);
    EXPECT_EQ(gold.judged("org"), 1u);
    ASSERT_NE(gold.find("person", "TONY BLAIR"), nullptr);
    EXPECT_EQ(gold.find("person", "tony blair")->count, 150u);
    ASSERT_NE(gold.find("person", "Jose Alvarez"), nullptr);  // accents fold, as facet values do
    EXPECT_TRUE(gold.find("person", "Jose Alvarez")->entity);
    // Judgements belong to one field.
    ASSERT_NE(gold.find("org", "Rings"), nullptr);
    EXPECT_TRUE(gold.find("org", "Rings")->entity);
    EXPECT_FALSE(gold.find("person", "Rings")->entity);
    EXPECT_EQ(gold.find("location", "Tony Blair"), nullptr);
    EXPECT_EQ(gold.find("location", "Kent")->country, "GB");
    EXPECT_EQ(gold.find("location", "Europe")->country, "");
    EXPECT_FALSE(gold.find("location", "Paris")->country.has_value());
}

TEST(FacetHeadsGold, RefusesMalformedJudgementsNamingTheLine) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"field": "person", "value": "A B", "entity": true})", "needs same_as"},
        {R"({"field": "person", "value": "A B", "entity": false, "same_as": "A B"})", "no entity"},
        {R"({"field": "country", "value": "EG", "entity": true, "same_as": "EG"})", "unknown field"},
        {R"({"field": "person", "value": "A B", "entity": true, "same_as": "A B", "country": "GB"})", "location"},
        {R"({"field": "location", "value": "X", "entity": false, "country": "GB"})", "location"},
        {R"({"field": "person", "value": "", "entity": false})", "empty value"},
        {R"({"field": "person", "value": "A B", "entity": "yes", "same_as": "A B"})", ""},
        {R"({"field": "person", "value": "A B"})", ""},
        {"not json", ""},
    };
    for (const auto& [line, reason] : cases) {
        SCOPED_TRACE(line);
        try {
            gold_of("\n" + line + "\n");
            ADD_FAILURE() << "accepted";
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            EXPECT_EQ(what.rfind("line 2: ", 0), 0u) << what;
            EXPECT_NE(what.find(reason), std::string::npos) << what;
        }
    }
    try {
        gold_of(R"({"field": "person", "value": "Tony Blair", "entity": true, "same_as": "Tony Blair"}
{"field": "person", "value": "TONY BLAIR", "entity": false})");
        ADD_FAILURE() << "accepted a value judged twice";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("line 2: \"TONY BLAIR\" judged twice"), std::string::npos) << e.what();
    }
}

TEST(FacetHeadsScore, CountsEntitiesUnjudgedAndDuplicates) {
    const Gold gold = gold_of(kGold);
    const std::vector<HeadValue> head = {
        {"Tony Blair", 152, "", ""},   // judged at 150: close enough
        {"Rings", 40, "", ""},         // judged at 24: moved by more than a third
        {"Gordon Brown", 84, "", ""},  // unjudged
        {"Blair", 12, "", ""},        {"Jose Alvarez", 3, "", ""},
    };
    const HeadScore s = score_head("person", head, gold);
    EXPECT_EQ(s.field, "person");
    EXPECT_EQ(s.head, 5u);
    EXPECT_EQ(s.judged, 4u);
    EXPECT_EQ(s.entities, 3u);
    EXPECT_DOUBLE_EQ(s.precision(), 0.75);
    EXPECT_DOUBLE_EQ(s.floor(), 0.6);
    EXPECT_FALSE(s.target_met());
    ASSERT_EQ(s.unjudged.size(), 1u);
    EXPECT_EQ(s.unjudged[0].value, "Gordon Brown");
    ASSERT_EQ(s.not_entities.size(), 1u);
    EXPECT_EQ(s.not_entities[0].first.value, "Rings");
    EXPECT_EQ(s.not_entities[0].second.note, "from a film title");
    ASSERT_EQ(s.duplicates.size(), 1u);
    EXPECT_EQ(s.duplicates[0].same_as, "Tony Blair");
    ASSERT_EQ(s.duplicates[0].values.size(), 2u);
    EXPECT_EQ(s.duplicates[0].values[0].value, "Tony Blair");
    EXPECT_EQ(s.duplicates[0].values[1].value, "Blair");
    ASSERT_EQ(s.changed.size(), 1u);
    EXPECT_EQ(s.changed[0].first.value, "Rings");
    EXPECT_TRUE(s.wrong_countries.empty());
    EXPECT_EQ(s.countries_checked, 0u);
}

TEST(FacetHeadsScore, MeetsTheTargetOnlyWhenAllJudgedDistinctEntities) {
    const Gold gold = gold_of(kGold);
    EXPECT_TRUE(score_head("person", {{"Tony Blair", 150, "", ""}, {"Jose Alvarez", 2, "", ""}}, gold).target_met());
    EXPECT_FALSE(score_head("person", {{"Tony Blair", 150, "", ""}, {"Blair", 12, "", ""}}, gold).target_met());
    EXPECT_FALSE(score_head("person", {{"Tony Blair", 150, "", ""}, {"Ed Balls", 3, "", ""}}, gold).target_met());
    // An empty head has nothing judged: no precision to meet.
    EXPECT_FALSE(score_head("person", {}, gold).target_met());
}

TEST(FacetHeadsScore, ComparesLocationCountriesWithNewsdexs) {
    const Gold gold = gold_of(kGold);
    const HeadScore s = score_head("location",
                                   {{"Kent", 9, "US", ""}, {"Europe", 249, "", ""}, {"Paris", 56, "FR", ""}}, gold);
    EXPECT_EQ(s.entities, 3u);
    EXPECT_EQ(s.countries_checked, 2u);  // Paris's country is not judged
    ASSERT_EQ(s.wrong_countries.size(), 1u);
    EXPECT_EQ(s.wrong_countries[0].first.value, "Kent");
    EXPECT_EQ(s.wrong_countries[0].first.country, "US");
    EXPECT_EQ(*s.wrong_countries[0].second.country, "GB");
}

TEST(FacetHeadsRead, ReadsTheMostFrequentValuesWithTheirCountries) {
    testing_index::TestIndex index;
    auto add = [&](const std::string& id, std::vector<std::string> persons, std::vector<std::string> locations) {
        Article a = testing_index::article(id, "Report " + id, "The council met.");
        a.persons = a.person_mentions = std::move(persons);
        a.locations = std::move(locations);
        index.add(a);
    };
    add("a", {"Alice Adams", "Bob Brown"}, {"Cairo", "Europe"});
    add("b", {"Bob Brown"}, {"Cairo"});
    add("c", {"Bob Brown", "Carol Clark"}, {"Qadira"});
    index.db().commit();

    const auto persons = read_head(index.db(), "person", 2);
    ASSERT_EQ(persons.size(), 2u);
    EXPECT_EQ(persons[0].value, "Bob Brown");
    EXPECT_EQ(persons[0].count, 3u);
    EXPECT_EQ(persons[1].value, "Alice Adams");  // ties: by value
    EXPECT_EQ(persons[1].count, 1u);
    EXPECT_TRUE(persons[0].country.empty());

    const auto locations = read_head(index.db(), "location", 0);  // 0: all
    ASSERT_EQ(locations.size(), 3u);
    EXPECT_EQ(locations[0].value, "Cairo");
    EXPECT_EQ(locations[0].country, "EG");
    EXPECT_EQ(locations[1].value, "Europe");
    EXPECT_EQ(locations[1].country, "");
    EXPECT_EQ(locations[2].value, "Qadira");  // unknown to the gazetteer: no country
    EXPECT_EQ(locations[2].country, "");

    EXPECT_TRUE(read_head(index.db(), "org", 10).empty());
}

}  // namespace
}  // namespace newsdex::facet_heads
