// date: filters in queries. date:2024, date:2024-06 and date:2024-06-07 match
// the articles dated in that year, month or day (boolean terms: an article
// dated only to a month matches its month and year, never a single day);
// date:A..B, date:A.. and date:..B match the articles whose whole dated
// period lies between A's first day and B's last day (value slots 4 and 5).
#pragma once

#include <string_view>
#include <variant>

#include <xapian.h>

#include "common/query/query_error.h"

namespace newsdex {

// The filter for one date: value; a QueryError's position is an offset into
// the value ("date:2024-13" -> message about the month, position 5).
std::variant<Xapian::Query, QueryError> date_filter(std::string_view value);

}  // namespace newsdex
