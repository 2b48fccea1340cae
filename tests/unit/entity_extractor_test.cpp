// Unit tests for common/entity_extractor.h: tokens, locations and countries.
#include "common/entity_extractor.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

Article with_body(const std::string& body, const std::string& title = "") {
    Article a;
    a.title = title;
    a.body = body;
    return a;
}

TEST(EntityTokens, CaseSentencesHyphensAndAcronyms) {
    const auto t = entity_tokens("The U.S. envoy met Egypt-Gaza officials. Then he left.");
    std::vector<std::string> words;
    for (const auto& x : t) words.push_back(x.text);
    EXPECT_EQ(words, (std::vector<std::string>{"The", "U.S.", "envoy", "met", "Egypt", "Gaza", "officials", "Then", "he", "left"}));
    EXPECT_TRUE(t[0].sentence_start);
    EXPECT_TRUE(t[1].all_caps);
    EXPECT_FALSE(t[2].capitalized);
    EXPECT_TRUE(t[5].hyphen_before);
    EXPECT_FALSE(t[5].sentence_start);
    EXPECT_TRUE(t[7].sentence_start);
}

struct LocationCase {
    const char* text;
    std::vector<std::string> locations;
    std::vector<std::string> countries;
};

TEST(ExtractEntities, LocationsAndCountries) {
    const std::vector<LocationCase> cases = {
        {"Talks resumed in Cairo on Monday.", {"Cairo"}, {"EG"}},
        {"The US and the UK agreed.", {"United States", "United Kingdom"}, {"GB", "US"}},
        {"Let us talk about it.", {}, {}},  // "us" is not the US
        {"Troops left the Gaza Strip and the West Bank.", {"Gaza Strip", "West Bank"}, {"PS"}},
        {"A deal on the Egypt-Gaza border.", {"Egypt", "Gaza"}, {"EG", "PS"}},
        {"Israeli forces and Egyptian mediators met.", {}, {"EG", "IL"}},
        {"The Bank of England raised rates.", {}, {}},  // part of an organisation's name
        {"Manchester United won in Madrid.", {"Madrid"}, {"ES"}},
        {"Reading the report, she frowned.", {}, {}},  // a common word at a sentence start
        {"Talks in the Middle East stalled.", {"Middle East"}, {}},
        {"He flew from S\xC3\xA3o Paulo to Rio de Janeiro.", {"S\xC3\xA3o Paulo", "Rio de Janeiro"}, {"BR"}},
        // Places the gazetteer does not know, named by their context.
        {"Fighting in the Varnia region stopped.", {"Varnia"}, {}},
        {"Boats crossed Kelmouth Bay at dawn.", {"Kelmouth Bay"}, {}},
        {"Talks with Varnia\xE2\x80\x99s President ended.", {"Varnia"}, {}},
        {"He met the government of Valdoria Minor.", {"Valdoria Minor"}, {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto e = extract_entities(with_body(c.text));
        EXPECT_EQ(e.locations, c.locations);
        EXPECT_EQ(e.countries, c.countries);
    }
}

TEST(ExtractEntities, DatelinePlaceAndTitleCount) {
    Article a = with_body("Officials said the plan would go ahead.", "Lisbon budget approved");
    a.dateline_place = "WASHINGTON";
    const auto e = extract_entities(a);
    EXPECT_EQ(e.locations, (std::vector<std::string>{"Washington", "Lisbon"}));
    EXPECT_EQ(e.countries, (std::vector<std::string>{"PT", "US"}));
}

TEST(ExtractEntities, Deterministic) {
    const Article a = with_body("Cairo, Doha and Amman hosted talks; Israeli and Qatari officials attended.");
    const auto first = extract_entities(a);
    for (int i = 0; i < 3; ++i) {
        const auto again = extract_entities(a);
        EXPECT_EQ(again.locations, first.locations);
        EXPECT_EQ(again.countries, first.countries);
    }
}

}  // namespace
}  // namespace newsdex
