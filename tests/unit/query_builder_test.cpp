// Unit tests for common/query/query_builder.h: query text -> Xapian::Query
// descriptions (Xapian's own query-parser tests work this way), query errors
// with positions, and real searches over a tiny in-memory database.
#include "common/query/query_builder.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/base/text_folding.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

Article article(const std::string& id, const std::string& title, const std::string& body) {
    Article a;
    a.id = id;
    a.title = title;
    a.body = body;
    return a;
}

class QueryBuilderTest : public testing::Test {
protected:
    QueryBuilderTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        DocumentBuilder builder;
        const std::vector<Article> articles = {
            article("hyphen", "Talks resume", "Negotiators agreed a cease-fire on Monday after long talks."),
            article("solid", "Border quiet", "The ceasefire held through the night, officials said."),
            article("other", "Harbour strike", "Dock workers walked out over pay. Hostages were not involved."),
            article("titled", "Cease-fire announced", "Officials spoke to reporters about the agreement."),
            article("fire", "Warehouse fire", "Firefighters were told to cease work on the fire at dawn."),
        };
        for (const auto& a : articles) {
            const auto doc = builder.build(a);
            db_.replace_document(schema::id_term(a.id), doc);
        }
        db_.commit();
        builder_ = std::make_unique<QueryBuilder>(db_);
    }

    std::variant<Xapian::Query, QueryError> build(const std::string& q, MatchMode mode = MatchMode::all) {
        return builder_->build(q, mode);
    }

    // The description, or "ERROR@pos: message".
    std::string describe(const std::string& q, MatchMode mode = MatchMode::all) {
        const auto r = build(q, mode);
        if (const auto* e = std::get_if<QueryError>(&r))
            return "ERROR@" + std::to_string(e->position) + ": " + e->message;
        return std::get<Xapian::Query>(r).get_description();
    }

    std::set<std::string> terms(const std::string& q, MatchMode mode = MatchMode::all) {
        std::set<std::string> out;
        const auto r = build(q, mode);
        if (const auto* e = std::get_if<QueryError>(&r)) {
            ADD_FAILURE() << "query error for " << q << ": " << e->message;
            return out;
        }
        const auto& query = std::get<Xapian::Query>(r);
        for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) out.insert(*it);
        return out;
    }

    // Ids of the matching documents.
    std::set<std::string> search(const std::string& q, MatchMode mode = MatchMode::all) {
        std::set<std::string> ids;
        const auto r = build(q, mode);
        if (const auto* e = std::get_if<QueryError>(&r)) {
            ADD_FAILURE() << "query error for " << q << ": " << e->message;
            return ids;
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(std::get<Xapian::Query>(r));
        const auto mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.insert(schema::decode_record(it.get_document().get_data()).id);
        return ids;
    }

    Xapian::WritableDatabase db_;
    std::unique_ptr<QueryBuilder> builder_;
};

struct DescriptionCase {
    const char* query;
    const char* description;
};

TEST_F(QueryBuilderTest, Descriptions) {
    const std::vector<DescriptionCase> cases = {
        {"ceasefire", "Query(Zceasefir@1)"},
        {"Ceasefire", "Query(Zceasefir@1)"},
        {"cease-fire", "Query(((cease@1 PHRASE 2 fire@2) OR Zceasefir@1))"},
        {"cease\xE2\x80\x91"
         "fire",
         "Query(((cease@1 PHRASE 2 fire@2) OR Zceasefir@1))"},
        {"\"cease fire\"", "Query(((cease@1 PHRASE 2 fire@2) OR ceasefire@1))"},
        {"\"Cease-Fire\"", "Query(((cease@1 PHRASE 2 fire@2) OR ceasefire@1))"},
        {"Hostages", "Query(Zhostag@1)"},
        {"hostage", "Query(Zhostag@1)"},
        {"Jos\xC3\xA9", "Query(Zjose@1)"},
        {"Israel\xE2\x80\x99s", "Query(Zisrael@1)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.query);
        EXPECT_EQ(describe(c.query), c.description);
    }
}

// Xapian 1.4.22 reads CJK after a space and before more text as a parse
// error; the rewrite puts such a word in parentheses (in a field, quotes).
TEST_F(QueryBuilderTest, CjkBetweenOtherWordsIsParsed) {
    const std::vector<DescriptionCase> cases = {
        {"gaza \xE4\xB8\xAD talks", "Query((Zgaza@1 AND \xE4\xB8\xAD@2 AND Ztalk@3))"},
        {"gaza \xE4\xB8\xAD"
         "x talks",
         "Query((Zgaza@1 AND (\xE4\xB8\xAD@2 AND Zx@3) AND Ztalk@4))"},
        {"gaza -\xE4\xB8\xAD talks", "Query(((Zgaza@1 AND Ztalk@3) AND_NOT \xE4\xB8\xAD@2))"},
        {"gaza title:\xE4\xB8\xAD talks", "Query((Zgaza@1 AND S\xE4\xB8\xAD@2 AND Ztalk@3))"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.query);
        EXPECT_EQ(describe(c.query), c.description);
    }
}

TEST_F(QueryBuilderTest, StopWordsDropped) {
    const auto t = terms("who is the prime minister of israel");
    for (const char* stop : {"who", "Zwho", "is", "Zis", "the", "Zthe", "of", "Zof"}) {
        SCOPED_TRACE(stop);
        EXPECT_FALSE(t.count(stop)) << describe("who is the prime minister of israel");
    }
    for (const char* kept : {"Zprime", "Zminist", "Zisrael"}) {
        SCOPED_TRACE(kept);
        EXPECT_TRUE(t.count(kept)) << describe("who is the prime minister of israel");
    }
}

TEST_F(QueryBuilderTest, TitleFieldUsesTitlePrefix) {
    const auto t = terms("title:cease-fire");
    EXPECT_EQ(t, (std::set<std::string>{"Scease", "Sfire", "ZSceasefir"})) << describe("title:cease-fire");
    EXPECT_EQ(describe("title:cease-fire"), "Query(((Scease@1 PHRASE 2 Sfire@2) OR ZSceasefir@1))");
    EXPECT_EQ(describe("title:harbour"), "Query(ZSharbour@1)");
    const auto phrase = terms("title:\"cease fire\"");
    EXPECT_EQ(phrase, (std::set<std::string>{"Scease", "Sfire", "Sceasefire"})) << describe("title:\"cease fire\"");
}

TEST_F(QueryBuilderTest, EmptyAndStarMatchAll) {
    const std::string all = Xapian::Query(Xapian::Query::MatchAll).get_description();
    for (const char* q : {"", "   ", "*", " * "}) {
        SCOPED_TRACE(std::string("query: \"") + q + "\"");
        EXPECT_EQ(describe(q), all);
    }
}

struct ErrorCase {
    const char* query;
    std::size_t position;
    const char* message_contains;
};

TEST_F(QueryBuilderTest, Errors) {
    const std::vector<ErrorCase> cases = {
        {"\"unbalanced", 0, "unbalanced quote"},
        {"cease \"fire talks", 6, "unbalanced quote"},
        {"peson:bar", 0, "unknown field \"peson:\" (did you mean person:?"},
        {"harbour tilte:bar", 8, "did you mean title:?"},
        {"(a b", 0, "unbalanced parenthesis"},
        {"x (a b", 2, "unbalanced parenthesis"},
        {"a)", 1, "unbalanced parenthesis"},
        {"(a) b)", 5, "unbalanced parenthesis"},
        // Xapian 1.4 would read the operator as a word: "talk* near harbour".
        {"talk* NEAR harbour", 0, "wildcard next to NEAR or ADJ"},
        {"harbour ADJ talk*", 12, "wildcard next to NEAR or ADJ"},
        {"a NEAR b NEAR/3 harb*", 16, "wildcard next to NEAR or ADJ"},
        {"talks NEAR/0 harbour", 6, "NEAR/N and ADJ/N take N from 1 to"},
        {"talks ADJ/-1 harbour", 6, "NEAR/N and ADJ/N take N from 1 to"},
        {"talks NEAR/4294967296 harbour", 6, "NEAR/N and ADJ/N take N from 1 to"},
        {"harbour NEAR (talk*)", 8, "takes words or phrases on each side, not a group"},
        {"(a OR b) ADJ c", 9, "takes words or phrases on each side, not a group"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.query);
        const auto r = build(c.query);
        ASSERT_TRUE(std::holds_alternative<QueryError>(r)) << describe(c.query);
        const auto& e = std::get<QueryError>(r);
        EXPECT_EQ(e.position, c.position) << e.message;
        EXPECT_NE(e.message.find(c.message_contains), std::string::npos) << e.message;
    }
}

// Issue 11 (found by fuzzing): Xapian 1.4 crashed (a null dereference in
// QueryParser) on NEAR or ADJ between the joined-spelling alternatives of
// compounds after an exclusion; newsdex-search died with SIGSEGV.
TEST_F(QueryBuilderTest, Issue11ProximityBetweenCompoundsDoesNotCrash) {
    for (const char* query : {"-weather -cease-fire NEAR peace-talks", "-w -a-b ADJ c-d", "-w -a-b NEAR/3 \"c d\"",
                              "a NEAR b -w -cease-fire NEAR peace-talks"}) {
        SCOPED_TRACE(query);
        for (const auto mode : {MatchMode::all, MatchMode::any}) {
            const auto r = build(query, mode);
            ASSERT_TRUE(std::holds_alternative<Xapian::Query>(r)) << describe(query, mode);
            Xapian::Enquire enquire(db_);
            enquire.set_query(std::get<Xapian::Query>(r));
            EXPECT_LE(enquire.get_mset(0, 10).size(), db_.get_doccount());
        }
    }
}

// A no-break, thin or ideographic space parts words like a space (a query
// pasted from a web page), not into a phrase.
TEST_F(QueryBuilderTest, UnicodeSpacesPartWords) {
    const std::string two_words = describe("ceasefire talks");
    for (const char* q : {"ceasefire\xC2\xA0talks", "ceasefire\xE2\x80\x89talks", "ceasefire\xE3\x80\x80talks",
                          "ceasefire\xE2\x80\xAFtalks"}) {
        SCOPED_TRACE(q);
        EXPECT_EQ(describe(q), two_words);
    }
    // Stray bytes that only begin such a space blank nothing ("\xE2\x80" then "x").
    EXPECT_NE(describe("\xE2\x80"
                       "x harbour"),
              describe("harbour"));
    // An error's position still points into the query as written.
    const auto r = build("talks\xC2\xA0\"open");
    ASSERT_TRUE(std::holds_alternative<QueryError>(r));
    EXPECT_EQ(std::get<QueryError>(r).position, 7u);
}

// "UK" is a name of GB, not a code: a name is looked up first.
TEST_F(QueryBuilderTest, CountryByCodeOrName) {
    const std::string gb = Xapian::Query(schema::country_term("GB")).get_description();
    for (const char* q : {"country:GB", "country:gb", "country:UK", "country:\"United Kingdom\"", "country:britain"}) {
        SCOPED_TRACE(q);
        EXPECT_NE(describe(q).find(schema::country_term("GB")), std::string::npos) << describe(q);
    }
    EXPECT_NE(describe("country:EG").find(schema::country_term("EG")), std::string::npos);
}

TEST_F(QueryBuilderTest, UnknownFieldNamesKnownFields) {
    const auto r = build("Titel:bar");
    ASSERT_TRUE(std::holds_alternative<QueryError>(r));
    EXPECT_NE(std::get<QueryError>(r).message.find("title:"), std::string::npos) << std::get<QueryError>(r).message;
}

TEST(DescribeQueryError, CaretUnderPosition) {
    EXPECT_EQ(describe_query_error("cease \"fire", QueryError{"unbalanced quote", 6}),
              "query error: unbalanced quote\n  cease \"fire\n        ^");
}

TEST(DescribeQueryError, ControlCharactersEscapedAndTheCaretUnderTheEscapedText) {
    EXPECT_EQ(describe_query_error("\x1b[31m \"red", QueryError{"unbalanced quote", 6}),
              "query error: unbalanced quote\n  \\x1B[31m \"red\n           ^");
    EXPECT_EQ(describe_query_error("S\xC3\xA3o \"Paulo", QueryError{"unbalanced quote", 5}),
              "query error: unbalanced quote\n  S\xC3\xA3o \"Paulo\n      ^");  // ã is one column
    EXPECT_EQ(describe_query_error("a", QueryError{"bad \x1b]0;title\x07", std::string::npos}),
              "query error: bad \\x1B]0;title\\x07\n  a");
}

TEST(DescribeQueryError, ALongQueryIsQuotedAroundTheError) {
    const std::string query = std::string(5000, 'a') + " (" + std::string(5000, 'b');
    EXPECT_EQ(describe_query_error(query, QueryError{"unbalanced parenthesis", 5001}),
              "query error: unbalanced parenthesis\n  \xE2\x80\xA6" + std::string(39, 'a') + " (" +
                  std::string(39, 'b') + "\xE2\x80\xA6\n  " + std::string(41, ' ') + "^");
    EXPECT_EQ(describe_query_error(query, QueryError{"too long", std::string::npos}),
              "query error: too long\n  " + std::string(80, 'a') + "\xE2\x80\xA6");
    // On a terminal 70 columns wide: 33 bytes each side, one line of 70.
    EXPECT_EQ(describe_query_error(query, QueryError{"unbalanced parenthesis", 5001}, 70),
              "query error: unbalanced parenthesis\n  \xE2\x80\xA6" + std::string(32, 'a') + " (" +
                  std::string(32, 'b') + "\xE2\x80\xA6\n  " + std::string(34, ' ') + "^");
    // --like's unknown id has no query to quote.
    EXPECT_EQ(describe_query_error("", QueryError{"no article has the id \"x\"", std::string::npos}),
              "query error: no article has the id \"x\"");
}

// Past these limits a query could run for minutes, fill memory or overflow
// the stack: each is an error naming the limit, with the position where it
// was passed.
TEST_F(QueryBuilderTest, QueriesPastTheLimitsAreErrors) {
    const auto error_of = [&](const std::string& q) {
        const auto r = build(q);
        return std::holds_alternative<QueryError>(r) ? std::get<QueryError>(r) : QueryError{"(no error)", 0};
    };
    const QueryError bytes = error_of(std::string(kMaxQueryBytes + 1, 'a'));
    EXPECT_EQ(bytes.message, "too long: a query may have at most 10000 bytes (this one has 10001)");
    EXPECT_EQ(bytes.position, std::string::npos);
    EXPECT_FALSE(std::holds_alternative<QueryError>(build(std::string(kMaxQueryBytes, 'a'))))
        << error_of(std::string(kMaxQueryBytes, 'a')).message;

    std::string words, phrase = "\"";
    for (std::size_t k = 0; k < kMaxQueryWords; ++k) words += "w ", phrase += "w ";
    // 1,000 words and two operators, which are no words.
    EXPECT_FALSE(std::holds_alternative<QueryError>(build(words.substr(2 * 3) + "w OR w AND w")));
    const QueryError too_many = error_of(words + "w");
    EXPECT_EQ(too_many.message, "too many words: a query may have at most 1000");
    EXPECT_EQ(too_many.position, 2 * kMaxQueryWords);
    EXPECT_EQ(error_of(phrase + "w\"").position, 0u);  // a phrase counts its words

    const std::string deep = std::string(kMaxQueryNesting, '(') + "talks" + std::string(kMaxQueryNesting, ')');
    EXPECT_FALSE(std::holds_alternative<QueryError>(build(deep)));
    const QueryError nested = error_of("(" + deep + ")");
    EXPECT_EQ(nested.message, "parentheses nested too deep: a query may nest them at most 100 deep");
    EXPECT_EQ(nested.position, kMaxQueryNesting);
}

TEST(QueryBuilderLimits, WildcardsStandForAtMostTheLimitOfWordsTogether) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;  // 6,000 words starting with "zq", 20 with "zr"
    for (int k = 0; k < 6000; ++k) doc.add_term("zq" + std::to_string(k));
    for (int k = 0; k < 20; ++k) doc.add_term("zr" + std::to_string(k));
    db.add_document(doc);
    const QueryBuilder builder(db);
    EXPECT_TRUE(std::holds_alternative<Xapian::Query>(builder.build("zq* zr*", MatchMode::all)));
    const auto one = builder.build("zr* zq* OR zq*", MatchMode::all);
    ASSERT_TRUE(std::holds_alternative<QueryError>(one));
    EXPECT_EQ(std::get<QueryError>(one).position, 11u);
    EXPECT_EQ(std::get<QueryError>(one).message,
              "\"zq*\" and the wildcards before it match too many words: a query's wildcards may stand for at most "
              "10000 words of the index together (give more letters before the *)");
    Xapian::Document more;
    for (int k = 0; k < 12000; ++k) more.add_term("zs" + std::to_string(k));
    db.add_document(more);
    const QueryBuilder again(db);
    const auto alone = again.build("ceasefire ZS*", MatchMode::all);
    ASSERT_TRUE(std::holds_alternative<QueryError>(alone));
    EXPECT_EQ(std::get<QueryError>(alone).position, 10u);
    EXPECT_EQ(std::get<QueryError>(alone).message.find("\"ZS*\" matches too many words: "), 0u)
        << std::get<QueryError>(alone).message;
}

TEST_F(QueryBuilderTest, MatchModes) {
    const std::string all = describe("harbour strike", MatchMode::all);
    const std::string any = describe("harbour strike", MatchMode::any);
    EXPECT_NE(all.find(" AND "), std::string::npos) << all;
    EXPECT_EQ(all.find(" OR "), std::string::npos) << all;
    EXPECT_NE(any.find(" OR "), std::string::npos) << any;
    EXPECT_EQ(any.find(" AND "), std::string::npos) << any;
    // The mode of one build does not leak into the next.
    EXPECT_EQ(describe("harbour strike", MatchMode::all), all);
}

struct SearchCase {
    const char* query;
    std::set<std::string> ids;
};

TEST_F(QueryBuilderTest, SpellingsOfCompoundsFindEachOther) {
    const std::vector<SearchCase> cases = {
        {"cease-fire", {"hyphen", "solid", "titled"}},
        {"ceasefire", {"hyphen", "solid", "titled"}},
        {"\"cease fire\"", {"hyphen", "solid", "titled"}},
        {"Ceasefires", {"hyphen", "solid", "titled"}},
        {"title:ceasefire", {"titled"}},
        {"title:cease-fire", {"titled"}},
        {"cease fire", {"hyphen", "titled", "fire"}},  // two words, AND: both present
        {"hostages", {"other"}},
        {"harbour OR ceasefire", {"hyphen", "solid", "titled", "other"}},
        {"ceasefire -night", {"hyphen", "titled"}},
        // Only exclusions: everything except them (QueryParser alone would search for them).
        {"-ceasefire", {"other", "fire"}},
        {"-ceasefire -strike", {"fire"}},
        {"nonexistentword", {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.query);
        EXPECT_EQ(search(c.query), c.ids) << describe(c.query);
    }
}

TEST_F(QueryBuilderTest, QueryFoldingMatchesIndexFolding) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    db.add_document(builder.build(
        article("a", "Envoy", "Jos\xC3\xA9 \xC3\x81lvarez met Israel\xE2\x80\x99s envoy in the U.S. capital.")));
    db.commit();
    QueryBuilder qb(db);
    for (const char* q : {"jose alvarez", "JOS\xC3\x89", "israel", "Israel's", "us capital", "\"jose alvarez\""}) {
        SCOPED_TRACE(q);
        const auto r = qb.build(q, MatchMode::all);
        ASSERT_TRUE(std::holds_alternative<Xapian::Query>(r));
        Xapian::Enquire enquire(db);
        enquire.set_query(std::get<Xapian::Query>(r));
        EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u) << std::get<Xapian::Query>(r).get_description();
    }
}

// A whole name has its whole-name term only (schema version 10), a part of
// one its word term: person:madonna (a one-word name), person:"antony
// blinken" (a whole name, and a part of a longer one) and person:blinken
// all find their articles, also in an index whose articles still carry a
// word term for the whole name (schema version 9), each article once.
TEST(EntityFilters, WholeNamesAndPartsOfNames) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(/*extract_entities=*/false);
    auto add = [&](const char* id, std::vector<std::string> persons, bool as_schema_9) {
        Article a = article(id, "Talks", "Talks went on.");
        a.persons = a.person_mentions = std::move(persons);
        Xapian::Document doc = builder.build(a);
        if (as_schema_9)
            for (const auto& p : a.persons) doc.add_boolean_term("XWP" + entity_key(p));
        db.replace_document(schema::id_term(id), doc);
    };
    add("singer", {"Madonna"}, false);
    add("envoy", {"Antony Blinken"}, false);
    add("son", {"Antony Blinken Jr"}, false);
    add("old", {"Antony Blinken", "Madonna"}, true);
    db.commit();
    QueryBuilder qb(db);
    const std::vector<std::pair<const char*, std::set<std::string>>> cases = {
        {"person:madonna", {"singer", "old"}},       {"person:\"antony blinken\"", {"envoy", "son", "old"}},
        {"person:blinken", {"envoy", "son", "old"}}, {"person:=\"Antony Blinken\"", {"envoy", "old"}},
        {"person:\"blinken jr\"", {"son"}},
    };
    for (const auto& [q, expected] : cases) {
        SCOPED_TRACE(q);
        const auto r = qb.build(q, MatchMode::all);
        ASSERT_TRUE(std::holds_alternative<Xapian::Query>(r));
        Xapian::Enquire enquire(db);
        enquire.set_query(std::get<Xapian::Query>(r));
        const auto mset = enquire.get_mset(0, 10);
        std::set<std::string> ids;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.insert(schema::decode_record(it.get_document().get_data()).id);
        EXPECT_EQ(ids, expected);
        EXPECT_EQ(mset.get_matches_estimated(), expected.size());
    }
}

}  // namespace
}  // namespace newsdex
