// One article, whole: looked up by id and shown with all its metadata, as
// text for people or one JSON object for scripts. Serves `newsdex-search
// --get ID` and the shell's `:open N`; the JSON object is documented in
// docs/json-format.md ("One article").
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include <xapian.h>

#include "common/reading/article.h"
#include "common/render/render.h"

namespace newsdex {

// The stored article with that id, or nothing when the index has none.
// Xapian errors travel.
std::optional<Article> find_article(const Xapian::Database& db, const std::string& id);

// Title, a block of "label  value" lines (id, date with its precision and
// source, outlet, url, path, authors, section, persons, locations,
// countries, organisations, mentioned dates; "-" when empty), then the full
// text, each paragraph wrapped to style.width.
void render_article_text(std::ostream& out, const Article& article, const TextStyle& style);
// One JSON object on one line.
void render_article_json(std::ostream& out, const Article& article);

// --get ID --why: the title and id, then each date and entity value with the
// rule that gave it and the words it rests on (common/index/entity_explanation.h).
void render_article_why_text(std::ostream& out, const Article& article, const TextStyle& style);
// One JSON object on one line: {"id", "title", "why": [{field, value, rule, text}]}.
void render_article_why_json(std::ostream& out, const Article& article);

}  // namespace newsdex
