#include "common/reading/html_charset.h"

#include <algorithm>
#include <cerrno>

#include <iconv.h>

#include "common/base/strings.h"
#include "common/reading/encoding.h"
#include "common/reading/html_dom.h"

namespace newsdex {

namespace {

// The HTML standard's prescan reads 1024 bytes; saved pages often put
// comments or a long <title> first, so a little more.
constexpr std::size_t kPrescanBytes = 4096;

// "text/html; charset=ISO-8859-1" -> "iso-8859-1"
std::string charset_of_content_type(std::string_view content) {
    const std::string lower = lower_ascii(content);
    const auto at = lower.find("charset=");
    if (at == std::string::npos) return {};
    std::string_view value = std::string_view(lower).substr(at + 8);
    value = trim(value);
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
    const auto end = value.find_first_of(" ;\"'\t");
    return std::string(value.substr(0, end));
}

// `word` in lower case.
bool contains_ignoring_case(std::string_view text, std::string_view word) {
    const auto same = [](char c, char lower) { return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) == lower; };
    return std::search(text.begin(), text.end(), word.begin(), word.end(), same) != text.end();
}

// What one <meta> declares: its charset, else the charset of its
// Content-Type, else "".
std::string charset_of_meta(const std::string& charset, const std::string& http_equiv, const std::string& content) {
    if (!charset.empty()) return lower_ascii(trim(charset));
    if (lower_ascii(http_equiv) == "content-type") return charset_of_content_type(content);
    return {};
}

enum class CharsetKind { utf8, windows1252, other };

// Labels the HTML standard reads as UTF-8 or as Windows-1252 (it reads
// ISO-8859-1 and ASCII as Windows-1252, as browsers do); a page declaring
// UTF-16 without a byte-order mark is UTF-8 by the same standard.
CharsetKind kind_of(std::string_view label) {
    if (label.empty() || is_one_of(label, {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be"}))
        return CharsetKind::utf8;
    if (is_one_of(label, {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                          "us-ascii", "ascii", "ansi_x3.4-1968"}))
        return CharsetKind::windows1252;
    return CharsetKind::other;
}

// Converts with the C library's iconv; false when the charset is unknown or
// the bytes are not valid in it.
bool convert_with_iconv(std::string_view bytes, const std::string& charset, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(bytes.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &to, &to_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1) || in_left != 0) return false;
    out.resize(out.size() - to_left);
    return true;
}

bool has_non_ascii(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// No declaration, or one that did not fit the bytes: UTF-8 when valid, else
// Windows-1252, the charset of most old pages that say nothing.
DecodedPage undeclared(std::string_view bytes, std::string warning) {
    DecodedText decoded = decode_text(bytes);  // the plain-text reader's rule
    if (decoded.was_windows1252)
        warning = warning.empty() ? "not valid UTF-8; read as Windows-1252"
                                  : warning + "; not valid UTF-8 either: read as Windows-1252";
    return {std::move(decoded.utf8), std::move(warning)};
}

std::string quoted(std::string_view label) { return "\"" + std::string(label) + "\""; }

DecodedPage decode_declared(std::string_view bytes, const std::string& label) {
    switch (kind_of(label)) {
        case CharsetKind::utf8:
            if (is_valid_utf8(bytes) || label.empty()) return undeclared(bytes, "");
            return {windows1252_to_utf8(bytes),
                    "declared charset " + quoted(label) + " but not valid UTF-8; read as Windows-1252"};
        case CharsetKind::windows1252:
            // Multi-byte UTF-8 sequences are most unlikely in Latin text by chance.
            if (has_non_ascii(bytes) && is_valid_utf8(bytes))
                return {std::string(bytes),
                        "declared charset " + quoted(label) + " but the page is UTF-8; read as UTF-8"};
            return {windows1252_to_utf8(bytes), ""};
        case CharsetKind::other: break;
    }
    std::string converted;
    if (convert_with_iconv(bytes, label, converted) && is_valid_utf8(converted)) return {std::move(converted), ""};
    return undeclared(bytes, "cannot read the declared charset " + quoted(label));
}

}  // namespace

bool starts_with_utf16_bom(std::string_view bytes) {
    return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

std::string declared_charset(std::string_view head) {
    // A <meta> declares a charset only by an attribute named charset or
    // http-equiv (the parser lower-cases names; no markup spells them
    // another way): a page with neither word, as most old pages are, needs
    // no parsing here.
    if (!contains_ignoring_case(head, "charset") && !contains_ignoring_case(head, "http-equiv")) return {};
    // Read as ISO-8859-1, every byte is one character, so a declaration in
    // ASCII reads the same whatever the page's real charset. The first
    // <meta> that declares one ends the scan: a tree is built only when the
    // scan cannot tell where an element would be in it.
    std::string found;
    const auto end = html::scan_start_tags(head, "ISO-8859-1", [&](const html::StartTag& tag) {
        if (tag.name != "meta") return true;
        found = charset_of_meta(tag.attribute("charset"), tag.attribute("http-equiv"), tag.attribute("content"));
        return found.empty();
    });
    return end == html::ScanEnd::unsure ? declared_charset_by_tree(head) : found;
}

std::string declared_charset_by_tree(std::string_view head) {
    const html::Document doc = html::parse_document(head, "ISO-8859-1");
    if (!doc) return {};
    std::string found;
    html::for_each_element(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
        if (!found.empty()) return false;
        if (!html::is_element(n, "meta")) return true;
        found = charset_of_meta(html::attribute(n, "charset"), html::attribute(n, "http-equiv"),
                                html::attribute(n, "content"));
        // A <meta> has children only in broken markup ("<x:meta ...>"
        // becomes a meta element that is not empty); the scan reads on into
        // them, and so does the walk, in the same document order.
        return found.empty();
    });
    return found;
}

DecodedPage decode_html_page(std::string_view bytes) {
    // A byte-order mark beats any declaration (the HTML standard's order).
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        return undeclared(bytes, "");
    }
    if (starts_with_utf16_bom(bytes)) {
        const std::string charset = bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
        std::string converted;
        bytes.remove_prefix(2);
        if (convert_with_iconv(bytes, charset, converted)) return {std::move(converted), ""};
        return undeclared(bytes, "not valid " + charset);
    }
    return decode_declared(bytes, declared_charset(bytes.substr(0, kPrescanBytes)));
}

}  // namespace newsdex
