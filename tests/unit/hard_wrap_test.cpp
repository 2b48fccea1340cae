// Unit tests for common/reading/hard_wrap.h: which texts are hard-wrapped
// (issue 12: wire copy, mail archives) and how their lines are joined into
// paragraphs. All text here is invented.
#include "common/reading/hard_wrap.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Wire copy wrapped at 58 columns: a headline in capitals, paragraphs with
// indented first lines, a name and a compound broken at line ends.
const std::string kWireCopy =
    "HARBOUR CHIEF CUTS SHORT LISBON TRIP\n"
    "\n"
    "    LISBON, March 3 - Harbour Authority Chairman Tomas\n"
    "Orlek cut short a scheduled trip to the coast on Tuesday\n"
    "after the second round of talks on a harbour cease-\n"
    "fire with the dock unions collapsed, officials said.\n"
    "    Orlek, who had been due to speak to dock workers, flew\n"
    "back to meet the Minister of Agriculture Vera Castellan\n"
    "and union leaders, a spokesman for the ministry said.\n";

TEST(HardWrapWidth, WireCopyIsHardWrapped) { EXPECT_EQ(hard_wrap_width(lines_of(kWireCopy)), 58u); }

TEST(HardWrapWidth, OneParagraphPerLineIsNot) {
    // Scraped pages: a paragraph a line, long lines, blank lines between.
    EXPECT_EQ(hard_wrap_width(lines_of(
                  "Harbour talks collapse\n\n"
                  "The harbour authority said on Tuesday that talks with the dock unions had collapsed after a "
                  "second round in Lisbon.\n\n"
                  "Union leaders said they would meet again next week.\n")),
              0u);
    // Short paragraphs without blank lines: they end sentences, and the
    // next starts with a capital.
    EXPECT_EQ(hard_wrap_width(lines_of("The harbour authority said talks with the unions had collapsed.\n"
                                       "Union leaders said they would meet the minister again next week.\n"
                                       "Dock workers stayed at home on Wednesday as the strike went on.\n"
                                       "Ships waited off the coast for a second day, port officials said.\n"
                                       "The ministry said it hoped both sides would return to the table.\n")),
              0u);
}

TEST(HardWrapWidth, ListsOfHeadlinesAndVerseAreNot) {
    // Unpunctuated lines of one length, but every one starts with a capital.
    EXPECT_EQ(hard_wrap_width(lines_of("Harbour talks collapse as dock unions walk out of second round\n"
                                       "Ships wait off the coast for a second day as the strike goes on\n"
                                       "Minister calls both sides back to the table before the weekend\n"
                                       "Fishing fleet stays in port while the harbour cranes stand idle\n")),
              0u);
}

TEST(HardWrapWidth, WidthsOutsideWireCopyAreNot) {
    // Wrapped at 40 columns (a column of print), or at 95.
    EXPECT_EQ(hard_wrap_width(lines_of("The harbour authority said on Tuesday\n"
                                       "that talks with the dock unions had\n"
                                       "collapsed after a second round of talks\n"
                                       "in the capital, and that ships would\n"
                                       "wait off the coast for another day.\n")),
              0u);
    EXPECT_EQ(hard_wrap_width(lines_of(
                  "The harbour authority said on Tuesday that talks with the dock unions had collapsed after a\n"
                  "second round of talks in the capital, and that the ships waiting off the coast for a second\n"
                  "day would have to wait for another day at least, port officials and union leaders said.\n"
                  "Union leaders said they would meet the minister again next week, and perhaps again later.\n")),
              0u);
}

TEST(HardWrapWidth, TwoLinesAreTooFewToTell) {
    EXPECT_EQ(hard_wrap_width(lines_of("The harbour authority said on Tuesday that talks with the\n"
                                       "dock unions had collapsed after a second round of talks.\n")),
              0u);
}

TEST(JoinWrappedLines, ParagraphsOfWireCopy) {
    const auto lines = lines_of(kWireCopy);
    EXPECT_EQ(join_wrapped_lines(lines, hard_wrap_width(lines)),
              (std::vector<std::string>{
                  "HARBOUR CHIEF CUTS SHORT LISBON TRIP",
                  "",
                  "    LISBON, March 3 - Harbour Authority Chairman Tomas Orlek cut short a scheduled trip to the "
                  "coast on Tuesday after the second round of talks on a harbour cease-fire with the dock unions "
                  "collapsed, officials said.",
                  "    Orlek, who had been due to speak to dock workers, flew back to meet the Minister of "
                  "Agriculture Vera Castellan and union leaders, a spokesman for the ministry said.",
              }));
}

struct JoinCase {
    std::vector<std::string> lines;
    std::vector<std::string> expected;
};

TEST(JoinWrappedLines, WhereAParagraphStarts) {
    const std::vector<JoinCase> cases = {
        // A hyphen ending a word stays, without a space; a dash is no hyphen.
        {{"after a night of talks the harbour unions signed a cease-", "fire on Tuesday"},
         {"after a night of talks the harbour unions signed a cease-fire on Tuesday"}},
        {{"the dockers recalled the long strikes of the winter of 1986-", "87 in the north"},
         {"the dockers recalled the long strikes of the winter of 1986-87 in the north"}},
        {{"the dockers said the offer was final --", "a word they used often"},
         {"the dockers said the offer was final -- a word they used often"}},
        {{"the dockers said the offer was final -", "a word they used often"},
         {"the dockers said the offer was final - a word they used often"}},
        // A line at the margin goes on, whatever starts the next one.
        {{"the dockers said the offer was final and would not change", "The union said it would strike."},
         {"the dockers said the offer was final and would not change The union said it would strike."}},
        // A line that ends short of the margin ends its paragraph when the
        // next word would have fitted on it ...
        {{"the dockers said the offer was final.", "The union said it would strike."},
         {"the dockers said the offer was final.", "The union said it would strike."}},
        // ... unless the next line starts in lower case.
        {{"the dockers said the offer was final.", "later the union said it would strike."},
         {"the dockers said the offer was final. later the union said it would strike."}},
        // A blank line and an indented line start paragraphs.
        {{"the dockers said the offer was final and would not change", "", "The union said it would strike."},
         {"the dockers said the offer was final and would not change", "", "The union said it would strike."}},
        {{"the dockers said the offer was final and would not change", "  the union said it would strike."},
         {"the dockers said the offer was final and would not change", "  the union said it would strike."}},
        // A headline in capitals stands alone, however long.
        {{"HARBOUR CHIEF CUTS SHORT LISBON TRIP AFTER TALKS WITH UNIONS",
          "the dockers said the offer was final and would not change"},
         {"HARBOUR CHIEF CUTS SHORT LISBON TRIP AFTER TALKS WITH UNIONS",
          "the dockers said the offer was final and would not change"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.lines.front());
        EXPECT_EQ(join_wrapped_lines(c.lines, 60), c.expected);
    }
}

TEST(JoinWrappedLines, LinesThatStandAlone) {
    const std::vector<std::string> lines = {"the dockers said the offer was final and would not change",
                                            "(c) 1987 Harbour Wire", "All rights reserved."};
    EXPECT_EQ(join_wrapped_lines(lines, 60, [](std::string_view l) { return l.starts_with("(c)"); }),
              (std::vector<std::string>{"the dockers said the offer was final and would not change",
                                        "(c) 1987 Harbour Wire", "All rights reserved."}));
    EXPECT_EQ(
        join_wrapped_lines(lines, 60),
        (std::vector<std::string>{"the dockers said the offer was final and would not change (c) 1987 Harbour Wire",
                                  "All rights reserved."}));
}

}  // namespace
}  // namespace newsdex
