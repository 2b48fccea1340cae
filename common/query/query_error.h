// What is wrong with a query, and where: the value every step of the query
// stage returns instead of a query when the text cannot be read (a bad query
// is expected input, not an exception).
#pragma once

#include <cstddef>
#include <string>

namespace newsdex {

struct QueryError {
    std::string message;   // e.g. "unbalanced quote"
    std::size_t position;  // byte offset into the query text; npos when unknown
};

// "query error: unbalanced quote\n  \"cease fire\n  ^" style, two lines.
std::string describe_query_error(const std::string& query, const QueryError& error);

}  // namespace newsdex
