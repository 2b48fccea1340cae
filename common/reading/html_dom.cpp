#include "common/reading/html_dom.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

namespace newsdex::html {

namespace {

const char* as_chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

// RECOVER: build a tree from any markup; NOERROR/NOWARNING: a broken page
// is normal, not worth a line on stderr; NONET: a page never makes newsdex
// fetch anything; IGNORE_ENC: the caller decoded the charset already.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;

// xmlInitParser() must run once before any thread parses.
void init_parser() {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
}

struct Scan {
    const std::function<bool(const StartTag&)>& visit;
    unsigned depth = 0;  // elements open
    bool root_closed = false;
    ScanEnd end = ScanEnd::complete;
};

void stop(xmlParserCtxtPtr parser, Scan& scan, ScanEnd end) {
    scan.end = end;
    xmlStopParser(parser);
}

// While the root element is open, the tree gets each element as a child of
// the innermost open one: document order is the order the tags open in.
void on_start_tag(void* context, const xmlChar* name, const xmlChar** attributes) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    auto& scan = *static_cast<Scan*>(parser->_private);
    // A prefixed name ("<x:meta>") is named by its local part in the tree,
    // by rules of libxml2's own (xmlSplitQName): the tree decides.
    if ((scan.depth == 0 && scan.root_closed) || scan.depth >= xmlParserMaxDepth / 2 ||
        std::strchr(as_chars(name), ':') != nullptr)
        return stop(parser, scan, ScanEnd::unsure);
    ++scan.depth;
    if (!scan.visit(StartTag{as_chars(name), attributes})) stop(parser, scan, ScanEnd::stopped);
}

void on_end_tag(void* context, const xmlChar*) {
    auto& scan = *static_cast<Scan*>(static_cast<xmlParserCtxtPtr>(context)->_private);
    if (scan.depth > 0 && --scan.depth == 0) scan.root_closed = true;
}

}  // namespace

Document parse_document(std::string_view bytes, const char* encoding) {
    init_parser();
    return Document(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, kParseOptions));
}

std::string StartTag::attribute(std::string_view attribute_name) const {
    for (const xmlChar** a = attributes; a != nullptr && a[0] != nullptr; a += 2)
        if (as_chars(a[0]) == attribute_name) return a[1] == nullptr ? "" : as_chars(a[1]);
    return {};
}

// htmlReadMemory() as libxml2 2.9 writes it (a memory parser context given
// the HTML handlers, then its htmlDoRead()), with handlers that report the
// tags instead of building a tree. Those steps are libxml2's own, not its
// API: under another version of the library the scan is "unsure", and the
// caller builds the tree, until the unit tests and the fuzz target have
// checked that the steps still hold there.
ScanEnd scan_start_tags(std::string_view bytes, const char* encoding,
                        const std::function<bool(const StartTag&)>& visit) {
    init_parser();
    static const bool same_steps = std::atoi(xmlParserVersion) / 100 == 209;  // "20914": 2.9.14
    if (!same_steps) return ScanEnd::unsure;
    xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
    if (parser == nullptr) return ScanEnd::unsure;
    std::memset(parser->sax, 0, sizeof(*parser->sax));
    parser->sax->startElement = on_start_tag;
    parser->sax->endElement = on_end_tag;
    Scan scan{visit};
    parser->_private = &scan;
    htmlCtxtUseOptions(parser, kParseOptions);
    parser->html = 1;
    if (xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding)) {
        xmlSwitchToEncoding(parser, handler);
        xmlFree(const_cast<xmlChar*>(parser->input->encoding));
        parser->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>(encoding));
    }
    htmlParseDocument(parser);
    if (parser->myDoc != nullptr) xmlFreeDoc(parser->myDoc);  // none without the tree's handlers
    parser->myDoc = nullptr;
    htmlFreeParserCtxt(parser);
    return scan.end;
}

std::string_view name_of(const xmlNode* n) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
    return as_chars(n->name);
}

bool is_element(const xmlNode* n, std::string_view name) { return name_of(n) == name; }

std::string attribute(const xmlNode* n, const char* name) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE) return {};
    // The HTML parser stores a value as one text node: read in place, it
    // costs no copy by libxml2 (the rules ask a few attributes of every
    // element); any other shape is left to xmlGetProp(), which this mirrors.
    const xmlAttr* a = xmlHasProp(n, reinterpret_cast<const xmlChar*>(name));
    if (a == nullptr) return {};
    if (const xmlNode* v = a->children; a->type == XML_ATTRIBUTE_NODE && v != nullptr && v->next == nullptr &&
                                        v->content != nullptr &&
                                        (v->type == XML_TEXT_NODE || v->type == XML_CDATA_SECTION_NODE))
        return as_chars(v->content);
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (v == nullptr) return {};
    std::string out(as_chars(v));
    xmlFree(v);
    return out;
}

std::string raw_text(const xmlNode* n) {
    if (n == nullptr) return {};
    xmlChar* v = xmlNodeGetContent(n);
    if (v == nullptr) return {};
    std::string out(as_chars(v));
    xmlFree(v);
    return out;
}

std::string text_of(const xmlNode* n) { return collapse_whitespace(raw_text(n)); }

void walk_nodes(xmlNode* root, const std::function<bool(xmlNode*)>& enter, const std::function<void(xmlNode*)>& leave) {
    if (root == nullptr) return;
    xmlNode* n = root;
    for (;;) {
        if (enter(n) && n->children != nullptr) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(n);
            if (n == root) return;
            if (n->next != nullptr) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

void for_each_element(xmlNode* root, const std::function<bool(xmlNode*)>& visit) {
    walk_nodes(
        root, [&](xmlNode* n) { return n->type == XML_ELEMENT_NODE && visit(n); }, [](xmlNode*) {});
}

std::vector<std::string> attribute_words(const xmlNode* n, const char* name) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : attribute(n, name) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    return words;
}

xmlNode* find_element(xmlNode* root, std::string_view name) {
    xmlNode* found = nullptr;
    for_each_element(root, [&](xmlNode* n) {
        if (found == nullptr && name_of(n) == name) found = n;
        return found == nullptr;
    });
    return found;
}

}  // namespace newsdex::html
