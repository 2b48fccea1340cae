#include "common/reading/published_date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"

namespace newsdex {

const char* to_string(DatePrecision p) {
    switch (p) {
        case DatePrecision::day: return "day";
        case DatePrecision::month: return "month";
        case DatePrecision::year: return "year";
    }
    return "day";
}

std::string PublishedDate::to_iso() const {
    char buf[16];
    switch (precision) {
        case DatePrecision::day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
        case DatePrecision::month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
        case DatePrecision::year: std::snprintf(buf, sizeof buf, "%04d", year); break;
    }
    return buf;
}

std::string PublishedDate::first_day_iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month ? month : 1, day ? day : 1);
    return buf;
}

std::string PublishedDate::compact() const {
    std::string iso = to_iso();
    std::erase(iso, '-');
    return iso;
}

bool is_valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

}  // namespace

bool is_plausible_year(int year) { return year >= kMinYear && year <= kMaxYear; }

namespace {

struct Token {
    std::string text;  // lower-cased
    bool number = false;
};

// Splits "Tue, 05 Mar 2024 09:30:00 +0000" into words and numbers; times,
// zone offsets and ordinal suffixes are recognised by the caller.
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            std::size_t j = i;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == ':')) ++j;
            std::string t(s.substr(i, j - i));
            // Ordinal suffix: "7th", "1st".
            std::size_t k = j;
            while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
            std::string suffix(s.substr(j, k - j));
            for (auto& ch : suffix) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") j = k;
            out.push_back({t, t.find(':') == std::string::npos});
            i = j;
        } else if (std::isalpha(c)) {
            std::size_t j = i;
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            std::string t(s.substr(i, j - i));
            for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.push_back({t, false});
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

// Words a date line may hold beside its date ("Mon, 10 Jun 2024 14:02 GMT").
bool is_ignorable_word(const std::string& w) {
    if (weekday_number(w, /*abbreviations=*/true) >= 0) return true;
    for (const char* k : {"am", "pm", "gmt", "utc", "bst", "est", "edt", "t", "z"})
        if (w == k) return true;
    return false;
}

int to_int(const std::string& s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::variant<PublishedDate, DateError> make_date(std::string_view original, int y, int m, int d) {
    const std::string quoted = "\"" + std::string(original) + "\"";
    if (y < kMinYear || y > kMaxYear)
        return DateError{quoted + " has a year outside " + std::to_string(kMinYear) + "-" + std::to_string(kMaxYear)};
    if (m == 0) return PublishedDate{y, 0, 0, DatePrecision::year};
    if (m < 1 || m > 12) return DateError{quoted + " is not a valid date"};
    if (d == 0) return PublishedDate{y, m, 0, DatePrecision::month};
    if (!is_valid_day(y, m, d)) return DateError{quoted + " is not a valid date"};
    return PublishedDate{y, m, d, DatePrecision::day};
}

// 2024, 2024-06, 2024-06-07, 2024-06-07T10:00:00Z, 2024/06/07.
std::optional<std::variant<PublishedDate, DateError>> parse_year_first(std::string_view s, std::string_view original) {
    auto digits = [&](std::size_t pos, std::size_t n) {
        if (pos + n > s.size()) return false;
        for (std::size_t k = pos; k < pos + n; ++k)
            if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
        return pos + n == s.size() || !std::isdigit(static_cast<unsigned char>(s[pos + n]));
    };
    if (!digits(0, 4)) return std::nullopt;
    const int y = to_int(std::string(s.substr(0, 4)));
    if (s.size() == 4) return make_date(original, y, 0, 0);
    const char sep = s[4];
    if (sep != '-' && sep != '/') return std::nullopt;
    std::size_t mlen = digits(5, 2) ? 2 : digits(5, 1) ? 1 : 0;
    if (!mlen) return std::nullopt;
    const int m = to_int(std::string(s.substr(5, mlen)));
    if (m == 0) return DateError{"\"" + std::string(original) + "\" is not a valid date"};  // 0 means "no month" inside
    std::size_t pos = 5 + mlen;
    if (pos == s.size()) return make_date(original, y, m, 0);
    if (s[pos] != sep) return std::nullopt;
    std::size_t dlen = digits(pos + 1, 2) ? 2 : digits(pos + 1, 1) ? 1 : 0;
    if (!dlen) return std::nullopt;
    const int d = to_int(std::string(s.substr(pos + 1, dlen)));
    if (d == 0) return DateError{"\"" + std::string(original) + "\" is not a valid date"};
    pos += 1 + dlen;
    // A time part may follow: "T10:00:00Z", " 10:00".
    if (pos != s.size() && s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    return make_date(original, y, m, d);
}

// 07/06/2024, 6.7.2024: day and month order only when one of them is > 12.
std::optional<std::variant<PublishedDate, DateError>> parse_numeric_day_month(const std::vector<Token>& t,
                                                                              std::string_view original) {
    if (t.size() < 3 || !t[0].number || !t[1].number || !t[2].number || t[2].text.size() != 4 || t[0].text.size() > 2 ||
        t[1].text.size() > 2)
        return std::nullopt;
    const int a = to_int(t[0].text), b = to_int(t[1].text), y = to_int(t[2].text);
    const std::string quoted = "\"" + std::string(original) + "\"";
    if (a == 0 || b == 0) return DateError{quoted + " is not a valid date"};
    if (a > 12 && b <= 12) return make_date(original, y, b, a);
    if (b > 12 && a <= 12) return make_date(original, y, a, b);
    if (a == b) return make_date(original, y, a, b);
    if (a > 12 && b > 12) return DateError{quoted + " is not a valid date"};
    return DateError{quoted + " is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"};
}

}  // namespace

std::variant<PublishedDate, DateError> parse_date(std::string_view text) {
    const std::string s(trim(text));
    const std::string quoted = "\"" + s + "\"";
    if (s.empty()) return DateError{"empty date"};
    if (auto r = parse_year_first(s, s)) return *r;

    const auto tokens = tokenize(s);
    if (auto r = parse_numeric_day_month(tokens, s)) return *r;

    // Month-name forms: "June 7, 2024", "7 June 2024", "Fri, 07 Jun 2024 10:00 +0000", "June 2024".
    int month = 0, year = 0, day = 0;
    bool day_zero = false;    // "June 0, 2024": 0 would otherwise read as "no day"
    bool after_time = false;  // "6:28 AM IST", "10:00 (CET)": zone words are not checked
    for (const auto& tok : tokens) {
        if (!tok.number) {
            if (tok.text.find(':') != std::string::npos) {  // a time
                after_time = true;
                continue;
            }
            if (after_time) continue;
            if (int m = month_number(tok.text); m && !month) {
                month = m;
                continue;
            }
            if (is_ignorable_word(tok.text)) continue;
            return DateError{quoted + " is not a date newsdex can read"};
        }
        if (tok.text.size() == 4 && !year) year = to_int(tok.text);
        else if (tok.text.size() <= 2 && !day && !day_zero && (month ? !year : true)) {  // "June 7 2024", "7 June 2024"
            day = to_int(tok.text);
            day_zero = day == 0;
        } else if (tok.text.size() == 4 && year) continue;  // "+0000" zone
        else if (year && tok.text.size() <= 2) continue;    // hour in "2024 10 00"
        else return DateError{quoted + " is not a date newsdex can read"};
    }
    if (!month || !year) return DateError{quoted + " is not a date newsdex can read"};
    if (day_zero) return DateError{quoted + " is not a valid date"};
    return make_date(s, year, month, day);
}

}  // namespace newsdex
