// Hard-wrapped plain text (wire copy, mailing-list and e-mail archives: lines
// cut at a fixed width of about 65-75 columns) is recognised here and its
// lines joined back into paragraphs before analysis, so that a name broken
// across a line end ("Chairman Alan" / "Greenspan cut short") reaches
// snippets and the entity rules whole. Text that is not hard-wrapped is left
// alone: one paragraph per line (scraped pages) never passes the test.
//
// The test (docs/input-formats.md, Hard-wrapped text), on the non-blank
// lines, their length counted in characters without trailing white space:
//   - the longest line not in capitals (a headline may be longer), the
//     width, is 55 to 80 characters;
//   - a line followed by another line of its paragraph (non-blank, not
//     indented deeper; lines in capitals left out) is a continued line:
//     there are at least 3, and at least 3 in 4 of them end within 10
//     columns of the width (at the margin);
//   - at least half of them break mid-sentence (the line does not end
//     with ".", "!", "?", ":" or ";", or the next line starts in lower
//     case), and at least one, and at least 1 in 5, are followed by a line
//     that starts in lower case (lists of headlines and verse start every
//     line with a capital).
//
// Pure functions: safe from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The width `lines` are wrapped at (their longest line not in capitals, in
// characters), or 0 when they are not hard-wrapped.
std::size_t hard_wrap_width(std::span<const std::string> lines);

// The paragraphs of hard-wrapped `lines`, one line each, blank lines kept
// where they were. A line joins the one before it unless a paragraph starts
// there: after a blank line, at a line indented deeper than the one before,
// after a line that ends short of the margin (the next word would have fit
// within `width`) unless the line starts in lower case, between a line in
// capitals and one that is not (a headline), and at a line that
// `stands_alone` says is one of its own (a dateline, a copyright line; it
// is asked about non-blank lines, without their surrounding white space).
// Joined lines are separated by a space, except after a hyphen ending a
// word ("cease-" / "fire" gives "cease-fire").
std::vector<std::string> join_wrapped_lines(std::span<const std::string> lines, std::size_t width,
                                            const std::function<bool(std::string_view)>& stands_alone = {});

}  // namespace newsdex
