// Small ASCII string helpers shared by the readers.
#pragma once

#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>

namespace newsdex {

// Without leading and trailing ASCII white space.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// True if w equals one of the words: for the small word lists of the rules.
inline bool is_one_of(std::string_view w, std::initializer_list<const char*> words) {
    for (const char* x : words)
        if (w == x) return true;
    return false;
}

}  // namespace newsdex
