// Unit tests for common/entities/overrides.h.
#include "common/entities/overrides.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/entities/entity_extractor.h"

namespace newsdex {
namespace {

TEST(Overrides, ParseAndApply) {
    std::vector<Diagnostic> errors;
    const Overrides o = Overrides::parse(
        "# comment\n\nalias\tperson\ttony BLINKEN\tAntony Blinken\nalias\tlocation\tBurma\tMyanmar\nnever\tOfficials\r\n",
        "fix.tsv", errors);
    EXPECT_TRUE(errors.empty());
    ArticleEntities e;
    e.persons = {"Tony Blinken", "Officials", "Antony Blinken"};
    e.locations = {"Burma", "Cairo"};
    e.organizations = {"officials"};
    o.apply(e, "world/1.txt");
    EXPECT_EQ(e.persons, std::vector<std::string>{"Antony Blinken"});
    EXPECT_EQ(e.locations, (std::vector<std::string>{"Myanmar", "Cairo"}));
    EXPECT_TRUE(e.organizations.empty());
}

TEST(Overrides, SplitGivesOneNameAnotherIdentityInSomeArticles) {
    std::vector<Diagnostic> errors;
    const Overrides o = Overrides::parse(
        "split\tperson\tJohn Smith\tsport/\tJohn Smith (footballer)\nalias\tperson\tJ Smith\tJohn Smith\n", "fix.tsv",
        errors);
    ASSERT_TRUE(errors.empty());
    ArticleEntities sport, politics;
    sport.persons = politics.persons = {"John Smith", "J Smith"};
    o.apply(sport, "sport/12.txt");
    o.apply(politics, "politics/3.txt");
    EXPECT_EQ(sport.persons, (std::vector<std::string>{"John Smith (footballer)", "John Smith"}));
    EXPECT_EQ(politics.persons, std::vector<std::string>{"John Smith"});
    Overrides::parse("split\tperson\tJohn Smith\tsport/\n", "fix.tsv", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message, "split needs 4 tab-separated fields: TYPE, NAME, ID-PREFIX, CANONICAL");
}

TEST(Overrides, EveryBadLineIsReportedWithItsNumber) {
    std::vector<Diagnostic> errors;
    Overrides::parse("alias\tperson\tOnly Two\nmerge\tA\tB\nnever\n", "fix.tsv", errors);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(format_diagnostic("newsdex-index", errors[0]),
              "newsdex-index: fix.tsv:1: error: alias needs 3 tab-separated fields: TYPE, NAME, CANONICAL");
    EXPECT_EQ(errors[1].line, 2);
    EXPECT_EQ(errors[1].message, "unknown rule \"merge\": use alias, split or never");
    EXPECT_EQ(errors[2].line, 3);
}

// Issue 15: spaces where the tabs should be are named as such.
TEST(Overrides, SpacesInsteadOfTabsSaySo) {
    std::vector<Diagnostic> errors;
    Overrides::parse("never Hochstein\nalias person Blinken Antony Blinken\n", "fix.tsv", errors);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].message, "\"never\" must be followed by a tab, not a space: fields are tab-separated");
    EXPECT_EQ(errors[1].message, "\"alias\" must be followed by a tab, not a space: fields are tab-separated");
}

TEST(Overrides, AFolderIsNoOverridesFile) {
    const std::string folder = std::filesystem::temp_directory_path().string();
    const auto loaded = Overrides::load(folder);
    ASSERT_TRUE(std::holds_alternative<std::vector<Diagnostic>>(loaded));
    const auto& errors = std::get<std::vector<Diagnostic>>(loaded);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].path, folder);
    EXPECT_EQ(errors[0].message, "cannot read the overrides file: Is a directory");
}

}  // namespace
}  // namespace newsdex
