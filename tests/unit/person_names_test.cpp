// Unit tests for common/person_names.h: persons found from evidence and
// resolved within one article. Texts are written for these tests.
#include "common/person_names.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

std::vector<std::string> persons(const std::string& text) {
    return find_persons(entity_tokens(text), Gazetteer::standard());
}

struct PersonCase {
    const char* text;
    std::vector<std::string> expected;
};

TEST(FindPersons, EvidenceAndResolution) {
    const std::vector<PersonCase> cases = {
        // A role announces the full name; later surnames resolve to it.
        {"Foreign Minister Clara Osei arrived on Monday. Osei said the talks would resume. Ms Osei left.",
         {"Clara Osei"}},
        // Role words are not part of the name.
        {"Secretary of State Marcus Reed met Prime Minister Lena Varga.", {"Marcus Reed", "Lena Varga"}},
        // A given name alone is evidence enough for a two-word name.
        {"Yesterday Benjamin Okafor won the vote.", {"Benjamin Okafor"}},
        // Particles stay inside the name; a later "Mr al-Amin" is the same person.
        {"President Youssef al-Amin spoke. Mr al-Amin then left for the airport.", {"Youssef al-Amin"}},
        {"Dr Ingrid van der Berg warned donors. Van der Berg said funds were low.", {"Ingrid van der Berg"}},
        // Possessives are the name.
        {"Envoy Sara Lind arrived. Lind\xE2\x80\x99s plan was welcomed.", {"Sara Lind"}},
        // Two people with one surname stay two; a bare "Mr Hale" goes to the nearest full mention before it.
        {"Analyst Martin Hale said the plan was weak. Spokesman Peter Hale disagreed. Mr Hale added more.",
         {"Martin Hale", "Peter Hale"}},
        // An honorific alone keeps the bare surname when no fuller form exists.
        {"Mr Tanaka declined to comment.", {"Tanaka"}},
        // Not persons: places, organisations, sentence openers, compounds of places.
        {"The Israel-Hamas war and Egypt-Gaza border were discussed in Cairo.", {}},
        {"The Central Bank said rates would hold. Officials said so too.", {}},
        // A weak given name needs more evidence.
        {"Will Power is a slogan.", {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(persons(c.text), c.expected);
    }
}

TEST(FindPersons, NearestPrecedingFullMentionWinsForABareSurname) {
    // "Mr Hale" after Peter Hale's full mention is Peter Hale: no third person.
    const auto found = persons("Spokesman Peter Hale spoke first. Analyst Martin Hale replied. Mr Hale then said no.");
    EXPECT_EQ(found, (std::vector<std::string>{"Peter Hale", "Martin Hale"}));
}

}  // namespace
}  // namespace newsdex
