// Small ASCII string helpers shared by the readers.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/key_table.h"

namespace newsdex {

// Without leading and trailing ASCII white space.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// The non-empty items of a list such as "harbour, strike, Kelmouth",
// trimmed, in order: keyword and tag lists as pages and feeds write them.
inline std::vector<std::string> comma_list(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= s.size();) {
        const std::size_t end = std::min(s.find(',', start), s.size());
        if (const std::string_view item = trim(s.substr(start, end - start)); !item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

// Whether `path` is `folder` or below it ("/a/b/c" is under "/a/b", "/a/bc" is not).
inline bool is_path_under(std::string_view path, std::string_view folder) {
    return path == folder || (path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/');
}

// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
// Runs of ASCII white space (tabs, line breaks) made one space, and trimmed:
// a title or a byline is one line.
inline std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// An ASCII capital in lower case, any other byte as it is: not
// std::tolower, which looks up the locale.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = ascii_lower(c);
    return out;
}

// a == b, ASCII letters compared without case; no copy (lower_ascii(a) ==
// lower_ascii(b) allocated twice, in loops over every pair of names).
inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// True if w equals one of the words: for the small word lists of the rules.
// string_view elements: literal lengths are known at compile time, so a
// mismatch costs a size comparison, not a strlen.
// Whether `s` is one or more ASCII digits ("2004", "4410"; not "", "4a").
inline bool all_ascii_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
    for (std::string_view x : words)
        if (w == x) return true;
    return false;
}

// A fixed word list for a test run on every token: built once (make it a
// function-local static) and looked up by hash. is_one_of() builds its list
// on every call (g++ 12 copies the braced list to the stack), which costs
// more than the test itself once a list has more than a handful of words.
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) {  // literals: they outlive the set
        for (const std::string_view w : words) {
            words_.try_emplace(w, true);
            lengths_ |= std::uint64_t{1} << std::min<std::size_t>(w.size(), 63);
            if (!w.empty()) first_bytes_[first_byte(w) >> 6] |= std::uint64_t{1} << (first_byte(w) & 63);
        }
    }
    // Most words asked about are in no list: a word whose length or first
    // byte no listed word has is answered without hashing it (the rules ask
    // several lists about every word of a text).
    bool contains(std::string_view w) const {
        if (!(lengths_ >> std::min<std::size_t>(w.size(), 63) & 1)) return false;
        if (!w.empty() && !(first_bytes_[first_byte(w) >> 6] >> (first_byte(w) & 63) & 1)) return false;
        return words_.contains(w);
    }

private:
    static unsigned first_byte(std::string_view w) { return static_cast<unsigned char>(w[0]); }

    KeyTable<std::string_view, bool> words_;
    std::uint64_t lengths_ = 0;                    // bit n: a word of n bytes (63: 63 or more)
    std::uint64_t first_bytes_[4] = {0, 0, 0, 0};  // bit b: a word opening with byte b
};

// Whether text ending in this byte ends a sentence: a full stop, a question
// or exclamation mark, or a closing quote (ASCII, or the last byte of ” and
// ’). A line that does not is a headline, a caption credit or a subhead.
inline bool is_sentence_end(char last) {
    return last == '.' || last == '!' || last == '?' || last == '"' || last == '\x9D' || last == '\x99';
}

// A line written in capitals, as wire headlines are ("GREENSPAN CUTS SHORT
// DALLAS TRIP"): at least two words with an ASCII letter, and no lower-case
// ASCII letter. Other letters decide nothing ("ZÜRICH TALKS" is in capitals).
inline bool written_in_capitals(std::string_view line) {
    std::size_t words = 0;
    bool letter = false;  // the current word has an ASCII letter
    for (const char c : line) {
        if (c >= 'a' && c <= 'z') return false;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            words += letter ? 1 : 0;
            letter = false;
        } else if (c >= 'A' && c <= 'Z') {
            letter = true;
        }
    }
    return words + (letter ? 1 : 0) >= 2;
}

// 64-bit FNV-1a of the bytes: a stable hash (the same on every machine and
// build, unlike std::hash) for ids cut to Xapian's term length, for noticing
// that an input changed and for the facet pack's value keys. Not for
// adversaries: anyone can make two inputs collide, so a user of it that
// must be exact checks a match (as facet counting does).
inline std::uint64_t stable_hash64(std::string_view bytes, std::uint64_t seed = 1469598103934665603ULL) {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}
// The same as 16 lower-case hex digits.
inline std::string stable_hash_hex(std::string_view bytes, std::uint64_t seed = 1469598103934665603ULL) {
    const std::uint64_t h = stable_hash64(bytes, seed);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace newsdex
