// Unit tests for common/index/entity_explanation.h: each stored value of an
// article is matched to the rule and the words that gave it, or to person
// resolution across the index. Texts are written for these tests.
#include "common/index/entity_explanation.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace newsdex {
namespace {

Article article(const std::string& body) {
    Article a;
    a.id = "t1";
    a.title = "Budget row";
    a.body = body;
    return a;
}

const EntityExplanation* find(const std::vector<EntityExplanation>& all, const std::string& field,
                              const std::string& value) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const EntityExplanation& e) { return e.field == field && e.value == value; });
    return it == all.end() ? nullptr : &*it;
}

TEST(ExplainEntities, RulesAndTheWordsTheyRestOn) {
    Article a =
        article("Finance Minister Clara Osei met officials in Tripoli on Monday. Shares in Kestrel Mail Inc fell.");
    a.persons = a.person_mentions = {"Clara Osei"};
    a.locations = {"Tripoli"};
    a.countries = {"LY"};
    a.organizations = {"Kestrel Mail Inc"};
    const auto why = explain_entities(a);
    const auto* osei = find(why, "person", "Clara Osei");
    ASSERT_NE(osei, nullptr);
    EXPECT_TRUE(osei->rule.starts_with("a role or title before it")) << osei->rule;
    EXPECT_NE(osei->text.find("Finance Minister Clara Osei met"), std::string::npos) << osei->text;
    const auto* tripoli = find(why, "location", "Tripoli");
    ASSERT_NE(tripoli, nullptr);
    EXPECT_NE(tripoli->text.find("in Tripoli"), std::string::npos);
    const auto* country = find(why, "country", "LY");
    ASSERT_NE(country, nullptr);
    EXPECT_EQ(country->rule, "the country of the location Tripoli");
    const auto* firm = find(why, "org", "Kestrel Mail Inc");
    ASSERT_NE(firm, nullptr);
    EXPECT_NE(firm->rule.find("organisation's word"), std::string::npos) << firm->rule;
    const auto* date = find(why, "date", "undated");
    ASSERT_NE(date, nullptr);
}

TEST(ExplainEntities, WhatTheIndexDidAcrossArticles) {
    // The article alone says "Mr Blair" and "John"; the index resolved the
    // surname and left the given name out.
    Article a = article("Mr Blair said the plan would work. John agreed with him.");
    a.person_mentions = {"Blair", "John"};
    a.persons = {"Tony Blair"};
    const auto why = explain_entities(a);
    const auto* blair = find(why, "person", "Tony Blair");
    ASSERT_NE(blair, nullptr);
    EXPECT_NE(blair->rule.find("bare surname \"Blair\", resolved across the index"), std::string::npos) << blair->rule;
    EXPECT_NE(blair->text.find("Mr Blair said"), std::string::npos) << blair->text;
    const auto* john = find(why, "person", "John");
    ASSERT_NE(john, nullptr);
    EXPECT_NE(john->rule.find("left out across the index"), std::string::npos) << john->rule;
    // A value no rule gives on re-reading came from elsewhere.
    a.locations = {"Atlantis"};
    const auto again = explain_entities(a);
    const auto* atlantis = find(again, "location", "Atlantis");
    ASSERT_NE(atlantis, nullptr);
    EXPECT_NE(atlantis->rule.find("overrides file"), std::string::npos);
}

// Issue 12: a familiar form merged into the formal name is explained as
// such, and is no mention left out when the article names both.
TEST(ExplainEntities, AFamiliarFormJoinedToTheFormalName) {
    Article a = article("Ana Ruiz pleaded with Steve Gerrard to stay. It is for the good of Steven Gerrard.");
    a.person_mentions = {"Ana Ruiz", "Steve Gerrard", "Steven Gerrard"};
    a.persons = {"Ana Ruiz", "Steven Gerrard"};
    const auto why = explain_entities(a);
    EXPECT_EQ(find(why, "person", "Steve Gerrard"), nullptr);
    ASSERT_NE(find(why, "person", "Steven Gerrard"), nullptr);
    a.person_mentions = {"Ana Ruiz", "Steve Gerrard"};
    a.body = "Ana Ruiz pleaded with Steve Gerrard to stay.";
    const auto alone = explain_entities(a);
    const auto* steven = find(alone, "person", "Steven Gerrard");
    ASSERT_NE(steven, nullptr);
    EXPECT_NE(steven->rule.find("familiar form"), std::string::npos) << steven->rule;
}

}  // namespace
}  // namespace newsdex
