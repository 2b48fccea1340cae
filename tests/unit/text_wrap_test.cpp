// Unit tests for common/render/text_wrap.h: lines end by the width, counted
// in terminal columns; names break only between names; a piece wider than a
// line breaks at its spaces, then between characters; nothing is lost.
#include "common/render/text_wrap.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

// The lines' text, as write_lines would print them without their indent.
std::vector<std::string> cut(const WrapText& text, std::size_t indent, std::size_t width) {
    std::vector<std::string> lines;
    for (const LineSpan& span : text.lines(indent, width))
        lines.push_back(text.text().substr(span.begin, span.end - span.begin));
    return lines;
}

using Lines = std::vector<std::string>;

TEST(DisplayWidth, CountsColumnsNotBytes) {
    EXPECT_EQ(display_width("Blinken"), 7u);
    EXPECT_EQ(display_width("S\xC3\xA3o Paulo"), 9u);          // ã: two bytes, one column
    EXPECT_EQ(display_width("\xE6\xB8\xAF\xE5\x8F\xA3"), 4u);  // 港口: two columns each
    EXPECT_EQ(display_width("e\xCC\x81"), 1u);                 // e + combining acute
}

TEST(WrapText, WordsBreakAtSpacesWithinTheWidth) {
    const WrapText text = WrapText::words("The harbour master opened the new pier to the public");
    // 4 columns of indent leave 20 of a width of 24.
    EXPECT_EQ(cut(text, 4, 24), (Lines{"The harbour master", "opened the new pier", "to the public"}));
    // Without a width: one line, the text byte for byte.
    EXPECT_EQ(cut(text, 4, kNoWrap), (Lines{text.text()}));
}

TEST(WrapText, AListBreaksOnlyBetweenNamesAndKeepsTheComma) {
    const WrapText names = WrapText::list({"Antony Blinken", "Benny Gantz", "Sami Abu Zuhri", "Aaron Miller"});
    // "Antony Blinken, Benny Gantz, Sami" would fit 34 columns: a name is
    // never split, so the line ends after Gantz.
    EXPECT_EQ(cut(names, 0, 34), (Lines{"Antony Blinken, Benny Gantz,", "Sami Abu Zuhri, Aaron Miller"}));
    const WrapText words = WrapText::words(names.text());
    EXPECT_EQ(cut(words, 0, 34).front(), "Antony Blinken, Benny Gantz, Sami");  // what plain words would do
}

TEST(WrapText, GlueKeepsItsMarkAtTheBreak) {
    WrapText line;
    line.add("2024-06-10")
        .add("Bloomberg", " \xC2\xB7 ")
        .add("/work/shared/seeds/000_37ed465d62f4bdd3.txt", " \xC2\xB7 ");
    EXPECT_EQ(cut(line, 3, 40),
              (Lines{"2024-06-10 \xC2\xB7 Bloomberg \xC2\xB7", "/work/shared/seeds/000_37ed465d62f4bd", "d3.txt"}));
}

TEST(WrapText, ANameWiderThanALineBreaksAtItsSpacesThenAnywhere) {
    const WrapText names =
        WrapText::list({"Ali", "Abdel Fattah El Sisi Abdel Fattah El Sisi", "Bo"});  // 41 columns: wider than 30
    EXPECT_EQ(cut(names, 0, 30), (Lines{"Ali,", "Abdel Fattah El Sisi Abdel", "Fattah El Sisi, Bo"}));
    std::string cjk;
    for (int k = 0; k < 25; ++k) cjk += "\xE6\xB8\xAF";  // 25 characters of 2 columns
    const Lines lines = cut(WrapText().add(cjk), 0, 20);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(display_width(lines[0]), 20u);  // cut between characters, never inside one
    EXPECT_EQ(display_width(lines[1]), 20u);
    EXPECT_EQ(display_width(lines[2]), 10u);
}

TEST(WrapText, EveryLineFitsAndNothingIsLost) {
    WrapText text;
    text.add_words("  The  ferry between Quillon Bay and Harth Island resumed on Monday  ");
    for (std::size_t width = 20; width <= 60; ++width) {
        std::string rejoined;
        for (const auto& line : cut(text, 0, width)) {
            EXPECT_LE(display_width(line), width) << line;
            EXPECT_FALSE(line.starts_with(' ') || line.ends_with(' ')) << '"' << line << '"';
            rejoined += (rejoined.empty() ? "" : " ") + line;
        }
        EXPECT_EQ(rejoined, "The ferry between Quillon Bay and Harth Island resumed on Monday");
    }
}

TEST(WrapText, AWidthBelowTheIndentPlusTwentyIsRaisedToIt) {
    EXPECT_EQ(line_width(10, 15), 30u);
    EXPECT_EQ(line_width(10, 70), 70u);
    EXPECT_EQ(line_width(10, kNoWrap), kNoWrap);
    EXPECT_TRUE(WrapText().lines(0, 40).empty());
    EXPECT_TRUE(WrapText().add("").empty());
}

TEST(WriteLines, IndentsEveryLineButTheFirstAndWrapsEachInItsCodes) {
    std::ostringstream out;
    out << "1. ";
    write_lines(out, WrapText::words("Blinken in Israel as he pushes for Gaza ceasefire deal"), 3, 30, "<b>", "</b>");
    EXPECT_EQ(out.str(),
              "1. <b>Blinken in Israel as he</b>\n"
              "   <b>pushes for Gaza ceasefire</b>\n"
              "   <b>deal</b>\n");
    std::ostringstream empty;
    write_lines(empty, WrapText(), 3, 30);
    EXPECT_EQ(empty.str(), "\n");
}

TEST(FittingStart, TheLongestStartOfWholeCharacters) {
    EXPECT_EQ(fitting_start("Gaza ceasefire", 4), "Gaza");
    EXPECT_EQ(fitting_start("\xE6\xB8\xAF\xE6\xB8\xAF", 3), "\xE6\xB8\xAF");  // not half of the second
    EXPECT_EQ(fitting_start("abc", 10), "abc");
}

}  // namespace
}  // namespace newsdex
