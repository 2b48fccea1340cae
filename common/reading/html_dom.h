// Small helpers over libxml2's HTML tree, shared by the HTML reader's units
// (html_charset.cpp, html_metadata.cpp, html_article.cpp). libxml2's HTML
// parser is forgiving: it repairs unclosed and stray tags as browsers do and
// never fails on bad markup, so a page always gives a tree. Element and
// attribute names in that tree are lower case, so comparisons are exact.
// Not thread-safe before init_html_parser() has run once (it does so itself
// on first use, under a once-flag).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "common/base/strings.h"

namespace newsdex::html {

struct DocumentDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Document = std::unique_ptr<xmlDoc, DocumentDeleter>;

// `bytes` read in `encoding` ("UTF-8", "ISO-8859-1"); any charset the page
// declares is ignored (the caller has decided). Never touches the network.
// Null only when libxml2 runs out of memory.
Document parse_document(std::string_view bytes, const char* encoding);

// An element as the parser opens it, before (or without) any tree: its name
// and its attributes as the tree would hold them.
struct StartTag {
    std::string_view name;
    const xmlChar** attributes;  // name, value, name, value, …, null; a value may be null; null when none
    // An attribute's value, "" when absent or given without one (as attribute() says).
    std::string attribute(std::string_view attribute_name) const;
};

// How a scan_start_tags() ended.
enum class ScanEnd {
    stopped,   // `visit` returned false
    complete,  // every element of the tree was visited
    // The scan reached what only the tree can tell: an element opened after
    // the root element closed (where libxml2 puts it depends on what else the
    // document holds), or nesting near libxml2's depth limit (past which it
    // builds nothing). The caller builds the tree instead.
    unsure,
};

// Reads `bytes` as parse_document() does and calls `visit` on each element
// as the parser opens it, in document order: the elements and attributes of
// the tree parse_document() would build below its root element, without
// building it (which costs more than reading the bytes), so that a search
// for one element ends where it is found: the scan stops when `visit`
// returns false.
ScanEnd scan_start_tags(std::string_view bytes, const char* encoding,
                        const std::function<bool(const StartTag&)>& visit);

// The element's name, "" for text, comments and other non-elements.
std::string_view name_of(const xmlNode* n);
bool is_element(const xmlNode* n, std::string_view name);
// An attribute's value, "" when absent.
std::string attribute(const xmlNode* n, const char* name);
// The text below `n` as written (a script's JSON), and with runs of white
// space made one space and trimmed (a title, a byline).
std::string raw_text(const xmlNode* n);
std::string text_of(const xmlNode* n);
using ::newsdex::collapse_whitespace;  // common/base/strings.h

// Visits every node below `root` (itself included) in document order:
// `enter` before its children (false skips them), `leave` after them.
// Iterative: a page of 100,000 nested <div>s must not overflow the stack.
void walk_nodes(xmlNode* root, const std::function<bool(xmlNode*)>& enter, const std::function<void(xmlNode*)>& leave);
// Calls `visit` on every element below `root` (itself included) in document
// order; when `visit` returns false the element's children are skipped.
void for_each_element(xmlNode* root, const std::function<bool(xmlNode*)>& visit);
// The words of a class, id or itemprop attribute, lower case: "share-bar
// Promo_2" -> share, bar, promo, 2.
std::vector<std::string> attribute_words(const xmlNode* n, const char* name);
// The first element named `name`, in document order; null when none.
xmlNode* find_element(xmlNode* root, std::string_view name);

}  // namespace newsdex::html
