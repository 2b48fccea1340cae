// newsdex-search's command line: its options, usage text and exit codes,
// read and checked into SearchOptions before anything opens the index.
// Every usage error is printed here ("newsdex-search: error: …").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/search/search.h"
#include "searcher/batch.h"

namespace newsdex {

inline constexpr const char* kSearchProgram = "newsdex-search";

struct SearchOptions {
    std::string db, format = "text", color = "auto";
    std::vector<std::string> words, facets;
    long long limit = 10, offset = 0;  // signed, so "-n -1" is refused, not wrapped
    long long facet_sample = 0;        // --facet-sample N, signed for the same reason (0: every match)
    std::string sort = "relevance";
    SearchRequest request;
    bool timing = false;
    std::string get_id;          // --get ID: that one article
    bool why = false;            // --why (with --get): the evidence for each entity and the date
    bool shell = false;          // --shell (also with no QUERY on a terminal)
    bool allow_partial = false;  // --allow-partial: search the shards reached when some are not
    BatchCommandLine batch;      // --batch, --jobs, --state, --since, -q
};

// Reads the command line into `opt`. Returns the exit status when the
// program should stop there (--help, --version, a usage error).
std::optional<int> parse_search_command_line(int argc, char** argv, SearchOptions& opt);

}  // namespace newsdex
