// Line breaking for text people read: one rule for result lists, articles,
// facet blocks and the shell's own lines, so that nothing runs past the
// terminal's edge and no name is cut in two. Widths are terminal columns
// (display_width(): a CJK ideograph takes two, a combining accent none),
// never bytes.
//
// Text is built from pieces that stay whole on a line (a word, a name,
// "2024-06-10") and the glue between them (" ", ", ", " · "). A line breaks
// only at glue: the glue's spaces vanish there and its mark stays at the
// end of the line ("Antony Blinken," / "Joe Biden"). A piece wider than a
// whole line breaks at its own spaces, then between characters, so a line
// never passes the width unless one character does.
#pragma once

#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/printable.h"

namespace newsdex {

using ::newsdex::display_width;  // common/base/printable.h

// The longest start of `text` (whole characters) that fits in `columns`.
std::string_view fitting_start(std::string_view text, std::size_t columns);

// Bytes [begin, end) of the text a line was cut from, without the spaces
// it broke at.
struct LineSpan {
    std::size_t begin = 0, end = 0;
    bool operator==(const LineSpan&) const = default;
};

// No width: every piece on one line (output for scripts keeps its lines).
inline constexpr std::size_t kNoWrap = std::numeric_limits<std::size_t>::max();

class WrapText {
public:
    // Plain text: breaks after every run of spaces; the text is kept byte
    // for byte, so offsets into it (highlights) stay valid.
    static WrapText words(std::string_view text);
    // Names joined by `separator`, broken only between names.
    static WrapText list(const std::vector<std::string>& names, std::string_view separator = ", ");

    // Appends `piece`, after `glue` unless it is the first piece. An empty
    // piece adds nothing.
    WrapText& add(std::string_view piece, std::string_view glue = " ");
    // Appends every word of `text` as a piece, the first after `glue`.
    WrapText& add_words(std::string_view text, std::string_view glue = " ");

    const std::string& text() const { return text_; }
    bool empty() const { return text_.empty(); }
    // The lines, each to start at column `indent` and end by column `width`
    // (raised to indent + 20 when narrower, so a line holds a few words).
    // Empty text gives no line.
    std::vector<LineSpan> lines(std::size_t indent, std::size_t width) const;

private:
    std::string text_;
    std::vector<std::size_t> breaks_;  // where a line may start: after glue, increasing
};

// The columns a line may take when it starts at `indent`: at least 20.
std::size_t line_width(std::size_t indent, std::size_t width);

// Writes the lines of `text`, each ending with a newline, each but the first
// after `indent` spaces (the caller wrote what precedes the first: a label,
// a number, the same indent); `on` and `off` (escape codes: bold, dim)
// around each line's text. Empty text writes a bare newline.
void write_lines(std::ostream& out, const WrapText& text, std::size_t indent, std::size_t width,
                 std::string_view on = {}, std::string_view off = {});

// `text` word-wrapped at `width` terminal columns, every line after `indent`
// spaces (the first too), ending with a newline (one paragraph: no newlines
// in `text`).
void write_wrapped(std::ostream& out, const std::string& text, std::size_t indent, std::size_t width);

}  // namespace newsdex
