// Unit tests for common/index/person_resolution.h: one spelling per person across
// the index, bare surnames resolved when exactly one person has them, and a
// result that does not depend on the order articles were added.
#include "common/index/person_resolution.h"

#include <gtest/gtest.h>

#include <map>

#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

struct Input {
    const char* id;
    std::vector<std::string> mentions;
};

// Indexes the articles in the given order, resolves, returns id -> persons.
std::map<std::string, std::vector<std::string>> resolved(const std::vector<Input>& inputs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(/*extract_entities=*/false);
    for (const auto& in : inputs) {
        Article a;
        a.id = in.id;
        a.title = "Talks";
        a.body = "Officials met.";
        a.person_mentions = a.persons = in.mentions;
        db.replace_document(schema::id_term(a.id), builder.build(a));
    }
    resolve_persons_across_index(db);
    std::map<std::string, std::vector<std::string>> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Article a = schema::decode_record(db.get_document(*it).get_data());
        out[a.id] = a.persons;
    }
    return out;
}

TEST(ResolvePersons, SurnamesSpellingsAndOrder) {
    const std::vector<Input> inputs = {
        {"a", {"Marcus Reed", "Clara Osei"}},
        {"b", {"Reed"}},  // one Reed in the index: resolved
        {"c", {"Peter Hale"}},
        {"d", {"Martin Hale"}},
        {"e", {"Hale", "Osei"}},  // two Hales: stays bare; one Osei: resolved
        {"f", {"Youssef El-Amin"}},
        {"g", {"Youssef al-Amin"}},
        {"h", {"Youssef al-Amin", "Amin"}},  // spellings of the Arabic article are one person
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("b"), std::vector<std::string>{"Marcus Reed"});
    EXPECT_EQ(r.at("e"), (std::vector<std::string>{"Hale", "Clara Osei"}));
    // Most frequent spelling wins: al-Amin twice, El-Amin once.
    EXPECT_EQ(r.at("f"), std::vector<std::string>{"Youssef al-Amin"});
    EXPECT_EQ(r.at("h"), std::vector<std::string>{"Youssef al-Amin"});

    std::vector<Input> reversed(inputs.rbegin(), inputs.rend());
    EXPECT_EQ(resolved(reversed), r);
}

TEST(ResolvePersons, ASecondPersonWithTheSurnameUndoesTheResolution) {
    EXPECT_EQ(resolved({{"a", {"Marcus Reed"}}, {"b", {"Reed"}}}).at("b"), std::vector<std::string>{"Marcus Reed"});
    EXPECT_EQ(resolved({{"a", {"Marcus Reed"}}, {"b", {"Reed"}}, {"c", {"Anna Reed"}}}).at("b"),
              std::vector<std::string>{"Reed"});
}

TEST(ResolvePersons, APersonSplitByOverridesKeepsTheSurnameAmbiguous) {
    const auto r = resolved({{"a", {"John Smith"}}, {"b", {"John Smith (footballer)"}}, {"c", {"Smith"}}});
    EXPECT_EQ(r.at("c"), std::vector<std::string>{"Smith"});
    EXPECT_EQ(r.at("b"), std::vector<std::string>{"John Smith (footballer)"});
}

}  // namespace
}  // namespace newsdex
