// Command-line behaviour of both binaries: help, version, usage errors, exit
// codes for index problems, closed pipes and colour.
#include <xapian.h>

#include "common/index/schema.h"
#include "helpers.h"

namespace newsdex::e2e {
namespace {

TEST(Cli, HelpNamesUsageOptionsAndExitCodes) {
    for (const auto& bin : {index_bin(), search_bin()}) {
        const RunResult r = run({bin, "--help"}, {});
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_NE(r.out.find("Usage: newsdex-"), std::string::npos) << describe(r);
        EXPECT_NE(r.out.find("--db"), std::string::npos) << describe(r);
        EXPECT_NE(r.out.find("Exit status:"), std::string::npos) << describe(r);
        EXPECT_EQ(r.err, "");
    }
}

TEST(Cli, VersionNamesSchemaAndXapian) {
    for (const auto& bin : {index_bin(), search_bin()}) {
        const RunResult r = run({bin, "--version"}, {});
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_NE(r.out.find("index schema " + std::to_string(schema::kSchemaVersion)), std::string::npos)
            << describe(r);
        EXPECT_NE(r.out.find(std::string("Xapian ") + Xapian::version_string()), std::string::npos) << describe(r);
    }
}

TEST(Cli, UsageErrorsExitTwo) {
    RunResult r = run({index_bin()}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err, "newsdex-index: error: no input given: name files, directories or - (see --help)\n");
    r = run({index_bin(), "--bogus", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("newsdex-index: error: unrecognised option '--bogus'"), std::string::npos) << describe(r);
    EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << "nothing is near --bogus: " << describe(r);
    // A mistyped option names the one meant.
    r = run({search_bin(), "--limt", "5", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("unrecognised option '--limt' (did you mean --limit?)"), std::string::npos) << describe(r);
    r = run({index_bin(), "--shrads=2", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("(did you mean --shards?)"), std::string::npos) << describe(r);
    r = run({search_bin(), "--format", "xml", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err,
              "newsdex-search: error: unknown --format \"xml\": use text, json or jsonl (tsv or trec with --batch)\n");
    r = run({search_bin(), "-n", "many", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    for (const auto& bad : {std::vector<std::string>{"-n", "-1"}, {"-n", "4294967296"}, {"--offset", "4294967296"}}) {
        r = run({search_bin(), bad[0], bad[1], "x"}, {});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_NE(r.err.find("must be between 0 and 2147483647"), std::string::npos) << describe(r);
    }
    // Negative numbers are no huge ones (Boost read "-1" into a size as its
    // largest value: --max-article-size -1 let a 9 MiB article in).
    for (const auto& bad :
         {std::vector<std::string>{"--max-article-size", "-1", "--max-article-size must be from 1 to 4096, not -1"},
          {"--memory", "-5", "--memory must be from 1 to 1048576, not -5"},
          {"--batch-size", "-1", "--batch-size must be from 1 to 10000000, not -1"},
          {"--jobs", "-1", "--jobs must be from 1 to 256, not -1"},
          {"--batch-size", "0", "--batch-size must be from 1 to 10000000, not 0"}}) {
        r = run({index_bin(), bad[0], bad[1], "x"}, {});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, "newsdex-index: error: " + bad[2] + "\n") << describe(r);
    }
    r = run({search_bin(), "-sport"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("put the query after --"), std::string::npos) << describe(r);
    r = run({search_bin(), "--why", "x"}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: error: --why explains one article: give its id with --get ID\n");
}

// Sizes take a binary unit as well as a number of MiB: a 1.5 MiB article is
// over "1M" and "1MiB" and under "2M", "2mb" and "1G"; a unit below a MiB or
// a fraction is a usage error, not a size read some other way.
TEST(Cli, SizesTakeAUnit) {
    ScratchDir dir;
    write_file(dir / "big.txt", "Long report\n\n" + std::string(1536 * 1024, 'x') + "\n");
    for (const auto& [size, indexed] : std::vector<std::pair<std::string, bool>>{
             {"1", false}, {"1M", false}, {"1MiB", false}, {"2M", true}, {"2mb", true}, {"1G", true}}) {
        std::filesystem::remove_all(dir / "db");
        const RunResult r = index_into(dir / "db", {"-q", "--max-article-size", size, (dir / "big.txt").string()});
        EXPECT_EQ(r.status, indexed ? 0 : 1) << size << ": " << describe(r);
    }
    for (const std::string bad : {"512K", "1.5G", "2T", "M"}) {
        const RunResult r = index_into(dir / "db", {"--memory", bad, (dir / "big.txt").string()});
        EXPECT_EQ(r.status, 2) << bad << ": " << describe(r);
        EXPECT_EQ(r.err,
                  "newsdex-index: error: the argument ('" + bad + "') for option '--memory' is invalid (see --help)\n")
            << describe(r);
    }
    const RunResult r = index_into(dir / "db", {"--memory", "4096G", (dir / "big.txt").string()});
    EXPECT_EQ(r.err, "newsdex-index: error: --memory must be from 1 to 1048576, not 4194304\n") << describe(r);
}

// An empty value was read as the option left out: --get '' listed every
// article, --db '' searched ./newsdex.db.
TEST(Cli, AnEmptyIdOrIndexPathIsAUsageError) {
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "newsdex.db", {(dir / "a.txt").string()}).status, 0);
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{search_bin(), "--get", ""}, "newsdex-search: error: --get needs an article id\n"},
        {{search_bin(), "--like", ""}, "newsdex-search: error: --like needs an article id\n"},
        {{search_bin(), "--like", "", "harbour"}, "newsdex-search: error: --like needs an article id\n"},
        {{search_bin(), "--db", "", "harbour"}, "newsdex-search: error: --db needs an index path\n"},
        {{index_bin(), "--db", "", (dir / "a.txt").string()}, "newsdex-index: error: --db needs an index path\n"},
        {{search_bin(), "--batch", ""}, "newsdex-search: error: --batch needs a file (- for standard input)\n"},
        {{search_bin(), "--batch", "-", "--state", ""}, "newsdex-search: error: --state needs a file\n"},
        {{search_bin(), "--since", "", "harbour"}, "newsdex-search: error: --since needs a time\n"},
    };
    for (const auto& [argv, err] : cases) {
        const RunResult r = run(argv, {.cwd = dir.path(), .stdin_text = "harbour\n"});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, err) << describe(r);
        EXPECT_EQ(r.out, "") << describe(r);
    }
}

// --facet-sample took -1 as the largest count (every match, silently).
// The shell's page size is :limit's (with -n 0 every :next showed no hit),
// and a starting --like was dropped by the first query.
TEST(Cli, ShellStartingSettingsOutsideTheShellsRangeAreUsageErrors) {
    for (const auto& bad :
         {std::vector<std::string>{"-n", "0", "--shell pages 1 to 10000 hits: -n 0"},
          {"-n", "10001", "--shell pages 1 to 10000 hits: -n 10001"},
          {"--like", "a1", "--like is no shell setting: in the shell, :like N finds articles like hit N"}}) {
        const RunResult r = run({search_bin(), "--shell", bad[0], bad[1]}, {.stdin_text = ""});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, "newsdex-search: error: " + bad[2] + "\n") << describe(r);
    }
}

TEST(Cli, NegativeFacetSampleIsAUsageError) {
    for (const std::string bad : {"-1", "2147483648", "many"}) {
        const RunResult r = run({search_bin(), "--facet-sample", bad, "--facet", "person", "x"}, {});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_NE(r.err.find("newsdex-search: error: "), std::string::npos) << describe(r);
        EXPECT_EQ(r.out, "");
    }
    const RunResult r = run({search_bin(), "--facet-sample", "-1", "x"}, {});
    EXPECT_EQ(r.err, "newsdex-search: error: --facet-sample must be between 0 and 2147483647\n");
}

TEST(Cli, WriteFailureIsAnError) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "a.txt").string()}).status, 0);
    const std::string cmd = "'" + search_bin() + "' --db '" + (dir / "db").string() + "' dockworkers > /dev/full";
    const RunResult r = run({"/bin/bash", "-c", cmd}, {});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: error: cannot write the results: No space left on device\n");
    // --help and --version too (they exited 0 with nothing written).
    for (const auto& [bin, option] : {std::pair{index_bin(), "--help"}, std::pair{search_bin(), "--version"}}) {
        const RunResult h = run({"/bin/bash", "-c", "'" + bin + "' " + option + " > /dev/full"}, {});
        EXPECT_EQ(h.status, 2) << describe(h);
        EXPECT_NE(h.err.find(": error: cannot write the results: No space left on device"), std::string::npos)
            << describe(h);
    }
}

TEST(Cli, SearchWithoutIndexExitsThree) {
    ScratchDir dir;
    const RunResult r = run({search_bin(), "anything"}, {.cwd = dir.path()});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "newsdex-search: newsdex.db: error: no index here (build one with newsdex-index)\n");
}

TEST(Cli, DefaultIndexIsNewsdexDbOrEnvironment) {
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    RunResult r = run({index_bin(), "a.txt"}, {.cwd = dir.path()});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "newsdex.db"));
    r = run({search_bin(), "dockworkers"}, {.cwd = dir.path()});
    EXPECT_EQ(r.status, 0) << describe(r);

    r = run({index_bin(), "a.txt"}, {.cwd = dir.path(), .env = {{"NEWSDEX_DB", "other.db"}}});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "other.db"));
    r = run({search_bin(), "dockworkers"}, {.cwd = dir.path(), .env = {{"NEWSDEX_DB", "other.db"}}});
    EXPECT_EQ(r.status, 0) << describe(r);
}

TEST(Cli, NewerSchemaIsRefusedNamingBothVersions) {
    ScratchDir dir;
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "99");
        db.add_document(Xapian::Document());
        db.commit();
    }
    const RunResult r = search_in(dir / "db", {"x"});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_NE(r.err.find("index schema version 99 is not supported: this newsdex reads schema version " +
                         std::to_string(schema::kSchemaVersion)),
              std::string::npos)
        << describe(r);
    // The indexer refuses it too, and leaves it alone.
    write_file(dir / "a.txt", "Title line\n\nSome text.\n");
    const RunResult w = index_into(dir / "db", {(dir / "a.txt").string()});
    EXPECT_EQ(w.status, 3) << describe(w);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 1u);
}

TEST(Cli, LockedIndexExitsThreeAtOnceAndWritesNothing) {
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "a.txt").string()}).status, 0);
    Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_OPEN);  // holds the lock
    write_file(dir / "b.txt", "Second story\n\nAnother article body.\n");
    const RunResult r = index_into(dir / "db", {(dir / "b.txt").string()});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_NE(r.err.find("error: the index is being written by another process"), std::string::npos) << describe(r);
    EXPECT_EQ(holder.get_doccount(), 1u);
}

TEST(Cli, IndexPathThatIsAFileExitsThree) {
    ScratchDir dir;
    write_file(dir / "not-a-dir", "x");
    write_file(dir / "a.txt", "Title\n\nBody text here.\n");
    const RunResult r = index_into(dir / "not-a-dir", {(dir / "a.txt").string()});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_NE(r.err.find("not-a-dir: error: is a file, not an index: nothing written"), std::string::npos)
        << describe(r);
    EXPECT_EQ(read_file(dir / "not-a-dir"), "x");
}

TEST(Cli, ClosedPipeIsNotAnError) {
    ScratchDir dir;
    std::string jsonl;
    for (int i = 0; i < 300; ++i)
        jsonl += R"({"id":"a)" + std::to_string(i) +
                 R"(","title":"Port story","body":"Dockworkers at the port voted again."})"
                 "\n";
    write_file(dir / "many.jsonl", jsonl);
    ASSERT_EQ(index_into(dir / "db", {(dir / "many.jsonl").string()}).status, 0);
    const std::string cmd = "set -o pipefail; '" + search_bin() + "' --db '" + (dir / "db").string() +
                            "' -n 300 dockworkers | head -n 1";
    const RunResult r = run({"/bin/bash", "-c", cmd}, {});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err, "");
}

TEST(Cli, BoldHighlightsOnlyWhenAsked) {
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "a.txt").string()}).status, 0);
    RunResult r = search_in(dir / "db", {"dockworkers"});  // stdout is a file: plain
    EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << describe(r);
    r = search_in(dir / "db", {"--color", "always", "dockworkers"});
    EXPECT_NE(r.out.find("\x1b[1mDockworkers\x1b[0m"), std::string::npos) << describe(r);
}

}  // namespace
}  // namespace newsdex::e2e
