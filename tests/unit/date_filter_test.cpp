// Unit tests for common/date_filter.h: date: values -> Xapian queries (the
// boolean Y/M/D term of one date, the period-slot comparisons of a range),
// which articles of each precision they match on a small in-memory index,
// and malformed dates and ranges -> errors with their exact messages and
// their positions in the value.
//
// The expectations come from the contracts: date_filter.h, the date prefixes
// and the kDateFirstDaySlot / kDateLastDaySlot comments in schema.h, and the
// date: rows of docs/query-language.md.
#include "common/query/date_filter.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/index/schema.h"
#include "common/query/query_builder.h"
#include "test_index.h"

namespace newsdex {
namespace {

using namespace testing_index;
using Ids = std::set<std::string>;

// The description, or "ERROR@pos: message".
std::string describe(const std::string& value) {
    const auto r = date_filter(value);
    if (const auto* e = std::get_if<QueryError>(&r)) return "ERROR@" + std::to_string(e->position) + ": " + e->message;
    return std::get<Xapian::Query>(r).get_description();
}

// ---- one date: the boolean term of its own precision ----

TEST(DateFilter, OneDateIsTheTermOfItsPrecision) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2024", "Query(Y2024)"},           {"2024-06", "Query(M202406)"},      {"2024-06-07", "Query(D20240607)"},
        {"1999-12-31", "Query(D19991231)"}, {"2024-02-29", "Query(D20240229)"},  // a leap day
        {"2000-02-29", "Query(D20000229)"},                                      // divisible by 400: a leap year
        {"2024-01", "Query(M202401)"},
    };
    for (const auto& [value, want] : cases) EXPECT_EQ(describe(value), want) << value;
}

// ---- ranges: A's first day against slot 4, B's last day against slot 5 ----

std::string ge_first(const std::string& yyyymmdd) {
    return "VALUE_GE " + std::to_string(schema::kDateFirstDaySlot) + " " + yyyymmdd;
}
std::string le_last(const std::string& yyyymmdd) {
    return "VALUE_LE " + std::to_string(schema::kDateLastDaySlot) + " " + yyyymmdd;
}

TEST(DateFilter, RangesCompareThePeriodSlotsWithTheOuterDays) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2024-06-01..2024-06-30", "Query(0 * (" + ge_first("20240601") + " AND " + le_last("20240630") + "))"},
        // Each side may be a month or a year: its first (left) or last (right) day.
        {"2024-06..2024-06", "Query(0 * (" + ge_first("20240601") + " AND " + le_last("20240630") + "))"},
        {"2023..2024", "Query(0 * (" + ge_first("20230101") + " AND " + le_last("20241231") + "))"},
        {"2024-06-15..2024-06", "Query(0 * (" + ge_first("20240615") + " AND " + le_last("20240630") + "))"},
        {"2024-06-07..2024-06-07", "Query(0 * (" + ge_first("20240607") + " AND " + le_last("20240607") + "))"},
        // Open on one side: one comparison (Xapian drops the 0 * scale on
        // it: a value comparison weighs nothing anyway).
        {"2024-02..", "Query(" + ge_first("20240201") + ")"},
        {"2024..", "Query(" + ge_first("20240101") + ")"},
        {"..2024-06-30", "Query(" + le_last("20240630") + ")"},
        // Month ends, leap years included.
        {"..2024-02", "Query(" + le_last("20240229") + ")"},
        {"..2023-02", "Query(" + le_last("20230228") + ")"},
        {"..1900-02", "Query(" + le_last("19000228") + ")"},  // a century, not a leap year
        {"..2000-02", "Query(" + le_last("20000229") + ")"},
        {"..2024-04", "Query(" + le_last("20240430") + ")"},
        {"..2024-12", "Query(" + le_last("20241231") + ")"},
        {"..2024", "Query(" + le_last("20241231") + ")"},
    };
    for (const auto& [value, want] : cases) EXPECT_EQ(describe(value), want) << value;
}

// ---- errors: the message and where in the value ----

struct ErrorCase {
    std::string value;
    std::string message;
    std::size_t position;  // offset into the value
};

TEST(DateFilter, MalformedDatesAndRangesAreErrorsWithPositions) {
    const std::string formats = " (dates are YYYY, YYYY-MM or YYYY-MM-DD)";
    const std::vector<ErrorCase> cases = {
        // Not a date at all: the whole text, at its start.
        {"", "a date is missing" + formats, 0},
        {"june", "\"june\" is not a date" + formats, 0},
        {"24", "\"24\" is not a date" + formats, 0},
        {"2024-6", "\"2024-6\" is not a date" + formats, 0},
        {"2024/06", "\"2024/06\" is not a date" + formats, 0},
        {"20240607", "\"20240607\" is not a date" + formats, 0},
        {"2024-06-7", "\"2024-06-7\" is not a date" + formats, 0},
        {"2024-06/07", "\"2024-06/07\" is not a date" + formats, 0},
        {"2024-06-07T10", "\"2024-06-07T10\" is not a date" + formats, 0},
        {"-2024", "\"-2024\" is not a date" + formats, 0},
        // The month: at the month (the header's own example).
        {"2024-13", "there is no month 13" + formats, 5},
        {"2024-00", "there is no month 00" + formats, 5},
        {"2024-13-01", "there is no month 13" + formats, 5},
        // The day: at the day.
        {"2024-02-30", "2024-02-30 is not a day of the calendar" + formats, 8},
        {"2023-02-29", "2023-02-29 is not a day of the calendar" + formats, 8},
        {"1900-02-29", "1900-02-29 is not a day of the calendar" + formats, 8},
        {"2024-04-31", "2024-04-31 is not a day of the calendar" + formats, 8},
        {"2024-06-00", "2024-06-00 is not a day of the calendar" + formats, 8},
        // Ranges: no date on either side, at the start.
        {"..", "a date range needs a date on at least one side of \"..\"", 0},
        // Backwards: at the "..".
        {"2024-06..2024-05", "the range ends before it starts", 7},
        {"2024..2023", "the range ends before it starts", 4},
        {"2024-07-01..2024-06", "the range ends before it starts", 10},
        {"2024-06-02..2024-06-01", "the range ends before it starts", 10},
        // A bad side: the position is in the whole value, not in the side.
        {"2024-13..2024", "there is no month 13" + formats, 5},
        {"june..2024", "\"june\" is not a date" + formats, 0},
        {"2024..june", "\"june\" is not a date" + formats, 6},
        {"2024-06..2024-13", "there is no month 13" + formats, 9 + 5},
        {"..2024-13", "there is no month 13" + formats, 2 + 5},
        {"2024..2024-02-30", "2024-02-30 is not a day of the calendar" + formats, 6 + 8},
        {"2024...2025", "\".2025\" is not a date" + formats, 6},  // three dots: the right side is ".2025"
    };
    for (const auto& c : cases) {
        SCOPED_TRACE("date:" + c.value);
        const auto r = date_filter(c.value);
        ASSERT_TRUE(std::holds_alternative<QueryError>(r)) << std::get<Xapian::Query>(r).get_description();
        const auto& e = std::get<QueryError>(r);
        EXPECT_EQ(e.message, c.message);
        EXPECT_EQ(e.position, c.position);
        EXPECT_LE(e.position, c.value.size());  // a caret under the value, never past it
    }
}

// The query builder checks date: values while lexing and moves the position
// from the value to the whole query, so the caret lands under the mistake.
TEST(DateFilter, QueryErrorsPointIntoTheWholeQuery) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const QueryBuilder builder(db);
    const std::string formats = " (dates are YYYY, YYYY-MM or YYYY-MM-DD)";
    const std::vector<ErrorCase> cases = {
        {"date:2024-13", "there is no month 13" + formats, 5 + 5},
        {"harbour date:2024-02-30", "2024-02-30 is not a day of the calendar" + formats, 8 + 5 + 8},
        {"date:\"2024-13\"", "there is no month 13" + formats, 5 + 1 + 5},  // after the quote
        {"date:2024..2023", "the range ends before it starts", 5 + 4},
        {"date:..", "a date range needs a date on at least one side of \"..\"", 5},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.value);
        const auto r = builder.build(c.value, MatchMode::all);
        ASSERT_TRUE(std::holds_alternative<QueryError>(r)) << std::get<Xapian::Query>(r).get_description();
        const auto& e = std::get<QueryError>(r);
        EXPECT_EQ(e.message, c.message);
        EXPECT_EQ(e.position, c.position);
    }
    const auto r = builder.build("date:2024-13", MatchMode::all);
    ASSERT_TRUE(std::holds_alternative<QueryError>(r));
    EXPECT_EQ(describe_query_error("date:2024-13", std::get<QueryError>(r)),
              "query error: there is no month 13" + formats + "\n  date:2024-13\n            ^");
}

// ---- which articles match: day, month and year precision, and undated ----

class DateMatchTest : public testing::Test {
protected:
    DateMatchTest() {
        const std::string body = "The harbour board met to discuss the ferry timetable.";
        index_.add({
            article("d2024-05-31", "Ferry notes", body, day(2024, 5, 31)),
            article("d2024-06-01", "Ferry notes", body, day(2024, 6, 1)),
            article("d2024-06-07", "Ferry notes", body, day(2024, 6, 7)),
            article("d2024-06-30", "Ferry notes", body, day(2024, 6, 30)),
            article("d2024-07-01", "Ferry notes", body, day(2024, 7, 1)),
            article("d2023-12-31", "Ferry notes", body, day(2023, 12, 31)),
            article("m2024-06", "Ferry notes", body, month(2024, 6)),
            article("m2024-02", "Ferry notes", body, month(2024, 2)),
            article("y2024", "Ferry notes", body, year(2024)),
            article("undated", "Ferry notes", body),
        });
        index_.finish();
    }

    Ids matching(const std::string& value) {
        const auto r = date_filter(value);
        if (const auto* e = std::get_if<QueryError>(&r)) {
            ADD_FAILURE() << "date:" << value << ": " << e->message;
            return {};
        }
        return index_.ids_matching(std::get<Xapian::Query>(r));
    }

    TestIndex index_;
};

TEST_F(DateMatchTest, AYearMatchesEveryArticleDatedInIt) {
    EXPECT_EQ(matching("2024"), (Ids{"d2024-05-31", "d2024-06-01", "d2024-06-07", "d2024-06-30", "d2024-07-01",
                                     "m2024-06", "m2024-02", "y2024"}));
    EXPECT_EQ(matching("2023"), (Ids{"d2023-12-31"}));
    EXPECT_EQ(matching("2025"), Ids{});
}

TEST_F(DateMatchTest, AMonthMatchesItsDaysAndTheMonthPrecisionArticleNotTheYearOne) {
    EXPECT_EQ(matching("2024-06"), (Ids{"d2024-06-01", "d2024-06-07", "d2024-06-30", "m2024-06"}));
    EXPECT_EQ(matching("2024-02"), (Ids{"m2024-02"}));
    EXPECT_EQ(matching("2024-01"), Ids{});  // y2024 is dated only to the year
}

TEST_F(DateMatchTest, ADayNeverMatchesAnArticleDatedOnlyToItsMonth) {
    EXPECT_EQ(matching("2024-06-07"), (Ids{"d2024-06-07"}));
    // The month's first day is no day of a month-precision article either.
    EXPECT_EQ(matching("2024-06-01"), (Ids{"d2024-06-01"}));
    EXPECT_EQ(matching("2024-01-01"), Ids{});  // nor the year's of a year-precision one
}

TEST_F(DateMatchTest, ARangeMatchesWholePeriodsWithinIt) {
    // The docs' own example: a June article (month precision) matches a range
    // covering all of June, and no range that starts after the 1st.
    EXPECT_EQ(matching("2024-06-01..2024-06-30"), (Ids{"d2024-06-01", "d2024-06-07", "d2024-06-30", "m2024-06"}));
    EXPECT_EQ(matching("2024-06..2024-06"), matching("2024-06-01..2024-06-30"));
    EXPECT_EQ(matching("2024-06-10..2024-06-30"), (Ids{"d2024-06-30"}));
    EXPECT_EQ(matching("2024-06-01..2024-06-29"), (Ids{"d2024-06-01", "d2024-06-07"}));
    EXPECT_EQ(matching("2024-06-07..2024-06-07"), (Ids{"d2024-06-07"}));
    // February 2024 ends on the 29th.
    EXPECT_EQ(matching("2024-02-01..2024-02-29"), (Ids{"m2024-02"}));
    EXPECT_EQ(matching("2024-02-01..2024-02-28"), Ids{});
    EXPECT_EQ(matching("2024-02-02..2024-02-29"), Ids{});
    // A year-precision article needs the whole year.
    EXPECT_EQ(matching("2024-01-01..2024-12-31"), (Ids{"d2024-05-31", "d2024-06-01", "d2024-06-07", "d2024-06-30",
                                                       "d2024-07-01", "m2024-06", "m2024-02", "y2024"}));
    EXPECT_EQ(matching("2024-01..2024-11").count("y2024"), 0u);
    EXPECT_EQ(matching("2023..2025"), (Ids{"d2023-12-31", "d2024-05-31", "d2024-06-01", "d2024-06-07", "d2024-06-30",
                                           "d2024-07-01", "m2024-06", "m2024-02", "y2024"}));
}

TEST_F(DateMatchTest, OpenRangesBoundOneSide) {
    EXPECT_EQ(matching("2024-06.."), (Ids{"d2024-06-01", "d2024-06-07", "d2024-06-30", "d2024-07-01", "m2024-06"}));
    EXPECT_EQ(matching("2024.."), (Ids{"d2024-05-31", "d2024-06-01", "d2024-06-07", "d2024-06-30", "d2024-07-01",
                                       "m2024-06", "m2024-02", "y2024"}));
    EXPECT_EQ(matching("..2024-06"),
              (Ids{"d2023-12-31", "d2024-05-31", "d2024-06-01", "d2024-06-07", "d2024-06-30", "m2024-06", "m2024-02"}));
    EXPECT_EQ(matching("..2024-06-30"), matching("..2024-06"));
    EXPECT_EQ(matching("..2024-06-29"), (Ids{"d2023-12-31", "d2024-05-31", "d2024-06-01", "d2024-06-07", "m2024-02"}));
    EXPECT_EQ(matching("..2023"), (Ids{"d2023-12-31"}));
    EXPECT_EQ(matching("2024-07-02.."), Ids{});
}

TEST_F(DateMatchTest, UndatedArticlesMatchNoDateFilter) {
    for (const std::string value : {"2024", "2024-06", "2024-06-07", "2024-06-01..2024-06-30", "2024..", "..2024",
                                    "..2030", "1900..", "1900..2100"}) {
        EXPECT_EQ(matching(value).count("undated"), 0u) << value;
    }
    // The widest range holds every dated article.
    EXPECT_EQ(matching("1900..2100").size(), 9u);
}

TEST_F(DateMatchTest, ARangeAddsNoWeight) {
    const Xapian::Query words("harbour");
    const auto range = std::get<Xapian::Query>(date_filter("2024-06.."));
    Xapian::Enquire enquire(index_.db());
    enquire.set_query(range);
    Xapian::MSet mset = enquire.get_mset(0, 20);
    ASSERT_FALSE(mset.empty());
    for (auto it = mset.begin(); it != mset.end(); ++it) EXPECT_EQ(it.get_weight(), 0.0);
    // With words, the weights are the words' alone.
    enquire.set_query(words);
    mset = enquire.get_mset(0, 20);
    std::map<std::string, double> alone;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        alone[schema::decode_record(it.get_document().get_data()).id] = it.get_weight();
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, words, range));
    mset = enquire.get_mset(0, 20);
    ASSERT_EQ(mset.size(), 5u);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string id = schema::decode_record(it.get_document().get_data()).id;
        EXPECT_GT(it.get_weight(), 0.0) << id;
        EXPECT_DOUBLE_EQ(it.get_weight(), alone.at(id)) << id;
    }
}

// date: in a query is this filter: the builder matches exactly what
// date_filter() matches, alone and beside words.
TEST_F(DateMatchTest, TheQueryLanguageUsesTheSameFilter) {
    const QueryBuilder builder(index_.db());
    for (const std::string value :
         {"2024", "2024-06", "2024-06-01", "2024-06-01..2024-06-30", "2024-06..", "..2024-06", "2023..2024"}) {
        SCOPED_TRACE(value);
        for (const std::string& query : {"date:" + value, "harbour date:" + value, "date:\"" + value + "\""}) {
            const auto built = builder.build(query, MatchMode::all);
            ASSERT_TRUE(std::holds_alternative<Xapian::Query>(built)) << query;
            EXPECT_EQ(index_.ids_matching(std::get<Xapian::Query>(built)), matching(value)) << query;
        }
        const auto excluded = builder.build("harbour -date:" + value, MatchMode::all);
        ASSERT_TRUE(std::holds_alternative<Xapian::Query>(excluded));
        const Ids rest = index_.ids_matching(std::get<Xapian::Query>(excluded));
        for (const auto& id : matching(value)) EXPECT_EQ(rest.count(id), 0u) << id;
        EXPECT_EQ(rest.size() + matching(value).size(), 10u);
    }
}

}  // namespace
}  // namespace newsdex
