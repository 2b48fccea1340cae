#include "common/search/snippet.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>

#include "common/analysis/stemmer.h"
#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";  // U+00A0, white space to a reader

// Appends text with runs of white space (newlines and no-break spaces
// included) folded to one space, shifting nothing else: highlights are
// recorded on the output.
void append_collapsed(std::string& out, std::string_view text) {
    for (std::size_t k = 0; k < text.size(); ++k) {
        const bool no_break = text.substr(k).starts_with(kNoBreakSpace);
        if (is_space(text[k]) || no_break) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            k += no_break ? 1 : 0;
        } else {
            out += text[k];
        }
    }
}

// Most words of an article are ASCII letters and digits. Such a word folds
// to its lower case, and an English stem keeps the first two letters of its
// word, but for the second letter of "dying", "lying" and "tying" ("die"):
// so such a word can only match a query word that starts with the same two
// letters. word_start() gives them as one number (a one-letter word's
// second byte is 0); any other word may match whatever it starts with.
std::uint16_t word_start(char first, char second) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(first) << 8 | static_cast<unsigned char>(second));
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

MatchedWords::MatchedWords(const Xapian::Query& query) {
    const std::string stem(schema::kStemPrefix);
    const std::string title(schema::kTitlePrefix);
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
        std::string term = *it;
        const bool stemmed = term.starts_with(stem);
        if (stemmed) term.erase(0, stem.size());
        if (term.starts_with(title)) term.erase(0, title.size());
        // Other prefixed terms are filters (ids, dates), not words to highlight.
        if (term.empty() || (!stemmed && std::isupper(static_cast<unsigned char>(term[0])))) continue;
        add_start(term, stemmed);
        if (stemmed) {
            stem_initials_.set(static_cast<unsigned char>(term[0]));
            stems_.insert(term);
        } else {
            plain_.insert(term);
        }
    }
}

void MatchedWords::add_start(const std::string& term, bool stem) {
    if (term.size() == 1) {  // a one-letter word, or any word that stems to one letter
        for (unsigned second = 0; second < 256; ++second) starts_.set(word_start(term[0], static_cast<char>(second)));
        return;
    }
    starts_.set(word_start(term[0], term[1]));
    if (stem && term[1] == 'i') starts_.set(word_start(term[0], 'y'));  // "die" from "dying"
}

bool MatchedWords::may_match(std::string_view raw_word) const {
    return may_match(raw_word, !raw_word.empty() && std::all_of(raw_word.begin(), raw_word.end(), is_ascii_alnum));
}

bool MatchedWords::may_match(std::string_view raw_word, bool plain_ascii) const {
    if (!plain_ascii) return true;  // only a plain word surely starts as its folded and stemmed forms do
    return starts_.test(word_start(ascii_lower(raw_word[0]), raw_word.size() > 1 ? ascii_lower(raw_word[1]) : '\0'));
}

bool MatchedWords::matches(std::string_view raw_word) const {
    // One per thread: a Xapian::Stem keeps its working buffers inside, so a
    // shared one corrupts memory under newsdex-search --batch --jobs N.
    static thread_local const Xapian::Stem stemmer = english_stemmer();
    if (!may_match(raw_word)) return false;
    const std::string folded = fold_text(raw_word);
    auto hit = [&](const std::string& w) {
        return plain_.count(w) ||
               (!w.empty() && stem_initials_.test(static_cast<unsigned char>(w[0])) && stems_.count(stemmer(w)));
    };
    if (hit(folded)) return true;
    const auto parts = compound_parts(folded);
    if (parts.size() < 2) return false;
    if (hit(joined_form(folded))) return true;
    for (const auto& p : parts)
        if (hit(p)) return true;
    return false;
}

namespace {

// Where a passage must not run on: a line break after a line that does not
// end a sentence. Captions, subheads and headlines ("… in Jerusalem on
// Monday. AFP", "US Secretary of State to meet key opposition figure") then
// never run into the text after them.
std::vector<std::pair<std::size_t, std::size_t>> passage_blocks(std::string_view text,
                                                                const std::vector<WordSpan>& words) {
    std::vector<std::pair<std::size_t, std::size_t>> blocks;  // word ranges [first, last)
    std::size_t first = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string_view gap = text.substr(words[i - 1].end, words[i].begin - words[i - 1].end);
        const std::size_t line_end = gap.find('\n');
        if (line_end == std::string_view::npos) continue;
        std::string_view closing = trim(gap.substr(0, line_end));  // the punctuation closing the line
        while (closing.ends_with(kNoBreakSpace)) closing = trim(closing.substr(0, closing.size() - 2));
        const char last = closing.empty() ? text[words[i - 1].end - 1] : closing.back();
        if (is_sentence_end(last)) continue;
        blocks.emplace_back(first, i);
        first = i;
    }
    blocks.emplace_back(first, words.size());
    return blocks;
}

// The best passage of at most `max_words` words within one block: most
// distinct matched words, then most matches, earliest; the matched words
// centred in it (at most 4 words of lead-in), so it reads as context around
// them. One sliding pass per block keeps this linear in the article length.
std::pair<std::size_t, std::size_t> best_passage(std::string_view text, const std::vector<WordSpan>& words,
                                                 const std::vector<int>& match_key, std::size_t max_words) {
    std::vector<int> in_window(words.size(), 0);  // per match key
    long distinct = 0, total = 0;
    auto enter = [&](std::size_t i) {
        if (match_key[i] < 0) return;
        ++total;
        if (in_window[match_key[i]]++ == 0) ++distinct;
    };
    auto leave = [&](std::size_t i) {
        if (match_key[i] < 0) return;
        --total;
        if (--in_window[match_key[i]] == 0) --distinct;
    };
    std::size_t best_start = 0, best_window = std::min(max_words, words.size());
    std::size_t block_first = 0, block_last = words.size();  // the best window's block
    long best_score = -1;
    for (const auto& [first, last] : passage_blocks(text, words)) {
        const std::size_t window = std::min(max_words, last - first);
        for (std::size_t i = first; i < first + window; ++i) enter(i);
        for (std::size_t s = first;; ++s) {
            // A longer block wins a tie between matches: a one-line caption
            // is a poor passage. With no match at all, the first block: the
            // start of the text, as snippet.h promises.
            const long score = distinct * 1000 + total;
            if (score > best_score || (score == best_score && score > 0 && window > best_window)) {
                best_score = score, best_start = s, best_window = window;
                block_first = first, block_last = last;
            }
            if (s + window >= last) break;
            leave(s);
            enter(s + window);
        }
        for (std::size_t i = last - window; i < last; ++i) leave(i);
    }
    std::size_t first_match = best_start, last_match = best_start;
    for (std::size_t i = best_start; i < best_start + best_window; ++i) {
        if (match_key[i] < 0) continue;
        if (match_key[first_match] < 0) first_match = i;
        last_match = i;
    }
    if (match_key[first_match] >= 0) {
        const std::size_t slack = best_window - (last_match - first_match + 1);
        const std::size_t lead = std::min<std::size_t>({slack / 2, 4, first_match - block_first});
        best_start = std::min(first_match - lead, block_last - best_window);
    }
    return {best_start, best_window};
}

}  // namespace

Snippet make_snippet(std::string_view text, const MatchedWords& matched, std::size_t max_words) {
    const auto words = split_words(text);
    if (words.empty()) return {};

    // Which words match, and a key per matched word to count distinct ones.
    std::vector<int> match_key(words.size(), -1);
    if (!matched.empty()) {
        std::unordered_map<std::string, int> keys;
        std::unordered_map<std::string_view, bool> seen;  // raw word -> matches
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string_view raw = text.substr(words[i].begin, words[i].end - words[i].begin);
            if (!matched.may_match(raw, words[i].plain_ascii)) continue;
            auto [it, fresh] = seen.try_emplace(raw, false);
            if (fresh) it->second = matched.matches(raw);
            if (!it->second) continue;
            auto [k, added] = keys.try_emplace(fold_text(raw), static_cast<int>(keys.size()));
            match_key[i] = k->second;
        }
    }

    const auto [best_start, window] = best_passage(text, words, match_key, max_words);
    const std::size_t end = best_start + window;

    Snippet snippet;
    if (best_start > 0) snippet.text = kEllipsis + " ";
    std::size_t cursor = words[best_start].begin;
    for (std::size_t i = best_start; i < end; ++i) {
        append_collapsed(snippet.text, text.substr(cursor, words[i].begin - cursor));
        const std::size_t hl_begin = snippet.text.size();
        append_collapsed(snippet.text, text.substr(words[i].begin, words[i].end - words[i].begin));
        if (match_key[i] >= 0) snippet.highlights.emplace_back(hl_begin, snippet.text.size());
        cursor = words[i].end;
    }
    // Keep the punctuation that closes the last word ("deal." or "deal,").
    while (cursor < text.size() && !is_space(text[cursor]) && !text.substr(cursor).starts_with(kNoBreakSpace) &&
           (cursor < words[end - 1].end + 4 || (static_cast<unsigned char>(text[cursor]) & 0xC0) == 0x80)) {
        snippet.text += text[cursor++];
    }
    if (end < words.size()) snippet.text += " " + kEllipsis;
    return snippet;
}

}  // namespace newsdex
