// A publication date as news gives it: often to the day, sometimes only to the
// month or year. Parsing returns the date, or a DateError whose message says
// whether the text is no date newsdex can read, an impossible date
// ("31/02/2024") or an ambiguous one ("03/04/2024").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace newsdex {

enum class DatePrecision { day, month, year };

const char* to_string(DatePrecision p);

struct PublishedDate {
    int year = 0;
    int month = 0;  // 0 when precision is year
    int day = 0;    // 0 when precision is month or year
    DatePrecision precision = DatePrecision::day;

    // "2024-06-07", "2024-06" or "2024", by precision.
    std::string to_iso() const;
    // Always YYYY-MM-DD: the first day of the period the date covers.
    std::string first_day_iso() const;
    // "20240607", "202406", "2024": sorts chronologically as a string.
    std::string compact() const;

    friend bool operator==(const PublishedDate&, const PublishedDate&) = default;
};

struct DateError {
    std::string message;  // e.g. "\"31/02/2024\" is not a valid date"
};

// Accepts the forms news metadata uses: ISO 8601 (date, date-time, YYYY-MM,
// YYYY), "June 7, 2024", "7 June 2024", "Jun. 7 2024", "June 2024",
// RFC 2822 ("Fri, 07 Jun 2024 10:00:00 +0000"), YYYY/MM/DD, and DD/MM/YYYY or
// MM/DD/YYYY only where the order is unambiguous.
std::variant<PublishedDate, DateError> parse_date(std::string_view text);

bool is_valid_day(int year, int month, int day);
// A year a news article can carry (1800-2200): parse_date() refuses others,
// and a copyright notice's year outside it is no evidence of a date.
bool is_plausible_year(int year);

}  // namespace newsdex
