// One JSON Lines record -> Article. Fields: id, title, body (or text/content,
// else a saved page in "html", read as html_article.h reads a page: the
// record's own fields win over the page's), date, source, url, author
// (string or array; "authors" too), section. Other
// fields are ignored. A record that is not an object, has a field of the
// wrong type, or has neither a title nor body text is rejected with a
// reason; a title without a body is a headline-only article.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/reading/article.h"

namespace newsdex {

struct JsonArticleError {
    std::string message;
};

struct JsonArticle {
    Article article;                    // id empty when the record has none
    std::string date_warning;           // non-empty when "date" could not be read
    std::vector<std::string> warnings;  // from the page in an "html" field (html_article.h)
};

std::variant<JsonArticle, JsonArticleError> parse_json_article(std::string_view line);

}  // namespace newsdex
