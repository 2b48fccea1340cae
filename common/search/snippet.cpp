#include "common/search/snippet.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "common/analysis/stemmer.h"
#include "common/base/text_folding.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Appends text with runs of white space (newlines included) folded to one
// space, shifting nothing else: highlights are recorded on the output.
void append_collapsed(std::string& out, std::string_view text) {
    for (char c : text) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

// Most words of an article are ASCII letters and digits. Such a word folds
// to its lower case, and its stem keeps that first letter, so it can only
// match a query word with the same first letter: this gives that letter
// without folding, or 0 for any other word.
unsigned char ascii_word_initial(std::string_view word) {
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    return plain ? static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(word[0]))) : 0;
}

}  // namespace

MatchedWords::MatchedWords(const Xapian::Query& query) {
    const std::string stem(schema::kStemPrefix);
    const std::string title(schema::kTitlePrefix);
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
        std::string term = *it;
        if (term.starts_with(stem)) {
            term.erase(0, stem.size());
            if (term.starts_with(title)) term.erase(0, title.size());
            if (!term.empty()) stem_initials_.set(static_cast<unsigned char>(term[0]));
            if (!term.empty()) initials_.set(static_cast<unsigned char>(term[0]));
            stems_.insert(term);
            continue;
        }
        if (term.starts_with(title)) term.erase(0, title.size());
        // Other prefixed terms are filters (ids, dates), not words to highlight.
        if (!term.empty() && std::isupper(static_cast<unsigned char>(term[0]))) continue;
        if (!term.empty()) initials_.set(static_cast<unsigned char>(term[0]));
        plain_.insert(term);
    }
}

bool MatchedWords::may_match(std::string_view raw_word) const {
    const unsigned char initial = ascii_word_initial(raw_word);
    return !initial || initials_.test(initial);
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
            if (!matched.may_match(raw)) continue;
            auto [it, fresh] = seen.try_emplace(raw, false);
            if (fresh) it->second = matched.matches(raw);
            if (!it->second) continue;
            auto [k, added] = keys.try_emplace(fold_text(raw), static_cast<int>(keys.size()));
            match_key[i] = k->second;
        }
    }

    // Best window: most distinct matched words, then most matches, earliest.
    // One pass with a sliding window keeps this linear in the article length.
    const std::size_t window = std::min(max_words, words.size());
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
    for (std::size_t i = 0; i < window; ++i) enter(i);
    std::size_t best_start = 0;
    long best_score = distinct * 1000 + total;
    for (std::size_t s = 1; s + window <= words.size(); ++s) {
        leave(s - 1);
        enter(s + window - 1);
        if (const long score = distinct * 1000 + total; score > best_score) {
            best_score = score;
            best_start = s;
        }
    }
    // Centre the matched words in the window (at most 4 words of lead-in),
    // so the passage reads as context around them rather than ending on them.
    std::size_t first_match = best_start, last_match = best_start;
    for (std::size_t i = best_start; i < best_start + window; ++i) {
        if (match_key[i] < 0) continue;
        if (match_key[first_match] < 0) first_match = i;
        last_match = i;
    }
    if (match_key[first_match] >= 0) {
        const std::size_t slack = window - (last_match - first_match + 1);
        const std::size_t lead = std::min<std::size_t>(slack / 2, 4);
        best_start = std::min(first_match - std::min(lead, first_match), words.size() - window);
    }
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
    while (cursor < text.size() && !is_space(text[cursor]) &&
           (cursor < words[end - 1].end + 4 || (static_cast<unsigned char>(text[cursor]) & 0xC0) == 0x80)) {
        snippet.text += text[cursor++];
    }
    if (end < words.size()) snippet.text += " " + kEllipsis;
    return snippet;
}

}  // namespace newsdex
