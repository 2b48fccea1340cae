#include "common/reading/hard_wrap.h"

#include <algorithm>

#include "common/base/strings.h"

namespace newsdex {

namespace {

constexpr std::size_t kNarrowest = 55, kWidest = 80;  // widths wire copy and mail archives use
constexpr std::size_t kMargin = 10;                   // a line this close to the width reaches the margin

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view without_trailing_space(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The line's length as the wrapping program saw it: indentation included.
std::size_t length_of(std::string_view line) { return characters(without_trailing_space(line)); }

std::size_t indentation(std::string_view line) { return line.find_first_not_of(" \t"); }

bool blank(std::string_view line) { return trim(line).empty(); }

// The line ends a sentence: ".", "!", "?", ":" or ";", maybe before a
// closing quotation mark or bracket.
bool ends_sentence(std::string_view line) {
    std::string_view t = trim(line);
    while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')')) t.remove_suffix(1);
    if (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x99")) t.remove_suffix(3);  // ” ’
    return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == ':' || t.back() == ';');
}

bool starts_lower_case(std::string_view line) {
    const std::string_view t = trim(line);
    return !t.empty() && t.front() >= 'a' && t.front() <= 'z';
}

std::size_t first_word_length(std::string_view line) {
    const std::string_view t = trim(line);
    return characters(t.substr(0, std::min(t.find_first_of(" \t"), t.size())));
}

// `next` goes on the paragraph of `line` (both non-blank): the break between
// them is the wrapping program's, not the writer's.
bool continues(std::string_view line, std::string_view next, std::size_t width) {
    if (indentation(next) > indentation(line)) return false;  // an indented first line
    if (written_in_capitals(line) != written_in_capitals(next)) return false;
    if (starts_lower_case(next)) return true;
    // A line ends short of the margin on purpose when the next word would
    // have fitted on it.
    return length_of(line) + kMargin >= width || length_of(line) + 1 + first_word_length(next) > width;
}

}  // namespace

std::size_t hard_wrap_width(std::span<const std::string> lines) {
    std::size_t width = 0;
    for (const auto& l : lines)  // a headline in capitals may be longer: it is no wrapped line
        if (!blank(l) && !written_in_capitals(l)) width = std::max(width, length_of(l));
    if (width < kNarrowest || width > kWidest) return 0;
    std::size_t continued = 0, at_margin = 0, mid_sentence = 0, lower_case_next = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        const std::string_view line = lines[k], next = lines[k + 1];
        if (blank(line) || blank(next) || indentation(next) > indentation(line) || written_in_capitals(line) ||
            written_in_capitals(next))
            continue;
        ++continued;
        at_margin += length_of(line) + kMargin >= width ? 1 : 0;
        lower_case_next += starts_lower_case(next) ? 1 : 0;
        mid_sentence += starts_lower_case(next) || !ends_sentence(line) ? 1 : 0;
    }
    // Lower-case line starts also tell prose from lists of headlines and
    // verse, whose lines are unpunctuated and start with capitals. Few are
    // asked for: wire copy names many people, and a broken name puts a
    // capital at a line start.
    const bool wrapped = continued >= 3 && at_margin * 4 >= continued * 3 && mid_sentence * 2 >= continued &&
                         lower_case_next >= 1 && lower_case_next * 5 >= continued;
    return wrapped ? width : 0;
}

std::vector<std::string> join_wrapped_lines(std::span<const std::string> lines, std::size_t width,
                                            const std::function<bool(std::string_view)>& stands_alone) {
    std::vector<std::string> out;
    bool open = false;  // out.back() is a paragraph the next line may continue
    std::string_view previous;
    for (const auto& line : lines) {
        if (blank(line)) {
            out.push_back(line);
            open = false;
            continue;
        }
        if (open && continues(previous, line, width) && !(stands_alone && stands_alone(trim(line)))) {
            std::string& paragraph = out.back();
            paragraph.resize(without_trailing_space(paragraph).size());
            // "cease-" / "fire", "1986-" / "87": a hyphen ending a word stays,
            // with no space after it. It is not dropped: a line end cannot
            // tell a compound ("cease-fire") from a word split in two, and
            // the index matches "cease-fire" and "ceasefire" alike. A dash
            // ("--", " - ") is no hyphen.
            const bool hyphen = paragraph.size() >= 2 && paragraph.back() == '-' &&
                                paragraph[paragraph.size() - 2] != '-' && paragraph[paragraph.size() - 2] != ' ' &&
                                paragraph[paragraph.size() - 2] != '\t';
            paragraph += (hyphen ? "" : " ") + std::string(trim(line));
        } else {
            out.push_back(line);
        }
        open = true;
        previous = line;
    }
    return out;
}

}  // namespace newsdex
