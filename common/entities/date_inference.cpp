#include "common/entities/date_inference.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"

namespace newsdex {

namespace {

int number(std::string_view word, std::size_t max_digits) {
    if (word.empty() || word.size() > max_digits) return -1;
    int v = 0;
    for (char c : word) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

int year_at(const std::vector<EntityToken>& t, std::size_t k) {
    if (k >= t.size()) return 0;
    const int y = number(t[k].text, 4);
    return t[k].text.size() == 4 && y >= 1900 && y <= 2100 ? y : 0;
}

// "June 7, 2024", "Jun. 7", "7 June 2024", "7 June", "June 2024", "2024-06-07" at t[i].
std::optional<std::pair<DateMention, std::size_t>> mention_at(const std::vector<EntityToken>& t, std::size_t i) {
    auto make = [&](int y, int m, int d, std::size_t len) -> std::optional<std::pair<DateMention, std::size_t>> {
        if (d && !(y ? is_valid_day(y, m, d) : is_valid_day(2024, m, d))) return std::nullopt;
        const DatePrecision p = d ? DatePrecision::day : DatePrecision::month;
        return std::pair{DateMention{PublishedDate{y, m, d, p}}, len};
    };
    // Capitalised first: most tokens are not month names, and the flag is cheaper to test.
    if (const int m = t[i].capitalized ? month_number(t[i].text) : 0) {
        if (i + 1 < t.size()) {
            if (const int d = number(t[i + 1].text, 2); d >= 1 && d <= 31)
                return make(year_at(t, i + 2), m, d, year_at(t, i + 2) ? 3 : 2);
            if (const int y = year_at(t, i + 1)) return make(y, m, 0, 2);
        }
        return std::nullopt;
    }
    if (const int d = number(t[i].text, 2); d >= 1 && d <= 31 && i + 1 < t.size() && t[i + 1].capitalized) {
        if (const int m = month_number(t[i + 1].text)) return make(year_at(t, i + 2), m, d, year_at(t, i + 2) ? 3 : 2);
    }
    if (const int y = year_at(t, i); y && i + 2 < t.size() && t[i + 1].hyphen_before && t[i + 2].hyphen_before) {
        const int m = number(t[i + 1].text, 2), d = number(t[i + 2].text, 2);
        if (m >= 1 && m <= 12 && d >= 1 && is_valid_day(y, m, d)) return make(y, m, d, 3);
    }
    return std::nullopt;
}

// "on Monday", "since Tuesday": 0 Sunday … 6 Saturday, or -1.
int weekday_at(const std::vector<EntityToken>& t, std::size_t i) {
    static const WordSet kWords{"on", "last", "this", "next",  "since", "until", "by",
                                "On", "Last", "This", "Since", "Until", "By"};
    if (i == 0 || !kWords.contains(t[i - 1].text)) return -1;
    return t[i].capitalized ? weekday_number(t[i].text) : -1;
}

// "in 2005", "since 2004", "mid-2003": a year on its own after a word that
// makes it a time (a bare "2000" may count people). Not a year the text
// looks ahead to: "from 2027", "by 2010", "will open in 2008", "due in 2009".
int year_alone_at(const std::vector<EntityToken>& t, std::size_t i) {
    const int y = year_at(t, i);
    if (!y || i == 0 || t[i].hyphen_before != (t[i - 1].text == "mid")) return 0;
    static const WordSet kWords{"in", "since", "during", "of", "early", "late", "mid", "In", "Since", "During"};
    if (!kWords.contains(t[i - 1].text)) return 0;
    static const WordSet kWords2{"will", "would", "shall", "due",   "expected", "planned", "plans",
                                 "plan", "aims",  "aim",   "until", "by",       "next",    "from",
                                 "to",   "could", "may",   "might", "should"};
    for (std::size_t k = i - 1; k > 0 && k + 6 > i && !t[k].sentence_start; --k)
        if (kWords2.contains(t[k - 1].text)) return 0;
    return y;
}

std::chrono::sys_days days_of(const PublishedDate& d) {
    return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                       std::chrono::day{static_cast<unsigned>(d.day)}};
}

// The day with the given weekday nearest the anchor, at most three days away.
std::chrono::sys_days nearest_weekday(std::chrono::sys_days anchor, int weekday) {
    const int from = static_cast<int>(std::chrono::weekday{anchor}.c_encoding());
    int shift = (weekday - from + 7) % 7;  // 0..6 days ahead
    if (shift > 3) shift -= 7;             // nearer behind
    return anchor + std::chrono::days{shift};
}

PublishedDate date_of(std::chrono::sys_days days) {
    const std::chrono::year_month_day ymd{days};
    return PublishedDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                         static_cast<int>(static_cast<unsigned>(ymd.day())), DatePrecision::day};
}

}  // namespace

std::vector<DateMention> find_date_mentions(std::string_view text) { return find_date_mentions(entity_tokens(text)); }

std::vector<DateMention> find_date_mentions(const std::vector<EntityToken>& tokens) {
    std::vector<DateMention> out;
    for (std::size_t i = 0; i < tokens.size();) {
        if (auto m = mention_at(tokens, i)) {
            out.push_back(m->first);
            i += m->second;
        } else {
            if (const int w = weekday_at(tokens, i); w >= 0) out.push_back(DateMention{PublishedDate{}, w});
            else if (const int y = year_alone_at(tokens, i)) out.push_back(DateMention{PublishedDate{}, -1, y});
            ++i;
        }
    }
    return out;
}

namespace {

// A year the text names as a time, later than `year` ("in 2005" beside "on
// 11 September 2001", a dated mention of 2025 beside "©2024"): the text was
// written after `year`.
bool names_a_later_year(const std::vector<DateMention>& mentions, int year) {
    return std::any_of(mentions.begin(), mentions.end(), [&](const DateMention& m) {
        return m.year_alone > year || (m.weekday < 0 && m.date.year > year);
    });
}

}  // namespace

std::optional<PublishedDate> infer_publication_date(const std::vector<DateMention>& mentions, int copyright_year) {
    auto sort_key = [](const PublishedDate& d) { return d.year * 10000 + d.month * 100 + d.day; };
    std::optional<PublishedDate> latest;
    for (const auto& m : mentions)
        if (m.weekday < 0 && m.date.year && m.date.precision == DatePrecision::day &&
            (!latest || sort_key(m.date) > sort_key(*latest)))
            latest = m.date;
    // A year later than the copyright year: the copyright line is old, and
    // neither it nor a mention in its year dates the writing.
    if (!copyright_year || names_a_later_year(mentions, copyright_year)) return std::nullopt;
    // A dated mention is the day of publication only when the text
    // corroborates it as the time of writing: the copyright year is its
    // year and a weekday reference ("on Monday") names that day or one of
    // the three after it, the nearest such day being the day of writing.
    // Alone it is as often a past or future event ("released on May 19,
    // 2006", "the attacks of 11 September 2001"), and a weekday before it
    // ("ended on Monday" beside "signed on Wednesday, June 12") leaves the
    // day of writing unknown: no day is better than a wrong one.
    if (latest && copyright_year == latest->year) {
        const std::chrono::sys_days anchor = days_of(*latest);
        std::optional<std::chrono::sys_days> day;
        for (const auto& m : mentions)
            if (m.weekday >= 0)
                if (const auto d = nearest_weekday(anchor, m.weekday); d >= anchor && (!day || d > *day)) day = d;
        if (day) return date_of(*day);
    }
    return PublishedDate{copyright_year, 0, 0, DatePrecision::year};
}

}  // namespace newsdex
