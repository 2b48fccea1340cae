// The character set of a saved web page, and its text as UTF-8. Pages say
// which charset they use, and are sometimes wrong: a byte-order mark wins,
// then the page's declaration (<meta charset="…"> or <meta http-equiv=
// "Content-Type" content="text/html; charset=…"> in its first 4 KiB), checked
// against the bytes; a page that declares nothing is UTF-8 when it is valid
// UTF-8, else Windows-1252 with a warning (docs/input-formats.md, HTML).
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

struct DecodedPage {
    std::string utf8;     // the page as UTF-8, any byte-order mark dropped
    std::string warning;  // non-empty when the page was not read as it declared or as UTF-8
};

// `bytes` is the whole page as saved.
DecodedPage decode_html_page(std::string_view bytes);

// The charset a page declares in `head`, lower case ("utf-8", "iso-8859-1"),
// or "" when none: the first <meta> below the root element, in document
// order, whose charset (or Content-Type's charset) is not empty. Read with
// libxml2's HTML parser, never by pattern matching, and without building a
// tree when the parser's events tell where each element would be in it.
std::string declared_charset(std::string_view head);

// The same, read from the whole tree: slower, and the reference the scan
// must agree with (the unit tests and the html_article fuzz target check it).
std::string declared_charset_by_tree(std::string_view head);

// True when `bytes` opens with a UTF-16 byte-order mark (such a page holds NUL
// bytes and is still text).
bool starts_with_utf16_bom(std::string_view bytes);

}  // namespace newsdex
