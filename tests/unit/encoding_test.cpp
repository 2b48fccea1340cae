// Unit tests for common/reading/encoding.h: UTF-8 validation, NUL detection, the
// Windows-1252 fallback and decode_text().
#include "common/reading/encoding.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

struct Utf8Case {
    const char* name;
    std::string bytes;
    bool valid;
};

TEST(IsValidUtf8, Table) {
    const std::vector<Utf8Case> cases = {
        {"empty", "", true},
        {"ascii", "Hello, world! 123", true},
        {"two-byte e acute", "caf\xC3\xA9", true},
        {"three-byte euro", "\xE2\x82\xAC 5", true},
        {"four-byte emoji", "\xF0\x9F\x98\x80", true},
        {"highest code point U+10FFFF", "\xF4\x8F\xBF\xBF", true},
        {"mixed scripts", "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xE4\xB8\xAD\xE6\x96\x87", true},
        {"truncated two-byte at end", "caf\xC3", false},
        {"truncated three-byte at end", "x\xE2\x82", false},
        {"truncated four-byte at end", "\xF0\x9F\x98", false},
        {"truncated sequence followed by ascii",
         "\xE2\x82"
         "abc",
         false},
        {"lone continuation byte", "a\x80z", false},
        {"overlong slash (C0 AF)", "\xC0\xAF", false},
        {"overlong NUL (C0 80)", "\xC0\x80", false},
        {"overlong three-byte (E0 80 AF)", "\xE0\x80\xAF", false},
        {"overlong four-byte (F0 80 80 AF)", "\xF0\x80\x80\xAF", false},
        {"surrogate U+D800", "\xED\xA0\x80", false},
        {"surrogate U+DFFF", "\xED\xBF\xBF", false},
        {"above U+10FFFF (F4 90 80 80)", "\xF4\x90\x80\x80", false},
        {"five-byte lead F8", "\xF8\x88\x80\x80\x80", false},
        {"byte FF", "\xFF", false},
        {"latin-1 e acute", "caf\xE9", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(is_valid_utf8(c.bytes), c.valid);
    }
}

TEST(ContainsNul, Table) {
    const std::vector<Utf8Case> cases = {
        {"empty", "", false},
        {"plain text", "no nul here", false},
        {"nul in the middle", std::string("ab\0cd", 5), true},
        {"nul at the start", std::string("\0x", 2), true},
        {"nul at the end", std::string("x\0", 2), true},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(contains_nul(c.bytes), c.valid);
    }
}

struct Cp1252Case {
    const char* name;
    std::string input;
    std::string expected;
};

TEST(Windows1252ToUtf8, Table) {
    const std::vector<Cp1252Case> cases = {
        {"ascii unchanged", "plain text", "plain text"},
        {"curly double quotes 0x93 0x94", "\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
        {"curly apostrophe 0x92", "it\x92s", "it\xE2\x80\x99s"},
        {"euro 0x80",
         "\x80"
         "5",
         "\xE2\x82\xAC"
         "5"},
        {"e acute 0xE9", "caf\xE9", "caf\xC3\xA9"},
        {"en dash 0x96 and em dash 0x97",
         "a\x96"
         "b\x97"
         "c",
         "a\xE2\x80\x93"
         "b\xE2\x80\x94"
         "c"},
        {"undefined 0x81 kept as U+0081", "\x81", "\xC2\x81"},
        {"undefined 0x8D 0x8F 0x90 0x9D", "\x8D\x8F\x90\x9D", "\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"},
        {"y diaeresis 0xFF", "\xFF", "\xC3\xBF"},
        {"nbsp 0xA0", "\xA0", "\xC2\xA0"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(windows1252_to_utf8(c.input), c.expected);
        EXPECT_TRUE(is_valid_utf8(windows1252_to_utf8(c.input)));
    }
}

struct DecodeCase {
    const char* name;
    std::string input;
    std::string expected;
    bool was_windows1252;
};

TEST(DecodeText, Table) {
    const std::vector<DecodeCase> cases = {
        {"ascii passes through", "hello", "hello", false},
        {"utf-8 passes through", "caf\xC3\xA9", "caf\xC3\xA9", false},
        {"BOM stripped", "\xEF\xBB\xBFhello", "hello", false},
        {"BOM only", "\xEF\xBB\xBF", "", false},
        {"BOM not stripped twice", "\xEF\xBB\xBF\xEF\xBB\xBFx", "\xEF\xBB\xBFx", false},
        {"invalid utf-8 read as cp1252", "caf\xE9", "caf\xC3\xA9", true},
        {"cp1252 quotes", "\x93Hi\x94", "\xE2\x80\x9CHi\xE2\x80\x9D", true},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const DecodedText d = decode_text(c.input);
        EXPECT_EQ(d.utf8, c.expected);
        EXPECT_EQ(d.was_windows1252, c.was_windows1252);
    }
}

TEST(DecodeCharacterReferences, Table) {
    struct Case {
        const char* name;
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"decimal", "Jos&#233; Manuel", "Jos\xC3\xA9 Manuel"},
        {"hex, both cases", "&#xE9;&#XE9;", "\xC3\xA9\xC3\xA9"},
        {"beyond the BMP", "&#128512;", "\xF0\x9F\x98\x80"},
        {"named", "AT&amp;T &lt;b&gt; &pound;5 &quot;x&quot;",
         "AT&T <b> \xC2\xA3"
         "5 \"x\""},
        {"decoded once", "&amp;#233;", "&#233;"},
        {"a bare ampersand", "Marks & Spencer, R&D", "Marks & Spencer, R&D"},
        {"unknown name kept", "&foo; &#; &#xZZ;", "&foo; &#; &#xZZ;"},
        {"no semicolon kept", "&#233 and &amp", "&#233 and &amp"},
        {"controls and surrogates kept", "&#1;&#10;&#128;&#xD800;", "&#1;&#10;&#128;&#xD800;"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(decode_character_references(c.input), c.expected);
    }
}

}  // namespace
}  // namespace newsdex
