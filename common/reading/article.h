// The document model: one news article as the readers produce it and the
// analyser consumes it. Plain data, no behaviour.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/reading/published_date.h"

namespace newsdex {

// How the publication date was found.
enum class DateSource {
    metadata,  // a header, a JSON field, a leading "date YYYY-MM-DD" token
    text,      // a line of the article such as "Updated: June 11, 2024"
    inferred,  // worked out from dates the text mentions
};
const char* to_string(DateSource s);

struct Article {
    std::string id;     // stable, unique: a JSONL record's id, else the file's absolute path (corpus_reader.h)
    std::string title;  // from metadata, a short first line, or derived from the body
    std::string body;   // the article text, boilerplate and dateline removed
    std::optional<PublishedDate> date;
    DateSource date_source = DateSource::metadata;  // meaningful when date is set
    std::string source;                             // the outlet
    std::string url;
    std::string path;  // where it came from: file path, plus ":LINE" for JSON Lines
    // The input file's absolute, normalised path ("-" for standard input):
    // --prune finds an archive's articles by it, and an id arriving from
    // another file is a conflict, not an update.
    std::string source_file;
    // stable_hash_hex() of the bytes the article was read from (the file, or
    // the JSON Lines record): an unchanged input is skipped on a re-run.
    std::string content_hash;
    std::vector<std::string> authors;
    std::string section;
    // The article's own tags (a page's JSON-LD keywords or article:tag, a
    // record's "keywords"), in their order: never words newsdex picked.
    std::vector<std::string> keywords;
    std::string dateline_place;                  // "WASHINGTON" from "WASHINGTON (Reuters) -"; a location
    std::string dateline_outlet;                 // "Reuters" from "WASHINGTON (Reuters) -"; an organisation
    int copyright_year = 0;                      // from "©2024 Bloomberg L.P."; 0 when none
    std::vector<PublishedDate> mentioned_dates;  // dates the text mentions with a year, filled by the document builder
    // Entities, filled by the document builder (common/entities/entity_extractor.h).
    std::vector<std::string> persons;          // after corpus-wide resolution (common/index/person_resolution.h)
    std::vector<std::string> person_mentions;  // as extracted from this article alone
    // How this article's mentions of each name speak for or against a
    // person, for the corpus-wide pass: lines "NAME\tAS_PERSON\tAS_THING",
    // and "\tAS_RELATIVE" after a given name a relation announces
    // (common/entities/person_names.h, schema::kPersonEvidenceSlot).
    std::vector<std::string> person_evidence;
    std::vector<std::string> locations;
    std::vector<std::string> countries;  // ISO 3166-1 alpha-2
    std::vector<std::string> organizations;
    // Entities the input tags (JSON Lines "persons", "locations",
    // "countries", "organizations"): when tagged, they replace extraction
    // for all four lists; missing countries come from the locations.
    bool entities_tagged = false;
};

}  // namespace newsdex
