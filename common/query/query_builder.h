// Query text -> Xapian::Query. newsdex lexes the query itself first (Xapian's
// QueryParser silently reparses malformed input as plain words), folds each
// word exactly as the indexer does, and then lets QueryParser do the heavy
// lifting: stemming, stop words, boolean operators, phrases, wildcards.
// A clause with a hyphenated compound, or a quoted two-word phrase, is also
// searched with the words joined, so "cease-fire", "ceasefire" and
// "\"cease fire\"" find each other.
//
// A QueryBuilder is bound to one database (wildcards expand against it) and is
// not thread-safe. A query over the limits below is an error, never a long
// search; Xapian's own wildcard limit (a Xapian::WildcardError when a query
// runs) backs up the count this builder makes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <xapian.h>

#include "common/query/query_error.h"

namespace newsdex {

// Limits on one query (docs/query-language.md, Limits): past them a query
// could run for minutes, fill memory or overflow the stack in Xapian's
// recursive query code, so each is a QueryError that names it. A person's
// query never comes near them.
inline constexpr std::size_t kMaxQueryBytes = 10000;
inline constexpr std::size_t kMaxQueryWords = 1000;   // words of the text and of its phrases, filters included
inline constexpr std::size_t kMaxQueryNesting = 100;  // parentheses inside parentheses
// The index words a query's wildcards may stand for, all together: each
// one is a posting list the matcher merges ("a* OR a* OR …" multiplies them).
inline constexpr unsigned kMaxWildcardTerms = 10000;
// NEAR/N and ADJ/N: at most this many words apart.
inline constexpr unsigned long kMaxProximity = 1000;

enum class MatchMode {
    all,  // default: every word must match (stop words optional)
    any,  // any word may match (OR), ranked: for long natural-language queries
};

// A free-text clause of a query (not a filter, not a wildcard): where it
// starts in the query text and its words folded as the indexer folds them.
// The spelling step (common/search/spelling.h) checks these words.
struct FreeTextClause {
    std::size_t position = 0;  // byte offset of the clause in the query text
    std::string folded;        // fold_text() of the clause's text
};
// Nothing when the query cannot be read.
std::vector<FreeTextClause> free_text_clauses(const std::string& text);

// What the user should know of how the query was read: each "word:" that
// is not a field and so was searched as text. Nothing when it cannot be read.
std::vector<std::string> query_notes(const std::string& text);

class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& db);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    std::variant<Xapian::Query, QueryError> build(const std::string& text, MatchMode mode) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
