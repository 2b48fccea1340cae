// Query text -> Xapian::Query. newsdex lexes the query itself first (Xapian's
// QueryParser silently reparses malformed input as plain words), folds each
// word exactly as the indexer does, and then lets QueryParser do the heavy
// lifting: stemming, stop words, boolean operators, phrases, wildcards.
// A clause with a hyphenated compound, or a quoted two-word phrase, is also
// searched with the words joined, so "cease-fire", "ceasefire" and
// "\"cease fire\"" find each other.
//
// A QueryBuilder is bound to one database (wildcards expand against it) and is
// not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include <xapian.h>

namespace newsdex {

struct QueryError {
    std::string message;    // e.g. "unbalanced quote"
    std::size_t position;   // byte offset into the query text; npos when unknown
};

// "query error: unbalanced quote\n  \"cease fire\n  ^" style, two lines.
std::string describe_query_error(const std::string& query, const QueryError& error);

enum class MatchMode {
    all,  // default: every word must match (stop words optional)
    any,  // any word may match (OR), ranked: for long natural-language queries
};

class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& db);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    std::variant<Xapian::Query, QueryError> build(const std::string& text, MatchMode mode) const;
    // The query with misspelt words replaced (common/spelling.h), when any
    // word of its text (not of its filters) needs it.
    std::optional<std::string> suggest(const std::string& text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
