// Unit tests for common/organization_names.h. Texts are written for these tests.
#include "common/organization_names.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

std::vector<std::string> orgs(const std::string& text) {
    return find_organizations(entity_tokens(text), text, Gazetteer::standard());
}

struct OrgCase {
    const char* text;
    std::vector<std::string> expected;
};

TEST(FindOrganizations, KnownSuffixHeadAndAcronyms) {
    const std::vector<OrgCase> cases = {
        // Well-known organisations by any name, merged to one.
        {"Officials from the EU and the European Union met.", {"European Union"}},
        {"The UN envoy spoke to the U.N. Security Council.", {"United Nations", "United Nations Security Council"}},
        {"Leaders of Hamas and Hezbollah met.", {"Hamas", "Hezbollah"}},
        // An acronym must be written in capitals: "who" is no organisation.
        {"Nobody knew who called.", {}},
        // Names ending in an organisation word, and "X of Y" names.
        {"Shares in Kestrel Mail Inc fell after the Harbour Workers Union called a strike.",
         {"Kestrel Mail Inc", "Harbour Workers Union"}},
        {"The Central Bank of Kenya held rates.", {"Central Bank of Kenya"}},
        // "and" joins two names, it does not make one.
        {"Talks between Talmara and the Azran Front resumed.", {"Azran Front"}},
        // An acronym the article defines stands for the name later.
        {"The Monetary Policy Committee (MPC) met. The MPC voted 7-2.", {"Monetary Policy Committee"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(orgs(c.text), c.expected);
    }
}

TEST(ExtractEntities, AnOrganisationIsNotAPerson) {
    Article a;
    a.body = "The political head of Hamas declared the offer dead. Spokesman Omar Haddad agreed.";
    const auto e = extract_entities(a);
    EXPECT_EQ(e.persons, std::vector<std::string>{"Omar Haddad"});
    EXPECT_EQ(e.organizations, std::vector<std::string>{"Hamas"});
}

}  // namespace
}  // namespace newsdex
