#include "common/render/text_wrap.h"

#include <algorithm>

#include <utf8proc.h>

namespace newsdex {

namespace {

constexpr std::size_t kFewestColumns = 20;

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::size_t trimmed_end(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && text[end - 1] == ' ') --end;
    return end;
}

std::size_t after_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    return pos;
}

// The last of `starts` (increasing places where a next line could begin)
// up to which a line from `from` fits in `columns`, its trailing spaces
// not counted; `from` when not even the first one fits.
std::size_t last_fitting(std::string_view text, std::size_t from, const std::vector<std::size_t>& starts,
                         std::size_t columns) {
    std::size_t best = from, end = from, used = 0;
    for (auto start = std::upper_bound(starts.begin(), starts.end(), from); start != starts.end(); ++start) {
        const std::size_t line_end = trimmed_end(text, from, *start);
        used += display_width(text.substr(end, line_end - end));
        end = line_end;
        if (used > columns) break;
        best = *start;
    }
    return best;
}

// The end of a line from `from` inside a piece (ending at `limit`) too wide
// for a line: after its last space that fits, else after the last
// character that fits (one at least, so the text always moves on).
std::size_t inside_piece(std::string_view text, std::size_t from, std::size_t limit, std::size_t columns) {
    std::vector<std::size_t> after_space;
    for (std::size_t i = from + 1; i < limit; ++i)
        if (text[i] != ' ' && text[i - 1] == ' ') after_space.push_back(i);
    if (const std::size_t at = last_fitting(text, from, after_space, columns); at != from) return at;
    const std::string_view piece = text.substr(from, limit - from);
    const std::size_t fits = fitting_start(piece, columns).size();
    return from + (fits ? fits : std::min(utf8_length(static_cast<unsigned char>(piece[0])), piece.size()));
}

}  // namespace

std::string_view fitting_start(std::string_view text, std::size_t columns) {
    std::size_t end = 0, used = 0;
    while (end < text.size()) {
        const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(text[end])), text.size() - end);
        used += display_width(text.substr(end, len));
        if (used > columns) break;
        end += len;
    }
    return text.substr(0, end);
}

WrapText WrapText::words(std::string_view text) {
    WrapText w;
    w.text_ = std::string(text);
    for (std::size_t i = 1; i < text.size(); ++i)
        if (text[i] != ' ' && text[i - 1] == ' ') w.breaks_.push_back(i);
    return w;
}

WrapText WrapText::list(const std::vector<std::string>& names, std::string_view separator) {
    WrapText w;
    for (const auto& name : names) w.add(name, separator);
    return w;
}

WrapText& WrapText::add(std::string_view piece, std::string_view glue) {
    if (piece.empty()) return *this;
    if (!text_.empty()) {
        text_ += glue;
        breaks_.push_back(text_.size());
    }
    text_ += piece;
    return *this;
}

WrapText& WrapText::add_words(std::string_view text, std::string_view glue) {
    for (std::size_t pos = after_spaces(text, 0); pos < text.size();) {
        const std::size_t end = std::min(text.find(' ', pos), text.size());
        add(text.substr(pos, end - pos), glue);
        glue = " ";
        pos = after_spaces(text, end);
    }
    return *this;
}

std::size_t line_width(std::size_t indent, std::size_t width) {
    return width == kNoWrap ? kNoWrap : std::max(width, indent + kFewestColumns);
}

std::vector<LineSpan> WrapText::lines(std::size_t indent, std::size_t width) const {
    const std::size_t columns = line_width(indent, width) - indent;
    std::vector<std::size_t> starts = breaks_;
    starts.push_back(text_.size());
    std::vector<LineSpan> lines;
    for (std::size_t pos = after_spaces(text_, 0); pos < text_.size();) {
        std::size_t next = last_fitting(text_, pos, starts, columns);
        if (next == pos) next = inside_piece(text_, pos, *std::upper_bound(starts.begin(), starts.end(), pos), columns);
        lines.push_back({pos, trimmed_end(text_, pos, next)});
        pos = after_spaces(text_, next);
    }
    return lines;
}

void write_lines(std::ostream& out, const WrapText& text, std::size_t indent, std::size_t width, std::string_view on,
                 std::string_view off) {
    const auto spans = text.lines(indent, width);
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (k) out << std::string(indent, ' ');
        out << on << std::string_view(text.text()).substr(spans[k].begin, spans[k].end - spans[k].begin) << off << '\n';
    }
    if (spans.empty()) out << '\n';
}

void write_wrapped(std::ostream& out, const std::string& text, std::size_t indent, std::size_t width) {
    out << std::string(indent, ' ');
    write_lines(out, WrapText::words(text), indent, width);
}

}  // namespace newsdex
