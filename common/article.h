// The document model: one news article as the readers produce it and the
// analyser consumes it. Plain data, no behaviour.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/published_date.h"

namespace newsdex {

struct Article {
    std::string id;        // stable, unique: JSONL id or path relative to the input root
    std::string title;     // from metadata, a short first line, or derived from the body
    std::string body;      // the article text, boilerplate and dateline removed
    std::optional<PublishedDate> date;
    std::string source;    // the outlet
    std::string url;
    std::string path;      // where it came from: file path, plus ":LINE" for JSON Lines
    std::vector<std::string> authors;
    std::string section;
    std::string dateline_place;  // "WASHINGTON" from "WASHINGTON (Reuters) -"; not indexed yet
};

}  // namespace newsdex
