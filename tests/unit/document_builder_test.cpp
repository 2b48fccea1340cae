// Unit tests for common/index/document_builder.h: the terms, positions, values and data an
// Article becomes. Terms are read back from the Xapian::Document.
#include "common/index/document_builder.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/index/schema.h"

namespace newsdex {
namespace {

Article make_article() {
    Article a;
    a.id = "world/talks-01.txt";
    a.title = "Israel\xE2\x80\x99s envoy meets Jos\xC3\xA9 Ortega";
    a.body = "Negotiators agreed a cease-fire on Monday. Hostages were released.";
    a.date = PublishedDate{2024, 6, 7, DatePrecision::day};
    a.source = "Coastal Gazette";
    a.url = "https://news.example.com/talks";
    a.path = "corpus/world/talks-01.txt";
    a.authors = {"Ana Silva", "Ben Okoro"};
    a.section = "World";
    return a;
}

// term -> wdf
std::map<std::string, Xapian::termcount> terms_of(const Xapian::Document& doc) {
    std::map<std::string, Xapian::termcount> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out[*it] = it.get_wdf();
    return out;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& doc, const std::string& term) {
    std::vector<Xapian::termpos> out;
    auto it = doc.termlist_begin();
    it.skip_to(term);
    if (it == doc.termlist_end() || *it != term) return out;
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) out.push_back(*pos);
    return out;
}

std::string term_dump(const std::map<std::string, Xapian::termcount>& terms) {
    std::string s;
    for (const auto& [t, wdf] : terms) s += t + " ";
    return s;
}

class AnalyzerTest : public testing::Test {
protected:
    DocumentBuilder builder_;
};

TEST_F(AnalyzerTest, ExpectedTermsPresent) {
    const auto doc = builder_.build(make_article());
    const auto terms = terms_of(doc);
    const std::vector<const char*> present = {// Body: compound parts, the joined form and its stem.
                                              "cease", "fire", "ceasefire", "Zceasefir", "Zceas", "Zfire",
                                              // Body: plain words and stems.
                                              "negotiators", "hostages", "Zhostag", "monday",
                                              // Title words: prefixed, stemmed with "ZS", and unprefixed.
                                              "Sisrael", "ZSisrael", "Senvoy", "ZSenvoy", "Smeets", "ZSmeet", "Sjose",
                                              "Sortega", "israel", "jose", "envoy",
                                              // Id and date terms.
                                              "Qworld/talks-01.txt", "Y2024", "M202406", "D20240607"};
    for (const char* t : present) {
        SCOPED_TRACE(t);
        EXPECT_TRUE(terms.count(t)) << "terms: " << term_dump(terms);
    }
}

TEST_F(AnalyzerTest, UnfoldedFormsAbsent) {
    const auto doc = builder_.build(make_article());
    const auto terms = terms_of(doc);
    const std::vector<std::string> absent = {
        "israel's", "israel\xE2\x80\x99s", "Sisrael's", "jos\xC3\xA9", "Jos\xC3\xA9",
        "Israel",   "cease-fire",          "Scease",    "Sceasefire",  // body words are not title terms
    };
    for (const auto& t : absent) {
        SCOPED_TRACE(t);
        EXPECT_FALSE(terms.count(t)) << "terms: " << term_dump(terms);
    }
    // Every term is valid UTF-8 lower-case text or an upper-case prefix + text;
    // no term carries an apostrophe.
    for (const auto& [t, wdf] : terms) EXPECT_EQ(t.find('\''), std::string::npos) << t;
}

TEST_F(AnalyzerTest, JoinedFormStandsAtFirstAndLastPart) {
    const auto doc = builder_.build(make_article());
    const auto cease = positions_of(doc, "cease");
    const auto fire = positions_of(doc, "fire");
    const auto joined = positions_of(doc, "ceasefire");
    ASSERT_EQ(cease.size(), 1u);
    ASSERT_EQ(fire.size(), 1u);
    ASSERT_EQ(joined.size(), 2u);
    EXPECT_EQ(joined[0], cease[0]);
    EXPECT_EQ(joined[1], fire[0]);
    EXPECT_EQ(fire[0], cease[0] + 1);
    // The second posting adds no wdf: the compound counts once.
    auto joined_term = doc.termlist_begin();
    joined_term.skip_to("ceasefire");
    ASSERT_EQ(*joined_term, "ceasefire");
    EXPECT_EQ(joined_term.get_wdf(), 1u);
    // "agreed a cease-fire on": neighbours keep consecutive positions.
    const auto a = positions_of(doc, "a");
    const auto on = positions_of(doc, "on");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(on.size(), 1u);
    EXPECT_EQ(a[0] + 1, cease[0]);
    EXPECT_EQ(on[0], fire[0] + 1);
}

TEST_F(AnalyzerTest, TitleCompoundGetsPrefixedJoinedForm) {
    Article a = make_article();
    a.title = "Cease-fire holds";
    a.body = "Quiet returned to the border.";
    const auto terms = terms_of(builder_.build(a));
    for (const char* t : {"Scease", "Sfire", "Sceasefire", "ZSceasefir", "ceasefire", "Zceasefir", "Sholds"}) {
        SCOPED_TRACE(t);
        EXPECT_TRUE(terms.count(t)) << "terms: " << term_dump(terms);
    }
}

TEST_F(AnalyzerTest, UnicodeHyphenCompoundAlsoJoined) {
    Article a = make_article();
    a.body =
        "A cease\xE2\x80\x91"
        "fire was agreed.";  // U+2011 non-breaking hyphen
    const auto terms = terms_of(builder_.build(a));
    for (const char* t : {"cease", "fire", "ceasefire", "Zceasefir"}) {
        SCOPED_TRACE(t);
        EXPECT_TRUE(terms.count(t)) << "terms: " << term_dump(terms);
    }
}

TEST_F(AnalyzerTest, TitleWordsOutweighBodyWords) {
    Article a = make_article();
    a.title = "Envoy arrives";
    a.body = "The envoy arrived late.";
    const auto terms = terms_of(builder_.build(a));
    ASSERT_TRUE(terms.count("envoy"));
    ASSERT_TRUE(terms.count("late"));
    EXPECT_GT(terms.at("envoy"), terms.at("late"));
    EXPECT_EQ(terms.at("Senvoy"), 1u);
}

TEST_F(AnalyzerTest, NoPhraseAcrossTitleAndBody) {
    Article a = make_article();
    a.title = "Harbour";
    a.body = "Reopens today.";
    const auto doc = builder_.build(a);
    const auto harbour = positions_of(doc, "harbour");
    const auto reopens = positions_of(doc, "reopens");
    ASSERT_FALSE(harbour.empty());
    ASSERT_EQ(reopens.size(), 1u);
    for (auto p : harbour) EXPECT_GT(reopens[0], p + 1) << "title and body positions are adjacent";
}

TEST_F(AnalyzerTest, IdTermForLongId) {
    Article a = make_article();
    a.id = std::string(300, 'x');
    const auto terms = terms_of(builder_.build(a));
    EXPECT_TRUE(terms.count(schema::id_term(a.id)));
    for (const auto& [t, wdf] : terms) EXPECT_LE(t.size(), 245u) << t;
}

struct DateCase {
    const char* name;
    std::optional<PublishedDate> date;
    std::vector<std::string> date_terms;
    std::string slot0;
};

TEST_F(AnalyzerTest, DateTermsAndValues) {
    const std::vector<DateCase> cases = {
        {"day", PublishedDate{2024, 6, 7, DatePrecision::day}, {"D20240607", "M202406", "Y2024"}, "20240607"},
        {"month", PublishedDate{2024, 6, 0, DatePrecision::month}, {"M202406", "Y2024"}, "202406"},
        {"year", PublishedDate{2024, 0, 0, DatePrecision::year}, {"Y2024"}, "2024"},
        {"undated", std::nullopt, {}, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        Article a = make_article();
        a.date = c.date;
        const auto doc = builder_.build(a);
        std::vector<std::string> found;
        for (const auto& [t, wdf] : terms_of(doc)) {
            if (t.size() > 1 && (t[0] == 'Y' || t[0] == 'M' || t[0] == 'D') &&
                std::isdigit(static_cast<unsigned char>(t[1])))
                found.push_back(t);
        }
        EXPECT_EQ(found, c.date_terms);
        EXPECT_EQ(doc.get_value(schema::kDateSlot), c.slot0);
        EXPECT_EQ(doc.get_value(schema::kTieBreakSlot), schema::tie_break_key(a.date, a.id));
    }
}

TEST_F(AnalyzerTest, DataDecodesToTheArticle) {
    const Article a = make_article();
    const auto doc = builder_.build(a);
    const Article back = schema::decode_article(doc);
    EXPECT_EQ(back.id, a.id);
    EXPECT_EQ(back.title, a.title);
    EXPECT_EQ(back.date, a.date);
    EXPECT_EQ(back.source, a.source);
    EXPECT_EQ(back.authors, a.authors);
    EXPECT_EQ(back.url, a.url);
    EXPECT_EQ(back.path, a.path);
    EXPECT_EQ(back.section, a.section);
    EXPECT_EQ(back.body, a.body);
}

TEST_F(AnalyzerTest, AnalyzerIsReusable) {
    // A second document must not inherit terms or positions from the first.
    Article first = make_article();
    Article second = make_article();
    second.id = "other";
    second.title = "Budget";
    second.body = "Lawmakers voted.";
    builder_.build(first);
    const auto doc = builder_.build(second);
    const auto terms = terms_of(doc);
    EXPECT_FALSE(terms.count("ceasefire")) << term_dump(terms);
    EXPECT_FALSE(terms.count("Qworld/talks-01.txt"));
    EXPECT_TRUE(terms.count("Qother"));
    const auto budget = positions_of(doc, "Sbudget");
    ASSERT_EQ(budget.size(), 1u);
    EXPECT_EQ(budget[0], 1u);
}

TEST_F(AnalyzerTest, IndexFoldedTextSkipsHyphensOutsideWords) {
    // Hyphens at the edges of words or between spaces make no compound.
    Article a;
    a.id = "x";
    a.body = "-start end- a - b well-known";
    const auto terms = terms_of(builder_.build(a));
    EXPECT_TRUE(terms.count("wellknown")) << term_dump(terms);
    EXPECT_FALSE(terms.count("start-")) << term_dump(terms);
    EXPECT_FALSE(terms.count("ab")) << term_dump(terms);
    EXPECT_FALSE(terms.count("startend")) << term_dump(terms);
    EXPECT_TRUE(terms.count("start")) << term_dump(terms);
    EXPECT_TRUE(terms.count("end")) << term_dump(terms);
}

}  // namespace
}  // namespace newsdex
