#include "common/reading/html_dom.h"

#include <cctype>
#include <mutex>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

namespace newsdex::html {

namespace {

const char* as_chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

Document parse_document(std::string_view bytes, const char* encoding) {
    // xmlInitParser() must run once before any thread parses.
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    // RECOVER: build a tree from any markup; NOERROR/NOWARNING: a broken page
    // is normal, not worth a line on stderr; NONET: a page never makes newsdex
    // fetch anything; IGNORE_ENC: the caller decoded the charset already.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    return Document(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options));
}

std::string_view name_of(const xmlNode* n) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
    return as_chars(n->name);
}

bool is_element(const xmlNode* n, std::string_view name) { return name_of(n) == name; }

std::string attribute(const xmlNode* n, const char* name) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE) return {};
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

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (const char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

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
