// Unit tests for common/entities/date_inference.h. Texts are written for these tests.
#include "common/entities/date_inference.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

std::optional<PublishedDate> infer(const std::string& text, int copyright_year = 0) {
    return infer_publication_date(find_date_mentions(text), copyright_year);
}

TEST(DateMentions, Forms) {
    const auto m = find_date_mentions(
        "Signed on June 7, 2024 and on 9 March 2023, due Oct. 7; report of June 2022; "
        "filed 2021-05-04; not a date: May is a month.");
    ASSERT_EQ(m.size(), 5u);
    EXPECT_EQ(m[0].date, (PublishedDate{2024, 6, 7, DatePrecision::day}));
    EXPECT_EQ(m[1].date, (PublishedDate{2023, 3, 9, DatePrecision::day}));
    EXPECT_EQ(m[2].date, (PublishedDate{0, 10, 7, DatePrecision::day}));
    EXPECT_EQ(m[3].date, (PublishedDate{2022, 6, 0, DatePrecision::month}));
    EXPECT_EQ(m[4].date, (PublishedDate{2021, 5, 4, DatePrecision::day}));
}

TEST(InferPublicationDate, Rules) {
    // 1. The latest fully dated mention, when the copyright year and a weekday corroborate it.
    EXPECT_EQ(infer("Talks began on 3 March 2024 and ended on Saturday, March 9, 2024.", 2024),
              (PublishedDate{2024, 3, 9, DatePrecision::day}));
    // Not corroborated: the copyright year alone, or nothing.
    EXPECT_EQ(infer("Talks began on 3 March 2024 and ended on March 9, 2024.", 2024),
              (PublishedDate{2024, 0, 0, DatePrecision::year}));
    EXPECT_EQ(infer("Talks began on 3 March 2024 and ended on Saturday, March 9, 2024."), std::nullopt);
    EXPECT_EQ(infer("Talks ended on Saturday, March 9, 2024.", 2025), (PublishedDate{2025, 0, 0, DatePrecision::year}));
    // A future or past event named with its date is no day of publication.
    EXPECT_EQ(infer("The film, which is due to be released on May 19, 2006, stars Tom Hanks."), std::nullopt);
    // 2. The copyright year, alone: month-and-day mentions name past events too often.
    EXPECT_EQ(infer("Talks began on Feb. 3 and ended on 9 March.", 2024),
              (PublishedDate{2024, 0, 0, DatePrecision::year}));
    EXPECT_EQ(infer("Talks ended on Monday.", 2024), (PublishedDate{2024, 0, 0, DatePrecision::year}));
    // 3. No year anywhere: undated, never guessed.
    EXPECT_EQ(infer("Talks began on Feb. 3 and ended on Monday."), std::nullopt);
    // Weekdays move the anchor to the nearest such day after it, at most
    // three days away. 7 June 2024 was a Friday: Monday is 10 June. Thursday
    // is 6 June, before the mention: the text was written on 7 June or
    // later, which day unknown, so the copyright year (it was 7 June, a
    // corroboration the text does not give).
    EXPECT_EQ(infer("Talks opened on 7 June 2024. On Monday the envoy said more.", 2024),
              (PublishedDate{2024, 6, 10, DatePrecision::day}));
    EXPECT_EQ(infer("Talks opened on 7 June 2024, a day after the vote on Thursday.", 2024),
              (PublishedDate{2024, 0, 0, DatePrecision::year}));
    EXPECT_EQ(infer("The strike ended on Monday. The deal was signed on June 12, 2024.", 2024),
              (PublishedDate{2024, 0, 0, DatePrecision::year}));
    // The weekday of the mention itself corroborates it; of several, the latest.
    EXPECT_EQ(infer("The deal was signed on Wednesday, June 12, 2024.", 2024),
              (PublishedDate{2024, 6, 12, DatePrecision::day}));
    EXPECT_EQ(infer("Signed on June 12, 2024; on Monday it was ratified, on Friday ended.", 2024),
              (PublishedDate{2024, 6, 14, DatePrecision::day}));
    // A later year than the copyright year: the copyright line is older than the text.
    EXPECT_EQ(infer("The strike ended, officials said. The last strike, in 2025, was shorter.", 2024), std::nullopt);
    // Across a month's end: 30 April 2024 was a Tuesday; "since Thursday" is 2 May.
    EXPECT_EQ(infer("Filed on April 30, 2024; talks have stalled since Thursday.", 2024),
              (PublishedDate{2024, 5, 2, DatePrecision::day}));
    // A weekday is not a date mention by itself.
    EXPECT_EQ(find_date_mentions("He left on Monday, 3 June 2024.").size(), 2u);
    // An impossible day is no date.
    EXPECT_EQ(infer("It happened on Monday, February 30, 2024.", 2024),
              (PublishedDate{2024, 0, 0, DatePrecision::year}));
}

TEST(InferPublicationDate, HistoricalDateBesideALaterYearLeavesUndated) {
    // A past event's full date is no publication day when the text names a later year.
    EXPECT_EQ(infer("The rules came in after the floods of 4 March 2001. Since 2004 they have been tightened, "
                    "and on Monday in 2005 the council reviewed them."),
              std::nullopt);
    EXPECT_EQ(infer("The bridge opened on 2 May 1998 and was repainted in June 2003."), std::nullopt);
    EXPECT_EQ(infer("The bridge opened on Saturday, 2 May 1998 and was repainted in mid-2003.", 1998), std::nullopt);
    // A year no later than the dated mention's, or one that looks ahead or counts, changes nothing.
    EXPECT_EQ(infer("The plan, agreed on Friday, 8 July 2005 after talks begun in 2004, runs until 2010 and by 2012 "
                    "will cost 2020 pounds a head.",
                    2005),
              (PublishedDate{2005, 7, 8, DatePrecision::day}));
    EXPECT_EQ(infer("The deal, signed on Friday, 3 May 2024, starts deliveries from 2027; a second plant will open in "
                    "2029.",
                    2024),
              (PublishedDate{2024, 5, 3, DatePrecision::day}));
    const auto m = find_date_mentions("Prices rose in 2004 and during 2005.");
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].year_alone, 2004);
    EXPECT_EQ(m[0].date.year, 0);  // not a date of its own: analyzer keeps only dated mentions
    EXPECT_EQ(m[1].year_alone, 2005);
}

}  // namespace
}  // namespace newsdex
