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
// A long query is quoted around the error, so that its line (indent and
// ellipses included) takes about `width` columns at most: 80 bytes of the
// query by default, fewer for a narrow terminal, where a line that wrapped
// would leave the caret under the wrong character.
inline constexpr std::size_t kQuotedQueryWidth = 84;
std::string describe_query_error(const std::string& query, const QueryError& error,
                                 std::size_t width = kQuotedQueryWidth);

}  // namespace newsdex
