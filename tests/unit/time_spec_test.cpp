// --since parsing and the ISO form of first-indexed times: tables of text
// -> expected time, computed by hand (seconds since the epoch written out).
#include "common/base/time_spec.h"
#include "common/index/schema.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

using newsdex::IndexedTime;
using std::chrono::microseconds;

// 2026-12-01T00:00:00Z is 1,796,083,200 s after the epoch (20,788 days).
constexpr long long kDec1 = 1796083200LL;

IndexedTime at(long long seconds, long long us = 0) { return IndexedTime{microseconds{seconds * 1000000 + us}}; }

TEST(ParseIsoTime, DatesAndTimesInEveryAcceptedForm) {
    const std::pair<const char*, IndexedTime> cases[] = {
        {"2026-12-01", at(kDec1)},
        {"2026-12-01T08:00", at(kDec1 + 8 * 3600)},
        {"2026-12-01T08:00:00", at(kDec1 + 8 * 3600)},
        {"2026-12-01T08:00:00Z", at(kDec1 + 8 * 3600)},
        {"2026-12-01 08:30:15Z", at(kDec1 + 8 * 3600 + 30 * 60 + 15)},
        {"2026-12-01T08:30:00.123456Z", at(kDec1 + 8 * 3600 + 1800, 123456)},
        {"2026-12-01T08:30:00.5", at(kDec1 + 8 * 3600 + 1800, 500000)},
        {"2026-12-01T08:30:00.123456789Z", at(kDec1 + 8 * 3600 + 1800, 123456)},  // cut to the microsecond
        {"2026-12-01T08:00:00+02:00", at(kDec1 + 6 * 3600)},
        {"2026-12-01T08:00:00-0530", at(kDec1 + 13 * 3600 + 1800)},
        {"2026-12-01T01:00+02:00", at(kDec1 - 3600)},  // the day before in UTC
        {"1970-01-01", at(0)},
        {"2024-02-29", at(19782LL * 86400)},
    };
    for (const auto& [text, want] : cases) {
        const auto got = parse_iso_time(text);
        ASSERT_TRUE(got) << text;
        EXPECT_EQ(got->time_since_epoch().count(), want.time_since_epoch().count()) << text;
    }
}

TEST(ParseIsoTime, RejectsImpossibleAndMalformedTimes) {
    for (const char* text :
         {"", "2026", "2026-12", "2026-13-01", "2026-02-29", "2026-02-30", "2026-12-01T24:00", "2026-12-01T08:60",
          "2026-12-01T08:00:60", "2026-12-01T08", "2026-12-01T08:00:00.", "2026-12-01T08:00:00.1234567890",
          "2026-12-01T08:00:00ZZ", "2026-12-01x", "26-12-01", "2026-12-01T08:00+25:00", "yesterday"})
        EXPECT_FALSE(parse_iso_time(text)) << text;
}

TEST(ParseSince, AgesCountBackFromNow) {
    const IndexedTime now = at(kDec1 + 12 * 3600, 42);
    const std::pair<const char*, long long> cases[] = {
        {"45s", 45},        {"30m", 30 * 60}, {"24h", 24 * 3600},    {"7d", 7 * 86400},
        {"2w", 14 * 86400}, {"0h", 0},        {"9999999s", 9999999},
    };
    for (const auto& [text, seconds] : cases) {
        const auto got = parse_since(text, now);
        ASSERT_TRUE(std::holds_alternative<IndexedTime>(got)) << text;
        EXPECT_EQ((now - std::get<IndexedTime>(got)).count(), seconds * 1000000) << text;
    }
    const auto iso = parse_since("2026-12-01T08:00:00Z", now);
    ASSERT_TRUE(std::holds_alternative<IndexedTime>(iso));
    EXPECT_EQ(std::get<IndexedTime>(iso), at(kDec1 + 8 * 3600));
}

TEST(ParseSince, ExplainsWhatIsWrong) {
    const IndexedTime now = at(kDec1);
    const std::pair<const char*, const char*> cases[] = {
        {"", "empty time: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
        {"3y", "unknown unit 'y': use s, m, h, d or w (30m, 24h, 7d, 2w)"},
        {"h",
         "not a valid time: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
        {"12345678h",
         "not a time or an age: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
        {"1.5h",
         "not a time or an age: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
        {"-3h",
         "not a valid time: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
        {"2026-02-30",
         "not a valid time: use an ISO date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)"},
    };
    for (const auto& [text, why] : cases) {
        const auto got = parse_since(text, now);
        ASSERT_TRUE(std::holds_alternative<std::string>(got)) << text;
        EXPECT_EQ(std::get<std::string>(got), why) << text;
    }
}

TEST(IsoUtc, FixedWidthWithMicrosecondsAndRoundTrips) {
    EXPECT_EQ(iso_utc(at(kDec1 + 8 * 3600 + 1800, 123456)), "2026-12-01T08:30:00.123456Z");
    EXPECT_EQ(iso_utc(at(0)), "1970-01-01T00:00:00.000000Z");
    EXPECT_EQ(iso_utc(at(19782LL * 86400 + 86399, 999999)), "2024-02-29T23:59:59.999999Z");
    for (const auto t : {at(0), at(kDec1, 1), at(kDec1 + 86399, 999999), at(4102444800LL, 500)}) {
        const auto back = parse_iso_time(iso_utc(t));
        ASSERT_TRUE(back) << iso_utc(t);
        EXPECT_EQ(*back, t);
    }
}

TEST(FirstIndexedValue, FixedWidthDigitsThatSortLikeTime) {
    EXPECT_EQ(schema::first_indexed_value(at(kDec1, 123456)), "01796083200123456");
    EXPECT_EQ(schema::first_indexed_value(at(0)), "00000000000000000");
    EXPECT_EQ(schema::first_indexed_value(at(-5)), "00000000000000000");
    EXPECT_LT(schema::first_indexed_value(at(999999999)), schema::first_indexed_value(at(1000000000)));
    EXPECT_EQ(schema::parse_first_indexed_value("01796083200123456"), at(kDec1, 123456));
    for (const char* bad : {"", "1796083200123456", "0179608320012345x", "017960832001234567"})
        EXPECT_FALSE(schema::parse_first_indexed_value(bad)) << bad;
}

}  // namespace
}  // namespace newsdex
