// Unit tests for searcher/pager.h: which pager the environment names, and
// when a text is taller than the screen. The pager itself runs in the
// shell's end-to-end tests (tests/e2e/shell_test.cpp), on a terminal.
#include "searcher/pager.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(PagerCommand, NewsdexPagerThenPagerThenLess) {
    EXPECT_EQ(pager_command(nullptr, nullptr), "less -R");
    EXPECT_EQ(pager_command(nullptr, "more"), "more");
    EXPECT_EQ(pager_command("most", "more"), "most");
    EXPECT_EQ(pager_command(" less -S ", nullptr), "less -S");
}

TEST(PagerCommand, EmptyOrCatMeansNone) {
    EXPECT_EQ(pager_command(nullptr, ""), std::nullopt);
    EXPECT_EQ(pager_command(nullptr, "cat"), std::nullopt);
    EXPECT_EQ(pager_command("", "less"), std::nullopt);  // NEWSDEX_PAGER= turns off a PAGER
    EXPECT_EQ(pager_command("cat", "less"), std::nullopt);
}

TEST(ScreenRows, OneRowALineMoreForALineWiderThanTheScreen) {
    EXPECT_EQ(screen_rows("", 70), 0u);
    EXPECT_EQ(screen_rows("one\ntwo\n", 70), 2u);
    EXPECT_EQ(screen_rows("one\n\nthree\n", 70), 3u);  // a blank line takes a row
    EXPECT_EQ(screen_rows(std::string(70, 'x') + "\n", 70), 1u);
    EXPECT_EQ(screen_rows(std::string(71, 'x') + "\n", 70), 2u);
    EXPECT_EQ(screen_rows(std::string(141, 'x'), 70), 3u);  // no final newline
}

TEST(ScreenRows, ColoursTakeNoRoomAndCharactersAreColumns) {
    const std::string bold_title = "\x1b[1m" + std::string(70, 'x') + "\x1b[0m\n";
    EXPECT_EQ(screen_rows(bold_title, 70), 1u);
    std::string accented;
    for (int k = 0; k < 70; ++k) accented += "\xC3\xA3";  // 140 bytes, 70 columns
    EXPECT_EQ(screen_rows(accented + "\n", 70), 1u);
}

}  // namespace
}  // namespace newsdex
