// The render step: SearchResults -> text for people, JSON for scripts.
// JSON output is the stable interface documented in docs/json-format.md; it
// carries no timing unless asked, so identical queries give identical bytes.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/render/text_wrap.h"
#include "common/search/search.h"

namespace newsdex {

// The escape codes text output uses on a terminal (TextStyle::color).
namespace ansi {
inline constexpr const char* kBold = "\x1b[1m";
inline constexpr const char* kDim = "\x1b[2m";
inline constexpr const char* kReset = "\x1b[0m";
}  // namespace ansi

struct TextStyle {
    bool color = false;  // bold highlights, dim metadata (terminal, no NO_COLOR)
    std::size_t width = 100;
    bool timing = false;         // the query's time after the match count: "(showing 1-10, 3.1 ms)"
    bool facet_summary = false;  // facets as one line under the hits (the shell), not one block each
    // Every line wraps to `width` (a terminal): titles, metadata, name lists
    // (between names), notes, facet values. Otherwise only snippets and an
    // article's fields and text do, and scripts reading the rest line by
    // line see one line each.
    bool wrap = false;
};

void render_text(std::ostream& out, const SearchResults& results, const TextStyle& style);
void render_json(std::ostream& out, const SearchResults& results, bool with_timing);
// The object render_json prints, its fields added after those `into`
// already has (a batch line starts with "type" and "id"); one builder for
// --format json and --batch.
nlohmann::ordered_json result_json(const SearchResults& results, bool with_timing,
                                   nlohmann::ordered_json into = nlohmann::ordered_json::object());
// A JSON value as the bytes of one output line (no newline); invalid UTF-8
// is replaced, never an exception.
std::string json_text(const nlohmann::ordered_json& j);
// An empty metadata field is null in JSON, not "".
nlohmann::ordered_json string_or_null(const std::string& s);
void render_jsonl(std::ostream& out, const SearchResults& results);

// The width lines of this style wrap to: style.width, or kNoWrap when it
// keeps them whole.
std::size_t wrap_width(const TextStyle& style);

}  // namespace newsdex
