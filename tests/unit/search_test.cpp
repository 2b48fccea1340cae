// Unit tests for common/search.h: what a SearchRequest asks for and what
// ArticleSearcher::search gives back, on small in-memory indexes of
// hand-written articles (tests/unit/test_index.h): paging, the sort orders
// and their tie-breaks, the any-word rerun, facets, collapsing near
// duplicates, --like, --since, sticky filters, explanations and snippets.
//
// Expectations come from search.h's comments and docs/query-language.md
// (Order, One hit per story, Why this score, Similar articles) and
// docs/json-format.md (ranks, ordering).
#include "common/search/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/index/article_index.h"
#include "test_index.h"

namespace newsdex {
namespace {

using namespace testing_index;
using Ids = std::vector<std::string>;

SearchResults search_ok(const ArticleSearcher& searcher, const SearchRequest& request) {
    auto r = searcher.search(request);
    if (const auto* e = std::get_if<QueryError>(&r)) {
        ADD_FAILURE() << "query error for \"" << request.query << "\": " << e->message;
        return {};
    }
    return std::get<SearchResults>(std::move(r));
}

Ids ids_of(const SearchResults& r) {
    Ids ids;
    for (const auto& h : r.hits) ids.push_back(h.article.id);
    return ids;
}

std::set<std::string> id_set(const SearchResults& r) {
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.article.id);
    return ids;
}

bool has_hit(const SearchResults& r, const std::string& id) {
    return std::any_of(r.hits.begin(), r.hits.end(), [&](const Hit& h) { return h.article.id == id; });
}

SearchRequest request(const std::string& query, std::size_t limit = 100) {
    SearchRequest q;
    q.query = query;
    q.limit = limit;
    return q;
}

// ---- sort order names ----

TEST(SortOrderNames, EveryOrderReadsBackAndOthersAreRefused) {
    for (const auto order : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest, SortOrder::recent}) {
        const std::string name(to_string(order));
        EXPECT_EQ(parse_sort_order(name), order) << name;
        EXPECT_NE(std::string(kSortOrderNames).find(name), std::string::npos) << name;  // the help lists it
    }
    EXPECT_EQ(to_string(SortOrder::newest), "newest");
    EXPECT_EQ(parse_sort_order("oldest"), SortOrder::oldest);
    for (const char* bad : {"", "Newest", "date", "relevance ", "new"})
        EXPECT_EQ(parse_sort_order(bad), std::nullopt) << bad;
}

// ---- order and paging: articles alike but for their dates and ids ----

// Identical titles and bodies give identical BM25 scores, so every order
// below is decided by dates and ids alone.
class OrderTest : public testing::Test {
protected:
    OrderTest() {
        const std::string title = "Harbour notes", body = "The harbour board discussed the ferry timetable again.";
        index_.add({
            article("b", title, body, day(2024, 6, 10)),
            article("a", title, body, day(2024, 6, 10)),
            article("d", title, body, day(2024, 6, 1)),
            article("c", title, body, month(2024, 5)),
            article("e", title, body, year(2024)),
            article("h", title, body, day(2023, 12, 31)),
            article("g", title, body),
            article("f", title, body),
        });
        index_.finish();
    }
    SearchResults run(SearchRequest q) { return search_ok(ArticleSearcher(index_.db()), q); }
    TestIndex index_;
};

// Newest first, a month or a year by the first day of its period, undated
// last, equal dates by id.
const Ids kNewestFirst = {"a", "b", "d", "c", "e", "h", "f", "g"};

TEST_F(OrderTest, NewestIsByDateThenIdWithUndatedLast) {
    auto q = request("harbour");
    q.sort = SortOrder::newest;
    EXPECT_EQ(ids_of(run(q)), kNewestFirst);
}

TEST_F(OrderTest, OldestIsByFirstDayThenIdWithUndatedLast) {
    auto q = request("harbour");
    q.sort = SortOrder::oldest;
    EXPECT_EQ(ids_of(run(q)), (Ids{"h", "e", "c", "d", "a", "b", "f", "g"}));
}

// A month sorts as its first day in both orders: a tie with an article of
// that day, broken by id.
TEST(DateOrder, AMonthTiesWithItsFirstDayInBothOrders) {
    TestIndex index;
    const std::string title = "Harbour notes", body = "The harbour board discussed the ferry timetable again.";
    index.add({article("june-day", title, body, day(2024, 6, 1)), article("june", title, body, month(2024, 6)),
               article("may", title, body, day(2024, 5, 31)), article("july", title, body, day(2024, 7, 1))});
    index.finish();
    const ArticleSearcher searcher(index.db());
    auto q = request("harbour");
    q.sort = SortOrder::newest;
    EXPECT_EQ(ids_of(search_ok(searcher, q)), (Ids{"july", "june", "june-day", "may"}));
    q.sort = SortOrder::oldest;
    EXPECT_EQ(ids_of(search_ok(searcher, q)), (Ids{"may", "june", "june-day", "july"}));
}

TEST_F(OrderTest, RelevanceTiesGoNewestFirstThenById) {
    for (const std::string query : {"harbour", "*", "", "ferry timetable"}) {
        SCOPED_TRACE(query);
        const SearchResults r = run(request(query));
        ASSERT_EQ(r.hits.size(), 8u);
        for (const auto& h : r.hits) EXPECT_DOUBLE_EQ(h.score, r.hits.front().score) << h.article.id;  // all tie
        EXPECT_EQ(ids_of(r), kNewestFirst);
    }
}

TEST_F(OrderTest, PagesSplitTheWholeListAndRanksCountFromItsStart) {
    for (const auto sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest, SortOrder::recent}) {
        SCOPED_TRACE(std::string(to_string(sort)));
        auto q = request("harbour");
        q.sort = sort;
        const Ids whole = ids_of(run(q));
        ASSERT_EQ(whole.size(), 8u);
        Ids paged;
        for (std::size_t offset = 0; offset < 8; offset += 3) {
            q.offset = offset;
            q.limit = 3;
            const SearchResults page = run(q);
            EXPECT_EQ(page.total, 8u);  // the total is the whole list's, on every page
            EXPECT_TRUE(page.total_exact);
            EXPECT_EQ(page.hits.size(), std::min<std::size_t>(3, 8 - offset));
            for (std::size_t k = 0; k < page.hits.size(); ++k) {
                EXPECT_EQ(page.hits[k].rank, offset + k + 1);
                paged.push_back(page.hits[k].article.id);
            }
        }
        EXPECT_EQ(paged, whole);
        // Past the end: no hits, the same total.
        for (const std::size_t offset : {8u, 9u, 1000u}) {
            q.offset = offset;
            const SearchResults past = run(q);
            EXPECT_TRUE(past.hits.empty()) << offset;
            EXPECT_EQ(past.total, 8u) << offset;
        }
        // A zero limit: the count alone.
        q.offset = 0;
        q.limit = 0;
        const SearchResults none = run(q);
        EXPECT_TRUE(none.hits.empty());
        EXPECT_EQ(none.total, 8u);
    }
}

// ---- relevance ----

TEST(Relevance, MoreOfTheWordsRanksHigherWhateverTheDate) {
    TestIndex index;
    index.add({
        article("old-strong", "Lighthouse keepers and the lighthouse lamp",
                "The lighthouse keepers cleaned the lighthouse lamp before the winter.", day(2020, 1, 5)),
        article("new-weak", "Council meeting", "Among other items the council mentioned a lighthouse.",
                day(2024, 6, 5)),
    });
    index.finish();
    const SearchResults r = search_ok(ArticleSearcher(index.db()), request("lighthouse"));
    ASSERT_EQ(ids_of(r), (Ids{"old-strong", "new-weak"}));
    EXPECT_GT(r.hits[0].score, r.hits[1].score);
}

// ---- --sort recent: score x 0.5 ^ (age / half-life) ----

// Equal relevance for all, so each score is the shared BM25 score times the
// decay of the article's age. The newest date in the index is 2024-06-30
// (no clock), the oldest 2024-04-01.
class RecentTest : public testing::Test {
protected:
    RecentTest() {
        const std::string title = "Quay works", body = "Repairs to the old quay continued through the week.";
        index_.add({
            article("newest", title, body, day(2024, 6, 30)),
            article("month-old", title, body, day(2024, 5, 31)),  // 30 days
            article("may", title, body, month(2024, 5)),          // from 2024-05-01: 60 days
            article("oldest", title, body, day(2024, 4, 1)),      // 90 days
            article("undated", title, body),                      // as old as the oldest: 90 days
        });
        index_.finish();
    }
    std::map<std::string, double> scores(const SearchResults& r) {
        std::map<std::string, double> s;
        for (const auto& h : r.hits) s[h.article.id] = h.score;
        return s;
    }
    TestIndex index_;
};

TEST_F(RecentTest, ScoresDecayWithAgeFromTheNewestDateInTheIndex) {
    const ArticleSearcher searcher(index_.db());
    const SearchResults plain = search_ok(searcher, request("quay"));
    ASSERT_EQ(plain.hits.size(), 5u);
    const double bm25 = plain.hits.front().score;
    for (const auto& h : plain.hits) ASSERT_DOUBLE_EQ(h.score, bm25);  // the premise: equal relevance
    ASSERT_GT(bm25, 0.0);

    auto q = request("quay");
    q.sort = SortOrder::recent;
    const SearchResults recent = search_ok(searcher, q);
    EXPECT_EQ(ids_of(recent), (Ids{"newest", "month-old", "may", "oldest", "undated"}));
    const auto s = scores(recent);
    EXPECT_NEAR(s.at("newest"), bm25, 1e-12);
    EXPECT_NEAR(s.at("month-old"), bm25 * 0.5, 1e-12);
    EXPECT_NEAR(s.at("may"), bm25 * std::pow(0.5, 2.0), 1e-12);
    EXPECT_NEAR(s.at("oldest"), bm25 * std::pow(0.5, 3.0), 1e-12);
    EXPECT_NEAR(s.at("undated"), s.at("oldest"), 1e-12);

    q.half_life_days = 15;
    const auto halved = scores(search_ok(searcher, q));
    EXPECT_NEAR(halved.at("month-old"), bm25 * 0.25, 1e-12);
    EXPECT_NEAR(halved.at("oldest"), bm25 * std::pow(0.5, 6.0), 1e-12);
}

// Issue 15: a year-dated article is only known to be as recent as 1 January,
// so it never outranks a day-dated article of the same relevance from June.
TEST(RecentOrder, AnImpreciseDateIsAsOldAsItsFirstDay) {
    TestIndex index;
    const std::string title = "Quay works", body = "Repairs to the old quay continued through the week.";
    index.add({article("june-7", title, body, day(2024, 6, 7)), article("year", title, body, year(2024)),
               article("june-11", title, body, day(2024, 6, 11)), article("june", title, body, month(2024, 6))});
    index.finish();
    auto q = request("quay");
    q.sort = SortOrder::recent;
    EXPECT_EQ(ids_of(search_ok(ArticleSearcher(index.db()), q)), (Ids{"june-11", "june-7", "june", "year"}));
}

// --sort recent re-ranks blocks of 1,000 matches by relevance: pages of any
// size partition one order, also past the first block.
TEST(RecentOrder, PagesPartitionOneOrderPastTheFirstThousand) {
    TestIndex index;
    const std::vector<std::string> fillers = {"The ferry ran late.", "Gulls circled the pier.", "Rain fell all day."};
    for (int k = 0; k < 2300; ++k) {
        std::string body = "Harbour news.";
        for (int r = 0; r < 1 + k % 7; ++r) body += " The harbour board met again.";
        body += " " + fillers[static_cast<std::size_t>(k) % fillers.size()];
        char id[16];
        std::snprintf(id, sizeof id, "n%04d", k);
        index.add(article(id, "Notes", body, day(2020 + k % 5, 1 + k % 12, 1 + k % 28)));
    }
    index.finish();
    const ArticleSearcher searcher(index.db());
    auto q = request("harbour", 2300);
    q.sort = SortOrder::recent;
    const Ids whole = ids_of(search_ok(searcher, q));
    ASSERT_EQ(whole.size(), 2300u);
    EXPECT_EQ(std::set<std::string>(whole.begin(), whole.end()).size(), 2300u);
    for (const std::size_t size : {100u, 700u}) {
        SCOPED_TRACE(size);
        Ids paged;
        for (std::size_t offset = 0; offset < 2300; offset += size) {
            q.offset = offset;
            q.limit = size;
            const Ids page = ids_of(search_ok(searcher, q));
            paged.insert(paged.end(), page.begin(), page.end());
        }
        EXPECT_EQ(paged, whole);
    }
}

// Scores within about a part in a billion are ties; old articles, whose
// decayed scores are tiny (here 0.5 ^ 80 of their relevance), still rank by
// relevance among each other, not by date.
TEST(RecentOrder, OldArticlesStillRankByRelevance) {
    TestIndex index;
    index.add(
        {article("newest", "Quay works", "Repairs to the old quay continued.", day(2024, 6, 30)),
         article("old-strong", "Quay works on the quay", "The quay, the quay and the quay again.", day(2018, 1, 1)),
         article("old-weak", "Harbour news", "A word on the quay among much other harbour news today.",
                 day(2018, 1, 5))});
    index.finish();
    const ArticleSearcher searcher(index.db());
    const SearchResults plain = search_ok(searcher, request("quay"));
    ASSERT_EQ(plain.hits.size(), 3u);
    std::map<std::string, double> bm25;
    for (const auto& h : plain.hits) bm25[h.article.id] = h.score;
    ASSERT_GT(bm25.at("old-strong"), bm25.at("old-weak") * 1.01);  // the premise: clearly more relevant
    auto q = request("quay");
    q.sort = SortOrder::recent;
    EXPECT_EQ(ids_of(search_ok(searcher, q)), (Ids{"newest", "old-strong", "old-weak"}));
}

// Issue 15: on a small index an article's most distinctive words are its
// own, and finding articles by them finds none; --like chooses among the
// words other articles share.
TEST(LikeOnASmallIndex, FindsTheArticlesThatShareItsStory) {
    std::string own_words;  // more words of its own than --like takes
    for (int k = 0; k < 60; ++k)
        own_words += " zq" + std::string(1, static_cast<char>('a' + k % 26)) + "x" +
                     std::string(1, static_cast<char>('a' + k / 26)) + "word";
    TestIndex index;
    index.add({article("first", "Harbour strike talks", "Dockers at the harbour strike over pay." + own_words),
               article("second", "Harbour strike goes on", "The harbour strike over pay entered its third week."),
               article("other", "Orchard blossom", "Cherry blossom came early to the valley orchards.")});
    index.finish();
    auto q = request("");
    q.like_id = "first";
    EXPECT_EQ(ids_of(search_ok(ArticleSearcher(index.db()), q)), (Ids{"second"}));
}

// ---- the any-word rerun ----

class ContentTest : public testing::Test {
protected:
    ContentTest() {
        Article ferry1 = article("ferry-1", "Ferry service resumes",
                                 "The ferry between Quillon Bay and Harth Island resumed on Monday after the storm "
                                 "kept the boats in port for three days.",
                                 day(2024, 6, 3));
        ferry1.source = "Bay Courier";
        ferry1.persons = ferry1.person_mentions = {"Odile Marchbank"};
        Article ferry2 = article("ferry-2", "Ferry fares rise",
                                 "Ferry fares to Harth Island will rise in July, the operator told passengers at "
                                 "the Quillon Bay terminal.",
                                 day(2024, 6, 10));
        ferry2.source = "Island Post";
        ferry2.persons = ferry2.person_mentions = {"Odile Marchbank", "Tobias Wrenfield"};
        Article light = article("lighthouse", "Lighthouse repainted",
                                "Volunteers repainted the lighthouse on Harth Island in red and white stripes.",
                                month(2024, 6));
        light.source = "Island Post";
        light.persons = light.person_mentions = {"Tobias Wrenfield"};
        Article market = article("market", "Fish market opens early",
                                 "The fish market on the Quillon Bay quay now opens at five in the morning.",
                                 year(2024));
        market.source = "Bay Courier";
        index_.add({ferry1, ferry2, light, market});
        index_.finish();
    }
    ArticleSearcher searcher() { return ArticleSearcher(index_.db()); }
    TestIndex index_;
};

TEST_F(ContentTest, NoArticleWithEveryWordReRunsWithAnyWord) {
    const SearchResults r = search_ok(searcher(), request("ferry lighthouse"));
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(id_set(r), (std::set<std::string>{"ferry-1", "ferry-2", "lighthouse"}));
    EXPECT_EQ(r.total, 3u);
    EXPECT_EQ(r.query, "ferry lighthouse");  // the query as given, not as rerun

    // Asking for any word is no relaxation.
    auto any = request("ferry lighthouse");
    any.mode = MatchMode::any;
    const SearchResults asked = search_ok(searcher(), any);
    EXPECT_FALSE(asked.relaxed);
    EXPECT_EQ(ids_of(asked), ids_of(r));

    // An article with every word: no rerun.
    const SearchResults full = search_ok(searcher(), request("ferry fares"));
    EXPECT_FALSE(full.relaxed);
    EXPECT_EQ(ids_of(full), (Ids{"ferry-2"}));
}

TEST_F(ContentTest, TheRerunKeepsFiltersAsFilters) {
    const SearchResults r = search_ok(searcher(), request("ferry lighthouse source:\"Island Post\""));
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(id_set(r), (std::set<std::string>{"ferry-2", "lighthouse"}));
    auto sticky = request("ferry lighthouse");
    sticky.filters = {"source:\"Bay Courier\""};
    const SearchResults s = search_ok(searcher(), sticky);
    EXPECT_TRUE(s.relaxed);
    EXPECT_EQ(ids_of(s), (Ids{"ferry-1"}));
}

TEST_F(ContentTest, NothingEitherWayIsNoRelaxation) {
    const SearchResults r = search_ok(searcher(), request("zeppelin quasar"));
    EXPECT_FALSE(r.relaxed);
    EXPECT_EQ(r.total, 0u);
    EXPECT_TRUE(r.hits.empty());
    // Words only other articles have, under a filter no article with them passes.
    const SearchResults f = search_ok(searcher(), request("lighthouse fish source:\"Bay Courier\" person:wrenfield"));
    EXPECT_FALSE(f.relaxed);
    EXPECT_EQ(f.total, 0u);
}

TEST_F(ContentTest, LikeNeverRelaxes) {
    auto like = request("ferry lighthouse");
    like.like_id = "ferry-1";
    const SearchResults l = search_ok(searcher(), like);
    EXPECT_FALSE(l.relaxed);
    EXPECT_EQ(l.total, 0u);      // no similar article has both words
    like.mode = MatchMode::any;  // while ferry-2 and lighthouse have one of them
    EXPECT_EQ(id_set(search_ok(searcher(), like)), (std::set<std::string>{"ferry-2", "lighthouse"}));
}

// ---- facets ----

TEST_F(ContentTest, FacetsCountEveryMatchNotJustThePageInTheOrderAsked) {
    auto q = request("island");
    q.limit = 1;
    FacetRequest source{"source"}, person{"person"}, date{"date"};
    date.granularity = DateGranularity::month;
    date.top = 0;
    q.facets = {source, person, date};
    const SearchResults r = search_ok(searcher(), q);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.total, 3u);  // ferry-1, ferry-2, lighthouse
    EXPECT_TRUE(r.total_exact);
    EXPECT_TRUE(r.facets_exact);
    ASSERT_EQ(r.facets.size(), 3u);
    EXPECT_EQ(r.facets[0].request.field, "source");
    EXPECT_EQ(r.facets[1].request.field, "person");
    EXPECT_EQ(r.facets[2].request.field, "date");
    std::map<std::string, Xapian::doccount> sources, persons, months;
    for (const auto& v : r.facets[0].values) sources[v.value] = v.count;
    for (const auto& v : r.facets[1].values) persons[v.value] = v.count;
    for (const auto& v : r.facets[2].values) months[v.value] = v.count;
    EXPECT_EQ(sources, (std::map<std::string, Xapian::doccount>{{"Island Post", 2}, {"Bay Courier", 1}}));
    EXPECT_EQ(persons, (std::map<std::string, Xapian::doccount>{{"Odile Marchbank", 2}, {"Tobias Wrenfield", 2}}));
    EXPECT_EQ(months.at("2024-06"), 3u);  // two days and one month-precision article of June

    // No facets asked, none given.
    EXPECT_TRUE(search_ok(searcher(), request("island")).facets.empty());
}

TEST_F(ContentTest, FacetMatchKeepsValuesContainingTheText) {
    auto q = request("*");
    q.facets = {FacetRequest{"person"}};
    q.facet_match = "wren";
    const SearchResults r = search_ok(searcher(), q);
    ASSERT_EQ(r.facets.size(), 1u);
    ASSERT_EQ(r.facets[0].values.size(), 1u);
    EXPECT_EQ(r.facets[0].values[0].value, "Tobias Wrenfield");
    EXPECT_EQ(r.facets[0].values[0].count, 2u);
}

// ---- sticky filters ----

TEST_F(ContentTest, FiltersRestrictTheHitsAndAddNoWeight) {
    const SearchResults all = search_ok(searcher(), request("harth island"));
    std::map<std::string, double> before;
    for (const auto& h : all.hits) before[h.article.id] = h.score;
    ASSERT_EQ(before.size(), 3u);

    auto q = request("harth island");
    q.filters = {"source:\"Island Post\"", "person:wrenfield"};
    const SearchResults r = search_ok(searcher(), q);
    EXPECT_EQ(id_set(r), (std::set<std::string>{"ferry-2", "lighthouse"}));
    for (const auto& h : r.hits) EXPECT_DOUBLE_EQ(h.score, before.at(h.article.id)) << h.article.id;

    q.filters = {"date:2024-06-10"};
    EXPECT_EQ(ids_of(search_ok(searcher(), q)), (Ids{"ferry-2"}));
}

// Two filters on a field of names must both match, so that a drill-down
// narrows (Xapian ORs filters on one prefix by default); on a field with one
// value an article (source, section), they mean either value.
TEST_F(ContentTest, FiltersOnOneFieldOfNamesAllMatchAndOnSourceEitherMatches) {
    const auto ids = [&](const std::string& query) { return id_set(search_ok(searcher(), request(query))); };
    using Set = std::set<std::string>;
    EXPECT_EQ(ids("person:marchbank person:wrenfield"), (Set{"ferry-2"}));
    EXPECT_EQ(ids("person:=\"Odile Marchbank\" person:=\"Tobias Wrenfield\""), (Set{"ferry-2"}));
    EXPECT_EQ(ids("person:marchbank OR person:wrenfield"), (Set{"ferry-1", "ferry-2", "lighthouse"}));
    EXPECT_EQ(ids("source:\"Bay Courier\" source:\"Island Post\""),
              (Set{"ferry-1", "ferry-2", "lighthouse", "market"}));
    // A query filter and a sticky filter on the same field narrow alike.
    auto q = request("person:marchbank");
    q.filters = {"person:wrenfield"};
    EXPECT_EQ(id_set(search_ok(searcher(), q)), (Set{"ferry-2"}));
}

// Issue 15: a filter matches a contiguous part of a name, however the
// query writes it (hyphens, quotes, case); the exact form matches the whole
// name only, as facets print it.
TEST_F(ContentTest, EntityFiltersMatchAContiguousPartOfANameAndExactFormsTheWholeName) {
    const auto ids = [&](const std::string& query) { return id_set(search_ok(searcher(), request(query))); };
    using Set = std::set<std::string>;
    const Set marchbank{"ferry-1", "ferry-2"};
    for (const char* q :
         {"person:marchbank", "person:odile-marchbank", "person:\"odile marchbank\"", "person:\"ODILE  Marchbank\"",
          "person:=\"Odile Marchbank\"", "person:=\"odile marchbank\""}) {
        SCOPED_TRACE(q);
        EXPECT_EQ(ids(q), marchbank);
    }
    for (const char* q : {"person:\"marchbank odile\"", "person:=marchbank", "person:=\"Odile\"",
                          "person:\"odile wrenfield\"", "source:\"island courier\""}) {
        SCOPED_TRACE(q);
        EXPECT_EQ(ids(q), Set{});
    }
    EXPECT_EQ(ids("source:\"island post\""), (Set{"ferry-2", "lighthouse"}));
    EXPECT_EQ(ids("source:island-post"), (Set{"ferry-2", "lighthouse"}));
}

// A pasted URL or any "word:" that is not a field is text, with a note; a
// misspelt field stays an error that names the field meant.
TEST_F(ContentTest, AWordWithAColonThatIsNoFieldIsSearchedAsTextWithANote) {
    const SearchResults url = search_ok(searcher(), request("quay:five"));
    EXPECT_EQ(id_set(url), (std::set<std::string>{}));  // the phrase "quay five" is nowhere
    ASSERT_EQ(url.notes.size(), 1u);
    EXPECT_EQ(url.notes[0], "\"quay:\" is not a field, so \"quay:five\" was searched as text");
    const SearchResults words = search_ok(searcher(), request("https://harth.island"));
    EXPECT_EQ(id_set(words), (std::set<std::string>{}));
    const SearchResults found = search_ok(searcher(), request("ferry harth:island"));
    EXPECT_EQ(id_set(found), (std::set<std::string>{"ferry-1", "ferry-2"}));
    EXPECT_EQ(found.notes.size(), 1u);
    EXPECT_TRUE(search_ok(searcher(), request("person:wrenfield ferry")).notes.empty());
    // word:"a phrase" is one clause: the words in that order.
    const SearchResults quoted = search_ok(searcher(), request("harth:\"island resumed\""));
    ASSERT_EQ(quoted.notes.size(), 1u);
    EXPECT_EQ(quoted.notes[0], "\"harth:\" is not a field, so \"harth:island resumed\" was searched as text");
    EXPECT_EQ(id_set(search_ok(searcher(), request("harth:\"island in\""))), (std::set<std::string>{"lighthouse"}));
    // title:="…" is title:"…" (a quoted word is exact already).
    EXPECT_EQ(id_set(search_ok(searcher(), request("title:=\"lighthouse\""))),
              id_set(search_ok(searcher(), request("title:\"lighthouse\""))));
    EXPECT_EQ(id_set(search_ok(searcher(), request("title:=\"lighthouse\""))), (std::set<std::string>{"lighthouse"}));
    const auto misspelt = searcher().search(request("persn:wrenfield"));
    ASSERT_TRUE(std::holds_alternative<QueryError>(misspelt));
    EXPECT_NE(std::get<QueryError>(misspelt).message.find("did you mean person:?"), std::string::npos);
}

// "Did you mean" respells the words the user wants, never an excluded one:
// respelling "-lighthuose" would exclude some other word.
TEST_F(ContentTest, NoSuggestionForAnExcludedWord) {
    EXPECT_EQ(search_ok(searcher(), request("ferry lighthuose")).suggestion, "ferry lighthouse");
    EXPECT_EQ(search_ok(searcher(), request("ferry -lighthuose")).suggestion, std::nullopt);
    EXPECT_EQ(search_ok(searcher(), request("ferry NOT lighthuose")).suggestion, std::nullopt);
    EXPECT_EQ(search_ok(searcher(), request("ferry NOT (island OR lighthuose)")).suggestion, std::nullopt);
    EXPECT_EQ(search_ok(searcher(), request("(ferry NOT island) lighthuose")).suggestion,
              "(ferry NOT island) lighthouse");
    // A URL searched as text is no misspelling.
    EXPECT_EQ(search_ok(searcher(), request("https://lighthuose.example/ferry")).suggestion, std::nullopt);
    EXPECT_EQ(search_ok(searcher(), request("-lighthuose lighthuose")).suggestion, "-lighthuose lighthouse");
}

TEST_F(ContentTest, ABadFilterIsAQueryErrorNamingIt) {
    auto q = request("ferry");
    q.filters = {"date:2024-13"};
    const auto r = searcher().search(q);
    ASSERT_TRUE(std::holds_alternative<QueryError>(r));
    const auto& e = std::get<QueryError>(r);
    EXPECT_EQ(e.message,
              "in the filter \"date:2024-13\": there is no month 13 (dates are YYYY, YYYY-MM or YYYY-MM-DD)");
    EXPECT_EQ(e.position, std::string::npos);  // the position would be in the filter, not in the query
}

TEST_F(ContentTest, AQueryErrorIsTheQueryBuildersOwn) {
    const QueryBuilder builder(index_.db());
    for (const std::string bad : {"\"harth island", "(ferry", "ferry AND", "persn:x", "date:june"}) {
        SCOPED_TRACE(bad);
        const auto r = searcher().search(request(bad));
        ASSERT_TRUE(std::holds_alternative<QueryError>(r));
        const auto built = builder.build(bad, MatchMode::all);
        ASSERT_TRUE(std::holds_alternative<QueryError>(built));
        EXPECT_EQ(std::get<QueryError>(r).message, std::get<QueryError>(built).message);
        EXPECT_EQ(std::get<QueryError>(r).position, std::get<QueryError>(built).position);
    }
}

// Issue 15: the span of dates at each end's precision (the shell's :stats,
// newsdex-index --stats): a year-dated article is "2024", not 2024-01-01 to
// 2024-12-31.
TEST(PublicationDateSpan, EachEndAtItsPrecision) {
    using Span = std::pair<std::string, std::string>;
    const auto span_of = [](const std::vector<Article>& articles) {
        TestIndex index;
        index.add(articles);
        index.finish();
        return publication_date_span(index.db());
    };
    EXPECT_EQ(span_of({article("a", "A", "one", year(2024)), article("b", "B", "two", day(2024, 6, 7))}),
              (Span{"2024", "2024-06-07"}));
    EXPECT_EQ(span_of({article("a", "A", "one", year(2024))}), (Span{"2024", "2024"}));
    EXPECT_EQ(span_of({article("a", "A", "one", month(2023, 12)), article("b", "B", "two", year(2024)),
                       article("c", "C", "three", std::nullopt)}),
              (Span{"2023-12", "2024"}));
    EXPECT_EQ(span_of({article("c", "C", "three", std::nullopt)}), (Span{"", ""}));
}

// ---- --like ----

TEST_F(ContentTest, LikeFindsSimilarArticlesButNotItself) {
    auto q = request("");
    q.like_id = "ferry-1";
    const SearchResults r = search_ok(searcher(), q);
    EXPECT_FALSE(has_hit(r, "ferry-1"));
    ASSERT_FALSE(r.hits.empty());
    EXPECT_EQ(r.hits.front().article.id, "ferry-2");  // the other ferry story shares the most words
    for (std::size_t k = 1; k < r.hits.size(); ++k) EXPECT_GE(r.hits[k - 1].score, r.hits[k].score);

    // A query only filters the similar articles.
    q.query = "source:\"Bay Courier\"";
    const SearchResults filtered = search_ok(searcher(), q);
    for (const auto& h : filtered.hits) EXPECT_EQ(h.article.source, "Bay Courier") << h.article.id;
    EXPECT_FALSE(has_hit(filtered, "ferry-1"));
    EXPECT_TRUE(has_hit(filtered, "market"));  // "Quillon Bay" in common
}

TEST_F(ContentTest, LikeAnUnknownIdIsAQueryError) {
    auto q = request("");
    q.like_id = "no/such/article.txt";
    const auto r = searcher().search(q);
    ASSERT_TRUE(std::holds_alternative<QueryError>(r));
    EXPECT_EQ(std::get<QueryError>(r).message, "no article has the id \"no/such/article.txt\"");
    EXPECT_EQ(std::get<QueryError>(r).position, std::string::npos);
}

// ---- explain and snippets ----

TEST_F(ContentTest, ExplainedPartsOfWordsAndStemsAddUpToTheScoreLargestFirst) {
    auto q = request("ferry island fares");
    q.explain = true;
    const SearchResults r = search_ok(searcher(), q);
    ASSERT_FALSE(r.hits.empty());
    const QueryBuilder builder(index_.db());
    const auto query = std::get<Xapian::Query>(builder.build(q.query, MatchMode::all));
    const std::set<std::string> terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
    for (const auto& h : r.hits) {
        SCOPED_TRACE(h.article.id);
        ASSERT_FALSE(h.explanation.empty());
        double sum = 0;
        for (std::size_t k = 0; k < h.explanation.size(); ++k) {
            const auto& [term, clause, clause_terms, weight] = h.explanation[k];
            EXPECT_EQ(terms.count(term), 1u) << term;  // a term of the query
            EXPECT_GT(weight, 0.0) << term;
            if (k) {
                EXPECT_GE(h.explanation[k - 1].weight, weight);
            }
            sum += weight;
        }
        EXPECT_NEAR(sum, h.score, 1e-9);
    }
    // Without --explain, none.
    for (const auto& h : search_ok(searcher(), request("ferry island fares")).hits) EXPECT_TRUE(h.explanation.empty());
}

// Issue 15: a phrase and a wildcard are one share each, named as the query
// wrote them, and the shares add up to the score.
TEST_F(ContentTest, ExplainedPhrasesAndWildcardsAreOneShareEachAndAddUp) {
    auto q = request("\"harth island\" resum*");  // resumes, resumed
    q.explain = true;
    const SearchResults r = search_ok(searcher(), q);
    ASSERT_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
        SCOPED_TRACE(h.article.id);
        double sum = 0;
        std::set<std::string> clauses;
        for (const auto& part : h.explanation) {
            EXPECT_TRUE(part.term.empty() != part.clause.empty());
            sum += part.weight;
            clauses.insert(part.clause);
        }
        EXPECT_NEAR(sum, h.score, 1e-9);
        EXPECT_TRUE(clauses.count("\"harth island\"")) << h.article.id;
        EXPECT_TRUE(std::any_of(clauses.begin(), clauses.end(),
                                [](const std::string& c) { return c.starts_with("resume*: resumed | resumes"); }));
    }
}

TEST_F(ContentTest, SnippetsHighlightMatchesUnlessNotWanted) {
    const SearchResults r = search_ok(searcher(), request("lighthouse"));
    ASSERT_EQ(r.hits.size(), 1u);
    const Snippet& s = r.hits[0].snippet;
    ASSERT_FALSE(s.highlights.empty());
    for (const auto& [b, e] : s.highlights) EXPECT_EQ(s.text.substr(b, e - b), "lighthouse");
    EXPECT_EQ(r.hits[0].article.body.find(s.text), 0u);  // a short body: the snippet is all of it

    auto q = request("lighthouse");
    q.snippets = false;
    const SearchResults bare = search_ok(searcher(), q);
    ASSERT_EQ(bare.hits.size(), 1u);
    EXPECT_TRUE(bare.hits[0].snippet.text.empty());
    EXPECT_TRUE(bare.hits[0].snippet.highlights.empty());
    EXPECT_EQ(bare.hits[0].score, r.hits[0].score);
}

TEST_F(ContentTest, HitsCarryTheStoredArticle) {
    const SearchResults r = search_ok(searcher(), request("fares"));
    ASSERT_EQ(r.hits.size(), 1u);
    const Article& a = r.hits[0].article;
    EXPECT_EQ(a.id, "ferry-2");
    EXPECT_EQ(a.title, "Ferry fares rise");
    EXPECT_EQ(a.source, "Island Post");
    EXPECT_EQ(a.persons, (std::vector<std::string>{"Odile Marchbank", "Tobias Wrenfield"}));
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(*a.date, day(2024, 6, 10));
    EXPECT_NE(a.body.find("operator told passengers"), std::string::npos);  // the full text
    EXPECT_FALSE(r.hits[0].indexed_at.has_value());                         // not added through WritableArticleIndex
}

// ---- --since: strictly after the first-indexed time ----

TEST(Since, OnlyArticlesFirstIndexedStrictlyAfterTheTimeHitsAndFacetsAlike) {
    using std::chrono::microseconds;
    const IndexedTime first_run{microseconds{1'717'000'000'000'000}};
    const IndexedTime second_run = first_run + std::chrono::hours{24};
    TestIndex index;
    Article old1 = article("old-1", "Pier report", "The pier was inspected by the harbour engineers.", day(2024, 6, 1));
    Article old2 = article("old-2", "Pier report", "The harbour engineers closed part of the pier.", day(2024, 6, 2));
    Article new1 = article("new-1", "Pier reopens", "The harbour engineers reopened the pier.", day(2024, 6, 3));
    old1.source = old2.source = new1.source = "Bay Courier";
    index.add(old1, first_run);
    index.add(old2, first_run);
    index.add(new1, second_run);
    index.finish();
    const ArticleSearcher searcher(index.db());

    auto q = request("pier");
    q.facets = {FacetRequest{"source"}};
    const auto run = [&](std::optional<IndexedTime> after) {
        q.indexed_after = after;
        return search_ok(searcher, q);
    };
    const SearchResults everything = run(std::nullopt);
    EXPECT_EQ(everything.total, 3u);

    const SearchResults after_first = run(first_run);
    EXPECT_EQ(ids_of(after_first), (Ids{"new-1"}));
    ASSERT_EQ(after_first.facets.size(), 1u);
    ASSERT_EQ(after_first.facets[0].values.size(), 1u);
    EXPECT_EQ(after_first.facets[0].values[0].count, 1u);  // facets see only the new article too
    ASSERT_TRUE(after_first.hits[0].indexed_at.has_value());
    EXPECT_EQ(*after_first.hits[0].indexed_at, second_run);

    EXPECT_EQ(run(first_run - microseconds{1}).total, 3u);  // one microsecond earlier: both runs
    EXPECT_EQ(run(second_run - microseconds{1}).total, 1u);
    const SearchResults after_second = run(second_run);
    EXPECT_EQ(after_second.total, 0u);
    EXPECT_TRUE(after_second.hits.empty());
    EXPECT_FALSE(after_second.relaxed);

    // What is new about two things is never what is new about one of them:
    // no rerun with any word, though the all-words search finds nothing.
    q.query = "reopened inspected";
    EXPECT_TRUE(run(std::nullopt).relaxed);  // without --since it does rerun
    const SearchResults since = run(first_run - microseconds{1});
    EXPECT_FALSE(since.relaxed);
    EXPECT_EQ(since.total, 0u);
}

// ---- --collapse: one hit per near-duplicate story ----

// Three copies of one story (a sentence added or changed) from three
// outlets, and one other story.
class CollapseTest : public testing::Test {
protected:
    CollapseTest() {
        const std::string story =
            "Engineers from the port authority inspected the northern breakwater on Tuesday after winter storms "
            "moved several of its concrete blocks, and the authority said repairs would begin in the spring once "
            "the contractors had finished surveying the damage along the whole length of the wall";
        Article copy1 = article("wire-1", "Breakwater inspected", story + ".", day(2024, 3, 5));
        Article copy2 = article("wire-2", "Breakwater inspected", story + ", a spokesman said.", day(2024, 3, 5));
        Article copy3 = article("wire-3", "Port inspects breakwater", story + ". Ferries run as usual.",
                                day(2024, 3, 6));
        Article other = article("other", "Breakwater art",
                                "Local painters will decorate the breakwater with murals this summer, the arts "
                                "council announced, inviting schools to submit designs before the end of April.",
                                day(2024, 3, 7));
        copy1.source = "Wire One";
        copy2.source = "Wire Two";
        copy3.source = "Wire Three";
        other.source = "Wire One";
        index_.add({copy1, copy2, copy3, other});
        index_.finish();
    }
    TestIndex index_;
};

TEST_F(CollapseTest, NearDuplicatesFoldIntoTheBestRankedOne) {
    const ArticleSearcher searcher(index_.db());
    const SearchResults plain = search_ok(searcher, request("breakwater"));
    EXPECT_EQ(plain.total, 4u);
    EXPECT_FALSE(plain.stories);
    for (const auto& h : plain.hits) EXPECT_EQ(h.collapsed, 0u) << h.article.id;

    auto q = request("breakwater");
    q.collapse = true;
    const SearchResults r = search_ok(searcher, q);
    EXPECT_TRUE(r.stories);
    EXPECT_EQ(r.total, 2u);  // stories, not articles
    ASSERT_EQ(r.hits.size(), 2u);
    std::map<std::string, Xapian::doccount> collapsed;
    for (const auto& h : r.hits) collapsed[h.article.id.substr(0, 4)] = h.collapsed;
    EXPECT_EQ(collapsed.at("wire"), 2u);  // one copy shown, two folded into it
    EXPECT_EQ(collapsed.at("othe"), 0u);
    // The copy shown is the one that ranked first among its copies.
    std::string best_copy;
    for (const auto& h : plain.hits)
        if (h.article.id.starts_with("wire")) {
            best_copy = h.article.id;
            break;
        }
    EXPECT_TRUE(has_hit(r, best_copy)) << best_copy;
}

// docs/query-language.md, One hit per story: "Totals then count stories;
// facet counts still count articles." Asking for a facet must not turn the
// total back into a count of articles (it did: the facet pass, which has no
// collapse key, replaced the total, so --collapse --facet said "4 stories
// match" for 2 stories).
TEST_F(CollapseTest, FacetsCountArticlesWhileTheTotalCountsStories) {
    auto q = request("breakwater");
    q.collapse = true;
    q.facets = {FacetRequest{"source"}};
    const SearchResults r = search_ok(ArticleSearcher(index_.db()), q);
    EXPECT_EQ(r.hits.size(), 2u);
    EXPECT_EQ(r.total, 2u);  // stories
    ASSERT_EQ(r.facets.size(), 1u);
    Xapian::doccount counted = 0;
    for (const auto& v : r.facets[0].values) counted += v.count;
    EXPECT_EQ(counted, 4u);  // articles
    // The stories, counted in the facets' pass, fold the same articles into
    // each hit as without facets.
    auto without_facets = q;
    without_facets.facets.clear();
    const SearchResults plain = search_ok(ArticleSearcher(index_.db()), without_facets);
    ASSERT_EQ(plain.hits.size(), r.hits.size());
    Xapian::doccount shown_and_folded = 0;
    for (std::size_t k = 0; k < r.hits.size(); ++k) {
        EXPECT_EQ(r.hits[k].article.id, plain.hits[k].article.id);
        EXPECT_EQ(r.hits[k].collapsed, plain.hits[k].collapsed) << r.hits[k].article.id;
        shown_and_folded += 1 + r.hits[k].collapsed;
    }
    EXPECT_EQ(shown_and_folded, 4u);
}

// ---- --facet-sample ----

// 4,000 articles: every second names Ana Ruiz, every tenth Bo Li; each has
// a month from 2024-01 to 2024-04 in turn. Added in the order given.
TestIndex sampled_corpus(bool reversed) {
    TestIndex index;
    std::vector<Article> all;
    for (int n = 0; n < 4000; ++n) {
        Article a = article("a" + std::to_string(n), "Harbour report " + std::to_string(n),
                            "The harbour board met again.", day(2024, 1 + n % 4, 1 + n % 28));
        if (n % 2 == 0) a.persons.push_back("Ana Ruiz");
        if (n % 10 == 0) a.persons.push_back("Bo Li");
        all.push_back(std::move(a));
    }
    if (reversed) std::reverse(all.begin(), all.end());
    index.add(all);
    index.db().commit();
    return index;
}

SearchRequest faceted(std::size_t sample) {
    SearchRequest r;
    r.query = "harbour";
    r.facets = {std::get<FacetRequest>(parse_facet_spec("person")), std::get<FacetRequest>(parse_facet_spec("date"))};
    r.facet_sample = sample;
    return r;
}

std::map<std::string, Xapian::doccount> counts_of(const FacetResult& f) {
    std::map<std::string, Xapian::doccount> m;
    for (const auto& v : f.values) m[v.value] = v.count;
    return m;
}

TEST(FacetSample, CountsASampleScaledToTheTotalAndSaysSo) {
    TestIndex index = sampled_corpus(false);
    const ArticleSearcher searcher(index.db());
    const SearchResults exact = search_ok(searcher, faceted(0));
    EXPECT_TRUE(exact.facets_exact);
    EXPECT_EQ(exact.facets_sample, 0u);
    EXPECT_EQ(counts_of(exact.facets[0]),
              (std::map<std::string, Xapian::doccount>{{"Ana Ruiz", 2000}, {"Bo Li", 400}}));

    const SearchResults sampled = search_ok(searcher, faceted(800));
    EXPECT_FALSE(sampled.facets_exact);
    EXPECT_EQ(sampled.total, 4000u);  // the total is the search's, not the sample's
    EXPECT_GT(sampled.facets_sample, 400u);
    EXPECT_LT(sampled.facets_sample, 1600u);
    const auto persons = counts_of(sampled.facets[0]);
    EXPECT_NEAR(static_cast<double>(persons.at("Ana Ruiz")), 2000, 200);
    EXPECT_NEAR(static_cast<double>(persons.at("Bo Li")), 400, 120);
    const auto months = counts_of(sampled.facets[1]);
    for (const char* m : {"2024-01", "2024-02", "2024-03", "2024-04"})
        EXPECT_NEAR(static_cast<double>(months.at(m)), 1000, 200) << m;  // spread over the archive, not its start
    EXPECT_EQ(months.at("unknown"), 0u);
}

TEST(FacetSample, TheSameSampleWhateverTheInputOrder) {
    TestIndex forward = sampled_corpus(false), backward = sampled_corpus(true);
    const SearchResults a = search_ok(ArticleSearcher(forward.db()), faceted(800));
    const SearchResults b = search_ok(ArticleSearcher(backward.db()), faceted(800));
    EXPECT_EQ(a.facets_sample, b.facets_sample);
    EXPECT_EQ(counts_of(a.facets[0]), counts_of(b.facets[0]));
    EXPECT_EQ(counts_of(a.facets[1]), counts_of(b.facets[1]));
}

TEST(FacetSample, FewerMatchesThanTheSampleAreCountedExactly) {
    TestIndex index = sampled_corpus(false);
    const SearchResults r = search_ok(ArticleSearcher(index.db()), faceted(5000));
    EXPECT_TRUE(r.facets_exact);
    EXPECT_EQ(r.facets_sample, 0u);
    EXPECT_EQ(counts_of(r.facets[0]).at("Bo Li"), 400u);
}

}  // namespace
}  // namespace newsdex
