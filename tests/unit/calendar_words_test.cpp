// Unit tests for common/base/calendar_words.h: month and weekday names,
// defined once for the date parser, date inference and the entity rules.
#include "common/base/calendar_words.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(CalendarWords, Months) {
    EXPECT_EQ(month_number("January"), 1);
    EXPECT_EQ(month_number("jan"), 1);
    EXPECT_EQ(month_number("Sept"), 9);
    EXPECT_EQ(month_number("SEPTEMBER"), 9);
    EXPECT_EQ(month_number("Ju"), 0);       // too short to be a month
    EXPECT_EQ(month_number("Junebug"), 0);  // longer than the name
    EXPECT_EQ(month_number("Janu"), 0);     // a cut other than three letters
}

TEST(CalendarWords, Weekdays) {
    EXPECT_EQ(weekday_number("Sunday"), 0);
    EXPECT_EQ(weekday_number("saturday"), 6);
    EXPECT_EQ(weekday_number("Sun"), -1);  // a newspaper in running text
    EXPECT_EQ(weekday_number("Sun", true), 0);
    EXPECT_EQ(weekday_number("Thurs", true), 4);
    EXPECT_EQ(weekday_number("Thursd", true), -1);
}

TEST(CalendarWords, CapitalisedNamesInRunningText) {
    EXPECT_TRUE(is_capitalised_calendar_name("March"));
    EXPECT_TRUE(is_capitalised_calendar_name("Friday"));
    EXPECT_FALSE(is_capitalised_calendar_name("May"));  // a verb, a given name, a surname
    EXPECT_FALSE(is_capitalised_calendar_name("march"));
    EXPECT_FALSE(is_capitalised_calendar_name("Mar"));
}

}  // namespace
}  // namespace newsdex
