// Byte-level checks on raw input: binary detection, UTF-8 validation and the
// Windows-1252 fallback that scraped text needs (old pages, Excel exports).
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

bool contains_nul(std::string_view bytes);
bool is_valid_utf8(std::string_view bytes);

// Decodes Windows-1252 (a superset of Latin-1 for printable text) to UTF-8.
// The five bytes cp1252 leaves undefined map to their Latin-1 code points.
std::string windows1252_to_utf8(std::string_view bytes);

struct DecodedText {
    std::string utf8;
    bool was_windows1252 = false;
};

// Valid UTF-8 passes through (a leading BOM dropped); anything else is read
// as Windows-1252. Callers reject NUL-containing input before calling this.
DecodedText decode_text(std::string_view bytes);

// Drops C0 control characters other than tab, line feed and carriage return,
// DEL, and the C1 controls U+0080-U+009F. `utf8` must be valid UTF-8.
std::string without_control_characters(std::string_view utf8);

// "Jos&#233; Manuel Barroso", "AT&amp;T": HTML character references left in
// plain text by a scraper or an export, decoded (numeric ones, and the
// named ones such text holds: amp, lt, gt, quot, apos, nbsp, pound, euro,
// copy, eacute, dashes, curly quotes, hellip). Anything else, a bare "&"
// included, is kept as written. `utf8` must be valid UTF-8.
std::string decode_character_references(std::string_view utf8);

}  // namespace newsdex
