#include "common/search.h"

#include <chrono>

#include "common/schema.h"

namespace newsdex {

namespace {

// Totals are exact up to this many matches; beyond it Xapian estimates and
// the result says so (total_exact = false).
constexpr Xapian::doccount kExactTotalUpTo = 10000;

}  // namespace

ArticleSearcher::ArticleSearcher(Xapian::Database db) : db_(std::move(db)), query_builder_(db_) {}

std::variant<SearchResults, QueryError> ArticleSearcher::search(const SearchRequest& request) const {
    const auto started = std::chrono::steady_clock::now();
    auto built = query_builder_.build(request.query, request.mode);
    if (auto* err = std::get_if<QueryError>(&built)) return *err;
    const Xapian::Query& query = std::get<Xapian::Query>(built);

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    // Equal scores (all of them for "*" or pure filters): newest first, then id.
    enquire.set_sort_by_relevance_then_value(schema::kTieBreakSlot, false);
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), kExactTotalUpTo);

    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    results.suggestion = query_builder_.suggest(request.query);
    if (!request.facets.empty()) {
        // A pass of its own, unweighted and unsorted, that examines every
        // match: counts are exact, and remote shards count right (Xapian 1.4
        // inflates spy counts across shards when results are sorted by value).
        const FacetCounter facets(db_, request.facets, request.facet_match);
        Xapian::Enquire counting(db_);
        counting.set_query(query);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        facets.attach(counting);
        const Xapian::MSet all = counting.get_mset(0, 0, db_.get_doccount());
        results.facets = facets.results(all.get_matches_estimated());
        results.facets_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
        results.total = all.get_matches_estimated();  // exact here, even past kExactTotalUpTo
        results.total_exact = results.facets_exact;
    }
    const MatchedWords matched(query);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;  // get_rank() counts from the first result, not the page
        hit.score = it.get_weight();
        hit.article = schema::decode_record(it.get_document().get_data());
        hit.snippet = make_snippet(hit.article.body, matched);
        results.hits.push_back(std::move(hit));
    }
    results.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return results;
}

}  // namespace newsdex
