// Incremental indexing (issue 11): an archive fed over several runs, with
// articles added, edited and deleted (--prune), ends exactly as a fresh index
// of the final corpus: every article's record, terms, positions and values,
// the corpus-wide data included (one spelling per person, resolved
// surnames, near-duplicate groups). Compared with scripts/dump-index.
#include <csignal>
#include <fstream>

#include "helpers.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

void append(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::app) << text; }

TEST(Incremental, AnArchiveFedInStepsEqualsAFreshIndexOfItsFinalState) {
    ScratchDir dir;
    const fs::path archive = dir / "archive";
    fs::copy(source_dir() / "corpus", archive, fs::copy_options::recursive);
    const fs::path aside = dir / "aside";
    fs::create_directories(aside);
    // Step 1: the archive without three articles (two of them name persons
    // others mention by surname only, one is half of a near-duplicate pair).
    std::vector<fs::path> held;
    for (const auto& entry : fs::recursive_directory_iterator(archive / "text"))
        if (entry.is_regular_file() && held.size() < 3 && entry.path().filename().string() < "d") {
            held.push_back(entry.path());
        }
    ASSERT_EQ(held.size(), 3u);
    for (const auto& p : held) fs::rename(p, aside / p.filename());
    const RunResult first = index_into(dir / "db", {archive.string()});
    ASSERT_EQ(first.status, 0) << describe(first);

    // Step 2: they arrive; one article is edited; two files and one JSON
    // Lines record are deleted.
    for (const auto& p : held) fs::rename(aside / p.filename(), p);
    std::vector<fs::path> texts;
    for (const auto& entry : fs::recursive_directory_iterator(archive / "text"))
        if (entry.is_regular_file()) texts.push_back(entry.path());
    std::sort(texts.begin(), texts.end());
    append(texts[5], "\nThe minister, Ms Okafor, said talks would resume in Lisbon on Friday.\n");
    fs::remove(texts[10]);
    fs::remove(texts[20]);
    const fs::path feed = archive / "feeds" / "wire.jsonl";
    auto lines = lines_of(read_file(feed));
    ASSERT_GT(lines.size(), 5u);
    lines.pop_back();
    std::string rest;
    for (const auto& l : lines) rest += l + "\n";
    write_file(feed, rest);

    const RunResult second = index_into(dir / "db", {"--prune", archive.string()});
    ASSERT_EQ(second.status, 0) << describe(second);
    EXPECT_NE(second.err.find(": 3 added, 1 updated, "), std::string::npos) << describe(second);
    EXPECT_NE(second.err.find(" unchanged, 3 removed, "), std::string::npos) << describe(second);

    // A fresh index of the final archive.
    const RunResult fresh = index_into(dir / "fresh.db", {archive.string()});
    ASSERT_EQ(fresh.status, 0) << describe(fresh);
    const std::string incremental_dump = dump_index(dir / "db"), fresh_dump = dump_index(dir / "fresh.db");
    EXPECT_FALSE(fresh_dump.empty());
    EXPECT_TRUE(incremental_dump == fresh_dump) << "the incremental index differs from a fresh one";

    // Nothing changed since: the next run skips every article and rewrites nothing.
    const RunResult third = index_into(dir / "db", {"--prune", archive.string()});
    EXPECT_NE(third.err.find(" 0 added, 0 updated, "), std::string::npos) << describe(third);
    EXPECT_EQ(third.err.find("across the index"), std::string::npos) << describe(third);
    EXPECT_TRUE(dump_index(dir / "db") == fresh_dump);
}

// An article indexed before the one that gives a person's full name is
// rewritten with it when that one arrives, and the run says how many older
// articles it rewrote. (Articles of the run itself are written with their
// persons resolved already, and are not counted.)
TEST(Incremental, AnOlderArticleResolvedAnewIsRewrittenAndSaid) {
    ScratchDir dir;
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "a.txt",
               "Harbour talks stall\n\nMr Quillfeather said on Tuesday that the harbour talks had stalled after a "
               "long night of argument.\n");
    const RunResult first = index_into(dir / "db", {(dir / "in").string()});
    ASSERT_EQ(first.status, 0) << describe(first);
    EXPECT_EQ(first.err.find("across the index"), std::string::npos) << describe(first);
    ASSERT_EQ(search_json(dir / "db", "stalled")["hits"][0]["persons"], nlohmann::json({"Quillfeather"}));

    write_file(dir / "in" / "b.txt",
               "Minister visits port\n\nJonas Quillfeather, the transport minister, visited the port on Wednesday "
               "and met dock workers.\n");
    const RunResult second = index_into(dir / "db", {(dir / "in").string()});
    ASSERT_EQ(second.status, 0) << describe(second);
    EXPECT_NE(second.err.find("; across the index: persons resolved anew in 1\n"), std::string::npos)
        << describe(second);
    EXPECT_EQ(search_json(dir / "db", "stalled")["hits"][0]["persons"], nlohmann::json({"Jonas Quillfeather"}));

    // Both in one run: resolved before they are written, nothing rewritten.
    const RunResult fresh = index_into(dir / "fresh.db", {(dir / "in").string()});
    ASSERT_EQ(fresh.status, 0) << describe(fresh);
    EXPECT_EQ(fresh.err.find("persons resolved anew"), std::string::npos) << describe(fresh);
    EXPECT_EQ(search_json(dir / "fresh.db", "stalled")["hits"][0]["persons"], nlohmann::json({"Jonas Quillfeather"}));
    EXPECT_TRUE(dump_index(dir / "fresh.db") == dump_index(dir / "db"));
}

// A fresh index leaves out the person pass: the run resolved every
// article's persons over the whole index before writing it. The pass, run
// over that index anyway (the first run killed before its passes were
// committed, so the next runs them all), finds nothing to change.
TEST(Incremental, AFreshIndexsPersonsAreWhatThePassWouldMakeThem) {
    ScratchDir dir;
    std::vector<std::string> inputs{(source_dir() / "corpus").string()};
    if (fs::exists(shared_dir() / "seeds")) inputs.push_back((shared_dir() / "seeds").string());
    RunOptions killed;
    killed.env["NEWSDEX_CRASH_AT"] = "passes";
    const RunResult first = index_into(dir / "db", inputs, killed);
    ASSERT_EQ(first.status, 128 + SIGKILL) << describe(first);
    const RunResult second = index_into(dir / "db", inputs);
    ASSERT_EQ(second.status, 0) << describe(second);
    EXPECT_NE(second.err.find(" 0 added, 0 updated, "), std::string::npos) << describe(second);
    EXPECT_EQ(second.err.find("persons resolved anew"), std::string::npos) << describe(second);
}

}  // namespace
}  // namespace newsdex::e2e
