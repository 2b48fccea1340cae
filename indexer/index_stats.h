// newsdex-index --stats: what an index holds, for people (text) and for
// scripts (JSON, docs/cli.md): articles, distinct terms, size on disk, the
// span of publication dates, the last run, whether the corpus-wide passes
// are pending, and the most frequent persons, locations, organisations and
// sources, counted over every article by the search stage's facets
// (common/search/facets.h), so they agree with `newsdex-search --facet`.
//
// Reads the last committed state; needs no lock.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/base/time_spec.h"
#include "common/search/facets.h"

namespace newsdex {

struct IndexStats {
    std::string db_path;
    Xapian::doccount articles = 0;
    std::size_t shards = 1;  // databases (docs/index-format.md, Layout)
    std::uint64_t distinct_terms = 0;
    std::uintmax_t bytes_on_disk = 0;
    // Publication dates, ISO at their precision ("2004-12-31", "2005-03",
    // "2005"); empty when no article is dated.
    std::string oldest, newest;
    Xapian::doccount undated = 0;
    std::optional<IndexedTime> last_run;  // schema::kLastRunKey
    bool passes_pending = false;          // schema::kPassesPendingKey
    std::vector<FacetResult> top;         // person, location, org, source: the top 10 of each
};

// Throws IndexError when there is no index at `db_path` or it cannot be read.
IndexStats gather_index_stats(const std::string& db_path);

void print_stats_text(const IndexStats& stats, std::ostream& out);
// One JSON object and a newline.
void print_stats_json(const IndexStats& stats, std::ostream& out);

}  // namespace newsdex
