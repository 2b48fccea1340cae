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
    // Facets count every match, so the matcher must look at all of them.
    const FacetCounter facets(db_, request.facets, request.facet_match);
    facets.attach(enquire);
    const Xapian::doccount check_at_least = request.facets.empty() ? kExactTotalUpTo : db_.get_doccount();
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), check_at_least);

    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    results.suggestion = query_builder_.suggest(request.query);
    if (!request.facets.empty()) {
        results.facets = facets.results(mset.get_matches_estimated());
        results.facets_exact = results.total_exact;
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
