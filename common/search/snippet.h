// Snippets with highlights for a hit. Xapian's MSet::snippet re-tokenises raw
// text and misses matches made through folding, compound joining and stemming,
// so newsdex highlights words itself: each word of the stored text is folded
// and stemmed the way the indexer did it and compared with the query's terms.
#pragma once

#include <bitset>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte [begin, end) into text
};

// The words a query matches, without field prefixes, unstemmed and stemmed.
class MatchedWords {
public:
    explicit MatchedWords(const Xapian::Query& query);
    // True if the raw word (as written in the article) matches the query.
    bool matches(std::string_view raw_word) const;
    // False when the word surely does not match: a cheap test without
    // folding or stemming, for the bulk of an article's words.
    bool may_match(std::string_view raw_word) const;
    // The same for a word split_words() found, which knows whether it is
    // of ASCII letters and digits only.
    bool may_match(std::string_view raw_word, bool plain_ascii) const;
    bool empty() const { return plain_.empty() && stems_.empty(); }

private:
    void add_start(const std::string& term, bool stem);

    std::set<std::string> plain_;
    std::set<std::string> stems_;
    // The first bytes of stems_: English stems keep a word's first letter,
    // so a word starting otherwise needs no stemming.
    std::bitset<256> stem_initials_;
    // The first two bytes of every word that may match (ascii_word_start()
    // in snippet.cpp): most of an article's words start otherwise, and
    // may_match() turns them away without folding, stemming or hashing.
    std::bitset<1 << 16> starts_;
};

// The best passage of about `max_words` words: the one with most distinct
// matched words, earliest on ties. With no match, the start of the text.
Snippet make_snippet(std::string_view text, const MatchedWords& words, std::size_t max_words = 36);

}  // namespace newsdex
