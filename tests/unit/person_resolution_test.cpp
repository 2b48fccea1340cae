// Unit tests for common/index/person_resolution.h: one spelling per person across
// the index, bare surnames resolved when exactly one person has them (or by
// the company they keep), short forms merged, works named like people left
// out, and a result that does not depend on the order articles were added.
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
    std::vector<std::string> organizations = {};
    std::vector<std::string> evidence = {};  // "NAME\tAS_PERSON\tAS_THING"
};

// The article as analysed: its persons as extracted.
Article analysed(const Input& in) {
    Article a;
    a.id = in.id;
    a.title = "Talks";
    a.body = "Officials met.";
    a.person_mentions = a.persons = in.mentions;
    a.organizations = in.organizations;
    a.person_evidence = in.evidence;
    return a;
}

// Indexes the articles in the given order, resolves, returns id -> persons.
std::map<std::string, std::vector<std::string>> resolved(const std::vector<Input>& inputs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(/*extract_entities=*/false);
    for (const auto& in : inputs) db.replace_document(schema::id_term(in.id), builder.build(analysed(in)));
    resolve_persons_across_index(db);
    std::map<std::string, std::vector<std::string>> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Article a = schema::decode_article(db.get_document(*it));
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

using Names = std::vector<std::string>;

TEST(ResolvePersons, ANameMostlyUsedForAWorkIsNoPerson) {
    const std::vector<Input> inputs = {
        {"a", {"Vera Drake"}, {}, {"Vera Drake\t0\t2"}},  // "the film Vera Drake", "Leigh's Vera Drake"
        {"b", {"Vera Drake", "Mike Leigh"}, {}, {"Vera Drake\t0\t0"}},
        {"c", {"Imelda Staunton"}, {}, {"Vera Drake\t0\t1"}},  // a work mention only
        {"d", {"Ana Ruiz"}, {}, {"Ana Ruiz\t1\t1"}},           // one odd mention decides nothing
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("a"), Names{});
    EXPECT_EQ(r.at("b"), Names{"Mike Leigh"});
    EXPECT_EQ(r.at("d"), Names{"Ana Ruiz"});
    // Person evidence outweighing the work's keeps the person.
    EXPECT_EQ(resolved({{"a", {"Vera Drake"}, {}, {"Vera Drake\t3\t2"}}}).at("a"), Names{"Vera Drake"});
}

TEST(ResolvePersons, MiddleInitialsAndInitialledGivenNamesJoinTheFullName) {
    const std::vector<Input> inputs = {
        {"a", {"George W Bush"}}, {"b", {"George Bush"}},  // the only George … Bush with initials
        {"c", {"A Foley"}},                                // the only A… Foley
        {"d", {"Anthony Foley"}}, {"e", {"P Hale"}},       // Peter and Paul Hale: stays as written
        {"f", {"Peter Hale"}},    {"g", {"Paul Hale"}},
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("b"), Names{"George W Bush"});
    EXPECT_EQ(r.at("c"), Names{"Anthony Foley"});
    EXPECT_EQ(r.at("e"), Names{"P Hale"});
    // Two different full names are never merged.
    EXPECT_EQ(r.at("f"), Names{"Peter Hale"});
    EXPECT_EQ(r.at("g"), Names{"Paul Hale"});
}

// Issue 12 (one name per person): a familiar given name is the formal
// one's person where an article names both; company alone is not enough.
TEST(ResolvePersons, AFamiliarGivenNameNamedBesideTheFormalOneJoinsIt) {
    const std::vector<Input> inputs = {
        {"a", {"Dave Collins", "David Collins"}, {"UK Athletics"}},  // one article writes both
        {"b", {"Dave Collins"}},                                     // the same person elsewhere
        {"c", {"Steve Jones"}, {"Dragons"}},                         // never beside Stephen Jones
        {"d", {"Stephen Jones"}, {"Dragons"}},
        {"e", {"Stephen Jones"}, {"Dragons"}},
        {"f", {"Chris Ruiz", "Christopher Ruiz", "Christine Ruiz"}},  // two formal names: stays
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("a"), Names{"David Collins"});
    EXPECT_EQ(r.at("b"), Names{"David Collins"});
    EXPECT_EQ(r.at("c"), Names{"Steve Jones"});
    EXPECT_EQ(r.at("f"), (Names{"Chris Ruiz", "Christopher Ruiz", "Christine Ruiz"}));
    std::vector<Input> reversed(inputs.rbegin(), inputs.rend());
    EXPECT_EQ(resolved(reversed), r);
}

TEST(ResolvePersons, ASharedSurnameGoesToTheNamesakeWhoseCompanyItKeeps) {
    const std::vector<Input> inputs = {
        {"a", {"Tony Blair", "Gordon Brown"}, {"Labour"}},
        {"b", {"Tony Blair", "Gordon Brown"}, {"Labour"}},
        {"c", {"Tony Blair"}, {"Labour"}},
        {"d", {"Cherie Blair"}, {"Matrix Chambers"}},
        {"e", {"Blair", "Gordon Brown"}, {"Labour"}},  // the company of Tony Blair
        {"f", {"Blair"}},                              // no company: stays bare
        {"g", {"Blair"}, {"Matrix Chambers"}},         // one shared article is not enough
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("e"), (Names{"Tony Blair", "Gordon Brown"}));
    EXPECT_EQ(r.at("f"), Names{"Blair"});
    EXPECT_EQ(r.at("g"), Names{"Blair"});
    std::vector<Input> reversed(inputs.rbegin(), inputs.rend());
    EXPECT_EQ(resolved(reversed), r);
}

// Issue 12: the one bearer of a surname in the index is no match for an
// article whose other entities none of the bearer's articles name.
TEST(ResolvePersons, TheOnlyBearerNeedsNoStrangerCompany) {
    const std::vector<Input> inputs = {
        {"a", {"Elvis Vrenn"}, {"Grammy Academy"}},
        {"b", {"Vrenn"}, {"Leeds Tykes", "Sale Sharks"}},  // a rugby report: another Vrenn
        {"c", {"Vrenn"}, {"Grammy Academy"}},              // the singer's company
        {"d", {"Vrenn"}},                                  // nothing says otherwise
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("b"), Names{"Vrenn"});
    EXPECT_EQ(r.at("c"), Names{"Elvis Vrenn"});
    EXPECT_EQ(r.at("d"), Names{"Elvis Vrenn"});
    std::vector<Input> reversed(inputs.rbegin(), inputs.rend());
    EXPECT_EQ(resolved(reversed), r);
}

TEST(ResolvePersons, AnAmbiguousBareGivenNameIsDropped) {
    const std::vector<Input> inputs = {
        {"a", {"John Smith"}},       {"b", {"John Kirwan"}},   {"c", {"Elton John"}},
        {"d", {"John", "Ana Ruiz"}}, {"e", {"Mukesh Ambani"}}, {"f", {"Mukesh"}},  // the only Mukesh
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("d"), Names{"Ana Ruiz"});  // more often a given name than a surname, and ambiguous
    EXPECT_EQ(r.at("f"), Names{"Mukesh Ambani"});
}

// A relative named by given name is left as written, unless a namesake of
// the article's family has been named beside them (Michael Howard's wife
// Sandra had become the MP Sandra Gidley).
TEST(ResolvePersons, ARelativeNamedByGivenNameStaysUnlessOfTheFamily) {
    const std::vector<Input> inputs = {
        {"a", {"Sandra Gidley", "Michael Howard"}},
        {"b", {"Michael Howard", "Sandra"}, {}, {"Sandra\t0\t0\t1"}},  // "his wife Sandra"
        {"c", {"Serena Williams", "Venus Williams"}},
        {"d", {"Serena Williams", "Venus"}, {}, {"Venus\t0\t0\t1"}},  // "her sister Venus"
        {"e", {"Michael Howard", "Sandra"}},                          // no relation: resolved
        {"f", {"Michael Howard", "Sandra"}, {}, {"Sandra\t1"}},       // a short line is no relative's
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("f"), (Names{"Michael Howard", "Sandra Gidley"}));
    EXPECT_EQ(r.at("b"), (Names{"Michael Howard", "Sandra"}));
    EXPECT_EQ(r.at("d"), (Names{"Serena Williams", "Venus Williams"}));
    EXPECT_EQ(r.at("e"), (Names{"Michael Howard", "Sandra Gidley"}));
}

// A royal's name opens on a title, no given name: a bare "Prince" (the
// singer) or "King" (Mervyn King) is none of the royals.
TEST(ResolvePersons, ARoyalsTitleIsNoGivenName) {
    const std::vector<Input> inputs = {
        {"a", {"Prince Charles"}}, {"b", {"Prince Harry"}},
        {"c", {"King Abdullah"}},  {"d", {"Prince"}},
        {"e", {"Mervyn King"}},    {"f", {"King", "Mervyn King"}},
        {"g", {"King"}},           {"h", {"Charles", "Prince Charles"}},
    };
    const auto r = resolved(inputs);
    EXPECT_EQ(r.at("d"), Names{"Prince"});
    EXPECT_EQ(r.at("g"), Names{"Mervyn King"});
    EXPECT_EQ(r.at("h"), Names{"Prince Charles"});
}

// The indexer resolves a load's articles before writing them: over an
// index holding the first `split` articles (resolved by an earlier run's
// pass), the rest must get the persons the pass gives them over all of
// them, so that the pass after the load rewrites none.
TEST(ResolvePersons, BeforeWritingAgreesWithThePassOverTheWholeIndex) {
    const std::vector<Input> inputs = {
        {"a", {"Tony Blair", "Gordon Brown"}, {"Labour"}},
        {"b", {"Tony Blair", "Gordon Brown"}, {"Labour"}},
        {"c", {"Cherie Blair"}, {"Matrix Chambers"}},
        {"d", {"Blair", "Gordon Brown"}, {"Labour"}},  // resolved by the company it keeps
        {"e", {"Marcus Reed"}},
        {"f", {"Reed", "Brown"}},
        {"g", {"Youssef El-Amin"}},
        {"h", {"Youssef al-Amin", "Amin"}},
        {"i", {"Youssef al-Amin"}},
        {"j", {"Vera Drake"}, {}, {"Vera Drake\t0\t2"}},  // a film, by the evidence of the whole index
        {"k", {"Vera Drake", "Reed"}},
        {"l", {"Blair"}, {"Labour"}},  // resolved by its organisation alone
    };
    const auto whole = resolved(inputs);
    for (std::size_t split = 0; split <= inputs.size(); ++split) {
        SCOPED_TRACE("the index holds the first " + std::to_string(split));
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        DocumentBuilder builder(/*extract_entities=*/false);
        for (std::size_t k = 0; k < split; ++k)
            db.replace_document(schema::id_term(inputs[k].id), builder.build(analysed(inputs[k])));
        resolve_persons_across_index(db);
        std::vector<Article> rest;
        for (std::size_t k = split; k < inputs.size(); ++k) rest.push_back(analysed(inputs[k]));
        std::vector<const Article*> unwritten;
        for (const auto& a : rest) unwritten.push_back(&a);
        const auto persons = resolve_persons_before_writing(db, unwritten);
        ASSERT_EQ(persons.size(), rest.size());
        for (std::size_t k = 0; k < rest.size(); ++k) EXPECT_EQ(persons[k], whole.at(rest[k].id)) << rest[k].id;
    }
}

}  // namespace
}  // namespace newsdex
