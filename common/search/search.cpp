#include "common/search/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "common/base/printable.h"
#include "common/index/article_id.h"
#include "common/index/schema.h"
#include "common/search/score_explanation.h"
#include "common/search/spelling.h"

namespace newsdex {

namespace {

// Totals are exact up to this many matches; beyond it Xapian estimates and
// the result says so (total_exact = false; "About 12,300 articles match").
// Counting exactly to 10,000 cost a quarter of a plain search's time at
// 100,000 articles (bench/RESULTS.md); a faceted search counts every match
// anyway, and its total is exact.
constexpr Xapian::doccount kExactTotalUpTo = 1000;
// --sort recent re-ranks this many best matches (or more, to reach the page).
constexpr Xapian::doccount kRecentCandidates = 1000;

// Ties in relevance are the page's to order: relevance_window() fetches
// every article tied at the page's edges and ranked() orders them by the
// tie-break value, so Xapian's own order among equal weights does not show
// and it needs no value tie-break (3% of a plain search, bench/RESULTS.md),
// except for unweighted matches (relevance_window()). Recent blocks and
// collapsed stories are cut in Xapian's order, so they keep it.
void set_relevance_then_tie_break(Xapian::Enquire& enquire) {
    enquire.set_sort_by_relevance_then_value(schema::kTieBreakSlot, false);  // ties: newest, then id
}

// Plain value sorts only: the remote backend runs no key makers.
void set_order(Xapian::Enquire& enquire, SortOrder sort, bool collapse) {
    switch (sort) {
        case SortOrder::newest: enquire.set_sort_by_value(schema::kTieBreakSlot, false); break;
        case SortOrder::oldest: enquire.set_sort_by_value(schema::kOldestFirstSlot, false); break;
        case SortOrder::relevance:
            if (!collapse) break;
            [[fallthrough]];
        default: set_relevance_then_tie_break(enquire);
    }
}

// How many matches get_mset() must look at for the total to be exact up to
// kExactTotalUpTo. Looking at them costs a query with many matches more
// than the rest of its search, so the query's bounds, which Xapian works
// out from term statistics without matching (get_mset(0, 0)), decide first:
// a total they settle, or one they show to be past kExactTotalUpTo, needs
// no counting. Only a total that may be at most kExactTotalUpTo is counted.
Xapian::doccount matches_to_check(const Xapian::Enquire& enquire) {
    const Xapian::MSet bounds = enquire.get_mset(0, 0);
    const Xapian::doccount lower = bounds.get_matches_lower_bound();
    return lower == bounds.get_matches_upper_bound() || lower > kExactTotalUpTo ? 0 : kExactTotalUpTo;
}

std::chrono::sys_days day_of(const std::string& yyyymmdd) {
    const int y = std::stoi(yyyymmdd.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2))),
                   d = static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)));
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// The recent order: score x 0.5^(age / half-life), age in days from the
// newest date in the index (the latest first day of any article's date; not
// the clock, so the same index gives the same order tomorrow) to the first
// day of the article's dated period: an article dated "2024" is only known
// to be as recent as 1 January, and must not outrank one of 7 June. An
// undated article counts as old as the oldest one.
struct RecencyScorer {
    std::chrono::sys_days newest, oldest;
    double half_life;
    bool dated_index;

    RecencyScorer(const Xapian::Database& db, double half_life_days) : half_life(half_life_days) {
        const std::string hi = db.get_value_upper_bound(schema::kDateFirstDaySlot);
        const std::string lo = db.get_value_lower_bound(schema::kDateFirstDaySlot);
        dated_index = hi.size() == 8 && lo.size() == 8;
        if (dated_index) newest = day_of(hi), oldest = day_of(lo);
    }
    double operator()(double score, const std::string& first_day) const {
        if (!dated_index) return score;
        double age = static_cast<double>((newest - oldest).count());
        if (first_day.size() == 8) age = std::max(0.0, static_cast<double>((newest - day_of(first_day)).count()));
        return score * std::exp2(-age / half_life);
    }
};

// Words worth comparing articles on: unprefixed (no filter or id terms),
// not numbers, three letters at least, and in some other article too. A
// word of this article alone is the most distinctive of all and finds
// nothing else: on a small index the expansion chose only such words, so
// --like found no article even when every one covered the same story.
class ContentWords : public Xapian::ExpandDecider {
public:
    explicit ContentWords(const Xapian::Database& db) : db_(db) {}
    bool operator()(const std::string& term) const override {
        return term.size() >= 3 && term[0] >= 'a' && term[0] <= 'z' &&
               term.find_first_not_of("0123456789") != std::string::npos && db_.get_termfreq(term) >= 2;
    }

private:
    Xapian::Database db_;
};

constexpr Xapian::termcount kLikeTerms = 25;

// --like ID: the article's most distinctive words (Xapian's relevance
// feedback expansion over that one article), OR-ed and ranked, the article
// itself left out.
std::variant<Xapian::Query, QueryError> similar_to(const Xapian::Database& db, const std::string& id) {
    const Xapian::docid docid = find_article_document(db, id);
    if (!docid) return QueryError{"no article has the id \"" + shortened(id, 200) + "\"", std::string::npos};
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    const ContentWords words(db);
    // Exact term frequencies: over shards, Xapian would otherwise estimate
    // them, and the words chosen would depend on the shard count.
    const Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &words);
    const Xapian::Query like(Xapian::Query::OP_OR, eset.begin(), eset.end());
    const std::string id_term = schema::id_term(schema::decode_record(db.get_document(docid).get_data()).id);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(id_term));
}

// --facet-sample: how many of the sample buckets hold about `wanted` of
// `matches` matches; all of them (no sampling) when that is every bucket,
// or when the index has no bucket terms (articles analysed before them).
unsigned sample_buckets(const Xapian::Database& db, std::size_t wanted, Xapian::doccount matches) {
    if (wanted == 0 || matches <= wanted) return schema::kSampleBuckets;
    const std::size_t buckets = (wanted * schema::kSampleBuckets + matches - 1) / matches;
    const std::string prefix(schema::kSampleBucketPrefix);
    if (buckets >= schema::kSampleBuckets || db.allterms_begin(prefix) == db.allterms_end(prefix))
        return schema::kSampleBuckets;
    return static_cast<unsigned>(buckets);
}

Xapian::Query in_buckets(const Xapian::Query& query, unsigned buckets) {
    std::vector<std::string> terms;
    for (unsigned b = 0; b < buckets; ++b) terms.push_back(schema::sample_bucket_term(b));
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
}

// --collapse: how many stories match (an article of no near-duplicate group
// is a story of its own) and how many articles each group has, counted in a
// pass over every match with Xapian's built-in spy (which servers run): the
// facets' pass when facets are counted exactly, else one of its own. Xapian's own collapse counts are bounds that depend on how far the
// match went, and remote shards (Xapian 1.4) neither pass the collapse count
// on nor bound a collapsed total as local shards do; this count is exact and
// the same on any shards.
struct StoryCount {
    Xapian::doccount articles = 0;  // every matching article, exact
    Xapian::doccount stories = 0;
    std::map<std::string, Xapian::doccount> group_sizes;
};

StoryCount stories_from(const Xapian::ValueCountMatchSpy& groups, Xapian::doccount articles) {
    StoryCount count;
    Xapian::doccount grouped = 0;
    for (auto it = groups.values_begin(); it != groups.values_end(); ++it) {
        count.group_sizes[*it] = it.get_termfreq();
        grouped += it.get_termfreq();
    }
    count.articles = articles;
    count.stories = count.articles - grouped + static_cast<Xapian::doccount>(count.group_sizes.size());
    return count;
}

StoryCount count_stories(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy groups(schema::kDuplicateGroupSlot);  // it skips the empty (no group) values
    counting.add_matchspy(&groups);
    const Xapian::MSet all = counting.get_mset(0, 0, db.get_doccount());
    return stories_from(groups, all.get_matches_estimated());  // exact: every match was examined
}

// The facet counts, in a pass of their own, unweighted and unsorted, that
// examines every match (of the sample, with --facet-sample): counts are
// exact, and remote shards count right (Xapian 1.4 inflates spy counts
// across shards when results are sorted by value). `matches`: the main
// pass's estimate. `stories`: also count them in this pass (--collapse),
// when it examines every match (no --facet-sample).
void count_facets(const Xapian::Database& db, const SearchRequest& request, const Xapian::Query& query,
                  Xapian::doccount matches, SearchResults& results, std::optional<StoryCount>* stories = nullptr) {
    const unsigned buckets = sample_buckets(db, request.facet_sample, matches);
    const bool sampled = buckets < schema::kSampleBuckets;
    auto count = [&](FacetCounting how) {
        const FacetCounter facets(db, request.facets, request.facet_match, how);
        Xapian::Enquire counting(db);
        counting.set_query(sampled ? in_buckets(query, buckets) : query);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        facets.attach(counting);
        Xapian::ValueCountMatchSpy groups(schema::kDuplicateGroupSlot);  // a spy of each attempt's own
        if (stories && !sampled) counting.add_matchspy(&groups);
        const Xapian::MSet all = counting.get_mset(0, 0, db.get_doccount());
        results.facets = facets.results(all.get_matches_estimated());
        if (stories && !sampled) *stories = stories_from(groups, all.get_matches_estimated());
        return all;
    };
    Xapian::MSet all;
    try {
        all = count(request.facet_counting);
    } catch (const Xapian::UnimplementedError&) {
        all = count(FacetCounting::per_slot);  // a remote database: its server runs built-in spies only
    }
    const Xapian::doccount counted = all.get_matches_estimated();
    if (sampled && counted > 0) {
        const double scale = static_cast<double>(matches) / counted;
        for (auto& f : results.facets)
            for (auto& v : f.values) v.count = static_cast<Xapian::doccount>(std::llround(v.count * scale));
        results.facets_exact = false;
        results.facets_sample = counted;
        return;
    }
    if (sampled) {  // no match fell in the sample's buckets: count them all
        SearchRequest exact = request;
        exact.facet_sample = 0;
        return count_facets(db, exact, query, matches, results);
    }
    results.facets_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
    // This pass counts articles; a collapsed total counts stories.
    if (!request.collapse) {
        results.total = counted;  // exact here, even past kExactTotalUpTo
        results.total_exact = results.facets_exact;
    }
}

// A hit before it is rendered. The docid is the one the whole index numbers
// it with: a document's own get_docid() is its shard's number for it.
struct Row {
    double score;
    Xapian::Document doc;
    Xapian::docid docid;
    std::string tie_break;
    Xapian::doccount collapsed = 0;
};

// Scores this close are a tie, broken by the tie-break slot (newest, then
// id). Xapian adds a document's term weights in an order that follows how
// each shard's posting lists were built, so one article can score a few
// units in the last place apart on one index and on three shards of it, and
// two articles tied on the one swap places on the other. The tolerance is
// relative (about one part in a billion: a score's binary exponent and the
// first 30 bits of its mantissa), never absolute: --sort recent decays old
// articles' scores to tiny numbers that must still rank by relevance.
std::pair<int, long long> tie_class(double score) {
    if (!(score > 0)) return {std::numeric_limits<int>::min(), 0};
    int exponent = 0;
    const double mantissa = std::frexp(score, &exponent);  // in [0.5, 1)
    return {exponent, std::llround(std::ldexp(mantissa, 30))};
}
// Relevance pages are fetched with this many matches either side, so that
// articles tied at a page's edge are ranked among each other; more when a
// tie reaches past the margin (tie_reaches_past()), up to kMaxTieMargin.
constexpr Xapian::doccount kTieMargin = 8, kMaxTieMargin = 4096;

// Whether an article tied with the page's first or last row may lie outside
// the fetched matches (`window`, from match `first`; the page from match
// `start`, `limit` long): the window's own first (last) match is in the
// tie class of the page's first (last) row. Xapian orders by exact weight,
// so a tie class can hold a run of one weight and, after it, matches a few
// parts in a billion lower that rank among them: only the end of the class
// tells. A weight of exactly 0 (a filter or "*" alone) has no near ties:
// Xapian orders those by the tie-break itself.
bool tie_reaches_past(const Xapian::MSet& window, Xapian::doccount first, Xapian::doccount start,
                      Xapian::doccount limit, bool more_after) {
    if (limit == 0 || window.empty() || start < first || start - first >= window.size()) return false;
    auto tied = [&](Xapian::doccount edge, Xapian::doccount page_row) {
        const double w = window[page_row].get_weight();
        return w != 0 && tie_class(window[edge].get_weight()) == tie_class(w);
    };
    const Xapian::doccount last = window.size() - 1, page_last = std::min(start - first + limit, window.size()) - 1;
    return (first > 0 && tied(0, start - first)) || (more_after && tied(last, page_last));
}

// The relevance page's matches with a margin either side (tie_reaches_past()),
// from match `first`. Unweighted matches ("*", a filter alone) all tie at
// weight 0, past any margin: where they reach the window, Xapian orders
// them by the tie-break value instead.
Xapian::MSet relevance_window(Xapian::Enquire& enquire, Xapian::doccount offset, Xapian::doccount limit,
                              Xapian::doccount check_at_least, Xapian::doccount& first) {
    bool value_order = false;
    for (Xapian::doccount margin = kTieMargin;;) {
        first = offset - std::min(offset, margin);
        const Xapian::doccount count = offset - first + limit + margin;
        Xapian::MSet window = enquire.get_mset(first, count, check_at_least);
        if (!value_order && !window.empty() && window[window.size() - 1].get_weight() == 0) {
            set_relevance_then_tie_break(enquire);
            value_order = true;
            continue;
        }
        if (margin >= kMaxTieMargin || !tie_reaches_past(window, first, offset, limit, window.size() == count))
            return window;
        margin *= 8;
    }
}

bool ranks_before(const Row& a, const Row& b) {
    const auto qa = tie_class(a.score), qb = tie_class(b.score);
    return qa != qb ? qa > qb : a.tie_break < b.tie_break;
}

// Reads the tie-break value of each row of [begin, end) that shares its tie
// class with another: only those need it to be ordered, and each value is a
// lookup of its own in the index (a disk block on a cold cache), where most
// relevance scores are apart.
void read_tie_breaks_of_ties(std::vector<Row>::iterator begin, std::vector<Row>::iterator end) {
    std::vector<std::pair<std::pair<int, long long>, Row*>> classes;
    for (auto it = begin; it != end; ++it) classes.push_back({tie_class(it->score), &*it});
    std::sort(classes.begin(), classes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < classes.size(); ++k) {
        const bool tied = (k > 0 && classes[k - 1].first == classes[k].first) ||
                          (k + 1 < classes.size() && classes[k + 1].first == classes[k].first);
        if (tied) classes[k].second->tie_break = classes[k].second->doc.get_value(schema::kTieBreakSlot);
    }
}

// The MSet's rows scored by `score(weight, document)` and ranked within
// each run of `block` rows (all of them by default).
template <typename Score>
std::vector<Row> ranked(const Xapian::MSet& mset, const Score& score,
                        std::size_t block = std::numeric_limits<std::size_t>::max()) {
    std::vector<Row> rows;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        const double s = score(it.get_weight(), doc);
        rows.push_back({s, doc, *it, {}});
    }
    for (std::size_t from = 0; from < rows.size(); from += std::min(block, rows.size() - from)) {
        const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(from);
        const auto end = begin + static_cast<std::ptrdiff_t>(std::min(block, rows.size() - from));
        read_tie_breaks_of_ties(begin, end);
        std::stable_sort(begin, end, ranks_before);
    }
    return rows;
}

}  // namespace

namespace {
constexpr std::pair<std::string_view, SortOrder> kSortOrders[] = {{"relevance", SortOrder::relevance},
                                                                  {"newest", SortOrder::newest},
                                                                  {"oldest", SortOrder::oldest},
                                                                  {"recent", SortOrder::recent}};
}  // namespace

std::optional<SortOrder> parse_sort_order(std::string_view name) {
    for (const auto& [n, order] : kSortOrders)
        if (n == name) return order;
    return std::nullopt;
}

std::string_view to_string(SortOrder order) {
    for (const auto& [n, o] : kSortOrders)
        if (o == order) return n;
    return "relevance";
}

ArticleSearcher::ArticleSearcher(Xapian::Database db, std::vector<std::string> missing_shards)
    : db_(std::move(db)), query_builder_(db_), missing_shards_(std::move(missing_shards)) {}

std::variant<SearchResults, QueryError> ArticleSearcher::search(const SearchRequest& request) const {
    try {
        auto outcome = search_relaxing(request);
        if (auto* results = std::get_if<SearchResults>(&outcome)) results->missing_shards = missing_shards_;
        return outcome;
    } catch (const Xapian::WildcardError&) {
        // QueryBuilder counts wildcard expansions before the search; this is
        // Xapian's own limit, the same number, for a wildcard it expanded
        // otherwise. A bad query, not an index error.
        return QueryError{"a wildcard matches too many words: a query's wildcards may stand for at most " +
                              std::to_string(kMaxWildcardTerms) +
                              " words of the index (give more letters before the *)",
                          std::string::npos};
    }
}

std::variant<SearchResults, QueryError> ArticleSearcher::search_relaxing(const SearchRequest& request) const {
    auto first = search_once(request);
    const auto* found = std::get_if<SearchResults>(&first);
    // Not for "what is new since": a new article with some of the words is
    // no news about all of them.
    if (!found || found->total > 0 || request.mode != MatchMode::all || !request.like_id.empty() ||
        request.indexed_after)
        return first;
    SearchRequest any = request;
    any.mode = MatchMode::any;
    auto second = search_once(any);
    auto* relaxed = std::get_if<SearchResults>(&second);
    if (!relaxed || relaxed->total == 0) return first;
    relaxed->relaxed = true;
    return second;
}

std::variant<SearchResults, QueryError> ArticleSearcher::search_once(const SearchRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    auto built = query_builder_.build(request.query, request.mode);
    if (auto* err = std::get_if<QueryError>(&built)) return *err;
    Xapian::Query query = std::get<Xapian::Query>(built);
    if (!request.like_id.empty()) {
        auto like = similar_to(db_, request.like_id);
        if (auto* err = std::get_if<QueryError>(&like)) return *err;
        // The query, if any, only filters the similar articles.
        query = Xapian::Query(Xapian::Query::OP_FILTER, std::get<Xapian::Query>(like), query);
    }
    for (const auto& text : request.filters) {
        auto filter = query_builder_.build(text, MatchMode::all);
        if (auto* err = std::get_if<QueryError>(&filter))
            return QueryError{"in the filter \"" + text + "\": " + err->message, std::string::npos};
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, std::get<Xapian::Query>(filter));
    }
    if (request.indexed_after) {
        // Strictly after: the stored values are whole microseconds.
        const std::string from = schema::first_indexed_value(*request.indexed_after + std::chrono::microseconds{1});
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kFirstIndexedSlot, from));
    }

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    set_order(enquire, request.sort, request.collapse);
    if (request.collapse) enquire.set_collapse_key(schema::kDuplicateGroupSlot);
    // Recent re-ranks the matches by relevance in blocks of
    // kRecentCandidates (the best 1,000, the next 1,000, …), so it fetches
    // the whole blocks the page falls in: an article never leaves its block,
    // and pages of any size partition one order. Relevance fetches a margin
    // either side (kTieMargin).
    const bool recent = request.sort == SortOrder::recent, relevance = request.sort == SortOrder::relevance;
    // Past the last article a page is empty: no offset or limit needs to be
    // larger, and a larger one would wrap around in 32-bit arithmetic.
    const Xapian::doccount articles = db_.get_doccount();
    const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(request.offset, articles));
    const auto limit = static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, articles));
    Xapian::doccount first = offset;
    Xapian::MSet mset;
    if (recent) {
        first = offset / kRecentCandidates * kRecentCandidates;
        const Xapian::doccount end = (offset + limit + kRecentCandidates - 1) / kRecentCandidates * kRecentCandidates;
        mset = enquire.get_mset(first, end - first, kExactTotalUpTo);
    } else if (relevance) {
        mset = relevance_window(enquire, offset, limit, matches_to_check(enquire), first);
    } else {
        mset = enquire.get_mset(offset, limit, matches_to_check(enquire));
    }

    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    results.suggestion = suggest_spelling(db_, request.query);
    results.notes = query_notes(request.query);
    results.stories = request.collapse;
    results.offset = request.offset;
    std::optional<StoryCount> stories;
    // Exact facets and stories: one pass over the matches counts both.
    const bool facets_counted = request.collapse && !request.facets.empty() && request.facet_sample == 0;
    if (facets_counted) count_facets(db_, request, query, mset.get_matches_estimated(), results, &stories);
    if (request.collapse) {
        if (!stories) stories = count_stories(db_, query);
        results.total = stories->stories;
        results.total_exact = true;
    }
    // Facets count articles, collapsed or not: a collapsed MSet's estimate counts stories.
    if (!request.facets.empty() && !facets_counted)
        count_facets(db_, request, query, stories ? stories->articles : mset.get_matches_estimated(), results);
    const MatchedWords matched(query);
    // The page in order; with --collapse, the articles folded into each hit
    // (count_stories(), not Xapian's count).
    std::vector<Row> page;
    if (recent) {
        const RecencyScorer decay(db_, request.half_life_days);
        page = ranked(
            mset,
            [&](double weight, const Xapian::Document& doc) {
                return decay(weight, doc.get_value(schema::kDateFirstDaySlot));
            },
            kRecentCandidates);
    } else if (relevance) {
        page = ranked(mset, [](double weight, const Xapian::Document&) { return weight; });
    } else {  // newest, oldest: Xapian's order, by a value unique to each article
        for (auto it = mset.begin(); it != mset.end(); ++it)
            page.push_back({it.get_weight(), it.get_document(), *it, {}});
    }
    page.erase(page.begin(), page.begin() + std::min<std::size_t>(page.size(), offset - first));
    if (page.size() > limit) page.resize(limit);
    if (stories) {  // exact counts, as on any shards (count_stories())
        for (auto& row : page) {
            const auto it = stories->group_sizes.find(row.doc.get_value(schema::kDuplicateGroupSlot));
            row.collapsed = it == stories->group_sizes.end() || it->second == 0 ? 0 : it->second - 1;
        }
    }
    for (std::size_t k = 0; k < page.size(); ++k) {
        Hit hit;
        hit.rank = request.offset + k + 1;
        hit.score = page[k].score;
        hit.collapsed = page[k].collapsed;
        hit.article = schema::decode_hit(page[k].doc);
        hit.indexed_at = schema::parse_first_indexed_value(page[k].doc.get_value(schema::kFirstIndexedSlot));
        if (request.snippets) hit.snippet = make_snippet(hit.article.body, matched);
        results.hits.push_back(std::move(hit));
    }
    if (request.explain) {
        std::vector<Xapian::docid> docids;
        std::vector<std::string> ids;
        for (std::size_t k = 0; k < page.size(); ++k)
            docids.push_back(page[k].docid), ids.push_back(results.hits[k].article.id);
        auto parts = explain_scores(db_, query, docids, ids);
        for (std::size_t k = 0; k < page.size(); ++k) results.hits[k].explanation = std::move(parts[k]);
    }
    results.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return results;
}

}  // namespace newsdex
