#include "common/base/time_spec.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace newsdex {

namespace {

using namespace std::chrono;

// Reads exactly `n` digits at `pos`, advancing it.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const char c = s[pos + k];
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

bool eat(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) return ++pos, true;
    return false;
}

}  // namespace

std::optional<IndexedTime> parse_iso_time(std::string_view s) {
    std::size_t pos = 0;
    const auto y = digits(s, pos, 4);
    if (!y || !eat(s, pos, '-')) return std::nullopt;
    const auto mo = digits(s, pos, 2);
    if (!mo || !eat(s, pos, '-')) return std::nullopt;
    const auto d = digits(s, pos, 2);
    if (!d) return std::nullopt;
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    microseconds time_of_day{0};
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        ++pos;
        const auto h = digits(s, pos, 2);
        if (!h || !eat(s, pos, ':')) return std::nullopt;
        const auto mi = digits(s, pos, 2);
        if (!mi || *h > 23 || *mi > 59) return std::nullopt;
        time_of_day = hours{*h} + minutes{*mi};
        if (eat(s, pos, ':')) {
            const auto sec = digits(s, pos, 2);
            if (!sec || *sec > 59) return std::nullopt;
            time_of_day += seconds{*sec};
            if (eat(s, pos, '.') || eat(s, pos, ',')) {
                long long us = 0;
                std::size_t n = 0;
                for (; pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])); ++pos, ++n)
                    if (n < 6) us = us * 10 + (s[pos] - '0');
                if (n == 0 || n > 9) return std::nullopt;
                for (; n < 6; ++n) us *= 10;
                time_of_day += microseconds{us};
            }
        }
        if (eat(s, pos, 'Z') || eat(s, pos, 'z')) {
        } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
            const bool ahead = s[pos++] == '+';
            const auto oh = digits(s, pos, 2);
            if (!oh) return std::nullopt;
            eat(s, pos, ':');
            const auto om = digits(s, pos, 2);
            if (!om || *oh > 23 || *om > 59) return std::nullopt;
            const microseconds offset = hours{*oh} + minutes{*om};
            time_of_day -= ahead ? offset : -offset;  // 08:00+02:00 is 06:00Z
        }
    }
    if (pos != s.size()) return std::nullopt;
    return IndexedTime{sys_days{date}.time_since_epoch() + time_of_day};
}

std::variant<IndexedTime, std::string> parse_since(std::string_view text, IndexedTime now) {
    const char* const kForms =
        "use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)";
    if (text.empty()) return std::string("empty time: ") + kForms;
    if (std::isdigit(static_cast<unsigned char>(text[0])) && text.find('-') == std::string_view::npos) {
        const std::size_t n = text.size() - 1;
        const char unit = text.back();
        if (n == 0 || n > 7 || text.substr(0, n).find_first_not_of("0123456789") != std::string_view::npos)
            return std::string("not a time or an age: ") + kForms;
        const long long count = std::stoll(std::string(text.substr(0, n)));
        microseconds age;
        switch (unit) {
            case 's': age = seconds{count}; break;
            case 'm': age = minutes{count}; break;
            case 'h': age = hours{count}; break;
            case 'd': age = days{count}; break;
            case 'w': age = weeks{count}; break;
            default: return std::string("unknown unit '") + unit + "': use s, m, h, d or w (30m, 24h, 7d, 2w)";
        }
        return now - age;
    }
    if (auto t = parse_iso_time(text)) return *t;
    return std::string("not a valid time: ") + kForms;
}

std::string iso_utc(IndexedTime t) {
    const auto day_start = floor<days>(t);
    const year_month_day date{day_start};
    const hh_mm_ss<microseconds> tod{t - day_start};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long long>(tod.hours().count()), static_cast<long long>(tod.minutes().count()),
                  static_cast<long long>(tod.seconds().count()), static_cast<long long>(tod.subseconds().count()));
    return buf;
}

IndexedTime now_utc() { return time_point_cast<microseconds>(system_clock::now()); }

}  // namespace newsdex
