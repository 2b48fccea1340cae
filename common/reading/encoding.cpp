#include "common/reading/encoding.h"

#include <cstdint>
#include <utility>

namespace newsdex {

bool contains_nul(std::string_view bytes) { return bytes.find('\0') != std::string_view::npos; }

bool is_valid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        int extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else return false;
        if (i + static_cast<std::size_t>(extra) >= n) return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(bytes[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are invalid.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += extra + 1;
    }
    return true;
}

namespace {

// cp1252 0x80-0x9F; zero marks the five undefined bytes (kept as Latin-1).
constexpr char16_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The code point a character reference at the start of `s` stands for
// ("&#233;", "&#xE9;", "&amp;"), and its length; 0 when it is none this
// decoder reads (an unknown name, a control character, a surrogate).
std::pair<char32_t, std::size_t> character_reference(std::string_view s) {
    const std::size_t end = s.substr(0, 12).find(';', 1);  // a short look: "&" alone is common
    if (end == std::string_view::npos || end > 10) return {0, 0};
    const std::string_view body = s.substr(1, end - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return {0, 0};
        char32_t cp = 0;
        for (char c : digits) {
            const int d = c >= '0' && c <= '9'          ? c - '0'
                          : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                        : -1;
            if (d < 0) return {0, 0};
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
        }
        // (No control character: "&#10;" would change the file's lines.)
        const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
        if (control || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {0, 0};
        return {cp, end + 1};
    }
    static constexpr std::pair<std::string_view, char32_t> kNames[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},    {"pound", 0xA3},   {"euro", 0x20AC},  {"copy", 0xA9},    {"eacute", 0xE9},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
        {"rdquo", 0x201D}, {"hellip", 0x2026}};
    for (const auto& [name, cp] : kNames)
        if (body == name) return {cp, end + 1};
    return {0, 0};
}

}  // namespace

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        char32_t cp = c;
        if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] != 0) cp = kCp1252High[c - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

DecodedText decode_text(std::string_view bytes) {
    if (is_valid_utf8(bytes)) {
        if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
        return {std::string(bytes), false};
    }
    return {windows1252_to_utf8(bytes), true};
}

std::string without_control_characters(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) continue;
        if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
            ++i;  // U+0080-U+009F
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string decode_character_references(std::string_view utf8) {
    if (utf8.find('&') == std::string_view::npos) return std::string(utf8);  // most text has none
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '&')
            if (const auto [cp, length] = character_reference(utf8.substr(i)); length) {
                append_utf8(out, cp);
                i += length - 1;
                continue;
            }
        out += utf8[i];
    }
    return out;
}

}  // namespace newsdex
