#include "common/query/date_filter.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "common/base/printable.h"
#include "common/index/schema.h"
#include "common/reading/published_date.h"

namespace newsdex {

namespace {

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The message quotes the value, cut short: a 10,000-byte value would make
// the one error line unreadable.
std::string not_a_date(std::string_view s) { return "\"" + shortened(s, 40) + "\" is not a date"; }

// YYYY, YYYY-MM or YYYY-MM-DD starting at offset `at` of the whole value.
std::variant<PublishedDate, QueryError> parse_date(std::string_view s, std::size_t at) {
    const auto bad = [&](const std::string& why, std::size_t where) {
        return QueryError{why + " (dates are YYYY, YYYY-MM or YYYY-MM-DD)", at + where};
    };
    if (s.empty()) return bad("a date is missing", 0);
    if (s.size() < 4 || !digits(s.substr(0, 4))) return bad(not_a_date(s), 0);
    PublishedDate d{std::stoi(std::string(s.substr(0, 4))), 0, 0, DatePrecision::year};
    if (s.size() == 4) return d;
    if (s.size() != 7 && s.size() != 10) return bad(not_a_date(s), 0);
    if (s[4] != '-' || !digits(s.substr(5, 2))) return bad(not_a_date(s), 0);
    d.month = std::stoi(std::string(s.substr(5, 2)));
    if (d.month < 1 || d.month > 12) return bad("there is no month " + std::string(s.substr(5, 2)), 5);
    d.precision = DatePrecision::month;
    if (s.size() == 7) return d;
    if (s[7] != '-' || !digits(s.substr(8, 2))) return bad(not_a_date(s), 0);
    d.day = std::stoi(std::string(s.substr(8, 2)));
    if (!is_valid_day(d.year, d.month, d.day)) return bad(std::string(s) + " is not a day of the calendar", 8);
    d.precision = DatePrecision::day;
    return d;
}

Xapian::Query one_period(const PublishedDate& d) {
    const auto terms = schema::date_terms(d);
    return Xapian::Query(terms.back());  // the most precise: D…, M… or Y…
}

}  // namespace

std::variant<Xapian::Query, QueryError> date_filter(std::string_view value) {
    const std::size_t dots = value.find("..");
    if (dots == std::string_view::npos) {
        auto d = parse_date(value, 0);
        if (auto* err = std::get_if<QueryError>(&d)) return *err;
        return one_period(std::get<PublishedDate>(d));
    }
    const std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty()) return QueryError{"a date range needs a date on at least one side of \"..\"", 0};
    std::optional<std::string> first_day, last_day;
    if (!from.empty()) {
        auto d = parse_date(from, 0);
        if (auto* err = std::get_if<QueryError>(&d)) return *err;
        first_day = schema::date_period(std::get<PublishedDate>(d)).first;
    }
    if (!to.empty()) {
        auto d = parse_date(to, dots + 2);
        if (auto* err = std::get_if<QueryError>(&d)) return *err;
        last_day = schema::date_period(std::get<PublishedDate>(d)).second;
    }
    if (first_day && last_day && *first_day > *last_day) return QueryError{"the range ends before it starts", dots};
    std::vector<Xapian::Query> parts;
    if (first_day) parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateFirstDaySlot, *first_day);
    if (last_day) parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateLastDaySlot, *last_day);
    // Scored as a filter: a date range adds no weight.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()), 0.0);
}

}  // namespace newsdex
