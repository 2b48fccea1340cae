// The articles the microbenchmarks run over: ../shared/bbc-news when it is
// there, else the bundled corpus/, read as the indexer reads them.
#pragma once

#include <filesystem>
#include <iostream>
#include <vector>

#include "common/reading/corpus_reader.h"

namespace newsdex::bench {

inline std::vector<Article> load_articles(const char* program) {
    const std::filesystem::path source = NEWSDEX_SOURCE_DIR;
    std::filesystem::path root = source.parent_path() / "shared" / "bbc-news";
    if (!std::filesystem::is_directory(root)) root = source / "corpus";
    std::vector<Article> out;
    CorpusSink sink{[&](Article&& a) { out.push_back(std::move(a)); }, [](const auto&) {}};
    for (const auto& f : list_input_files({root.string()}, [](const auto&) {})) read_input_file(f, sink);
    std::cerr << program << ": " << out.size() << " articles from " << root << '\n';
    return out;
}

}  // namespace newsdex::bench
