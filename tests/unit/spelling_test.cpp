// Unit tests for common/search/spelling.h: edit distance and suggestions from the
// indexed vocabulary.
#include "common/search/spelling.h"

#include "common/base/edit_distance.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(EditDistance, EditsSwapsAndTheLimit) {
    EXPECT_EQ(edit_distance("blinken", "blinken", 2), 0u);
    EXPECT_EQ(edit_distance("blinkin", "blinken", 2), 1u);
    EXPECT_EQ(edit_distance("netanyahoo", "netanyahu", 2), 2u);
    EXPECT_EQ(edit_distance("gaza", "agza", 2), 1u);        // adjacent swap
    EXPECT_EQ(edit_distance("ceasefire", "cease", 2), 3u);  // beyond the limit: limit + 1
    EXPECT_EQ(edit_distance("", "abc", 5), 3u);
}

// Documents holding the given words, each word in `count` documents.
Xapian::WritableDatabase vocabulary(const std::vector<std::pair<std::string, int>>& words) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& [word, count] : words)
        for (int n = 0; n < count; ++n) {
            Xapian::Document d;
            d.add_term(word);
            d.add_term("Zignored");  // prefixed terms are never suggested
            db.add_document(d);
        }
    return db;
}

TEST(BetterSpelling, AbsentOrRareWordsGetTheCommonNeighbour) {
    const auto db =
        vocabulary({{"netanyahu", 30}, {"blinken", 25}, {"blinked", 2}, {"gaza", 40}, {"gazan", 1}, {"netanyah", 1}});
    EXPECT_EQ(better_spelling(db, "netanyahoo"), "netanyahu");
    EXPECT_EQ(better_spelling(db, "blinkin"), "blinken");     // the more common of two at one edit
    EXPECT_EQ(better_spelling(db, "netanyah"), "netanyahu");  // rare, and 30 times rarer than its neighbour
    EXPECT_EQ(better_spelling(db, "gaza"), std::nullopt);     // common: left alone
    // A rare real word beside a far more common one is respelt too: the rule
    // has no dictionary, only frequencies (one article vs 40).
    EXPECT_EQ(better_spelling(db, "gazan"), "gaza");
    EXPECT_EQ(better_spelling(db, "blinked"), std::nullopt);  // 2 articles vs 25: not 20 times rarer
    EXPECT_EQ(better_spelling(db, "zzzzzz"), std::nullopt);   // nothing near
    EXPECT_EQ(better_spelling(db, "2024"), std::nullopt);     // numbers are not respelt
}

// The lookup skips every indexed word whose first letters are already too
// far from the query word; the neighbours after those skips are still found,
// in one database and across shards read as one.
TEST(BetterSpelling, SkippedPrefixesHideNoNeighbour) {
    const std::vector<std::pair<std::string, int>> words = {
        {"eaaaa", 50},    {"eabbbbbb", 50}, {"ebxyz", 50},        {"elbow", 50}, {"electric", 5},
        {"election", 40}, {"electron", 3},  {"elitelection", 50}, {"ezzzz", 50}, {"f", 50}};
    const auto one = vocabulary(words);
    Xapian::Database shards;
    shards.add_database(vocabulary({words.begin(), words.begin() + 5}));
    shards.add_database(vocabulary({words.begin() + 5, words.end()}));
    for (const Xapian::Database& db : {static_cast<const Xapian::Database&>(one), shards}) {
        EXPECT_EQ(better_spelling(db, "eleciton"), "election");  // a swap
        EXPECT_EQ(better_spelling(db, "eelction"), "election");  // a swap in the first letters
        EXPECT_EQ(better_spelling(db, "electiom"), "election");
        EXPECT_EQ(better_spelling(db, "ezzzy"), "ezzzz");  // the last word of the letter (fzzzy: another letter)
        EXPECT_EQ(better_spelling(db, "ebxzz"), "ebxyz");
    }
}

// Each rare word costs a pass over the index's words with its first letter:
// a long query gets only its first ten rare words looked up.
TEST(SuggestSpelling, OnlyTheFirstTenRareWordsAreLookedUp) {
    const auto db = vocabulary({{"netanyahu", 30}});
    std::string nine_rare;
    for (char c = 'a'; c < 'a' + 9; ++c) nine_rare += std::string("zzzz") + c + " ";
    EXPECT_EQ(suggest_spelling(db, nine_rare + "netanyahoo"), nine_rare + "netanyahu");  // the tenth
    EXPECT_EQ(suggest_spelling(db, nine_rare + "zzzzz netanyahoo"), std::nullopt);       // the eleventh
    EXPECT_EQ(suggest_spelling(db, "netanyahoo " + nine_rare + "zzzzz"), "netanyahu " + nine_rare + "zzzzz");
}

}  // namespace
}  // namespace newsdex
