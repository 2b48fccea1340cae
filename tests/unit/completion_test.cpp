// Unit tests for searcher/completion.h: the shell's tab completion of
// commands, field names and entity values, on a small in-memory index built
// with the real analyser (names invented for these tests).
#include "searcher/completion.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

class CompletionTest : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        // Antonia Blinkhorn is named in three articles, Anton Petrakis in one.
        add("a1", {"Antonia Blinkhorn", "Marta Blin"}, {"Porto Vella"}, {"PT"});
        add("a2", {"Antonia Blinkhorn", "Kofi el-Amari"}, {"Porto Vella", "Lake Oruna"}, {"PT", "KE"});
        add("a3", {"Antonia Blinkhorn", "Anton Petrakis", "Marta Blin"}, {"Lake Oruna"}, {"KE"});
        add("a4", {"José Ramírez Quell"}, {}, {});
        db_.commit();
    }
    void add(const std::string& id, std::vector<std::string> persons, std::vector<std::string> locations,
             std::vector<std::string> countries) {
        Article a;
        a.id = id;
        a.title = "Story " + id;
        a.body = "Talks went on late into the night.";
        a.persons = a.person_mentions = std::move(persons);
        a.locations = std::move(locations);
        a.countries = std::move(countries);
        DocumentBuilder builder(/*extract_entities=*/false);
        db_.replace_document(schema::id_term(id), builder.build(a));
    }
    Completion complete(const std::string& line) const {
        const Completer completer(db_, {":facets", ":filter", ":filters", ":help", ":open", ":quit", ":sort"});
        return completer.complete(line);
    }
    Xapian::WritableDatabase db_;
};

using Words = std::vector<std::string>;

TEST_F(CompletionTest, CommandsComplete) {
    auto c = complete(":he");
    EXPECT_EQ(c.start, 0u);
    EXPECT_EQ(c.candidates, Words{":help"});
    EXPECT_EQ(c.replacement, ":help");
    EXPECT_TRUE(c.finished);
    c = complete(":fil");  // two candidates sharing ":filter"
    EXPECT_EQ(c.candidates, (Words{":filter", ":filters"}));
    EXPECT_EQ(c.replacement, ":filter");
    EXPECT_FALSE(c.finished);
    c = complete(":f");  // nothing longer in common: the line stays, the list shows
    EXPECT_EQ(c.candidates.size(), 3u);
    EXPECT_EQ(c.replacement, "");
    EXPECT_TRUE(complete(":zz").candidates.empty());
}

TEST_F(CompletionTest, CommandArguments) {
    auto c = complete(":sort ne");
    EXPECT_EQ(c.start, 6u);
    EXPECT_EQ(c.replacement, "newest");
    c = complete(":facets person lo");
    EXPECT_EQ(c.start, 15u);
    EXPECT_EQ(c.replacement, "location");
    c = complete(":filter location:lake");
    EXPECT_EQ(c.start, 8u);
    EXPECT_EQ(c.replacement, "location:\"Lake Oruna\"");
    EXPECT_TRUE(complete(":open 1").candidates.empty());
}

TEST_F(CompletionTest, FieldNames) {
    auto c = complete("pers");
    EXPECT_EQ(c.replacement, "person:");
    EXPECT_FALSE(c.finished);  // the value follows without a space
    c = complete("talks lo");
    EXPECT_EQ(c.start, 6u);
    EXPECT_EQ(c.replacement, "location:");
    EXPECT_EQ(complete("co").candidates, Words{"country:"});
    EXPECT_TRUE(complete("zebra").candidates.empty());
}

TEST_F(CompletionTest, NamesFromTheIndexInTheirStoredSpellingQuoted) {
    auto c = complete("person:Antonia");
    EXPECT_EQ(c.candidates, Words{"person:\"Antonia Blinkhorn\""});
    EXPECT_EQ(c.replacement, "person:\"Antonia Blinkhorn\"");
    EXPECT_TRUE(c.finished);
    // Case and accents do not matter; the display form keeps them.
    EXPECT_EQ(complete("person:ANTONIA").replacement, "person:\"Antonia Blinkhorn\"");
    EXPECT_EQ(complete("person:jose").replacement, "person:\"José Ramírez Quell\"");
    // The stored spelling, not the folded term ("kofi al amari").
    EXPECT_EQ(complete("person:kofi").replacement, "person:\"Kofi el-Amari\"");
    EXPECT_EQ(complete("person:\"kofi al").replacement, "person:\"Kofi el-Amari\"");
    EXPECT_EQ(complete("person:\"Kofi El-").replacement, "person:\"Kofi el-Amari\"");
}

TEST_F(CompletionTest, SeveralNamesMostArticlesFirstSharingTheirStart) {
    const auto c = complete("person:Ant");
    EXPECT_EQ(c.candidates, (Words{"person:\"Antonia Blinkhorn\"", "person:\"Anton Petrakis\""}));
    EXPECT_EQ(c.replacement, "person:\"Anton");
    EXPECT_FALSE(c.finished);
}

TEST_F(CompletionTest, ALaterWordOfTheName) {
    EXPECT_EQ(complete("person:Blink").replacement, "person:\"Antonia Blinkhorn\"");
    EXPECT_EQ(complete("person:quell").replacement, "person:\"José Ramírez Quell\"");
    // "blin" starts "Marta Blin"'s and "Antonia Blinkhorn"'s surnames: both,
    // and the line is not cut back to the `person:"` they share.
    const auto c = complete("person:blin");
    EXPECT_EQ(c.candidates, (Words{"person:\"Antonia Blinkhorn\"", "person:\"Marta Blin\""}));
    EXPECT_EQ(c.replacement, "");
}

TEST_F(CompletionTest, WholeNamePrefixesComeBeforeLaterWords) {
    // "Marta Blin" starts with "mar"; no name has a later word starting so.
    EXPECT_EQ(complete("person:mar").candidates, Words{"person:\"Marta Blin\""});
}

TEST_F(CompletionTest, InsideQuotesAndAfterOperators) {
    auto c = complete("person:\"antonia bl");
    EXPECT_EQ(c.start, 0u);
    EXPECT_EQ(c.replacement, "person:\"Antonia Blinkhorn\"");
    c = complete("talks -person:Marta");
    EXPECT_EQ(c.start, 7u);
    EXPECT_EQ(c.replacement, "person:\"Marta Blin\"");
    c = complete("(talks OR peace) location:porto");
    EXPECT_EQ(c.start, 17u);
    EXPECT_EQ(c.replacement, "location:\"Porto Vella\"");
}

TEST_F(CompletionTest, CountriesAsCodes) {
    EXPECT_EQ(complete("country:").candidates, (Words{"country:KE", "country:PT"}));
    EXPECT_EQ(complete("country:p").replacement, "country:PT");
}

TEST_F(CompletionTest, FieldsWithoutValuesToOffer) {
    EXPECT_TRUE(complete("title:ant").candidates.empty());
    EXPECT_TRUE(complete("foo:ant").candidates.empty());
    EXPECT_TRUE(complete("person:zzz").candidates.empty());
}

TEST_F(CompletionTest, SeesArticlesAddedLater) {
    EXPECT_TRUE(complete("person:Nadia").candidates.empty());
    add("a5", {"Nadia Vostrikova"}, {}, {});
    db_.commit();
    EXPECT_EQ(complete("person:Nadia").replacement, "person:\"Nadia Vostrikova\"");
}

}  // namespace
}  // namespace newsdex
