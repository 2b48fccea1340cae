#include "common/base/printable.h"

#include <algorithm>
#include <cstdio>

#include <utf8proc.h>

namespace newsdex {

namespace {

// \x1B (digits 2) or \u009B (digits 4).
std::string hex_escape(char kind, unsigned value, int digits) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\%c%0*X", kind, digits, value);
    return buf;
}

// The length of the well-formed UTF-8 sequence at s[i], or 0 when the byte
// there does not start one (overlong forms and surrogates count as invalid,
// as in Unicode's table of well-formed byte sequences).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 2;
    else if (b >= 0xE0 && b <= 0xEF) n = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    else if (b >= 0xF0 && b <= 0xF4) n = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

// What printable() writes for the character of `n` bytes at s[i]; empty
// when it is written as it is.
std::string escape_of(std::string_view s, std::size_t i, std::size_t n) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (n == 0) return hex_escape('x', b, 2);
    if (n == 1) {
        if (b == '\t') return "\\t";
        if (b == '\n') return "\\n";
        if (b == '\r') return "\\r";
        if (b < 0x20 || b == 0x7F) return hex_escape('x', b, 2);
        return "";
    }
    if (n == 2 && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F)  // U+0080..U+009F
        return hex_escape('u', static_cast<unsigned char>(s[i + 1]), 4);
    return "";
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_length(text, i);
        const std::string escaped = escape_of(text, i, n);
        if (escaped.empty()) out.append(text.substr(i, n));
        else out += escaped;
        i += n ? n : 1;
    }
    return out;
}

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    auto left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
        if (len <= 0) len = 1, cp = '?';
        n += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        p += len;
        left -= len;
    }
    return n;
}

std::size_t printable_columns(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_length(text, i);
        const std::string escaped = escape_of(text, i, n);
        columns += escaped.empty() ? display_width(text.substr(i, n)) : escaped.size();
        i += n ? n : 1;
    }
    return columns;
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
    return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

}  // namespace newsdex
