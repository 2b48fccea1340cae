// A hostile corpus (issue 11), written at test time by
// tests/hostile/make-hostile-corpus: invalid UTF-8, NUL bytes, empty and
// blank files, a 50 MB article, a 1 MB line, bad JSON Lines, 200 nested
// folders, symbolic-link loops, a FIFO, an unreadable file. Each rejected
// input gets exactly one error line naming it (and its line), everything
// else is indexed, the exit status is 1, and peak memory stays bounded.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include "helpers.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

struct MeasuredRun {
    RunResult result;
    long peak_rss_kib = 0;
};

// Runs the indexer with its stderr in a file, and its peak resident memory
// from wait4().
MeasuredRun index_measured(const std::vector<std::string>& argv, const fs::path& err_file) {
    const auto environment = child_environment({});
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!std::freopen(err_file.c_str(), "w", stderr)) ::_exit(126);
        if (!std::freopen("/dev/null", "w", stdout)) ::_exit(126);
        exec_child(argv, environment, {});
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    MeasuredRun m;
    m.result.status = exit_status_of(status);
    m.result.err = read_file(err_file);
    m.peak_rss_kib = usage.ru_maxrss;
    return m;
}

TEST(HostileCorpus, EachBadInputIsNamedOnceAndTheRestIsIndexed) {
    ScratchDir dir;
    const fs::path corpus = dir / "hostile";
    const RunResult made =
        run({"/bin/bash", (source_dir() / "tests" / "hostile" / "make-hostile-corpus").string(), corpus.string()}, {});
    ASSERT_EQ(made.status, 0) << describe(made);
    const bool root = ::geteuid() == 0;  // root reads a mode-000 file: then it is an article like any other

    const MeasuredRun m = index_measured({index_bin(), "--db", (dir / "db").string(), corpus.string()}, dir / "err");
    const RunResult& r = m.result;
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_LT(m.peak_rss_kib, 400 * 1024) << "peak RSS " << m.peak_rss_kib << " KiB";

    const auto errors = lines_containing(r.err, ": error: ");
    const auto warnings = lines_containing(r.err, ": warning: ");
    auto count_naming = [](const std::vector<std::string>& lines, const std::string& where) {
        return std::count_if(lines.begin(), lines.end(),
                             [&](const std::string& l) { return l.starts_with("newsdex-index: " + where + ": "); });
    };
    std::set<std::string> indexed_files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        const std::string name = entry.path().filename().string();
        const std::string where = entry.path().string();
        SCOPED_TRACE(name);
        if (name.starts_with("reject-") && !(root && name == "reject-unreadable.txt")) {
            EXPECT_EQ(count_naming(errors, where), 1) << r.err;
        } else if (name.starts_with("ok-") || name.starts_with("warn-") || name == "reject-unreadable.txt") {
            EXPECT_EQ(count_naming(errors, where), 0) << r.err;
            EXPECT_EQ(count_naming(warnings, where), name.starts_with("warn-") ? 1 : 0) << r.err;
            indexed_files.insert(fs::canonical(entry.path().parent_path()) / name);
        }
    }
    // mixed.jsonl: lines 3 to 9 rejected, one error each; the rest indexed.
    const std::string mixed = (corpus / "mixed.jsonl").string();
    for (int line = 1; line <= 11; ++line)
        EXPECT_EQ(count_naming(errors, mixed + ":" + std::to_string(line)), line >= 3 && line <= 9 ? 1 : 0)
            << "line " << line << "\n"
            << r.err;
    EXPECT_EQ(errors.size() + warnings.size() + 1, lines_of(r.err).size()) << "one line per problem, and the summary";

    std::set<std::string> expected_ids(indexed_files.begin(), indexed_files.end());
    for (const char* id : {"j1", "j2", "j10", "j11"}) expected_ids.insert(id);
    std::set<std::string> ids;
    const auto all = search_json(dir / "db", "*", 100);  // kept: the loop must not range over a temporary
    for (const auto& h : all["hits"]) ids.insert(h["id"].get<std::string>());
    EXPECT_EQ(ids, expected_ids);
    // Terminal escapes never reach the index or the output.
    const RunResult escapes = search_in(dir / "db", {"--format", "json", "escapes"});
    EXPECT_EQ(escapes.out.find('\x1b'), std::string::npos) << escapes.out;
    EXPECT_NE(r.err.find(std::to_string(expected_ids.size()) + " added"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace newsdex::e2e
