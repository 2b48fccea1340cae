// Saved web pages of generated articles (newsdex-generate-corpus --html):
// each article as a news site's publishing system would serve it, so that
// the HTML reader can be tested and timed on bulk pages whose truth is known
// (issue 16). Pages rotate by article number among five styles, those of
// tests/data/html/: JSON-LD NewsArticle with articleBody, Open Graph and
// article: meta tags, microdata (itemprop), bare markup with the outlet in
// <title>, AMP. Every page carries furniture the reader must drop: scripts,
// styles, navigation, header and footer, a cookie banner, a share bar, a
// captioned figure, related stories, comments, an ad slot.
//
// The page says what the article's text-file header says (title, date to
// its precision, source, authors, section), each style in its own way; the
// bare style names no section (a real page of that kind seldom does), so
// its section comes from its folder (newsdex-index --section-from-folder).
// Pure functions of their arguments: the same article and number give the
// same bytes, and no random draw is taken from the article generator.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdex::generator {

// What a page shows of an article.
struct PageArticle {
    std::string id, title, source, section;
    std::string date;  // "2024-06-07", "2024-06", "2024", or "" when undated
    std::vector<std::string> authors;
    std::string body;  // paragraphs separated by blank lines
};

enum class PageStyle { json_ld, open_graph, microdata, bare, amp };

// The style of article number `n`: the five in turn.
PageStyle page_style(std::size_t n);

// The whole page of article number `n`, UTF-8.
std::string html_page(const PageArticle& a, std::size_t n);

}  // namespace newsdex::generator
