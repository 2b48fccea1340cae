// The words of a text as the entity rules see them: each with its byte
// offsets, its gazetteer key (folded once, here), its case and what stands
// between it and the previous word (a sentence end, a hyphen, a quotation
// mark). Every rule in this folder (places, persons, organisations, dates)
// reads these tokens, so this is the one place text is cut into words for
// them. Pure functions: safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// A word of text as entity rules see it.
struct EntityToken {
    std::string text;
    std::string key;                  // Gazetteer::key(text), computed once
    std::size_t begin = 0, end = 0;   // byte offsets
    bool capitalized = false;         // first letter upper case
    bool all_caps = false;            // every letter upper case
    bool sentence_start = false;      // first word of a sentence, line or quotation
    bool hyphen_before = false;       // joined to the previous word by a hyphen ("Egypt-Gaza")
    bool punctuation_before = false;  // more than white space since the previous word ("Cairo, Egypt")
    bool quote_before = false;        // a quotation mark since the previous word
    bool work_title = false;          // inside a title-case title of a work ("Georgia On My Mind"): no entity
    bool in_headline = false;         // in the article's headline, set by the extractor (entity_text)
};
std::vector<EntityToken> entity_tokens(std::string_view text);

// Whether a word ends in a possessive "'s" (or "’s") after at least one
// letter: "Blair's", not "'s" alone. Asked of most capitalised words by the
// place and person rules, so it copies nothing.
inline bool has_possessive(std::string_view w) {
    return (w.size() > 2 && w.ends_with("'s")) || (w.size() > 4 && w.ends_with("\xE2\x80\x99s"));
}

// "G Thomas", "J. Smith": a single capital letter, with or without its dot,
// standing for a given name. ("A" and "I" as words are sentence openers,
// dropped before the person rules ask this.)
inline bool is_initial(const EntityToken& t) {
    const std::string_view w = t.text;
    return (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && w[0] >= 'A' && w[0] <= 'Z';
}

}  // namespace newsdex
