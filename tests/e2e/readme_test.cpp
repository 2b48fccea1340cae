// The README's examples work on the index its Quick start builds (issue 15:
// they named people and words the bundled corpus does not have, and found
// nothing). Every `newsdex-search` line of the README's shell blocks is run
// as written, against an index of corpus/, from the source tree, and must
// find articles (exit 0); so is the suggestion the README promises.
#include <regex>
#include <sstream>

#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

// The command lines of the README's ```sh blocks that run newsdex-search
// on the default index, comments cut ("  # …"); the Quick start's
// "./build/newsdex-search …" among them.
std::vector<std::string> readme_searches() {
    std::istringstream in(read_file(source_dir() / "README.md"));
    std::vector<std::string> out;
    bool in_shell = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("```")) {
            in_shell = line == "```sh";
            continue;
        }
        if (!in_shell) continue;
        const auto at = line.find("newsdex-search ");
        if (at == std::string::npos || line.find("--db ") != std::string::npos) continue;
        std::string command = line.substr(at);
        if (const auto comment = command.find("  #"); comment != std::string::npos) command.resize(comment);
        out.push_back(command);
    }
    return out;
}

class ReadmeExamples : public IndexedCorpusTest<BundledCorpus> {
protected:
    RunResult shell(const std::string& command) {
        const std::string bin_dir = fs::path(search_bin()).parent_path().string();
        RunOptions options;
        options.cwd = source_dir();
        options.env = {{"NEWSDEX_DB", db().string()}, {"PATH", bin_dir + ":/usr/bin:/bin"}};
        options.timeout = std::chrono::seconds(60);
        return run({"/bin/bash", "-c", command + " </dev/null"}, options);
    }
};

TEST_F(ReadmeExamples, EverySearchFindsArticlesInTheBundledCorpus) {
    const auto commands = readme_searches();
    ASSERT_GE(commands.size(), 10u) << "the README's examples were not found";
    for (const auto& command : commands) {
        SCOPED_TRACE(command);
        const RunResult r = shell(command);
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_EQ(r.out.find("No articles match"), std::string::npos) << describe(r);
    }
}

TEST_F(ReadmeExamples, TheMisspeltWordGetsTheSuggestionShown) {
    // "(`Mansoor` -> `Did you mean: mansour`)"
    const std::string readme = read_file(source_dir() / "README.md");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(readme, m, std::regex("\\(`([^`]+)` -> `(Did you mean: [^`]+)`\\)"))) << readme;
    const RunResult r = shell("newsdex-search '" + m[1].str() + "'");
    EXPECT_NE(r.out.find(m[2].str() + "\n"), std::string::npos) << describe(r);
}

}  // namespace
}  // namespace newsdex::e2e
