// Unit tests for common/search/snippet.h: which raw words a query matches, and the
// snippet window and highlight offsets make_snippet produces.
#include "common/search/snippet.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/query/query_builder.h"

namespace newsdex {
namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

// Queries are built against an empty in-memory database: these tests need
// only the query's terms.
class SnippetTest : public testing::Test {
protected:
    SnippetTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY), builder_(db_) {}

    Xapian::Query query(const std::string& text) {
        auto r = builder_.build(text, MatchMode::all);
        if (auto* e = std::get_if<QueryError>(&r)) {
            ADD_FAILURE() << "query error for " << text << ": " << e->message;
            return Xapian::Query();
        }
        return std::get<Xapian::Query>(r);
    }

    static std::vector<std::string> highlighted(const Snippet& s) {
        std::vector<std::string> out;
        for (const auto& [b, e] : s.highlights) {
            EXPECT_LT(b, e);
            EXPECT_LE(e, s.text.size());
            if (b < e && e <= s.text.size()) out.push_back(s.text.substr(b, e - b));
        }
        return out;
    }

    Xapian::WritableDatabase db_;
    QueryBuilder builder_;
};

struct HighlightCase {
    const char* query;
    std::string text;
    std::vector<std::string> highlights;
};

TEST_F(SnippetTest, HighlightsWholeWordsAsWritten) {
    const std::vector<HighlightCase> cases = {
        {"ceasefire", "Negotiators agreed a cease-fire on Monday.", {"cease-fire"}},
        {"ceasefire", "The ceasefire held. Another Ceasefire followed.", {"ceasefire", "Ceasefire"}},
        {"cease-fire", "The ceasefire held after the cease-fire talks.", {"ceasefire", "cease-fire"}},
        {"\"cease fire\"", "A cease-fire, then a ceasefire.", {"cease-fire", "ceasefire"}},
        {"hostage", "Hostages were freed; one hostage stayed.", {"Hostages", "hostage"}},
        {"jose", "Jos\xC3\xA9 \xC3\x81lvarez spoke first.", {"Jos\xC3\xA9"}},
        {"israel", "Israel\xE2\x80\x99s envoy met Israel's allies.", {"Israel\xE2\x80\x99s", "Israel's"}},
        {"harbour strike", "The strike at the harbour ended.", {"strike", "harbour"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.query);
        const MatchedWords words(query(c.query));
        const Snippet s = make_snippet(c.text, words);
        EXPECT_EQ(s.text, c.text);
        EXPECT_EQ(highlighted(s), c.highlights);
    }
}

TEST_F(SnippetTest, MatchedWordsTable) {
    struct Case {
        const char* query;
        const char* word;
        bool matches;
    };
    const std::vector<Case> cases = {
        {"ceasefire", "cease-fire", true}, {"ceasefire", "Ceasefires", true}, {"ceasefire", "cease", false},
        {"ceasefire", "fire", false},      {"hostage", "Hostages", true},     {"hostage", "host", false},
        {"jose", "Jos\xC3\xA9", true},     {"jose", "Joseph", false},         {"title:harbour", "Harbour", true},
        {"\"cease fire\"", "cease", true}, {"\"cease fire\"", "fire", true},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.query) + " / " + c.word);
        EXPECT_EQ(MatchedWords(query(c.query)).matches(c.word), c.matches);
    }
}

// may_match() turns most words away before folding and stemming; it must
// never turn away a word that matches. Words whose stem changes their
// second letter ("dying" -> "die") or is one letter long are the edge cases;
// then every pair of the distinct words of the bundled corpus's text files.
TEST_F(SnippetTest, MayMatchNeverTurnsAwayAMatchingWord) {
    const std::vector<std::pair<const char*, const char*>> edge_cases = {
        {"die", "dying"}, {"dying", "Dies"}, {"lie", "Lying"}, {"tying", "tie"},    {"sky", "skies"}, {"skies", "Sky"},
        {"a", "A"},       {"i", "I"},        {"2024", "2024"}, {"yields", "Yield"}, {"news", "News"}, {"cry", "cries"},
    };
    for (const auto& [q, word] : edge_cases) {
        SCOPED_TRACE(std::string(q) + " / " + word);
        const MatchedWords words(query(q));
        EXPECT_TRUE(words.matches(word));
        EXPECT_TRUE(words.may_match(word));
    }
    EXPECT_FALSE(MatchedWords(query("harbour")).may_match("strike"));

    std::set<std::string> vocabulary;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(NEWSDEX_SOURCE_DIR) + "/corpus/text")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        for (std::string w; in >> w;) {
            std::erase_if(w, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); });
            if (!w.empty()) vocabulary.insert(w);
        }
    }
    ASSERT_GT(vocabulary.size(), 1000u);
    std::size_t queried = 0, self_matched = 0, turned_away = 0;
    for (auto q = vocabulary.begin(); q != vocabulary.end();
         std::advance(q, std::min<std::ptrdiff_t>(7, std::distance(q, vocabulary.end())))) {
        std::string lower = *q;  // "OR" and "AND" would be operators
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const MatchedWords words(query(lower));
        ++queried;
        self_matched += words.matches(*q) ? 1 : 0;
        for (const auto& w : vocabulary) {
            if (!words.may_match(w)) ++turned_away;
            else continue;
            if (words.matches(w)) ADD_FAILURE() << "query " << lower << " matches " << w << " but may_match is false";
        }
    }
    EXPECT_GT(queried, 100u);
    EXPECT_GT(self_matched, queried * 9 / 10);                // the loop above is not vacuous
    EXPECT_GT(turned_away, queried * vocabulary.size() / 2);  // the filter does turn most words away
}

TEST_F(SnippetTest, FilterTermsAreNotWords) {
    const MatchedWords filters(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Y2024"), Xapian::Query("Qsome-id")));
    EXPECT_TRUE(filters.empty());
    const MatchedWords words(query("harbour"));
    EXPECT_FALSE(words.empty());
}

std::string numbered_words(std::size_t from, std::size_t to) {
    // Filler that no query here matches: "w10 w11 ...".
    std::string s;
    for (std::size_t i = from; i < to; ++i) s += (s.empty() ? "w" : " w") + std::to_string(i);
    return s;
}

TEST_F(SnippetTest, LongTextWindowAroundTheMatch) {
    const std::string text = numbered_words(0, 150) + " negotiators agreed a cease-fire on monday. " +
                             numbered_words(150, 300);
    const MatchedWords words(query("ceasefire"));
    const Snippet s = make_snippet(text, words, 20);
    EXPECT_TRUE(s.text.starts_with(kEllipsis + " ")) << s.text;
    EXPECT_TRUE(s.text.ends_with(" " + kEllipsis)) << s.text;
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"cease-fire"}) << s.text;
    EXPECT_NE(s.text.find("agreed a cease-fire on"), std::string::npos) << s.text;
    EXPECT_EQ(s.text.find("w0 "), std::string::npos) << s.text;
    // About 20 words, not the whole text.
    EXPECT_LT(s.text.size(), 200u) << s.text;
}

TEST_F(SnippetTest, WindowWithMostDistinctMatchedWords) {
    const std::string text = numbered_words(0, 40) + " harbour " + numbered_words(40, 80) + " harbour strike ended " +
                             numbered_words(80, 120);
    const MatchedWords words(query("harbour strike"));
    const Snippet s = make_snippet(text, words, 10);
    EXPECT_EQ(highlighted(s), (std::vector<std::string>{"harbour", "strike"})) << s.text;
    EXPECT_NE(s.text.find("harbour strike ended"), std::string::npos) << s.text;
}

TEST_F(SnippetTest, EarliestWindowOnTies) {
    const std::string text = numbered_words(0, 30) + " harbour first " + numbered_words(30, 80) + " harbour second " +
                             numbered_words(80, 120);
    const Snippet s = make_snippet(text, MatchedWords(query("harbour")), 10);
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"harbour"}) << s.text;
    EXPECT_NE(s.text.find("harbour first"), std::string::npos) << s.text;
    EXPECT_EQ(s.text.find("second"), std::string::npos) << s.text;
}

TEST_F(SnippetTest, MatchNearStartHasNoLeadingEllipsis) {
    const std::string text = "The ceasefire held. " + numbered_words(0, 100);
    const Snippet s = make_snippet(text, MatchedWords(query("ceasefire")), 20);
    EXPECT_TRUE(s.text.starts_with("The ceasefire held.")) << s.text;
    EXPECT_TRUE(s.text.ends_with(" " + kEllipsis)) << s.text;
    ASSERT_EQ(s.highlights.size(), 1u);
    EXPECT_EQ(s.highlights[0], (std::pair<std::size_t, std::size_t>{4, 13}));
}

TEST_F(SnippetTest, NoMatchGivesStartOfText) {
    const std::string text = "Dock workers walked out over pay. " + numbered_words(0, 100);
    const Snippet s = make_snippet(text, MatchedWords(query("ceasefire")), 12);
    EXPECT_TRUE(s.text.starts_with("Dock workers walked out over pay.")) << s.text;
    EXPECT_FALSE(s.text.starts_with(kEllipsis)) << s.text;
    EXPECT_TRUE(s.highlights.empty());
    EXPECT_LT(s.text.size(), text.size());
}

TEST_F(SnippetTest, ShortTextIsWholeAndWhiteSpaceCollapsed) {
    const std::string text = "First line.\n\nSecond   line with the ceasefire.";
    const Snippet s = make_snippet(text, MatchedWords(query("ceasefire")));
    EXPECT_EQ(s.text, "First line. Second line with the ceasefire.");
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"ceasefire"});
}

// Issue 15: a subhead or a caption (a line that ends no sentence) never runs
// into the text after it, and the passage comes from the block that holds
// the matches; sentences on following lines still join.
TEST_F(SnippetTest, APassageNeverRunsOnFromACaptionOrSubhead) {
    const std::string text =
        "Mayor to meet the striking dockers\n\n"
        "The mayor greets dockers at the harbour gate on Monday. Photo agency\n\n"
        "The mayor will meet the dockers on Tuesday, a week after the strike began. " +
        numbered_words(0, 30) + ".\nThe dockers said the mayor was welcome.";
    const Snippet s = make_snippet(text, MatchedWords(query("mayor dockers")), 20);
    EXPECT_EQ(s.text.find("striking"), std::string::npos) << s.text;
    EXPECT_EQ(s.text.find("Photo agency"), std::string::npos) << s.text;
    EXPECT_TRUE(s.text.starts_with(kEllipsis + " The mayor will meet the dockers")) << s.text;
    // A line that ends a sentence joins the next: the whole text reads on.
    const Snippet joined = make_snippet("The dockers voted.\nThe mayor agreed.", MatchedWords(query("mayor dockers")));
    EXPECT_EQ(joined.text, "The dockers voted. The mayor agreed.");
    // A no-break space is white space: it neither ends the line's sentence
    // nor doubles the space.
    const Snippet no_break = make_snippet("The dockers voted.\xC2\xA0\nThe mayor agreed.",
                                          MatchedWords(query("mayor dockers")));
    EXPECT_EQ(no_break.text, "The dockers voted. The mayor agreed.");
    // A caption alone is the passage when it holds the only match.
    const Snippet caption = make_snippet(text, MatchedWords(query("gate")), 20);
    EXPECT_NE(caption.text.find("harbour gate on Monday. Photo agency"), std::string::npos) << caption.text;
    EXPECT_EQ(caption.text.find("will meet"), std::string::npos) << caption.text;
}

// With no matched word (a filter-only query), the passage is the article's
// opening, even when no line ends a sentence.
TEST_F(SnippetTest, NoMatchIsTheOpeningWhateverTheBlocks) {
    const std::string text = "mediators met negotiators on Sunday\nthe talks went on all night\n" +
                             numbered_words(0, 10) + "\nmore talks are expected next week " + numbered_words(10, 30);
    const Snippet s = make_snippet(text, MatchedWords(query("zeppelin")), 20);
    EXPECT_TRUE(s.text.starts_with("mediators met negotiators on Sunday")) << s.text;
}

TEST_F(SnippetTest, EmptyText) {
    const Snippet s = make_snippet("", MatchedWords(query("ceasefire")));
    EXPECT_TRUE(s.text.empty());
    EXPECT_TRUE(s.highlights.empty());
}

}  // namespace
}  // namespace newsdex
