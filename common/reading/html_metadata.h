// What a web page says about itself, read from its structured metadata in
// the order of trust docs/input-formats.md (HTML) gives: JSON-LD (a
// NewsArticle, Article, ReportageNewsArticle or kindred object), then Open
// Graph and article: meta tags, then microdata (itemprop), then the plain
// tags (<meta name="author">, <meta name="keywords">, <link rel="canonical">,
// <title> with the outlet's suffix split off). Each field comes from the most
// trusted layer that has it. Nothing here is inferred from the article text.
#pragma once

#include <string>
#include <vector>

#include <libxml/tree.h>

namespace newsdex {

struct PageMetadata {
    std::string title;
    std::string source;  // the outlet: JSON-LD publisher, og:site_name, the <title> suffix
    std::string url;
    std::string section;
    std::string published;  // the publication date as written ("2024-06-07T09:30:00+01:00")
    std::string modified;   // used only when no publication date is given
    std::vector<std::string> authors;
    std::vector<std::string> keywords;
    std::string article_body;  // JSON-LD articleBody, as written
};

// `doc` is a page parsed by html::parse_document().
PageMetadata read_page_metadata(xmlDoc* doc);

// "Storm closes harbour | Coastal Gazette" -> "Storm closes harbour": a
// suffix (or prefix) naming `outlet` after any of " | ", " - ", " – ", " — ",
// " · ", " :: " is split off; with no outlet known, only a short suffix
// after " | " (at most 5 words, 40 bytes), which is returned in `outlet`.
std::string title_without_outlet(const std::string& title, std::string& outlet);

}  // namespace newsdex
