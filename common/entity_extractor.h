// Finds the entities of one article in its text: locations (with their
// countries), demonyms, persons and organisations. Corpus-wide person
// resolution runs later, over the whole index (person_resolution.h). Deterministic: the result depends on the article text
// and the compiled-in gazetteer only.
#pragma once

#include <string>
#include <vector>

#include "common/article.h"
#include "common/date_inference.h"
#include "common/gazetteer.h"

namespace newsdex {

struct ArticleEntities {
    std::vector<std::string> locations;      // canonical place names, in order of first mention
    std::vector<std::string> countries;      // ISO 3166-1 alpha-2 codes, sorted
    std::vector<std::string> persons;        // fullest form in the article, in order of first mention
    std::vector<std::string> organizations;  // canonical when well known ("European Union"), in order of first mention
    std::vector<DateMention> date_mentions;  // every date the text mentions (date_inference.h)
};

ArticleEntities extract_entities(const Article& article, const Gazetteer& gazetteer = Gazetteer::standard());

// A word of text as entity rules see it. Exposed for tests.
struct EntityToken {
    std::string text;
    std::string key;                 // Gazetteer::key(text), computed once
    std::size_t begin = 0, end = 0;  // byte offsets
    bool capitalized = false;        // first letter upper case
    bool all_caps = false;           // every letter upper case
    bool sentence_start = false;     // first word of a sentence, line or quotation
    bool hyphen_before = false;      // joined to the previous word by a hyphen ("Egypt-Gaza")
    bool punctuation_before = false; // more than white space since the previous word ("Cairo, Egypt")
    bool quote_before = false;       // a quotation mark since the previous word
    bool work_title = false;         // inside a title-case title of a work ("Georgia On My Mind"): no entity
};
std::vector<EntityToken> entity_tokens(std::string_view text);

}  // namespace newsdex
