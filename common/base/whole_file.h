// A small file read whole (the overrides, a batch state file), with the
// system's reason when that fails. std::ifstream opens a directory as if it
// were a file and fails only at the first read, which a stream then reports
// as an empty file or as an exception: here it is "Is a directory".
#pragma once

#include <optional>
#include <string>

namespace newsdex {

// The bytes of the file at `path` into `bytes`. On failure, the system's
// reason ("No such file or directory", "Is a directory", "Permission
// denied"), and `bytes` is empty.
std::optional<std::string> read_whole_file(const std::string& path, std::string& bytes);

}  // namespace newsdex
