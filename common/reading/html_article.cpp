#include "common/reading/html_article.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "common/base/strings.h"
#include "common/reading/encoding.h"
#include "common/reading/html_charset.h"
#include "common/reading/html_dom.h"
#include "common/reading/html_metadata.h"
#include "common/reading/scraped_text.h"

namespace newsdex {

namespace {

// A paragraph with fewer characters outside links is a caption, a button or
// a list of links, and no evidence of where the article is.
constexpr std::size_t kMinParagraphChars = 25;

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> any) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return is_one_of(w, any); });
}

// Elements that never hold article text.
bool is_non_text_element(std::string_view name) {
    return name.starts_with("amp-") ||  // AMP's ads, share buttons, carousels
           is_one_of(
               name,
               {"head",     "script", "style",  "noscript", "template", "iframe", "object",
                "embed",    "svg",    "canvas", "form",     "button",   "input",  "select",
                "textarea", "nav",    "aside",  "footer",   "header",   "figure", "figcaption",
                "picture",  "video",  "audio",  "dialog",   "menu",     "h1"});  // h1: the headline, which is the title
}

// Page furniture by its ARIA role or its class and id words: share bars,
// cookie banners, related stories, newsletter boxes, captions, ads. A
// container named for the story ("article-body", "main-content") is kept
// whatever else its class says.
bool is_furniture(const xmlNode* n) {
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr ||
        html::attribute(n, "aria-hidden") == "true")
        return true;
    const std::string role = lower_ascii(html::attribute(n, "role"));
    if (is_one_of(role, {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
                         "menu", "menubar", "toolbar"}))
        return true;
    std::vector<std::string> words = html::attribute_words(n, "class");
    for (auto& w : html::attribute_words(n, "id")) words.push_back(std::move(w));
    if (has_word(words, {"body", "main"})) return false;
    return has_word(words,
                    {"share",         "sharing",     "social",     "cookie",    "cookies",  "consent", "gdpr",
                     "related",       "recommended", "newsletter", "subscribe", "signup",   "promo",   "advert",
                     "advertisement", "ad",          "ads",        "sponsored", "caption",  "credit",  "breadcrumb",
                     "breadcrumbs",   "comments",    "toolbar",    "sidebar",   "popup",    "modal",   "menu",
                     "nav",           "navigation",  "footer",     "masthead",  "outbrain", "taboola", "tags"});
}

// Where the byline is: kept out of the text, read for its names.
bool is_byline(const xmlNode* n) {
    const auto prop = html::attribute_words(n, "itemprop");
    return has_word(html::attribute_words(n, "class"), {"byline", "author", "authors"}) ||
           lower_ascii(html::attribute(n, "rel")) == "author" || has_word(prop, {"author"});
}

bool is_left_out(const xmlNode* n) { return is_non_text_element(html::name_of(n)) || is_furniture(n); }

bool is_block(std::string_view name);

// A live blog's "10:42 GMT" or a story's date line: a <time> that shares its
// line with no text (only white space and blocks beside it) is metadata; one
// inside a sentence ("due on <time>Tuesday</time>") stays.
bool is_time_line(const xmlNode* n) {
    if (!html::is_element(n, "time") || n->parent == nullptr) return false;
    for (const xmlNode* s = n->parent->children; s != nullptr; s = s->next) {
        if (s == n) continue;
        const bool text = s->type == XML_TEXT_NODE && !html::text_of(s).empty();
        const bool inline_text = s->type == XML_ELEMENT_NODE && !is_block(html::name_of(s)) &&
                                 !html::text_of(s).empty();
        if (text || inline_text) return false;
    }
    return true;
}

bool is_block(std::string_view name) {
    return is_one_of(name,
                     {"p",  "div", "section", "article", "main",    "h2",         "h3",   "h4",    "h5", "h6", "li",
                      "ul", "ol",  "dl",      "dt",      "dd",      "blockquote", "pre",  "table", "tr", "td", "th",
                      "hr", "br",  "address", "details", "summary", "center",     "body", "html"});
}

struct CollectedText {
    std::vector<std::string> paragraphs;
    std::vector<std::string> bylines;
};

// The paragraphs below `root`, each a block's text with its white space
// collapsed; what is_left_out() names is skipped whole.
CollectedText collect_text(xmlNode* root) {
    CollectedText out;
    std::string current;
    const auto flush = [&] {
        std::string p = html::collapse_whitespace(current);
        if (!p.empty()) out.paragraphs.push_back(std::move(p));
        current.clear();
    };
    const auto enter = [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content != nullptr) current += reinterpret_cast<const char*>(n->content);
            return false;
        }
        if (n->type != XML_ELEMENT_NODE) return false;  // comments, processing instructions
        if (n != root && is_byline(n)) {
            out.bylines.push_back(html::text_of(n));
            return false;
        }
        if (n != root && (is_left_out(n) || is_time_line(n))) return false;
        if (is_block(html::name_of(n))) flush();
        return true;
    };
    const auto leave = [&](xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE && is_block(html::name_of(n))) flush();
    };
    html::walk_nodes(root, enter, leave);
    flush();
    return out;
}

std::size_t link_text_size(xmlNode* n) {
    std::size_t size = 0;
    html::for_each_element(n, [&](xmlNode* e) {
        if (!html::is_element(e, "a")) return true;
        size += html::text_of(e).size();
        return false;
    });
    return size;
}

// The heuristic for pages that mark no article: each paragraph (<p>, <pre>)
// with at least kMinParagraphChars outside links adds that many characters
// to its parent's score and half to its grandparent's; the highest score
// wins, the first in page order on a tie. Null when no paragraph counts.
xmlNode* densest_block(xmlNode* root) {
    std::vector<std::pair<xmlNode*, double>> scores;  // in page order
    const auto add = [&](xmlNode* n, double s) {
        auto it = std::find_if(scores.begin(), scores.end(), [&](const auto& e) { return e.first == n; });
        if (it == scores.end()) scores.emplace_back(n, s);
        else it->second += s;
    };
    html::for_each_element(root, [&](xmlNode* n) {
        if (n != root && is_left_out(n)) return false;
        if (!html::is_element(n, "p") && !html::is_element(n, "pre")) return true;
        const std::size_t text = html::text_of(n).size(), links = link_text_size(n);
        if (text < links + kMinParagraphChars || n->parent == nullptr) return false;
        const double s = static_cast<double>(text - links);
        add(n->parent, s);
        if (n->parent->parent != nullptr && n->parent->parent->type == XML_ELEMENT_NODE) add(n->parent->parent, s / 2);
        return false;
    });
    const auto best = std::max_element(scores.begin(), scores.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == scores.end() ? nullptr : best->first;
}

// The element the page marks as its story: microdata's articleBody, else the
// <article> with the most text (related-story cards inside an <aside> or
// furniture are not candidates), else <main>. Null when none.
xmlNode* marked_story(xmlNode* root) {
    xmlNode *body = nullptr, *article = nullptr, *main = nullptr;
    std::size_t article_size = 0;
    html::for_each_element(root, [&](xmlNode* n) {
        if (n != root && is_left_out(n)) return false;
        if (body == nullptr && has_word(html::attribute_words(n, "itemprop"), {"articlebody"})) body = n;
        if (html::is_element(n, "article")) {
            if (const std::size_t size = html::text_of(n).size(); size > article_size) {
                article = n;
                article_size = size;
            }
            return body == nullptr;  // an articleBody may lie inside
        }
        if (main == nullptr && (html::is_element(n, "main") || lower_ascii(html::attribute(n, "role")) == "main"))
            main = n;
        return true;
    });
    return body != nullptr ? body : article != nullptr ? article : main;
}

xmlNode* story_root(xmlNode* root) {
    if (xmlNode* marked = marked_story(root)) return marked;
    if (xmlNode* dense = densest_block(root)) return dense;
    return root;
}

std::size_t total_size(const std::vector<std::string>& paragraphs) {
    return std::accumulate(paragraphs.begin(), paragraphs.end(), std::size_t{0},
                           [](std::size_t n, const std::string& p) { return n + p.size(); });
}

std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string p = html::collapse_whitespace(text.substr(start, end - start));
        if (!p.empty()) out.push_back(std::move(p));
        start = end + 1;
    }
    return out;
}

// JSON-LD's articleBody is the publisher's own clean text, so it wins; but
// many publishers flatten it to one line. When the markup holds about the
// same amount of text (80% to 125%), its paragraphs are the same text with
// its breaks kept.
std::vector<std::string> story_paragraphs(std::vector<std::string> markup, const std::string& article_body) {
    std::vector<std::string> ld = paragraphs_of(article_body);
    if (ld.empty()) return markup;
    const double ratio = static_cast<double>(total_size(markup)) / static_cast<double>(total_size(ld));
    if (ld.size() == 1 && markup.size() > 1 && ratio >= 0.8 && ratio <= 1.25) return markup;
    return ld;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

// The first byline element that reads as names ("By Ana Silva and Ben Okoro").
std::vector<std::string> byline_names(const std::vector<std::string>& bylines) {
    for (const auto& line : bylines) {
        const std::string text = lower_ascii(line).starts_with("by ") ? line : "By " + line;
        if (auto names = byline_authors(text)) return *names;
    }
    return {};
}

// The metadata's publication date, else its modified date; an unreadable
// one is a warning. A publication date given but unreadable is not replaced
// by the modified date, which is later: the page stays undated by metadata.
void set_metadata_date(const PageMetadata& meta, HtmlArticle& out) {
    const std::string& text = meta.published.empty() ? meta.modified : meta.published;
    if (text.empty()) return;
    auto parsed = parse_date(text);
    if (auto* d = std::get_if<PublishedDate>(&parsed)) {
        out.article.date = *d;
        out.article.date_source = DateSource::metadata;
        return;
    }
    out.warnings.push_back(std::get<DateError>(parsed).message + " (page metadata); the date is not used");
}

// The page's metadata over what the text rules found in its text.
void apply_metadata(const PageMetadata& meta, const CollectedText& text, HtmlArticle& out) {
    Article& a = out.article;
    if (!meta.source.empty()) a.source = meta.source;
    if (!meta.url.empty()) a.url = meta.url;
    if (!meta.section.empty()) a.section = meta.section;
    a.keywords = meta.keywords;
    if (!meta.authors.empty()) a.authors = meta.authors;
    else if (auto names = byline_names(text.bylines); !names.empty()) a.authors = std::move(names);
    set_metadata_date(meta, out);
}

}  // namespace

HtmlArticle parse_html_text(std::string_view utf8) {
    HtmlArticle out;
    const html::Document doc = html::parse_document(utf8, "UTF-8");
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) {
        out.error = "no article text";
        return out;
    }
    const PageMetadata meta = read_page_metadata(doc.get());
    const CollectedText text = collect_text(story_root(root));
    // The text rules of plain-text articles; a title line keeps them from
    // taking the first paragraph for the title.
    const std::string title_line = meta.title.empty() ? "" : "Title: " + meta.title + "\n\n";
    ScrapedArticle scraped =
        parse_scraped_text(title_line + join_paragraphs(story_paragraphs(text.paragraphs, meta.article_body)));
    out.article = std::move(scraped.article);
    out.warnings = std::move(scraped.warnings);
    apply_metadata(meta, text, out);
    if (out.article.body.empty()) out.error = "no article text";
    return out;
}

HtmlArticle parse_html_page(std::string_view bytes) {
    if (contains_nul(bytes) && !starts_with_utf16_bom(bytes)) {
        HtmlArticle out;
        out.error = "binary file (contains NUL bytes), not an article";
        return out;
    }
    DecodedPage page = decode_html_page(bytes);
    if (contains_nul(page.utf8)) {
        HtmlArticle out;
        out.error = "binary file (contains NUL bytes), not an article";
        return out;
    }
    HtmlArticle out = parse_html_text(page.utf8);
    if (!page.warning.empty()) out.warnings.insert(out.warnings.begin(), page.warning);
    return out;
}

}  // namespace newsdex
