// Why an indexed article has each of its entity and date values, for
// `newsdex-search --get ID --why`: the stored text is read again with the
// extraction's evidence on (common/entities/evidence.h), and each stored
// value is matched to the rule and the words that gave it, or to what the
// index did across articles (person resolution, docs/entities.md), or to
// the overrides file. docs/overrides.md shows how to correct a wrong one.
#pragma once

#include <string>
#include <vector>

#include "common/reading/article.h"

namespace newsdex {

struct EntityExplanation {
    std::string field;  // "person", "location", "org", "country", "date"
    std::string value;  // as the article shows it; for a left-out mention, the mention
    std::string rule;   // the rule, in a reader's words
    std::string text;   // the words it rests on, cut around the mention; empty when none
};

// In the order the article view lists fields; each field's values in the
// article's order, then any mention that person resolution left out.
std::vector<EntityExplanation> explain_entities(const Article& stored);

}  // namespace newsdex
