// Article -> Xapian::Document: the analysis step of indexing. Folds the text
// (text_folding.h), runs Xapian's TermGenerator (English Snowball stemmer,
// positions, CJK n-grams) over title and body, adds the joined form of every
// hyphenated compound, the entities (entity_extractor.h) as filter terms, the
// date terms and values, and the stored record, all
// through schema.h.
//
// Not thread-safe: one ArticleAnalyzer per thread.
#pragma once

#include <string_view>

#include <xapian.h>

#include "common/article.h"
#include "common/overrides.h"

namespace newsdex {

class ArticleAnalyzer {
public:
    // Without entity extraction the article's entity lists are indexed as
    // given (for benchmarks and for re-analysis after a corpus-wide pass).
    explicit ArticleAnalyzer(bool extract_entities = true, const Overrides* overrides = nullptr);
    Xapian::Document analyze(const Article& article);

    // Indexes folded text with `prefix`, adding compound joins. Exposed for tests.
    void index_folded_text(Xapian::Document& doc, std::string_view folded, std::string_view prefix,
                           Xapian::termcount wdf_inc);

private:
    Xapian::TermGenerator termgen_;
    Xapian::Stem stemmer_;
    bool extract_entities_;
    const Overrides* overrides_;  // not owned; may be null
};

// The stemmer newsdex uses on both sides (English Snowball).
Xapian::Stem english_stemmer();

}  // namespace newsdex
