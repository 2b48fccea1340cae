// The search step: runs a parsed query against the index with BM25, breaks
// ties by newest date then id (so the order never depends on docids, hence not
// on input order), and returns hits with their stored records and snippets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <xapian.h>

#include "common/index/schema.h"
#include "common/query/query_builder.h"
#include "common/reading/article.h"
#include "common/search/facets.h"
#include "common/search/score_explanation.h"
#include "common/search/snippet.h"

namespace newsdex {

enum class SortOrder {
    relevance,  // BM25; equal scores newest first, then id
    newest,     // by date, newest first; undated last; then id
    oldest,     // by date, oldest first; undated last; then newest, id
    recent,     // relevance times an age decay: halved every half_life_days
};
// "relevance", "newest", "oldest", "recent" -> the order; nothing for any
// other name. Shared by --sort, batch lines and the shell's :sort.
std::optional<SortOrder> parse_sort_order(std::string_view name);
std::string_view to_string(SortOrder order);
inline constexpr const char* kSortOrderNames = "relevance, newest, oldest or recent";
// The most a limit or an offset can be: Xapian counts documents in 32 bits.
inline constexpr long long kMaxResultCount = 2147483647;

struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
    MatchMode mode = MatchMode::all;
    bool collapse = false;  // one hit per near-duplicate group
    bool explain = false;   // per-term score contributions in each hit
    bool snippets = true;   // false: hits carry no snippet (tsv and TREC batches print none)
    std::string like_id;    // --like ID: articles similar to this one (the query, if any, filters them)
    SortOrder sort = SortOrder::relevance;
    double half_life_days = 30;  // for SortOrder::recent
    std::vector<FacetRequest> facets;
    std::string facet_match;  // --facet-match: keep values containing this
    // Clauses every hit must match besides the query, each parsed on its own
    // (the shell's sticky filters: "location:cairo"); they add no weight.
    std::vector<std::string> filters;
    // --since / --state: only articles first indexed strictly after this
    // time (schema::kFirstIndexedSlot); hits and facets alike.
    std::optional<IndexedTime> indexed_after;
    // Benchmarks and tests compare the two ways of counting (facets.h).
    FacetCounting facet_counting = FacetCounting::automatic;
    // --facet-sample N: with more matches than about N, count facets over
    // the matches in the first sample buckets (schema.h, kSampleBucketPrefix)
    // holding about N of them, and scale the counts. 0: count every match.
    std::size_t facet_sample = 0;
};

struct Hit {
    std::size_t rank = 0;  // 1-based over the whole result list
    double score = 0;
    Article
        article;  // from the stored record; body holds the full text; content_hash is not read (schema::decode_hit())
    Snippet snippet;
    Xapian::doccount collapsed = 0;  // with --collapse: near duplicates folded into this hit
    // With --explain: each query clause's BM25 contribution to score,
    // largest first (score_explanation.h).
    std::vector<ScorePart> explanation;
    std::optional<IndexedTime> indexed_at;  // when the article was first indexed
};

struct SearchResults {
    std::string query;
    Xapian::doccount total = 0;
    bool total_exact = true;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    bool facets_exact = true;               // every match was counted
    Xapian::doccount facets_sample = 0;     // --facet-sample: the matches counted; 0 when all were
    std::optional<std::string> suggestion;  // "Did you mean": the query respelt
    std::vector<std::string> notes;         // how the query was read (query_notes())
    bool relaxed = false;                   // no article had every word: these match any of them
    bool stories = false;                   // --collapse: total and hits count stories, not articles
    std::size_t offset = 0;                 // the matches before this page (--offset)
    // --allow-partial: the shards not reached; the results are the others'.
    std::vector<std::string> missing_shards;
    double took_ms = 0;
};

class ArticleSearcher {
public:
    // missing_shards: shards of the index left out (open_index_shards() with
    // allow_partial); every result says so.
    explicit ArticleSearcher(Xapian::Database db, std::vector<std::string> missing_shards = {});
    // With the default all-words mode, a query no article fully matches is
    // run again with any word (results.relaxed says so). A query past the
    // limits of query_builder.h is a QueryError, as is a wildcard Xapian
    // finds too broad while searching.
    std::variant<SearchResults, QueryError> search(const SearchRequest& request) const;
    const Xapian::Database& database() const { return db_; }

private:
    std::variant<SearchResults, QueryError> search_relaxing(const SearchRequest& request) const;
    std::variant<SearchResults, QueryError> search_once(const SearchRequest& request) const;

    Xapian::Database db_;
    QueryBuilder query_builder_;
    std::vector<std::string> missing_shards_;
};

}  // namespace newsdex
