// Walks the inputs a user names (files, directories, "-" for standard input)
// in a deterministic order and yields Articles or Diagnostics through a
// callback. Directories are walked recursively, hidden entries skipped, in
// byte order of their relative paths, so the same tree always reads the same.
//
// Ids: a JSONL record's "id"; else "<file relative to the root given>:<line>"
// ("-:<line>" for stdin); a text file's path relative to the directory given,
// extension kept (a file named directly: its file name).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/reading/article.h"
#include "common/reading/diagnostic.h"

namespace newsdex {

struct CorpusSink {
    std::function<void(Article&&)> on_article;
    std::function<void(const Diagnostic&)> on_diagnostic;
};

struct InputFile {
    std::string path;     // as it will be opened and reported
    std::string id_base;  // relative to the root given; "-" for stdin
};

// Expands the inputs into files in reading order. Unreadable or missing inputs
// are reported as error diagnostics and left out.
std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        const std::function<void(const Diagnostic&)>& report);

// True for the extensions newsdex reads in a directory walk.
bool is_article_file_name(const std::string& file_name);

// Reads one file (or stdin) and emits its articles. Returns the number of
// error diagnostics it emitted (each one a rejected input).
std::size_t read_input_file(const InputFile& file, const CorpusSink& sink);

}  // namespace newsdex
