// Text normalisation shared, byte for byte, by the index side and the query
// side. Xapian 1.4 folds case but not accents, treats curly and straight
// apostrophes differently and keeps "Israel's" apart from "Israel", so
// newsdex folds text itself before Xapian's TermGenerator or QueryParser see it:
//   - Unicode compatibility normalisation (NFKC), lower case;
//   - accents and other combining marks on Latin, Greek, Cyrillic, Arabic and
//     Hebrew letters removed ("José" -> "jose"), special letters spelled out
//     ("ß" -> "ss", "ø" -> "o");
//   - curly quotes and apostrophes made straight, hyphen-like dashes made "-",
//     en and em dashes made spaces, soft hyphens and zero-width marks dropped;
//   - possessives reduced to the name ("israel's", "hamas'" -> "israel", "hamas");
//   - dotted acronyms joined ("U.S." -> "us").
// Hyphens between letters are kept: compounds are handled by the indexer and
// the query builder (see find_compounds(), compound_parts(), joined_form()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

std::string fold_text(std::string_view utf8);

// A word of raw (unfolded) text, as byte offsets into that text. Hyphenated
// compounds ("cease-fire", "El-Sisi") are one word.
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    // ASCII letters and digits only: the word folds to its lower case, and
    // a reader of many words (snippets) can skip most without folding them.
    bool plain_ascii = false;
};
std::vector<WordSpan> split_words(std::string_view utf8);

// Hyphenated compounds ("cease-fire", "state-of-the-art") in folded text, in
// order. The one definition of a compound both the indexer and the query
// builder use.
std::vector<WordSpan> find_compounds(std::string_view folded);

// The parts of a folded compound word: "cease-fire" -> {"cease", "fire"}.
// A word without inner hyphens gives one part.
std::vector<std::string> compound_parts(std::string_view folded_word);

// The form a hyphenated compound is also indexed under: "cease-fire" ->
// "ceasefire", so that it matches the solid spelling. Empty for non-compounds.
std::string joined_form(std::string_view folded_word);

// The form names are compared and indexed in: folded, hyphens as spaces,
// dots and apostrophes dropped, a leading "the " dropped:
// "Abdel Fattah El-Sisi" -> "abdel fattah el sisi", "the U.S." -> "us".
std::string name_key(std::string_view name);
// name_key(name) written into `out`, reusing its buffer: for a key per word
// of a text (entity tokens), where a returned string costs a copy.
void assign_name_key(std::string_view name, std::string& out);

// The folded form entity names are matched and indexed in: name_key() with
// the Arabic article spelt "al": "Abdel Fattah El-Sisi" -> "abdel fattah al
// sisi". The index's entity terms, the query's entity filters, facets and
// entity overrides all compare names in this form.
std::string entity_key(std::string_view name);

// True for a code point that belongs inside a word (letters, digits, marks).
bool is_word_code_point(char32_t cp);

// Chinese, Japanese and Korean characters: written without spaces, indexed
// by Xapian as n-grams, so newsdex treats each one as a word of its own.
bool is_cjk_code_point(char32_t cp);
bool contains_cjk(std::string_view utf8);

}  // namespace newsdex
