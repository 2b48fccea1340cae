// Unit tests for common/base/text_folding.h: fold_text (shared byte for byte by the
// indexer and the query builder), split_words on raw text, and compounds.
#include "common/base/text_folding.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

struct FoldCase {
    const char* name;
    std::string input;
    std::string expected;
};

TEST(FoldText, Table) {
    const std::vector<FoldCase> cases = {
        {"accents and case", "Jos\xC3\xA9 \xC3\x81lvarez", "jose alvarez"},
        {"upper case", "ISRAEL", "israel"},
        {"curly possessive", "Israel\xE2\x80\x99s", "israel"},
        {"straight possessive", "Hamas's", "hamas"},
        {"plural possessive, curly", "Hamas\xE2\x80\x99", "hamas"},
        {"plural possessive, straight", "Hamas' leaders", "hamas leaders"},
        {"possessive mid-sentence", "Israel\xE2\x80\x99s army", "israel army"},
        {"contraction keeps apostrophe, made straight", "don\xE2\x80\x99t", "don't"},
        {"curly double quotes", "\xE2\x80\x9CYes,\xE2\x80\x9D he said", "\"yes,\" he said"},
        {"curly single quotes", "\xE2\x80\x98no\xE2\x80\x99 vote", "'no' vote"},
        {"guillemets",
         "\xC2\xAB"
         "non\xC2\xBB",
         "\"non\""},
        {"non-breaking hyphen U+2011",
         "cease\xE2\x80\x91"
         "fire",
         "cease-fire"},
        {"hyphen U+2010",
         "cease\xE2\x80\x90"
         "fire",
         "cease-fire"},
        {"ascii hyphen kept", "cease-fire", "cease-fire"},
        {"en dash between words",
         "Paris\xE2\x80\x93"
         "Berlin",
         "paris berlin"},
        {"em dash between words",
         "talks\xE2\x80\x94"
         "again",
         "talks again"},
        {"dotted acronym", "U.S.", "us"},
        {"dotted acronym in text", "the U.S. economy", "the us economy"},
        {"three-letter acronym", "U.S.A.", "usa"},
        {"acronym in compound", "U.N.-led", "un-led"},
        {"no-break space", "10\xC2\xA0km", "10 km"},
        {"narrow no-break space", "10\xE2\x80\xAFkm", "10 km"},
        {"soft hyphen removed", "co\xC2\xADoperation", "cooperation"},
        {"zero-width space removed",
         "ab\xE2\x80\x8B"
         "cd",
         "abcd"},
        {"sharp s",
         "Stra\xC3\x9F"
         "e",
         "strasse"},
        {"o with stroke", "\xC3\x98resund", "oresund"},
        {"l with stroke",
         "\xC5\x81\xC3\xB3"
         "d\xC5\xBA",
         "lodz"},
        {"ae ligature", "\xC3\x86sir", "aesir"},
        {"fi ligature (NFKC)", "\xEF\xAC\x81nance", "finance"},
        {"fullwidth letters (NFKC)", "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"},
        {"hyphenated name", "El-Sisi", "el-sisi"},
        {"greek accents", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"},
        {"cyrillic", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
         "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
        // كِتَاب (kitab with kasra and fatha) -> كتاب
        {"arabic harakat removed", "\xD9\x83\xD9\x90\xD8\xAA\xD9\x8E\xD8\xA7\xD8\xA8",
         "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8"},
        // مُحَمَّد (damma, fatha, shadda, fatha) -> محمد
        {"arabic shadda removed", "\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x91\xD9\x8E\xD8\xAF",
         "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"},
        {"arabic tatweel removed", "\xD9\x83\xD9\x80\xD8\xAA\xD8\xA7\xD8\xA8", "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8"},
        // हिन्दी keeps its vowel signs and virama.
        {"hindi unchanged", "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80",
         "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80"},
        {"chinese unchanged", "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\xB0\xE9\x97\xBB",
         "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\xB0\xE9\x97\xBB"},
        {"digits and punctuation kept", "Talks, day 3: 2024!", "talks, day 3: 2024!"},
        {"empty", "", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(fold_text(c.input), c.expected) << "input: " << c.input;
    }
}

TEST(FoldText, Idempotent) {
    for (const char* s : {"Jos\xC3\xA9 \xC3\x81lvarez",
                          "Israel\xE2\x80\x99s cease\xE2\x80\x91"
                          "fire",
                          "U.N.-led",
                          "Stra\xC3\x9F"
                          "e",
                          "co\xC2\xADoperation"}) {
        SCOPED_TRACE(s);
        const std::string once = fold_text(s);
        EXPECT_EQ(fold_text(once), once);
    }
}

struct SplitCase {
    const char* name;
    std::string input;
    std::vector<std::string> words;
};

std::vector<std::string> spans_as_strings(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& w : split_words(text)) {
        EXPECT_LT(w.begin, w.end);
        EXPECT_LE(w.end, text.size());
        out.push_back(text.substr(w.begin, w.end - w.begin));
    }
    return out;
}

TEST(SplitWords, Table) {
    const std::vector<SplitCase> cases = {
        {"compound is one word", "a cease-fire deal", {"a", "cease-fire", "deal"}},
        {"U+2011 compound",
         "a cease\xE2\x80\x91"
         "fire deal",
         {"a",
          "cease\xE2\x80\x91"
          "fire",
          "deal"}},
        {"hyphenated name", "El-Sisi said", {"El-Sisi", "said"}},
        {"curly apostrophe inside word", "Israel\xE2\x80\x99s army", {"Israel\xE2\x80\x99s", "army"}},
        {"straight apostrophe inside word", "Hamas's leaders", {"Hamas's", "leaders"}},
        {"trailing punctuation excluded", "Hello, world! Done.", {"Hello", "world", "Done"}},
        {"quotes excluded", "\"quoted\" and 'single'", {"quoted", "and", "single"}},
        {"curly quotes excluded", "\xE2\x80\x9CYes\xE2\x80\x9D", {"Yes"}},
        {"trailing hyphen ends word", "well- known", {"well", "known"}},
        {"trailing apostrophe excluded", "Hamas' leaders", {"Hamas", "leaders"}},
        {"en dash separates",
         "Paris\xE2\x80\x93"
         "Berlin",
         {"Paris", "Berlin"}},
        {"accented words", "Jos\xC3\xA9 \xC3\x81lvarez", {"Jos\xC3\xA9", "\xC3\x81lvarez"}},
        {"numbers are words", "On 7 June 2024", {"On", "7", "June", "2024"}},
        {"chinese characters are words each",
         "\xE4\xB8\xAD\xE6\x96\x87 news",
         {"\xE4\xB8\xAD", "\xE6\x96\x87", "news"}},
        {"hindi word with vowel signs",
         "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80 x",
         {"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80", "x"}},
        {"newlines and tabs", "one\ntwo\tthree", {"one", "two", "three"}},
        {"empty", "", {}},
        {"punctuation only", " -- ... ", {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(spans_as_strings(c.input), c.words);
    }
}

TEST(SplitWords, ByteOffsets) {
    const std::string text = "Jos\xC3\xA9 said: cease-fire.";
    const auto words = split_words(text);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(words[0].begin, 0u);
    EXPECT_EQ(words[0].end, 5u);  // "José" is five bytes
    EXPECT_EQ(words[1].begin, 6u);
    EXPECT_EQ(words[1].end, 10u);
    EXPECT_EQ(words[2].begin, 12u);
    EXPECT_EQ(words[2].end, 22u);
}

// plain_ascii: every byte an ASCII letter or digit, whatever came before.
TEST(SplitWords, PlainAsciiWords) {
    const std::string text = "Jos\xC3\xA9 said: cease-fire 2024 Hamas's \xE4\xB8\xAD x9 \xC3\xA9t\xC3\xA9 deal";
    std::vector<std::pair<std::string, bool>> got;
    for (const auto& w : split_words(text)) got.emplace_back(text.substr(w.begin, w.end - w.begin), w.plain_ascii);
    const std::vector<std::pair<std::string, bool>> expected = {
        {"Jos\xC3\xA9", false},  {"said", true}, {"cease-fire", false},        {"2024", true}, {"Hamas's", false},
        {"\xE4\xB8\xAD", false}, {"x9", true},   {"\xC3\xA9t\xC3\xA9", false}, {"deal", true},
    };
    EXPECT_EQ(got, expected);
}

struct CompoundCase {
    const char* word;
    std::vector<std::string> parts;
    const char* joined;
};

TEST(Compounds, PartsAndJoinedForm) {
    const std::vector<CompoundCase> cases = {
        {"cease-fire", {"cease", "fire"}, "ceasefire"},
        {"el-sisi", {"el", "sisi"}, "elsisi"},
        {"un-led", {"un", "led"}, "unled"},
        {"state-of-the-art", {"state", "of", "the", "art"}, "stateoftheart"},
        {"plain", {"plain"}, ""},
        {"ceasefire", {"ceasefire"}, ""},
        {"", {}, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.word);
        EXPECT_EQ(compound_parts(c.word), c.parts);
        EXPECT_EQ(joined_form(c.word), c.joined);
    }
}

TEST(IsWordCodePoint, Table) {
    struct Case {
        const char* name;
        char32_t cp;
        bool expected;
    };
    const std::vector<Case> cases = {
        {"ascii letter", U'a', true},
        {"ascii digit", U'7', true},
        {"hyphen", U'-', false},
        {"apostrophe", U'\'', false},
        {"space", U' ', false},
        {"e acute", U'\u00E9', true},
        {"combining acute", U'\u0301', true},
        {"devanagari vowel sign", U'\u093F', true},
        {"cjk ideograph", U'\u4E2D', true},
        {"arabic-indic digit", U'\u0663', true},
        {"right single quote", U'\u2019', false},
        {"em dash", U'\u2014', false},
        {"no-break space", U'\u00A0', false},
        {"underscore", U'_', false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(is_word_code_point(c.cp), c.expected);
    }
}

}  // namespace
}  // namespace newsdex
