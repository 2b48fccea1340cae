// Version strings every binary prints with --version.
#pragma once

#include <string>

namespace newsdex {

inline constexpr const char* kVersion = "0.1.0";

// What --version prints:
//   newsdex-index (newsdex) 0.1.0
//   index schema 6, Xapian 1.4.22
std::string version_text(const std::string& program);

}  // namespace newsdex
