// User text echoed in messages (queries, option values, ids, file names)
// may hold control characters: written raw to a terminal, ESC [31m turns
// the rest red, ESC ] 0; retitles the window, CR overwrites the line. So
// every message that quotes such text shows it through printable(): plain
// ASCII, UTF-8 letters and symbols as they are; C0 and C1 control
// characters, DEL and bytes that are not UTF-8 as escapes a person can read
// and a terminal does not act on.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// "\t", "\n" and "\r" for those three; "\x1B" for other C0 controls, DEL and
// invalid UTF-8 bytes; "\u009B" for C1 controls (U+0080..U+009F, which some
// terminals take as escapes too). A backslash stays a backslash.
std::string printable(std::string_view text);

// Terminal columns of UTF-8 text: CJK ideographs take two, combining marks
// and control characters none; a byte that is not UTF-8 one.
std::size_t display_width(std::string_view text);

// Terminal columns `text` takes once printable(): its characters' widths
// (display_width()), each escape's length, so that a caret under an error
// stands under it after wide and combining characters too.
std::size_t printable_columns(std::string_view text);

// At most `max_bytes` of `text` (cut at a UTF-8 character boundary) and
// "…" when it was cut: for quoting a long value in a one-line message.
std::string shortened(std::string_view text, std::size_t max_bytes);

}  // namespace newsdex
