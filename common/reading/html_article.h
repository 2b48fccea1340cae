// A saved web page (.html, .htm, or a JSON Lines record's "html" field) ->
// Article, with libxml2's forgiving HTML parser. The page's own metadata is
// trusted before anything is inferred (html_metadata.h); the article text is
// the JSON-LD articleBody, the microdata articleBody element or the page's
// <article>, else its <main>, else the block of paragraphs with the most
// text outside links, with navigation, scripts, share bars, cookie banners,
// related-story lists and captions kept out and paragraph breaks kept. The
// text rules of plain-text articles (bylines, datelines, "Updated:" lines,
// boilerplate lines) then run on that text. The rules, in order:
// docs/input-formats.md, HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/reading/article.h"

namespace newsdex {

struct HtmlArticle {
    Article article;                    // id, path, source_file and content_hash are left for the caller
    std::vector<std::string> warnings;  // a charset fallback, an unreadable metadata date
    std::string error;                  // non-empty when the page is rejected ("no article text")
};

// `bytes`: the page as saved, in any charset (html_charset.h).
HtmlArticle parse_html_page(std::string_view bytes);

// `utf8`: a page already in UTF-8 (a JSON string); charset declarations are ignored.
HtmlArticle parse_html_text(std::string_view utf8);

}  // namespace newsdex
