#include "common/entities/entity_tokens.h"

#include <algorithm>

#include <utf8proc.h>

#include "common/base/strings.h"
#include "common/base/text_folding.h"

namespace newsdex {

namespace {

char32_t decode_at(std::string_view text, std::size_t i, std::size_t& len) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    len = n > 0 ? static_cast<std::size_t>(n) : 1;
    return n > 0 ? static_cast<char32_t>(cp) : U'?';
}

bool is_upper(char32_t cp) { return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp)); }
bool is_letter(char32_t cp) {
    const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

// Does a curly quotation mark whose last byte is `last` start at gap[i]?
// (U+201C, U+201D, U+2018, U+2019 are E2 80 9C, 9D, 98, 99.)
bool curly_quote_at(std::string_view gap, std::size_t i, unsigned char last) {
    return i + 2 < gap.size() && gap[i] == '\xE2' && gap[i + 1] == '\x80' &&
           static_cast<unsigned char>(gap[i + 2]) == last;
}

// Does the gap between two words end a sentence (or start a quotation or
// line)? One pass over the gap (a gap is asked about for every word).
bool ends_sentence(std::string_view gap) {
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || curly_quote_at(gap, i, 0x9C))
            return true;
    }
    return false;
}

// The bytes of a possessive's "'s" (or "’s") ending w; 0 when none.
std::size_t possessive_suffix(std::string_view w) {
    if (w.size() < 2 || w.back() != 's') return 0;  // asked of every token: most end otherwise
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"})
        if (w.ends_with(suffix)) return suffix.size();
    return 0;
}

bool possessive_word(std::string_view w) { return possessive_suffix(w) > 0; }

// A possessive's "s" says nothing of the case of the name: "BBC's" and
// "NATO's" are acronyms in capitals, as "BBC" and "NATO".
std::size_t letters_of_name(std::string_view w) {
    const std::size_t suffix = possessive_suffix(w);
    return w.size() > suffix ? w.size() - suffix : w.size();
}

void classify(EntityToken& t) {
    bool first = true, any_letter = false, all_upper = true;
    for (std::size_t i = 0, len = 0, n = letters_of_name(t.text); i < n; i += len) {
        const auto byte = static_cast<unsigned char>(t.text[i]);
        if (byte < 0x80) {  // most news text is ASCII: no decoder call
            len = 1;
            const bool upper = byte >= 'A' && byte <= 'Z', lower = byte >= 'a' && byte <= 'z';
            if (!upper && !lower) continue;
            if (first) t.capitalized = upper;
            first = false;
            any_letter = true;
            all_upper = all_upper && upper;
            continue;
        }
        const char32_t cp = decode_at(t.text, i, len);
        if (!is_letter(cp)) continue;
        if (first) t.capitalized = is_upper(cp);
        first = false;
        any_letter = true;
        all_upper = all_upper && is_upper(cp);
    }
    t.all_caps = any_letter && all_upper;
}

// Function words that sentence case writes in lower case inside a name
// ("Bank of England", "Isle of Man") but title case capitalises in the title
// of a song, film, book or game ("Georgia On My Mind", "Hit The Road Jack").
bool is_title_case_function_word(std::string_view w) {
    static const WordSet kWords{"The",  "Of",  "On",  "In", "And",  "To",   "For", "With", "At",
                                "From", "By",  "My",  "Me", "Your", "You",  "It",  "Is",   "Us",
                                "We",   "Her", "His", "A",  "An",   "Into", "Over"};
    return kWords.contains(w);
}

// A headline written in title case capitalises every word: no work's title there.
bool in_title_case_line(const std::vector<EntityToken>& t, std::size_t i, std::string_view text) {
    const std::size_t line_begin = text.rfind('\n', t[i].begin);
    const std::size_t from = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    const std::size_t to = std::min(text.find('\n', t[i].begin), text.size());
    std::size_t words = 0, capitalised = 0;
    for (std::size_t k = i; k > 0 && t[k - 1].begin >= from; --k) words += 1, capitalised += t[k - 1].capitalized;
    for (std::size_t k = i; k < t.size() && t[k].end <= to; ++k) words += 1, capitalised += t[k].capitalized;
    return words >= 3 && capitalised * 10 >= words * 7;
}

// "… recorded Georgia On My Mind and Hit The Road Jack": a capitalised run
// with a capitalised function word inside (not its first or last word) is
// the title of a work; nothing in it is a person, place or organisation.
// A possessive ends a run ("MTV's The Osbournes": MTV stays an organisation).
void mark_work_titles(std::vector<EntityToken>& t, std::string_view text) {
    for (std::size_t b = 0; b < t.size();) {
        if (!t[b].capitalized || (t[b].all_caps && t[b].text.size() > 1)) {
            ++b;
            continue;
        }  // "DS The UK": acronyms are no title words
        std::size_t e = b + 1;
        while (e < t.size() && t[e].capitalized && !t[e].sentence_start && !t[e].punctuation_before &&
               !possessive_word(t[e - 1].text) && !(t[e].all_caps && t[e].text.size() > 1))
            ++e;
        bool cue = false;
        for (std::size_t k = b + 1; k + 1 < e && !cue; ++k)
            cue = !t[k].hyphen_before && is_title_case_function_word(t[k].text);
        if (cue && !in_title_case_line(t, b, text))
            for (std::size_t k = b; k < e; ++k) t[k].work_title = true;
        b = e;
    }
}

}  // namespace

// A straight or curly quotation mark or apostrophe in the gap, in one pass.
bool has_quotation_mark(std::string_view gap) {
    for (std::size_t i = 0; i < gap.size(); ++i)
        if (gap[i] == '"' || gap[i] == '\'' || curly_quote_at(gap, i, 0x9C) || curly_quote_at(gap, i, 0x9D) ||
            curly_quote_at(gap, i, 0x98) || curly_quote_at(gap, i, 0x99))
            return true;
    return false;
}

std::vector<EntityToken> entity_tokens(std::string_view text) {
    const std::vector<WordSpan> words = split_words(text);
    std::vector<EntityToken> tokens;
    tokens.reserve(words.size() + words.size() / 8);  // compounds split into parts
    std::size_t gap_start = 0;
    for (const WordSpan& w : words) {
        // Split compounds: "Egypt-Gaza" is two places; keep the hyphen as a flag.
        std::size_t part_begin = w.begin;
        for (std::size_t i = w.begin; i <= w.end; ++i) {
            if (i < w.end && text[i] != '-') continue;
            if (i > part_begin) {
                // Built in place: moving a token copies both its short strings.
                const bool first = tokens.empty();
                EntityToken& t = tokens.emplace_back();
                t.begin = part_begin;
                t.end = i;
                t.text.assign(text.data() + part_begin, i - part_begin);
                const std::string_view gap = text.substr(gap_start, part_begin - gap_start);
                t.hyphen_before = part_begin > w.begin;
                t.sentence_start = first || (!t.hyphen_before && ends_sentence(gap));
                t.punctuation_before = !t.hyphen_before && gap.find_first_not_of(" \t") != std::string_view::npos;
                t.quote_before = t.punctuation_before && has_quotation_mark(gap);
                classify(t);
                gap_start = i;
            }
            part_begin = i + 1;
        }
    }
    // "U.S." and "U.K.": single capitals with dots are one word; merged in place.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // Most tokens stay where they are: moved only after a merge.
        if (kept != i) tokens[kept] = std::move(tokens[i]);
        EntityToken& t = tokens[kept];
        bool merged = false;  // words have no dots (split_words): only a merged token has one
        while (t.text.size() <= 3 && t.all_caps && t.end < text.size() && text[t.end] == '.' && i + 1 < tokens.size() &&
               tokens[i + 1].begin == t.end + 1 && tokens[i + 1].all_caps && tokens[i + 1].text.size() == 1) {
            ++i;
            t.text += "." + tokens[i].text;
            t.end = tokens[i].end;
            merged = true;
        }
        if (merged && t.end < text.size() && text[t.end] == '.') {
            t.text += ".";
            ++t.end;
        }
        assign_name_key(t.text, t.key);  // Gazetteer::key(t.text)
        ++kept;
    }
    tokens.resize(kept);
    mark_work_titles(tokens, text);
    return tokens;
}

}  // namespace newsdex
