// Walks the inputs a user names (files, directories, "-" for standard input)
// in a deterministic order and yields Articles or Diagnostics through a
// callback. Directories are walked recursively, hidden entries skipped, in
// byte order of their relative paths, so the same tree always reads the same.
//
// Ids never collide by accident and never depend on how a file was named:
//   - a text file: its absolute, normalised path (the folders' symbolic links
//     resolved, the file's own name kept), whatever the working directory,
//     the root given or whether it was named alone or inside its folder;
//   - a JSON Lines record: its own "id" (the user's key); without one, the
//     file's absolute path + ":" + line, or for standard input "-:" + a hash
//     of the record (the same record always gets the same id).
// Inputs that are not regular files (FIFOs, devices), symbolic-link loops
// and articles over the size limit are rejected with a diagnostic, never
// opened or read whole.
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
    std::string path;         // as it will be opened and reported
    std::string source_file;  // absolute and normalised; "-" for stdin
    // The first folder below a directory named as an input ("business" for
    // bbc-news/business/001.txt); "" for a file named itself or lying at the
    // directory's top. newsdex-index --section-from-folder makes it a section.
    std::string top_folder;
};

// Articles (a text file, a JSON Lines record) larger than this are rejected:
// no news article is, and one would cost memory for nothing.
inline constexpr std::size_t kDefaultMaxArticleBytes = std::size_t{8} << 20;

// Expands the inputs into files in reading order. Unreadable or missing inputs
// are reported as error diagnostics and left out.
std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        const std::function<void(const Diagnostic&)>& report);

// True for the extensions newsdex reads in a directory walk.
bool is_article_file_name(const std::string& file_name);

// Reads one file (or stdin) and emits its articles. Returns the number of
// error diagnostics it emitted (each one a rejected input).
std::size_t read_input_file(const InputFile& file, const CorpusSink& sink,
                            std::size_t max_article_bytes = kDefaultMaxArticleBytes);

// The absolute, normalised form of a file path as ids and sources use it.
std::string absolute_source_path(const std::string& path);

}  // namespace newsdex
