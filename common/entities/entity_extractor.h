// Finds the entities of one article in its text: locations (with their
// countries), demonyms, persons and organisations. Corpus-wide person
// resolution runs later, over the whole index (common/index/corpus_passes.h).
// Deterministic: the result depends on the article text
// and the compiled-in gazetteer only.
#pragma once

#include <string>
#include <vector>

#include "common/entities/date_inference.h"
#include "common/entities/evidence.h"
#include "common/entities/gazetteer.h"
#include "common/entities/person_names.h"
#include "common/reading/article.h"

namespace newsdex {

struct ArticleEntities {
    std::vector<std::string> locations;                     // canonical place names, in order of first mention
    std::vector<std::string> countries;                     // ISO 3166-1 alpha-2 codes, sorted
    std::vector<std::string> persons;                       // fullest form in the article, in order of first mention
    std::map<std::string, PersonEvidence> person_evidence;  // every name of two or more words, kept or not
    std::vector<std::string> organizations;  // canonical when well known ("European Union"), in order of first mention
    std::vector<DateMention> date_mentions;  // every date the text mentions (date_inference.h)
};

// Why each entity was found (newsdex-search --get ID --why): spans are
// byte offsets into `text`, the title and body as the extractor read them.
struct ArticleEvidence {
    std::string text;
    EvidenceMap persons, locations, organizations;
};

// With `why`, also the evidence of each entity (slower: for explaining one
// article, never for indexing).
ArticleEntities extract_entities(const Article& article, const Gazetteer& gazetteer = Gazetteer::standard(),
                                 ArticleEvidence* why = nullptr);

}  // namespace newsdex
