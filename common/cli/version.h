// Version strings every binary prints with --version.
#pragma once

#include <string>

namespace newsdex {

inline constexpr const char* kVersion = "0.1.0";

// "newsdex-index 0.1.0 (index schema 1, Xapian 1.4.22)"
std::string version_line(const std::string& program);

}  // namespace newsdex
