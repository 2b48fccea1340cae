// Unit tests for common/reading/published_date.h: parse_date over the forms news
// metadata uses, its errors, leap years and the string forms per precision.
#include "common/reading/published_date.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

PublishedDate day(int y, int m, int d) { return {y, m, d, DatePrecision::day}; }
PublishedDate month(int y, int m) { return {y, m, 0, DatePrecision::month}; }
PublishedDate year(int y) { return {y, 0, 0, DatePrecision::year}; }

std::string describe(const std::variant<PublishedDate, DateError>& r) {
    if (const auto* d = std::get_if<PublishedDate>(&r))
        return "date " + d->to_iso() + " (" + to_string(d->precision) + ")";
    return "error: " + std::get<DateError>(r).message;
}

struct ValidCase {
    const char* input;
    PublishedDate expected;
};

TEST(ParseDate, ValidForms) {
    const std::vector<ValidCase> cases = {
        {"2024-06-07", day(2024, 6, 7)},
        {"2024-06-07T10:00:00Z", day(2024, 6, 7)},
        {"2024-06-07 10:00", day(2024, 6, 7)},
        {"  2024-06-07  ", day(2024, 6, 7)},
        {"2024-06", month(2024, 6)},
        {"2024", year(2024)},
        {"June 7, 2024", day(2024, 6, 7)},
        {"7 June 2024", day(2024, 6, 7)},
        {"7th June 2024", day(2024, 6, 7)},
        {"Jun. 7 2024", day(2024, 6, 7)},
        {"Sept 3, 2024", day(2024, 9, 3)},
        {"June 2024", month(2024, 6)},
        {"Fri, 07 Jun 2024 10:00:00 +0000", day(2024, 6, 7)},
        {"2024/06/07", day(2024, 6, 7)},
        {"2024/6/7", day(2024, 6, 7)},
        {"25/12/2024", day(2024, 12, 25)},
        {"12/25/2024", day(2024, 12, 25)},
        {"04/04/2024", day(2024, 4, 4)},
        {"2024-02-29", day(2024, 2, 29)},
        {"2000-02-29", day(2000, 2, 29)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string("input: \"") + c.input + "\"");
        const auto r = parse_date(c.input);
        ASSERT_TRUE(std::holds_alternative<PublishedDate>(r)) << describe(r);
        const auto& d = std::get<PublishedDate>(r);
        EXPECT_EQ(d, c.expected) << "got " << describe(r) << ", want " << c.expected.to_iso() << " ("
                                 << to_string(c.expected.precision) << ")";
    }
}

struct ErrorCase {
    const char* input;
    const char* message_contains;
};

TEST(ParseDate, Errors) {
    const std::vector<ErrorCase> cases = {
        {"31/02/2024", "is not a valid date"},
        {"2024-02-30", "is not a valid date"},
        {"2023-02-29", "is not a valid date"},
        {"1900-02-29", "is not a valid date"},
        {"2024-13", "is not a valid date"},
        {"June 31, 2024", "is not a valid date"},
        {"03/04/2024", "ambiguous"},
        {"next tuesday", "\"next tuesday\""},
        {"", "empty"},
        {"   ", "empty"},
        {"1700-01-01", "year outside"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string("input: \"") + c.input + "\"");
        const auto r = parse_date(c.input);
        ASSERT_TRUE(std::holds_alternative<DateError>(r)) << describe(r);
        const auto& message = std::get<DateError>(r).message;
        EXPECT_NE(message.find(c.message_contains), std::string::npos) << "message: " << message;
    }
}

TEST(ParseDate, ImpossibleDayMonthMessageIsExact) {
    const auto r = parse_date("31/02/2024");
    ASSERT_TRUE(std::holds_alternative<DateError>(r)) << describe(r);
    EXPECT_EQ(std::get<DateError>(r).message, "\"31/02/2024\" is not a valid date");
}

TEST(ParseDate, AmbiguousMessageQuotesTheInput) {
    const auto r = parse_date("03/04/2024");
    ASSERT_TRUE(std::holds_alternative<DateError>(r)) << describe(r);
    const auto& message = std::get<DateError>(r).message;
    EXPECT_TRUE(message.starts_with("\"03/04/2024\"")) << message;
    EXPECT_NE(message.find("ambiguous"), std::string::npos) << message;
}

// Month 0 and day 0 mean "absent" inside PublishedDate; as input they are
// impossible dates, not a coarser precision.
TEST(ParseDate, ZeroMonthOrDayIsInvalid) {
    for (const char* input : {"2024-00-10", "2024-00", "2024-06-00", "June 0, 2024", "0 June 2024", "13/00/2024"}) {
        SCOPED_TRACE(std::string("input: \"") + input + "\"");
        const auto r = parse_date(input);
        ASSERT_TRUE(std::holds_alternative<DateError>(r)) << describe(r);
        EXPECT_EQ(std::get<DateError>(r).message, "\"" + std::string(input) + "\" is not a valid date");
    }
}

struct ValidDayCase {
    int y, m, d;
    bool valid;
};

TEST(IsValidDay, Table) {
    const std::vector<ValidDayCase> cases = {
        {2024, 2, 29, true}, {2023, 2, 29, false}, {2000, 2, 29, true},  {1900, 2, 29, false},
        {2023, 2, 28, true}, {2024, 4, 30, true},  {2024, 4, 31, false}, {2024, 12, 31, true},
        {2024, 1, 0, false}, {2024, 0, 1, false},  {2024, 13, 1, false}, {2024, 1, 32, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(testing::Message() << c.y << "-" << c.m << "-" << c.d);
        EXPECT_EQ(is_valid_day(c.y, c.m, c.d), c.valid);
    }
}

struct FormatCase {
    PublishedDate date;
    const char* iso;
    const char* first_day;
    const char* compact;
    const char* precision;
};

TEST(PublishedDate, StringFormsPerPrecision) {
    const std::vector<FormatCase> cases = {
        {day(2024, 6, 7), "2024-06-07", "2024-06-07", "20240607", "day"},
        {day(1999, 12, 31), "1999-12-31", "1999-12-31", "19991231", "day"},
        {month(2024, 6), "2024-06", "2024-06-01", "202406", "month"},
        {year(2024), "2024", "2024-01-01", "2024", "year"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.iso);
        EXPECT_EQ(c.date.to_iso(), c.iso);
        EXPECT_EQ(c.date.first_day_iso(), c.first_day);
        EXPECT_EQ(c.date.compact(), c.compact);
        EXPECT_STREQ(to_string(c.date.precision), c.precision);
    }
}

TEST(PublishedDate, IsoRoundTripsThroughParse) {
    for (const auto& d : {day(2024, 6, 7), month(2024, 6), year(2024)}) {
        SCOPED_TRACE(d.to_iso());
        const auto r = parse_date(d.to_iso());
        ASSERT_TRUE(std::holds_alternative<PublishedDate>(r)) << describe(r);
        EXPECT_EQ(std::get<PublishedDate>(r), d);
    }
}

TEST(PublishedDate, CompactSortsChronologically) {
    EXPECT_LT(day(2023, 12, 31).compact(), day(2024, 1, 1).compact());
    EXPECT_LT(day(2024, 6, 7).compact(), day(2024, 6, 10).compact());
    EXPECT_LT(day(2024, 9, 30).compact(), day(2024, 10, 1).compact());
}

}  // namespace
}  // namespace newsdex
