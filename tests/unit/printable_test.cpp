// printable(): user text in messages shows control characters escaped, so a
// query holding ESC [31m cannot recolour the terminal that reads the error.
#include "common/base/printable.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(Printable, PlainTextAndUtf8StayAsTheyAre) {
    EXPECT_EQ(printable("cease-fire \"talks\" \\ 100%"), "cease-fire \"talks\" \\ 100%");
    EXPECT_EQ(printable("S\xC3\xA3o Paulo \xE4\xB8\xAD \xF0\x9F\x98\x80"),
              "S\xC3\xA3o Paulo \xE4\xB8\xAD \xF0\x9F\x98\x80");
    EXPECT_EQ(printable(""), "");
}

TEST(Printable, ControlCharactersAreEscaped) {
    const std::pair<std::string, std::string> cases[] = {
        {"\x1b[31mred", "\\x1B[31mred"},
        {"a\tb\nc\rd", "a\\tb\\nc\\rd"},
        {std::string("nul\0here", 8), "nul\\x00here"},
        {"\x01\x7f", "\\x01\\x7F"},
        {"\x1b]0;title\x07", "\\x1B]0;title\\x07"},
        {"csi\xC2\x9B"
         "2J",
         "csi\\u009B2J"},                      // U+009B, the one-byte CSI of 8-bit terminals
        {"nbsp\xC2\xA0ok", "nbsp\xC2\xA0ok"},  // U+00A0 is no control character
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(printable(in), out) << in;
}

TEST(Printable, BytesThatAreNotUtf8AreEscapedOneByOne) {
    EXPECT_EQ(printable("gaza \xFF\xFE talks"), "gaza \\xFF\\xFE talks");
    EXPECT_EQ(printable("\xE4\xB8"), "\\xE4\\xB8");           // a character cut short
    EXPECT_EQ(printable("\xC0\xAF"), "\\xC0\\xAF");           // an overlong '/'
    EXPECT_EQ(printable("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a UTF-16 surrogate
    EXPECT_EQ(printable("\xE4\xB8"
                        "a"),
              "\\xE4\\xB8a");  // the next character survives
}

TEST(Printable, ColumnsCountCharactersAsShown) {
    EXPECT_EQ(printable_columns("abc"), 3u);
    EXPECT_EQ(printable_columns("S\xC3\xA3o"), 3u);
    EXPECT_EQ(printable_columns("\x1b[1m"), 7u);  // \x1B[1m
    EXPECT_EQ(printable_columns("\xFF"), 4u);
    // Terminal columns: a CJK ideograph takes two, a combining accent none,
    // so a caret under a query error stands under its character.
    EXPECT_EQ(printable_columns("\xE6\x9D\xB1\xE4\xBA\xAC b)"), 7u);  // 東京 b)
    EXPECT_EQ(printable_columns("e\xCC\x81"
                                "e\xCC\x81 b)"),
              5u);  // éé (e + U+0301) b)
}

TEST(Shortened, LongTextIsCutAtACharacterBoundary) {
    EXPECT_EQ(shortened("short", 10), "short");
    EXPECT_EQ(shortened("abcdefghij", 4), "abcd\xE2\x80\xA6");
    EXPECT_EQ(shortened("ab\xC3\xA3"
                        "cd",
                        3),
              "ab\xE2\x80\xA6");  // not half of the ã
}

}  // namespace
}  // namespace newsdex
