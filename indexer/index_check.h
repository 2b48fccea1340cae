// newsdex-index --check: is the index whole, and is it what this newsdex
// writes? First Xapian's own consistency check of the tables (what
// xapian-check does), then the schema (common/index/schema.h,
// docs/index-format.md): the schema version and metadata keys, and every
// document against its stored record, as the document builder would have
// written it: the record itself, the id term, date slots and terms, sort
// keys, person slots, signature, first-indexed time, content hash,
// source-file term, facet slots and filter terms; then across documents: no
// id stored twice, near-duplicate groups that name stored articles.
//
// Problems are values, one line each on the message stream
// ("newsdex-index: DB: error: article ID: reason"), at most
// `shown_per_kind` of each kind and then a count of the rest, then a
// summary line. The check reads a stable index: an index being written,
// or one a writer changed during the check, is an IndexError, as is one
// that cannot be opened.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/reading/article.h"

namespace newsdex {

struct CheckOptions {
    std::string db_path;
    bool progress = false;  // a progress line (the caller checks for a terminal)
    bool quiet = false;     // problems only: no summary or warning lines
    std::size_t shown_per_kind = 20;
};

struct CheckSummary {
    std::size_t articles = 0;  // documents checked
    std::size_t problems = 0;
};

// One thing wrong with one document.
struct DocumentProblem {
    std::string kind;    // what part is wrong ("date", "facets"…): the unit of the cap on lines shown
    std::string reason;  // "slot 0 (date) is missing, expected \"20050101\""
};

// What is wrong with one document, measured against its decoded stored
// record: everything the document builder and the writer put in a
// document, except what only the whole index can tell (check_index does
// that: duplicate ids, near-duplicate groups).
std::vector<DocumentProblem> check_document(const Xapian::Document& doc, const Article& record);

// Runs every check on the index and reports to `messages`, each line
// prefixed with `program`. Throws IndexError (see above).
CheckSummary check_index(const CheckOptions& options, std::ostream& messages, const std::string& program);

}  // namespace newsdex
