// Unit tests for common/render.h: a search result as text for people and as
// JSON for scripts. The results come from real searches (common/search.h) on
// a small in-memory index of hand-written articles (tests/unit/test_index.h);
// only branches a tiny index cannot reach (an estimated total, explanation
// parts that do not add up, invalid UTF-8) use results edited by hand.
//
// Expectations come from render.h, docs/json-format.md (the fields of a
// result and of a hit), docs/query-language.md (the explain line, collapsed
// hits, "Did you mean", the any-word note) and docs/cli.md (the match count
// line, the shell's facet line, colour only when asked).
#include "common/render/render.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <utf8proc.h>

#include "common/search/search.h"
#include "test_index.h"

namespace newsdex {
namespace {

// A share of a score for --explain: a one-term clause (term) or a compound one (clause and terms).
ScorePart score_part(std::string term, std::string clause, std::vector<std::string> terms, double weight) {
    ScorePart p;
    p.term = std::move(term), p.clause = std::move(clause), p.terms = std::move(terms), p.weight = weight;
    return p;
}

using namespace testing_index;
using nlohmann::ordered_json;

const std::string kDot = "\xC2\xB7";           // U+00B7, between metadata items
const std::string kEllipsis = "\xE2\x80\xA6";  // U+2026
const std::string kBlock = "\xE2\x96\x88";     // U+2588, date histogram bars

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Terminal columns of UTF-8 text, as a terminal counts them (CJK: two).
std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
        if (len <= 0) return std::string::npos;
        n += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        p += len;
        left -= len;
    }
    return n;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

std::vector<std::string> keys_of(const ordered_json& j) {
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    return keys;
}

// Four articles of a made-up harbour town: three about Harth Island, one
// not; dated to a day, to a month, to a year, and not at all.
class RenderTest : public testing::Test {
protected:
    RenderTest() {
        Article ferry = article("ferry", "Ferry service resumes",
                                "The ferry between Quillon Bay and Harth Island resumed on Monday after a storm kept "
                                "the boats in port for three days.",
                                day(2024, 6, 3));
        ferry.source = "Bay Courier";
        ferry.url = "https://baycourier.example/ferry";
        ferry.authors = {"Ines Halloran"};
        ferry.persons = ferry.person_mentions = {"Odile Marchbank"};
        ferry.locations = {"Quillon Bay", "Harth Island"};
        ferry.countries = {"ie"};
        ferry.organizations = {"Quillon Ferry Company"};
        Article light = article("lighthouse", "Lighthouse repainted",
                                "Volunteers repainted the lighthouse on Harth Island in red and white stripes.",
                                month(2024, 6));
        light.source = "Island Post";
        light.persons = light.person_mentions = {"Tobias Wrenfield", "Odile Marchbank"};
        light.locations = {"Harth Island"};
        Article almanac = article("almanac", "Island almanac",
                                  "The yearly almanac of Harth Island lists tides, ferry times and the lighthouse "
                                  "keepers of the past century.",
                                  year(2024));
        Article history = article("history", "A short history of the quay",
                                  "Fishermen built the first quay of Quillon Bay from timber and stone.");
        history.locations = {"Quillon Bay"};
        index_.add(ferry, kIndexedAt);
        index_.add({light, almanac, history});
        index_.finish();
    }

    SearchResults search(SearchRequest q) {
        auto r = ArticleSearcher(index_.db()).search(q);
        if (const auto* e = std::get_if<QueryError>(&r)) {
            ADD_FAILURE() << q.query << ": " << e->message;
            return {};
        }
        return std::get<SearchResults>(std::move(r));
    }
    SearchResults search(const std::string& query, std::size_t limit = 10) {
        SearchRequest q;
        q.query = query;
        q.limit = limit;
        return search(q);
    }
    static std::string text(const SearchResults& r, TextStyle style = {}) {
        std::ostringstream out;
        render_text(out, r, style);
        return out.str();
    }
    static std::string json_line(const SearchResults& r, bool with_timing = false) {
        std::ostringstream out;
        render_json(out, r, with_timing);
        return out.str();
    }
    static ordered_json json(const SearchResults& r, bool with_timing = false) {
        const std::string line = json_line(r, with_timing);
        EXPECT_EQ(count_of(line, "\n"), 1u) << line;  // one line
        EXPECT_EQ(line.back(), '\n');
        return ordered_json::parse(line);
    }
    static const ordered_json& hit_with_id(const ordered_json& result, const std::string& id) {
        for (const auto& h : result["hits"])
            if (h["id"] == id) return h;
        ADD_FAILURE() << "no hit " << id << " in " << result.dump();
        static const ordered_json none;
        return none;
    }

    // docs/json-format.md's example time.
    static inline const IndexedTime kIndexedAt = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} +
                                                 std::chrono::hours{8} + std::chrono::minutes{30} +
                                                 std::chrono::microseconds{123456};
    TestIndex index_;
};

// ---- JSON: the fields docs/json-format.md lists ----

TEST_F(RenderTest, JsonResultHasTheDocumentedFieldsAndNoTimingUnlessAsked) {
    const SearchResults r = search("harth island");
    const ordered_json j = json(r);
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{"query", "total", "total_exact", "hits", "facets", "facets_exact",
                                                    "suggestion", "relaxed", "notes", "partial"}));
    EXPECT_EQ(j["query"], "harth island");
    EXPECT_EQ(j["total"], 3);
    EXPECT_EQ(j["total_exact"], true);
    EXPECT_EQ(j["hits"].size(), 3u);
    EXPECT_EQ(j["facets"], ordered_json::object());  // none asked: an empty object
    EXPECT_EQ(j["facets_exact"], true);
    EXPECT_TRUE(j["suggestion"].is_null());
    EXPECT_EQ(j["relaxed"], false);
    EXPECT_EQ(j["partial"], false);  // every shard answered: no missing_shards

    SearchResults partial = r;
    partial.missing_shards = {"remote 10.0.0.2:33333"};
    const ordered_json p = json(partial);
    EXPECT_EQ(p["partial"], true);
    EXPECT_EQ(p["missing_shards"], ordered_json::array({"remote 10.0.0.2:33333"}));

    const ordered_json timed = json(r, /*with_timing=*/true);
    ASSERT_TRUE(timed.contains("took_ms"));
    EXPECT_TRUE(timed["took_ms"].is_number());
    EXPECT_GE(timed["took_ms"].get<double>(), 0.0);
}

TEST_F(RenderTest, JsonHitHasEveryDocumentedField) {
    const ordered_json j = json(search("harth island"));
    const std::set<std::string> documented = {
        "rank",    "id",        "score",     "title",         "date",    "date_precision", "date_source",
        "source",  "url",       "path",      "indexed_at",    "authors", "section",        "keywords",
        "persons", "locations", "countries", "organizations", "snippet", "highlights"};
    for (const auto& h : j["hits"]) {
        const auto keys = keys_of(h);
        EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()), documented) << h.dump();  // no collapsed, no explain
    }
    const ordered_json& ferry = hit_with_id(j, "ferry");
    EXPECT_EQ(ferry["title"], "Ferry service resumes");
    EXPECT_EQ(ferry["date"], "2024-06-03");
    EXPECT_EQ(ferry["date_precision"], "day");
    EXPECT_EQ(ferry["date_source"], "metadata");
    EXPECT_EQ(ferry["source"], "Bay Courier");
    EXPECT_EQ(ferry["url"], "https://baycourier.example/ferry");
    EXPECT_EQ(ferry["path"], "test/ferry");
    EXPECT_EQ(ferry["indexed_at"], "2026-12-01T08:30:00.123456Z");
    EXPECT_EQ(ferry["authors"], ordered_json::array({"Ines Halloran"}));
    EXPECT_EQ(ferry["persons"], ordered_json::array({"Odile Marchbank"}));
    EXPECT_EQ(ferry["locations"], ordered_json::array({"Quillon Bay", "Harth Island"}));
    EXPECT_EQ(ferry["countries"], ordered_json::array({"ie"}));
    EXPECT_EQ(ferry["organizations"], ordered_json::array({"Quillon Ferry Company"}));
}

TEST_F(RenderTest, JsonDatesAreFirstDaysWithTheirPrecisionAndEmptyFieldsAreNull) {
    const ordered_json j = json(search("*"));
    ASSERT_EQ(j["hits"].size(), 4u);
    // A month or a year: its first day, and the precision says which.
    EXPECT_EQ(hit_with_id(j, "lighthouse")["date"], "2024-06-01");
    EXPECT_EQ(hit_with_id(j, "lighthouse")["date_precision"], "month");
    EXPECT_EQ(hit_with_id(j, "almanac")["date"], "2024-01-01");
    EXPECT_EQ(hit_with_id(j, "almanac")["date_precision"], "year");
    // Undated: the date, its precision and its source are null.
    const ordered_json& history = hit_with_id(j, "history");
    for (const char* key : {"date", "date_precision", "date_source"}) EXPECT_TRUE(history[key].is_null()) << key;
    // No outlet, no url: null, not "".
    for (const char* key : {"source", "url"}) EXPECT_TRUE(history[key].is_null()) << key;
    // No first-indexed time (not added through WritableArticleIndex): null.
    EXPECT_TRUE(history["indexed_at"].is_null());
    // Empty lists stay lists.
    EXPECT_EQ(history["authors"], ordered_json::array());
    EXPECT_EQ(history["persons"], ordered_json::array());
    // "*" scores 0.
    for (const auto& h : j["hits"]) EXPECT_EQ(h["score"], 0) << h["id"];
}

TEST_F(RenderTest, JsonRanksScoresAndHighlights) {
    SearchRequest q;
    q.query = "lighthouse";
    q.offset = 1;
    const SearchResults r = search(q);
    ASSERT_EQ(r.hits.size(), 1u);  // the second of two
    const ordered_json j = json(r);
    EXPECT_EQ(j["total"], 2);
    const ordered_json& h = j["hits"][0];
    EXPECT_EQ(h["rank"], 2);  // over the whole list: the offset counts
    // BM25, rounded to 6 decimals.
    const double score = h["score"].get<double>();
    EXPECT_GT(score, 0.0);
    EXPECT_NEAR(score, r.hits[0].score, 0.5e-6);
    EXPECT_NEAR(score * 1e6, std::round(score * 1e6), 1e-6);
    // Highlights: byte ranges of the snippet, each a matched word.
    const std::string snippet = h["snippet"];
    EXPECT_EQ(snippet, r.hits[0].snippet.text);
    ASSERT_FALSE(h["highlights"].empty());
    for (const auto& span : h["highlights"]) {
        ASSERT_EQ(span.size(), 2u);
        const std::size_t b = span[0], e = span[1];
        ASSERT_LT(b, e);
        ASSERT_LE(e, snippet.size());
        EXPECT_EQ(snippet.substr(b, e - b), "lighthouse");
    }
}

TEST_F(RenderTest, JsonCarriesCollapsedAndExplainOnlyWhenThereIsSomething) {
    SearchRequest q;
    q.query = "lighthouse";
    q.explain = true;
    const SearchResults r = search(q);
    ASSERT_FALSE(r.hits.empty());
    const ordered_json j = json(r);
    for (std::size_t k = 0; k < r.hits.size(); ++k) {
        const ordered_json& h = j["hits"][k];
        EXPECT_FALSE(h.contains("collapsed"));  // nothing folded into it
        ASSERT_TRUE(h.contains("explain"));
        ASSERT_EQ(h["explain"].size(), r.hits[k].explanation.size());
        for (std::size_t t = 0; t < r.hits[k].explanation.size(); ++t) {
            const ScorePart& part = r.hits[k].explanation[t];
            ASSERT_FALSE(part.term.empty());  // words only: one term each
            EXPECT_EQ(keys_of(h["explain"][t]), (std::vector<std::string>{"term", "weight"}));
            EXPECT_EQ(h["explain"][t]["term"], part.term);  // the raw index term
            EXPECT_NEAR(h["explain"][t]["weight"].get<double>(), part.weight, 0.5e-6);
        }
    }
    SearchResults folded = r;
    folded.hits[0].collapsed = 2;
    EXPECT_EQ(json(folded)["hits"][0]["collapsed"], 2);
}

TEST_F(RenderTest, JsonFacetsAreKeyedByFieldInTheOrderAsked) {
    SearchRequest q;
    q.query = "*";
    q.limit = 0;
    FacetRequest person{"person"}, country{"country"}, date{"date"};
    date.granularity = DateGranularity::month;
    date.top = 0;
    q.facets = {person, date, country};
    const ordered_json j = json(search(q));
    EXPECT_EQ(j["hits"], ordered_json::array());
    EXPECT_EQ(keys_of(j["facets"]), (std::vector<std::string>{"person", "date:month", "country"}));
    // Entity values: most frequent first, {"value", "count"}.
    const auto& persons = j["facets"]["person"];
    ASSERT_EQ(persons.size(), 2u);
    EXPECT_EQ(persons[0], (ordered_json{{"value", "Odile Marchbank"}, {"count", 2}}));
    EXPECT_EQ(persons[1], (ordered_json{{"value", "Tobias Wrenfield"}, {"count", 1}}));
    // Country values also carry the name.
    ASSERT_EQ(j["facets"]["country"].size(), 1u);
    EXPECT_EQ(j["facets"]["country"][0], (ordered_json{{"value", "IE"}, {"name", "Ireland"}, {"count", 1}}));
    // Dates in time order, then "imprecise" and "unknown", always present.
    const auto& months = j["facets"]["date:month"];
    ASSERT_GE(months.size(), 3u);
    EXPECT_EQ(months[months.size() - 2], (ordered_json{{"value", "imprecise"}, {"count", 1}}));  // the almanac
    EXPECT_EQ(months[months.size() - 1], (ordered_json{{"value", "unknown"}, {"count", 1}}));    // the history
    EXPECT_EQ(months[months.size() - 3], (ordered_json{{"value", "2024-06"}, {"count", 2}}));
}

TEST_F(RenderTest, JsonSaysWhenRelaxedOrRespelt) {
    const ordered_json relaxed = json(search("ferry stripes"));  // no article has both
    EXPECT_EQ(relaxed["relaxed"], true);
    EXPECT_EQ(relaxed["total"], 3);
    const ordered_json respelt = json(search("lighthuose"));
    EXPECT_EQ(respelt["suggestion"], "lighthouse");
    EXPECT_EQ(respelt["total"], 0);
    EXPECT_EQ(respelt["hits"], ordered_json::array());
}

TEST_F(RenderTest, SameSearchSameBytes) {
    for (const std::string query : {"harth island", "*", "lighthuose", "ferry stripes"}) {
        EXPECT_EQ(json_line(search(query)), json_line(search(query))) << query;
    }
}

TEST_F(RenderTest, JsonlIsTheHitsOnePerLine) {
    const SearchResults r = search("harth island");
    std::ostringstream out;
    render_jsonl(out, r);
    const auto lines = lines_of(out.str());
    const ordered_json whole = json(r);
    ASSERT_EQ(lines.size(), r.hits.size());
    for (std::size_t k = 0; k < lines.size(); ++k) EXPECT_EQ(ordered_json::parse(lines[k]), whole["hits"][k]);
    std::ostringstream none;
    render_jsonl(none, search("zeppelin"));
    EXPECT_EQ(none.str(), "");  // nothing else: no totals, no facets
}

TEST_F(RenderTest, ResultJsonKeepsTheFieldsItStartsWithFirst) {
    const SearchResults r = search("lighthouse");
    const ordered_json j = result_json(r, false, ordered_json{{"type", "result"}, {"id", "q7"}});
    const auto keys = keys_of(j);
    ASSERT_GE(keys.size(), 3u);
    EXPECT_EQ(keys[0], "type");
    EXPECT_EQ(keys[1], "id");
    EXPECT_EQ(keys[2], "query");
    EXPECT_EQ(j["id"], "q7");  // the query id, not overwritten by any result field
    // The rest is exactly render_json's object.
    ordered_json rest = j;
    rest.erase("type");
    rest.erase("id");
    EXPECT_EQ(rest, json(r));
}

TEST(RenderJson, InvalidUtf8IsReplacedNeverThrown) {
    ordered_json j;
    j["title"] = "Caf\xE9 au lait";  // Latin-1, not UTF-8
    std::string line;
    ASSERT_NO_THROW(line = json_text(j));
    EXPECT_NE(line.find("Caf\xEF\xBF\xBD au lait"), std::string::npos) << line;  // U+FFFD
    EXPECT_EQ(line.find('\n'), std::string::npos);
    SearchResults r;
    r.query = "caf\xE9";
    std::ostringstream out;
    ASSERT_NO_THROW(render_json(out, r, false));
    EXPECT_FALSE(ordered_json::parse(out.str(), nullptr, false).is_discarded()) << out.str();
}

TEST(RenderJson, EmptyStringsAreNull) {
    EXPECT_TRUE(string_or_null("").is_null());
    EXPECT_EQ(string_or_null("Bay Courier"), "Bay Courier");
    EXPECT_EQ(string_or_null(" "), " ");
}

// ---- text ----

TEST_F(RenderTest, TextShowsCountRankTitleMetadataEntitiesAndSnippet) {
    // One hit, short enough that nothing wraps: the whole layout, line by line.
    const std::string out = text(search("stripes"));
    EXPECT_EQ(out,
              "1 article matches (showing 1-1)\n"
              "\n"
              "1. Lighthouse repainted\n"
              "   2024-06 " +
                  kDot + " Island Post " + kDot +
                  " lighthouse\n"
                  "   Tobias Wrenfield, Odile Marchbank " +
                  kDot +
                  " Harth Island\n"
                  "   Volunteers repainted the lighthouse on Harth Island in red and white stripes.\n"
                  "\n");
}

TEST_F(RenderTest, TextMetadataLineSaysUndatedAndLeavesOutWhatIsMissing) {
    const auto lines = lines_of(text(search("timber")));
    ASSERT_GE(lines.size(), 5u);
    EXPECT_EQ(lines[2], "1. A short history of the quay");
    EXPECT_EQ(lines[3], "   undated " + kDot + " history");  // no outlet: no empty item
    EXPECT_EQ(lines[4], "   Quillon Bay");                   // places only: no separator
    // A year-precision date is shown as the year.
    const auto almanac = lines_of(text(search("almanac")));
    ASSERT_GE(almanac.size(), 4u);
    EXPECT_EQ(almanac[3], "   2024 " + kDot + " almanac");
}

TEST_F(RenderTest, TextCountsArticlesOrStoriesAndSaysWhenEstimated) {
    const auto first_line = [](const SearchResults& r) { return lines_of(text(r)).front(); };
    SearchResults r = search("harth island", 2);
    EXPECT_EQ(first_line(r), "3 articles match (showing 1-2)");
    r.total_exact = false;
    EXPECT_EQ(first_line(r), "About 3 articles match (showing 1-2)");
    r.total_exact = true;
    r.stories = true;
    EXPECT_EQ(first_line(r), "3 stories match (showing 1-2)");
    r.total = 1;
    r.hits.resize(1);
    EXPECT_EQ(first_line(r), "1 story matches (showing 1-1)");
    // The time only when asked.
    SearchResults timed = search("harth island", 2);
    timed.took_ms = 3.14;
    TextStyle style;
    style.timing = true;
    EXPECT_EQ(lines_of(text(timed, style)).front(), "3 articles match (showing 1-2, 3.1 ms)");
}

TEST_F(RenderTest, RanksAlignRightAndTheTextIndentsPastThem) {
    SearchResults r = search("*", 2);
    ASSERT_EQ(r.hits.size(), 2u);
    r.hits[0].rank = 9;  // as on a page starting at rank 9
    r.hits[1].rank = 10;
    const std::string out = text(r);
    EXPECT_NE(out.find("(showing 9-10)"), std::string::npos) << out;
    EXPECT_NE(out.find("\n 9. " + r.hits[0].article.title + "\n    "), std::string::npos) << out;
    EXPECT_NE(out.find("\n10. " + r.hits[1].article.title + "\n    "), std::string::npos) << out;
}

TEST_F(RenderTest, NoMatchesOrAPagePastTheEnd) {
    EXPECT_EQ(text(search("zeppelin")), "No articles match.\n");
    SearchResults none = search("zeppelin");
    none.took_ms = 2.04;
    TextStyle timed;
    timed.timing = true;
    EXPECT_EQ(text(none, timed), "No articles match (2.0 ms).\n");
    SearchRequest q;
    q.query = "lighthouse";
    q.offset = 5;
    const SearchResults past = search(q);
    ASSERT_GT(past.total, 0u);
    ASSERT_LE(past.total, 5u);
    EXPECT_EQ(text(past), fmt::format("{} article{} match{} (none from 6 on)\n", past.total, past.total == 1 ? "" : "s",
                                      past.total == 1 ? "es" : ""));
    // -n 0: the count alone.
    q.offset = 0;
    q.limit = 0;
    const SearchResults count = search(q);
    EXPECT_EQ(text(count), fmt::format("{} article{} match{}\n", count.total, count.total == 1 ? "" : "s",
                                       count.total == 1 ? "es" : ""));
}

TEST_F(RenderTest, SuggestionAndRelaxationComeFirst) {
    EXPECT_EQ(text(search("lighthuose")), "Did you mean: lighthouse\n\nNo articles match.\n");
    const auto lines = lines_of(text(search("ferry stripes")));
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], "No article has every word; these have some of them.");
    EXPECT_EQ(lines[1], "");
    EXPECT_EQ(lines[2], "3 articles match (showing 1-3)");
}

TEST_F(RenderTest, TheSuggestionShowsControlCharactersOfTheQueryEscaped) {
    // "Did you mean" echoes the query: an ESC in it must not reach the terminal.
    EXPECT_EQ(text(search("\x1b[31m lighthuose")), "Did you mean: \\x1B[31m lighthouse\n\nNo articles match.\n");
}

TEST_F(RenderTest, CollapsedHitsSayHowManyNearDuplicates) {
    SearchResults r = search("stripes");
    ASSERT_EQ(r.hits.size(), 1u);
    r.hits[0].collapsed = 2;
    EXPECT_NE(text(r).find("   2024-06 " + kDot + " Island Post " + kDot + " lighthouse " + kDot +
                           " and 2 near-duplicates\n"),
              std::string::npos)
        << text(r);
    r.hits[0].collapsed = 1;
    EXPECT_NE(text(r).find(kDot + " and 1 near-duplicate\n"), std::string::npos) << text(r);
}

TEST_F(RenderTest, EntityLineShowsFourNamesThenAnEllipsis) {
    SearchResults r = search("stripes");
    ASSERT_EQ(r.hits.size(), 1u);
    r.hits[0].article.persons = {"Ana One", "Ben Two", "Cy Three", "Di Four", "Ed Five"};
    r.hits[0].article.locations = {"Harth Island"};
    EXPECT_NE(text(r).find("   Ana One, Ben Two, Cy Three, Di Four, " + kEllipsis + " " + kDot + " Harth Island\n"),
              std::string::npos)
        << text(r);
    r.hits[0].article.persons.clear();
    r.hits[0].article.locations.clear();
    EXPECT_EQ(lines_of(text(r)).size(), 6u);  // no entity line at all
}

TEST_F(RenderTest, SnippetsWrapAtTheWidthUnderTheIndent) {
    const SearchResults r = search("ferry");
    ASSERT_FALSE(r.hits.empty());
    TextStyle style;
    style.width = 40;
    const std::string out = text(r, style);
    const std::string& snippet = r.hits[0].snippet.text;
    ASSERT_GT(columns(snippet), 40u);  // the premise: it must wrap
    std::vector<std::string> wrapped;
    bool in_first_hit = false;
    for (const auto& line : lines_of(out)) {
        if (line.starts_with("1. ")) in_first_hit = true;
        else if (line.starts_with("2. ")) break;
        else if (in_first_hit && !line.empty()) wrapped.push_back(line);
    }
    // The snippet's lines follow the metadata and entity lines and the
    // url's, each indented and within the width, and rejoin to the snippet.
    ASSERT_FALSE(r.hits[0].article.url.empty());
    ASSERT_GT(wrapped.size(), 4u);
    std::size_t first = 0;
    while (first < wrapped.size() && wrapped[first].find(r.hits[0].article.url) == std::string::npos) ++first;
    ASSERT_LT(first, wrapped.size()) << out;
    std::string joined;
    for (std::size_t k = first + 1; k < wrapped.size(); ++k) {
        ASSERT_TRUE(wrapped[k].starts_with("   ")) << wrapped[k];
        EXPECT_LE(columns(wrapped[k]), 40u) << wrapped[k];
        joined += (joined.empty() ? "" : " ") + wrapped[k].substr(3);
    }
    EXPECT_EQ(joined, snippet);
}

TEST(WriteWrapped, WordsWrapAndWordsWiderThanALineBreakAnywhere) {
    std::ostringstream out;
    write_wrapped(out, "The harbour master opened the new pier to the public on a windy Saturday morning.", 4, 30);
    for (const auto& line : lines_of(out.str())) {
        EXPECT_LE(columns(line), 30u) << line;
        EXPECT_TRUE(line.starts_with("    ")) << line;  // every line, the first too
    }
    EXPECT_EQ(out.str().back(), '\n');
    // Chinese has no spaces: each character is two columns and lines break
    // between characters.
    std::string cjk;
    for (int k = 0; k < 40; ++k) cjk += "\xE6\xB8\xAF";  // U+6E2F
    std::ostringstream wide;
    write_wrapped(wide, cjk, 2, 30);
    const auto lines = lines_of(wide.str());
    ASSERT_GT(lines.size(), 1u);
    std::size_t characters = 0;
    for (const auto& line : lines) {
        EXPECT_LE(columns(line), 30u) << line;
        EXPECT_NE(columns(line), std::string::npos) << "cut inside a character";
        characters += count_of(line, "\xE6\xB8\xAF");
    }
    EXPECT_EQ(characters, 40u);
    // A width below indent + 20 is raised to it.
    std::ostringstream narrow;
    write_wrapped(narrow, "one two three four five six seven eight nine ten", 2, 5);
    for (const auto& line : lines_of(narrow.str())) EXPECT_LE(columns(line), 22u) << line;
    EXPECT_GT(lines_of(narrow.str()).size(), 1u);
}

TEST_F(RenderTest, OnATerminalEveryLineWrapsAndNamesBreakOnlyBetweenNames) {
    SearchResults r = search("stripes");
    ASSERT_EQ(r.hits.size(), 1u);
    Article& a = r.hits[0].article;
    a.title = "Lighthouse repainted in red and white stripes by the volunteers of Harth Island";
    a.persons = {"Tobias Wrenfield", "Odile Marchbank", "Ana Maria Quillon", "Di Four"};
    r.hits[0].explanation = {score_part("Zstripe", "", {}, 0.5), score_part("Zrepaint", "", {}, 0.25),
                             score_part("Sharth", "", {}, 0.125)};
    TextStyle style;
    style.width = 40;
    style.wrap = true;
    const std::string out = text(r, style);
    const auto lines = lines_of(out);
    for (const auto& line : lines) EXPECT_LE(columns(line), 40u) << line << "\n" << out;
    // The title hangs under itself; every name is whole on a line.
    EXPECT_EQ(lines[2], "1. Lighthouse repainted in red and white");
    EXPECT_EQ(lines[3], "   stripes by the volunteers of Harth");
    for (const auto& name : a.persons) EXPECT_NE(out.find(name), std::string::npos) << name << "\n" << out;
    EXPECT_NE(out.find("   Tobias Wrenfield, Odile Marchbank,\n   Ana Maria Quillon, Di Four " + kDot + "\n"),
              std::string::npos)
        << out;
    // The score's parts stay whole too.
    EXPECT_NE(out.find(" 0.500 +\n   repaint (stem) 0.250 +\n"), std::string::npos) << out;
    // Not on a terminal: one line each, as scripts read them.
    style.wrap = false;
    const auto plain = lines_of(text(r, style));
    EXPECT_EQ(plain[2], "1. " + a.title);
    EXPECT_EQ(plain[4], "   Tobias Wrenfield, Odile Marchbank, Ana Maria Quillon, Di Four " + kDot + " Harth Island");
}

TEST_F(RenderTest, OnATerminalFacetBlocksFitTheWidth) {
    SearchRequest q;
    q.query = "*";
    q.facets = {FacetRequest{"org"}, FacetRequest{"date", DateGranularity::month, 0}};
    SearchResults r = search(q);
    ASSERT_EQ(r.facets.size(), 2u);
    ASSERT_FALSE(r.facets[0].values.empty());
    r.facets[0].values[0].value = "Quillon Bay Harbour Commissioners and Ferry Company";
    TextStyle style;
    style.width = 40;
    style.wrap = true;
    const std::string out = text(r, style);
    for (const auto& line : lines_of(out)) EXPECT_LE(columns(line), 40u) << line << "\n" << out;
    // The value wraps under itself; the bars are as long as the width allows.
    EXPECT_NE(out.find("    1  =\"Quillon Bay Harbour\n       Commissioners and Ferry Company\"\n"), std::string::npos)
        << out;
    std::size_t longest = 0;
    for (const auto& l : lines_of(out)) longest = std::max(longest, count_of(l, kBlock));
    EXPECT_EQ(longest, 40u - (4 + 9 + 2 + 1 + 1)) << out;  // "    imprecise  2 ", then the bar
}

// ---- explain lines: terms as a reader knows them ----

TEST_F(RenderTest, ExplainLineNamesStemsAndTitleWords) {
    struct Case {
        std::string query, term_text;  // how the query's term reads in the line
    };
    for (const Case& c :
         {Case{"lighthouses", "lighthous (stem)"}, Case{"title:lighthouse", "title:lighthous (stem)"},
          Case{"=lighthouse", "lighthouse"}, Case{"title:\"lighthouse repainted\"", "title:lighthouse"}}) {
        SCOPED_TRACE(c.query);
        SearchRequest q;
        q.query = c.query;
        q.explain = true;
        const SearchResults r = search(q);
        ASSERT_FALSE(r.hits.empty());
        const Hit& hit = r.hits[0];
        ASSERT_FALSE(hit.explanation.empty());
        const auto lines = lines_of(text(r));
        std::string line;
        for (const auto& l : lines)
            if (l.starts_with("   score ")) {
                line = l.substr(3);  // the first hit's
                break;
            }
        ASSERT_FALSE(line.empty()) << text(r);
        EXPECT_TRUE(line.starts_with(fmt::format("score {:.3f} = ", hit.score))) << line;
        EXPECT_NE(line.find(c.term_text + " "), std::string::npos) << line;
        double sum = 0;
        for (const auto& part : hit.explanation) sum += part.weight;
        EXPECT_NEAR(sum, hit.score, 1e-6) << line;  // phrases too: one share each
        EXPECT_EQ(line.find("parts add up"), std::string::npos) << line;
        EXPECT_EQ(line.find('Z'), std::string::npos) << line;  // no raw prefixes
    }
}

TEST_F(RenderTest, ExplainLineListsEveryPartAndSaysWhenTheyDoNotAddUp) {
    SearchResults r = search("stripes");
    ASSERT_EQ(r.hits.size(), 1u);
    Hit& hit = r.hits[0];
    hit.score = 2.5;
    hit.explanation = {score_part("ZSlighthous", "", {}, 1.25),
                       score_part("", "\"harth island\"", {"harth", "island"}, 1.0),
                       score_part("Sharth", "", {}, 0.25)};
    EXPECT_NE(
        text(r).find("\n   score 2.500 = title:lighthous (stem) 1.250 + \"harth island\" 1.000 + title:harth 0.250\n"),
        std::string::npos)
        << text(r);
    const ordered_json j = json(r)["hits"][0]["explain"];
    EXPECT_EQ(j[1], (ordered_json{{"clause", "\"harth island\""}, {"terms", {"harth", "island"}}, {"weight", 1.0}}));
    hit.score = 3.0;  // --sort recent: the score blends in the date
    EXPECT_NE(text(r).find(" + title:harth 0.250 (parts add up to 2.500 before recency)\n"), std::string::npos)
        << text(r);
}

// ---- colour ----

TEST_F(RenderTest, NoEscapeCodesWithoutColour) {
    SearchRequest q;
    q.query = "harth island";
    q.explain = true;
    q.facets = {FacetRequest{"person"}, FacetRequest{"date", DateGranularity::month, 0}};
    const SearchResults r = search(q);
    TextStyle plain;
    EXPECT_EQ(text(r, plain).find('\x1b'), std::string::npos);
    plain.facet_summary = true;
    EXPECT_EQ(text(r, plain).find('\x1b'), std::string::npos);
    EXPECT_EQ(text(search("lighthuose"), plain).find('\x1b'), std::string::npos);
}

TEST_F(RenderTest, ColourMakesTitlesAndHighlightsBoldAndMetadataDim) {
    const SearchResults r = search("stripes");
    TextStyle style;
    style.color = true;
    const std::string out = text(r, style);
    const std::string bold = ansi::kBold, dim = ansi::kDim, reset = ansi::kReset;
    EXPECT_NE(out.find("1. " + bold + "Lighthouse repainted" + reset + "\n"), std::string::npos) << out;
    EXPECT_NE(out.find("   " + dim + "2024-06 " + kDot + " Island Post " + kDot + " lighthouse" + reset + "\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find(bold + "stripes" + reset), std::string::npos) << out;  // the matched word
    EXPECT_EQ(count_of(out, bold), 2u) << out;                                // and nothing else
    // Without colour, the same text with the codes taken out.
    std::string stripped = out;
    for (const std::string& code : {bold, dim, reset})
        for (auto at = stripped.find(code); at != std::string::npos; at = stripped.find(code))
            stripped.erase(at, code.size());
    EXPECT_EQ(stripped, text(r));
}

// ---- facets in text ----

TEST_F(RenderTest, FacetBlocksUnderTheHits) {
    SearchRequest q;
    q.query = "*";
    q.limit = 1;
    FacetRequest person{"person"}, country{"country"}, date{"date"};
    person.top = 1;  // of two
    date.granularity = DateGranularity::month;
    date.top = 0;
    q.facets = {person, country, date};
    const std::string out = text(search(q));
    EXPECT_NE(out.find("\n\nFacets over all 4 matching articles:\n"), std::string::npos) << out;
    // Entities: the top N of how many, counts before values as a filter takes them.
    EXPECT_NE(out.find("\n  person (1 of 2)\n    2  =\"Odile Marchbank\"\n"), std::string::npos) << out;
    // Countries unquoted (country:IE), with the name.
    EXPECT_NE(out.find("\n  country\n    1  IE  Ireland\n"), std::string::npos) << out;
    // Dates: a bar chart; the fullest bucket has the whole 40-block bar.
    EXPECT_NE(out.find("\n  date by month\n"), std::string::npos) << out;
    const auto lines = lines_of(out);
    std::vector<std::string> bars;
    for (const auto& l : lines)
        if (l.find(kBlock) != std::string::npos) bars.push_back(l);
    ASSERT_FALSE(bars.empty()) << out;
    std::size_t longest = 0;
    for (const auto& l : bars) longest = std::max(longest, count_of(l, kBlock));
    EXPECT_EQ(longest, 40u) << out;
    bool june = false, imprecise = false, unknown = false;
    for (const auto& l : bars) {
        june |= l.starts_with("    2024-06  ") && count_of(l, kBlock) == 40;         // 2 articles: the most
        imprecise |= l.starts_with("    imprecise  ") && count_of(l, kBlock) == 20;  // 1 of 2
        unknown |= l.starts_with("    unknown    ") && count_of(l, kBlock) == 20;
    }
    EXPECT_TRUE(june) << out;
    EXPECT_TRUE(imprecise) << out;
    EXPECT_TRUE(unknown) << out;
}

TEST_F(RenderTest, EmptyImpreciseAndUnknownRowsAreLeftOut) {
    SearchRequest q;
    q.query = "ferry";  // the ferry article (a day) and the almanac (a year), both dated
    q.facets = {FacetRequest{"date", DateGranularity::month, 0}};
    const SearchResults r = search(q);
    ASSERT_EQ(r.total, 2u);  // ferry and the almanac (a year: imprecise by month)
    const std::string out = text(r);
    EXPECT_NE(out.find("\n    imprecise  "), std::string::npos) << out;
    EXPECT_EQ(out.find("\n    unknown  "), std::string::npos) << out;  // no undated match
}

TEST_F(RenderTest, AFacetCountWithoutHitsShowsTheCountAndTheFacets) {
    SearchRequest q;
    q.query = "harth island";
    q.limit = 0;
    q.facets = {FacetRequest{"person"}};
    const std::string out = text(search(q));
    EXPECT_TRUE(out.starts_with("3 articles match\n\nFacets over all 3 matching articles:\n")) << out;
}

TEST_F(RenderTest, TheShellsFacetSummaryIsOneLineCutToTheWidth) {
    SearchRequest q;
    q.query = "*";
    q.facets = {FacetRequest{"person"}, FacetRequest{"location"}, FacetRequest{"date", DateGranularity::month, 0}};
    const SearchResults r = search(q);
    TextStyle style;
    style.facet_summary = true;
    style.width = 120;  // wide enough for three values a field
    const auto lines = lines_of(text(r, style));
    ASSERT_FALSE(lines.empty());
    const std::string summary = lines.back();
    EXPECT_EQ(text(r, style).find("Facets over"), std::string::npos);  // no blocks
    EXPECT_TRUE(summary.starts_with("person: Odile Marchbank 2 " + kDot + " Tobias Wrenfield 1 | location: "))
        << summary;
    EXPECT_NE(summary.find(" | date: 2024-06 2"), std::string::npos) << summary;
    EXPECT_EQ(summary.find("imprecise"), std::string::npos) << summary;  // only dated buckets
    EXPECT_LE(columns(summary), style.width);
    // Narrower: still one line, cut with an ellipsis.
    style.width = 40;
    const auto narrow = lines_of(text(r, style));
    EXPECT_LE(columns(narrow.back()), 40u) << narrow.back();
    EXPECT_TRUE(narrow.back().ends_with(kEllipsis)) << narrow.back();
    EXPECT_TRUE(narrow.back().starts_with("person: Odile Marchbank 2")) << narrow.back();
}

}  // namespace
}  // namespace newsdex
