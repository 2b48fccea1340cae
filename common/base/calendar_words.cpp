#include "common/base/calendar_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace newsdex {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};
constexpr std::size_t kLongest = 9;  // "september", "wednesday"

// The word in lower case in `buf`, or empty when longer than any name.
std::string_view lowered(std::string_view word, char (&buf)[kLongest]) {
    if (word.size() > kLongest) return {};
    for (std::size_t k = 0; k < word.size(); ++k) {
        const char c = word[k];
        buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;  // no locale lookup: names are ASCII
    }
    return {buf, word.size()};
}

}  // namespace

int month_number(std::string_view word) {
    if (word.size() < 3) return 0;
    char buf[kLongest];
    const std::string_view w = lowered(word, buf);
    if (w.empty()) return 0;
    for (int m = 0; m < 12; ++m) {
        const std::string_view name = kMonths[static_cast<std::size_t>(m)];
        if (w[0] != name[0]) continue;  // asked of every word of a text: most differ here, without a memcmp
        if (w == name || (name.starts_with(w) && (w.size() == 3 || w == "sept"))) return m + 1;
    }
    return 0;
}

int weekday_number(std::string_view word, bool abbreviations) {
    if (word.size() < 3) return -1;
    char buf[kLongest];
    const std::string_view w = lowered(word, buf);
    if (w.empty()) return -1;
    for (int d = 0; d < 7; ++d) {
        const std::string_view name = kWeekdays[static_cast<std::size_t>(d)];
        if (w[0] != name[0]) continue;  // as in month_number()
        if (w == name) return d;
        if (abbreviations && name.starts_with(w) && (w.size() == 3 || w == "tues" || w == "thur" || w == "thurs"))
            return d;
    }
    return -1;
}

bool is_capitalised_calendar_name(std::string_view word) {
    if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0])) || word == "May") return false;
    char buf[kLongest];
    const std::string_view w = lowered(word, buf);
    if (w.empty()) return false;
    // The first letters first: most capitalised words differ there, without a memcmp.
    for (const auto name : kMonths)
        if (w[0] == name[0] && w == name) return true;
    for (const auto name : kWeekdays)
        if (w[0] == name[0] && w == name) return true;
    return false;
}

bool is_holiday_name(std::string_view word) {
    static constexpr std::array<std::string_view, 11> kHolidays = {"Christmas", "Easter",   "Thanksgiving", "Halloween",
                                                                   "Hogmanay",  "Ramadan",  "Diwali",       "Hanukkah",
                                                                   "Eid",       "Passover", "Advent"};
    return std::find(kHolidays.begin(), kHolidays.end(), word) != kHolidays.end();
}

}  // namespace newsdex
