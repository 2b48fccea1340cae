// Turns a plain-text article as scraped (.txt, .md) into an Article: header
// block, leading "date YYYY-MM-DD" token, title line, wire datelines,
// copyright and "Updated:" lines, and trailing boilerplate are recognised here,
// kept out of the body and used as metadata.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/reading/article.h"

namespace newsdex {

struct ScrapedArticle {
    Article article;                    // id and path are left for the caller
    std::vector<std::string> warnings;  // e.g. an unreadable header date
};

// `text` is valid UTF-8. The body may come out empty; the caller decides
// whether that rejects the article.
ScrapedArticle parse_scraped_text(std::string_view text);

// A title for an article that has none: its first sentence, cut at a word
// boundary to at most `max_chars` bytes with an ellipsis.
std::string derive_title(std::string_view body, std::size_t max_chars = 110);

// "Jane Doe and John Roe", "A. Smith, B. Jones; C. Wu", "By Jane Doe": the
// names of an author field, split at commas, semicolons, "&" and "and".
std::vector<std::string> split_authors(std::string_view s);

// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters": a byline
// line (each name one to four capitalised words). The authors, or nothing.
std::optional<std::vector<std::string>> byline_authors(std::string_view line);

}  // namespace newsdex
