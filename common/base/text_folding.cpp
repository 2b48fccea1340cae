#include "common/base/text_folding.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace newsdex {

namespace {

// Punctuation and letters that must fold before decomposition: each entry
// replaces the code point with ASCII text, or removes it.
struct CharFold {
    char32_t from;
    const char* to;  // nullptr: drop
};
constexpr CharFold kCharFolds[] = {
    // Apostrophes and single quotes: "Israel’s" must become "israel's".
    {0x2018, "'"},
    {0x2019, "'"},
    {0x201B, "'"},
    {0x02BC, "'"},
    {0x2032, "'"},
    {0xFF07, "'"},
    // Double quotes.
    {0x201C, "\""},
    {0x201D, "\""},
    {0x201E, "\""},
    {0x201F, "\""},
    {0x2033, "\""},
    {0x00AB, "\""},
    {0x00BB, "\""},
    // Hyphens inside compounds stay hyphens; dashes between phrases separate words.
    {0x2010, "-"},
    {0x2011, "-"},
    {0x2012, " "},
    {0x2013, " "},
    {0x2014, " "},
    {0x2015, " "},
    {0x2212, " "},
    // Invisible characters that split or glue words in scraped text.
    {0x00AD, nullptr},
    {0x200B, nullptr},
    {0x200C, nullptr},
    {0x200D, nullptr},
    {0x2060, nullptr},
    {0xFEFF, nullptr},
    {0x0640, nullptr},
    // Letters with no Unicode decomposition that readers type without the stroke.
    {0x00F8, "o"},
    {0x00D8, "o"},
    {0x0142, "l"},
    {0x0141, "l"},
    {0x0111, "d"},
    {0x0110, "d"},
    {0x0127, "h"},
    {0x0126, "h"},
    {0x0131, "i"},
    {0x00E6, "ae"},
    {0x00C6, "ae"},
    {0x0153, "oe"},
    {0x0152, "oe"},
    {0x00FE, "th"},
    {0x00DE, "th"},
    {0x00F0, "d"},
    {0x00D0, "d"},
};

const CharFold* find_fold(char32_t cp) {
    if (cp < 0xA0) return nullptr;
    for (const auto& f : kCharFolds)
        if (f.from == cp) return &f;
    return nullptr;
}

// Combining marks to drop: accents on Latin, Greek and Cyrillic, Hebrew points
// and Arabic harakat (all below U+0800), plus the supplementary combining
// blocks. Marks of Indic and other scripts carry vowels and are kept.
bool is_strippable_mark(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_ME) return false;
    return cp < 0x0800 || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

// ASCII letters and digits, as a table: split_words() asks it of every
// byte of a text.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return table;
}();

bool is_ascii_alnum(unsigned char c) { return kAsciiAlnum[c]; }

// Byte-level test on folded text: ASCII letters and digits, or any byte of a
// non-ASCII character (folding has already turned non-ASCII punctuation into
// ASCII or spaces).
bool is_word_byte(unsigned char c) { return is_ascii_alnum(c) || c >= 0x80; }

void push_ascii(std::u32string& out, const char* s) {
    for (; *s; ++s) out.push_back(static_cast<char32_t>(*s));
}

// Step 1: NFKC, case fold, marks stripped, punctuation folded.
std::string fold_code_points(std::string_view utf8) {
    std::u32string cps;
    cps.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_int32_t decomposed[32];
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        p += n;
        left -= n;
        // ASCII, most of any text: NFKC and case folding only lower-case it.
        if (cp < 0x80) {
            cps.push_back(static_cast<char32_t>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
            continue;
        }
        if (const CharFold* f = find_fold(static_cast<char32_t>(cp))) {
            if (f->to) push_ascii(cps, f->to);
            continue;
        }
        const auto count = utf8proc_decompose_char(
            cp, decomposed, 32,
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD), nullptr);
        if (count < 0 || count > 32) {
            cps.push_back(static_cast<char32_t>(cp));
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < count; ++k) {
            const auto d = static_cast<char32_t>(decomposed[k]);
            if (is_strippable_mark(d)) continue;
            if (const CharFold* f = find_fold(d)) {
                if (f->to) push_ascii(cps, f->to);
                continue;
            }
            // Compatibility spaces (no-break, thin, ideographic) become a plain space.
            cps.push_back(utf8proc_category(static_cast<utf8proc_int32_t>(d)) == UTF8PROC_CATEGORY_ZS ? U' ' : d);
        }
    }
    // Recompose what is left (Indic and other scripts keep their marks).
    std::vector<utf8proc_int32_t> buf(cps.begin(), cps.end());
    buf.push_back(0);
    const auto len = utf8proc_reencode(buf.data(), static_cast<utf8proc_ssize_t>(cps.size()),
                                       static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len < 0) return std::string(utf8);
    return std::string(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(len));
}

// Step 2 on folded text: possessives and dotted acronyms.
std::string fold_word_forms(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    const std::size_t n = s.size();
    auto at = [&](std::size_t i) -> unsigned char { return i < n ? static_cast<unsigned char>(s[i]) : ' '; };
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = at(i);
        const bool word_start = out.empty() || !is_word_byte(static_cast<unsigned char>(out.back()));
        // "u.s." / "u.n." -> "us" / "un": single letters each followed by a dot.
        if (word_start && c >= 'a' && c <= 'z' && at(i + 1) == '.' && at(i + 2) >= 'a' && at(i + 2) <= 'z' &&
            at(i + 3) == '.') {
            std::size_t j = i;
            std::string letters;
            auto letter_dot = [&](std::size_t k) { return at(k) >= 'a' && at(k) <= 'z' && at(k + 1) == '.'; };
            while (letter_dot(j)) {
                letters += static_cast<char>(at(j));
                j += 2;
            }
            if (letters.size() >= 2) {
                out += letters;
                i = j;
                continue;
            }
        }
        // "israel's" -> "israel", "hamas'" -> "hamas".
        if (c == '\'' && !out.empty() && is_word_byte(static_cast<unsigned char>(out.back()))) {
            if (at(i + 1) == 's' && !is_word_byte(at(i + 2))) {
                i += 2;
                continue;
            }
            if (out.back() == 's' && !is_word_byte(at(i + 1))) {
                i += 1;
                continue;
            }
        }
        out += static_cast<char>(c);
        ++i;
    }
    return out;
}

}  // namespace

bool is_cjk_code_point(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x2FDF) ||  // CJK radicals
           (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
           (cp >= 0x3100 && cp <= 0x312F) ||  // Bopomofo
           (cp >= 0x3130 && cp <= 0x318F) ||  // Hangul compatibility jamo
           (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
           (cp >= 0x20000 && cp <= 0x2FA1F);  // supplementary ideographs
}

bool contains_cjk(std::string_view utf8) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    auto left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) n = 1, cp = 0;
        if (is_cjk_code_point(static_cast<char32_t>(cp))) return true;
        p += n;
        left -= n;
    }
    return false;
}

bool is_word_code_point(char32_t cp) {
    if (cp < 0x80) return is_ascii_alnum(static_cast<unsigned char>(cp));
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO: return true;
        default: return false;
    }
}

namespace {

// Most news text is ASCII: lower-casing is all the first step does to it.
std::string fold_ascii(std::string_view ascii) {
    std::string out(ascii);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string fold_text(std::string_view utf8) {
    return fold_word_forms(is_ascii(utf8) ? fold_ascii(utf8) : fold_code_points(utf8));
}

std::vector<WordSpan> split_words(std::string_view utf8) {
    std::vector<WordSpan> words;
    words.reserve(utf8.size() / 5 + 1);  // news text: about six bytes a word with its space
    const auto* base = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    const std::size_t n = utf8.size();
    auto decode = [&](std::size_t at, utf8proc_int32_t& cp) -> std::size_t {
        const utf8proc_ssize_t len = utf8proc_iterate(base + at, static_cast<utf8proc_ssize_t>(n - at),
                                                      &cp);  // non-ASCII only
        if (len > 0) return static_cast<std::size_t>(len);
        cp = 0xFFFD;
        return 1;
    };
    auto next_is_word = [&](std::size_t at) {
        if (base[at] < 0x80) return is_ascii_alnum(base[at]);
        utf8proc_int32_t cp;
        decode(at, cp);
        return is_word_code_point(static_cast<char32_t>(cp));
    };
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t start = kNone;  // byte offset where the current word began
    bool plain = true;          // the current word so far: ASCII letters and digits
    auto end_word = [&](std::size_t at) {
        if (start != kNone) words.push_back({start, at, plain});
        start = kNone;
    };
    for (std::size_t i = 0; i < n;) {
        // Most news text is ASCII: a run of letters and digits needs no
        // decoder call.
        if (is_ascii_alnum(base[i])) {
            if (start == kNone) start = i, plain = true;
            while (++i < n && is_ascii_alnum(base[i])) {}
            continue;
        }
        utf8proc_int32_t cp = base[i];
        const std::size_t len = cp < 0x80 ? 1 : decode(i, cp);
        if (cp >= 0x2E80 && is_cjk_code_point(static_cast<char32_t>(cp))) {  // a word by itself
            end_word(i);
            words.push_back({i, i + len, false});
        } else if (cp >= 0x80 && is_word_code_point(static_cast<char32_t>(cp))) {
            if (start == kNone) start = i;
            plain = false;
        } else if (cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2010 || cp == 0x2011) {
            // Hyphens and apostrophes join two word characters into one word.
            if (start != kNone && (i + len >= n || !next_is_word(i + len))) end_word(i);
            plain = false;
        } else {
            end_word(i);
        }
        i += len;
    }
    end_word(n);
    return words;
}

std::string name_key(std::string_view name) {
    // One ASCII word, as most tokens are: its key is the word in lower case.
    if (std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_alnum(static_cast<unsigned char>(c)); }))
        return fold_ascii(name);
    // ASCII words and spaces ("Tony Blair", most names): fold_text() would
    // only lower-case them (no dot, no apostrophe for fold_word_forms()), so
    // they are lower-cased here, in the one pass that builds the key.
    const bool plain_words = std::all_of(
        name.begin(), name.end(), [](char c) { return c == ' ' || is_ascii_alnum(static_cast<unsigned char>(c)); });
    std::string folded_name;
    if (!plain_words) folded_name = fold_text(name);
    const std::string_view folded = plain_words ? name : std::string_view(folded_name);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (c != '.' && c != '\'' && c != ',') {
            out += plain_words && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.starts_with("the ")) out.erase(0, 4);
    return out;
}

void assign_name_key(std::string_view name, std::string& out) {
    // name_key()'s own fast path, without the temporary it returns.
    if (!std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_alnum(static_cast<unsigned char>(c)); })) {
        out = name_key(name);
        return;
    }
    out.assign(name);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::vector<WordSpan> find_compounds(std::string_view text) {
    std::vector<WordSpan> found;
    const auto word = [&](std::size_t k) {
        return k < text.size() && is_word_byte(static_cast<unsigned char>(text[k]));
    };
    std::size_t i = 0;
    while ((i = text.find('-', i)) != std::string_view::npos) {
        if (i == 0 || !word(i - 1) || !word(i + 1)) {
            ++i;
            continue;
        }
        std::size_t begin = i;
        const std::size_t floor = found.empty() ? 0 : found.back().end;
        while (begin > floor && (word(begin - 1) || text[begin - 1] == '-')) --begin;
        while (begin < i && text[begin] == '-') ++begin;
        std::size_t end = i;
        while (word(end) || (end < text.size() && text[end] == '-' && word(end + 1))) ++end;
        found.push_back({begin, end});
        i = end;
    }
    return found;
}

std::vector<std::string> compound_parts(std::string_view folded_word) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= folded_word.size()) {
        std::size_t dash = folded_word.find('-', pos);
        if (dash == std::string_view::npos) dash = folded_word.size();
        if (dash > pos) parts.emplace_back(folded_word.substr(pos, dash - pos));
        pos = dash + 1;
    }
    return parts;
}

std::string joined_form(std::string_view folded_word) {
    const auto parts = compound_parts(folded_word);
    if (parts.size() < 2) return "";
    std::string joined;
    for (const auto& p : parts) joined += p;
    return joined;
}

std::string entity_key(std::string_view name) {
    // The Arabic article is written al-, el-, El, Al: one spelling, so that
    // "El-Sisi" and "al-Sisi" are one name on both the index and the query side.
    std::string key = name_key(name);
    std::string out;
    std::size_t pos = 0;
    while (pos <= key.size()) {
        std::size_t sp = key.find(' ', pos);
        if (sp == std::string::npos) sp = key.size();
        const std::string_view w = std::string_view(key).substr(pos, sp - pos);
        if (!w.empty()) out.append(out.empty() ? "" : " ").append(w == "el" ? "al" : w);
        pos = sp + 1;
    }
    return out;
}

}  // namespace newsdex
