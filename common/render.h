// The render step: SearchResults -> text for people, JSON for scripts.
// JSON output is the stable interface documented in docs/json-format.md; it
// carries no timing unless asked, so identical queries give identical bytes.
#pragma once

#include <ostream>
#include <string>

#include "common/search.h"

namespace newsdex {

struct TextStyle {
    bool color = false;  // bold highlights, dim metadata (terminal, no NO_COLOR)
    std::size_t width = 100;
};

void render_text(std::ostream& out, const SearchResults& results, const TextStyle& style);
void render_json(std::ostream& out, const SearchResults& results, bool with_timing);
void render_jsonl(std::ostream& out, const SearchResults& results);

}  // namespace newsdex
