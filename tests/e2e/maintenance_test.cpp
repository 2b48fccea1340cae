// newsdex-index --check, --stats and --compact through the real binary: on
// the bundled corpus, on an index damaged through Xapian, under another
// writer, after an interrupted compaction, and their usage errors.
#include <fstream>
#include <functional>
#include <random>

#include <xapian.h>

#include "common/index/schema.h"
#include "helpers.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

RunResult maintain(const fs::path& db, std::vector<std::string> args) {
    std::vector<std::string> argv{index_bin(), "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, {});
}

// A fresh index of the bundled corpus in its own scratch folder: the tests
// damage or compact it.
class MaintenanceTest : public ::testing::Test {
protected:
    void SetUp() override {
        const RunResult r = index_into(db(), {(source_dir() / "corpus").string()});
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    fs::path db() const { return dir_ / "corpus.db"; }
    Xapian::doccount articles() const { return Xapian::Database(db().string()).get_doccount(); }
    // The first document, changed and put back.
    void damage_document(const std::function<void(Xapian::Document&)>& change) {
        Xapian::WritableDatabase w(db().string(), Xapian::DB_OPEN);
        const Xapian::docid docid = *w.postlist_begin("");
        Xapian::Document d = w.get_document(docid);
        change(d);
        w.replace_document(docid, d);
        w.commit();
    }
    std::string first_id() const {
        const Xapian::Database r(db().string());
        return schema::decode_record(r.get_document(*r.postlist_begin("")).get_data()).id;
    }
    // Hidden entries beside the index: what a compaction must not leave.
    std::vector<std::string> hidden_entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir_.path()))
            if (e.path().filename().string().starts_with(".")) names.push_back(e.path().filename().string());
        return names;
    }

    ScratchDir dir_;
};

TEST_F(MaintenanceTest, CheckPassesOnTheIndexedCorpus) {
    const RunResult r = maintain(db(), {"--check"});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "newsdex-index: " + db().string() + ": checked " + std::to_string(articles()) + " articles: OK\n");
}

TEST_F(MaintenanceTest, CheckFindsARemovedValueSlot) {
    damage_document([](Xapian::Document& d) { d.remove_value(schema::kContentHashSlot); });
    const RunResult r = maintain(db(), {"--check"});
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 2u) << describe(r);
    EXPECT_TRUE(lines[0].starts_with("newsdex-index: " + db().string() + ": error: article " + first_id() +
                                     ": slot 10 (content hash) is missing"))
        << lines[0];
    EXPECT_EQ(lines[1],
              "newsdex-index: " + db().string() + ": checked " + std::to_string(articles()) + " articles: 1 problem");
}

// Random bytes written over the termlist tables: on some such damage
// Xapian 1.4's own check crashes (SIGSEGV, xapian-check too). --check
// reports the damage and exits 1 whatever the bytes; before, about half of
// these seeds killed it with exit 139.
TEST_F(MaintenanceTest, CheckReportsTablesXapianCannotReadAndNeverCrashes) {
    const fs::path copy = dir_ / "damaged.db";
    for (unsigned seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        fs::remove_all(copy);
        fs::copy(db(), copy, fs::copy_options::recursive);
        std::mt19937 random(seed);
        for (const auto& e : fs::recursive_directory_iterator(copy)) {
            if (e.path().filename() != "termlist.glass") continue;
            const auto size = fs::file_size(e.path());
            ASSERT_GT(size, 16384u);
            std::fstream table(e.path(), std::ios::in | std::ios::out | std::ios::binary);
            for (int run = 0; run < 20; ++run) {
                table.seekp(static_cast<std::streamoff>(8192 + random() % (size - 8192 - 8)));
                for (int k = 0; k < 8; ++k) table.put(static_cast<char>(random() & 0xFF));
            }
        }
        const RunResult r = maintain(copy, {"--check"});
        EXPECT_EQ(r.status, 1) << describe(r);
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << describe(r);
        EXPECT_NE(r.err.find(": error: Xapian's consistency check"), std::string::npos) << describe(r);
    }
}

TEST_F(MaintenanceTest, CheckFindsASecondDocumentWithTheSameId) {
    {
        Xapian::WritableDatabase w(db().string(), Xapian::DB_OPEN);
        w.add_document(w.get_document(*w.postlist_begin("")));
        w.commit();
    }
    const RunResult r = maintain(db(), {"--check"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_NE(r.err.find(": error: article " + first_id() + ": stored twice, in documents "), std::string::npos)
        << describe(r);
}

TEST_F(MaintenanceTest, CheckFindsAWrongSchemaVersion) {
    {
        Xapian::WritableDatabase w(db().string(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::kSchemaVersionKey), "99");
        w.commit();
    }
    const RunResult r = maintain(db(), {"--check"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(r.err, "newsdex-index: " + db().string() +
                         ": error: schema version 99, but this newsdex reads schema version " +
                         std::to_string(schema::kSchemaVersion) +
                         " (re-index the corpus into a new --db to upgrade)\nnewsdex-index: " + db().string() +
                         ": articles not checked (the schema version is not this newsdex's): 1 problem\n");
}

TEST_F(MaintenanceTest, CheckAndCompactWaitForTheWriter) {
    const Xapian::WritableDatabase writer(db().string(), Xapian::DB_OPEN);
    RunResult r = maintain(db(), {"--check"});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_NE(r.err.find("error: the index is being written"), std::string::npos) << describe(r);
    r = maintain(db(), {"--compact"});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_NE(r.err.find("error: the index is being written by "), std::string::npos) << describe(r);
    EXPECT_TRUE(hidden_entries().empty());
}

TEST_F(MaintenanceTest, StatsCountWhatTheIndexHolds) {
    RunResult r = maintain(db(), {"--stats", "--format", "json"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err, "");
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(j.is_object()) << describe(r);
    const Xapian::Database index(db().string());
    EXPECT_EQ(j["articles"], index.get_doccount());
    EXPECT_EQ(j["dates"]["undated"], index.get_doccount() - index.get_value_freq(schema::kDateSlot));
    EXPECT_EQ(j["passes_pending"], false);
    EXPECT_TRUE(j["last_run"].is_string());
    // The top persons are the search's person facet over everything.
    r = search_in(db(), {"--format", "json", "-n", "0", "--facet", "person", "*"});
    const auto search = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(search.is_object()) << describe(r);
    ASSERT_FALSE(j["top"]["person"].empty());
    EXPECT_EQ(j["top"]["person"], search["facets"]["person"]);
    r = maintain(db(), {"--stats"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("\n  articles        " + std::to_string(index.get_doccount()) + "\n"), std::string::npos)
        << describe(r);
    EXPECT_NE(r.out.find("\nTop persons:\n"), std::string::npos) << describe(r);
}

// The --stats lines down to "Top persons:", each as its label
// ("articles", "distinct terms"), after `indent`; the first line whole.
std::vector<std::string> stats_head(const std::string& text, const std::string& indent) {
    std::vector<std::string> head;
    for (const auto& line : lines_of(text)) {
        if (head.empty() != line.starts_with(indent + "Index: ")) continue;
        if (line == indent + "Top persons:") break;
        const std::string rest = line.substr(std::min(indent.size(), line.size()));
        head.push_back(head.empty() ? rest : rest.substr(0, rest.find("  ", 2)));
    }
    return head;
}

// docs/cli.md's --stats example said "schema version 7" when the binaries
// said 8: its head must be what the binary prints, the label of each line
// in order, and the README must name the same version.
TEST_F(MaintenanceTest, TheDocumentedStatsExampleIsTheBinarysOutput) {
    const RunResult r = maintain(db(), {"--stats"});
    ASSERT_EQ(r.status, 0) << describe(r);
    auto real = stats_head(r.out, "");
    ASSERT_GT(real.size(), 5u) << describe(r);
    const std::string version = "(schema version " + std::to_string(schema::kSchemaVersion) + ")";
    EXPECT_EQ(real[0], "Index: " + db().string() + " " + version);
    real[0] = "Index: news.db " + version;
    EXPECT_EQ(stats_head(read_file(source_dir() / "docs" / "cli.md"), "      "), real);
    const std::string readme = read_file(source_dir() / "README.md");
    EXPECT_NE(readme.find(version), std::string::npos);
    EXPECT_EQ(readme.find("(schema version "), readme.find(version)) << "another version named first";
}

TEST_F(MaintenanceTest, CompactKeepsEveryArticleAndLeavesNothingBehind) {
    const auto before = search_json(db(), "*", 1000);
    const auto talks = search_json(db(), "ceasefire talks", 1000);
    const RunResult r = maintain(db(), {"--compact"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(r.err.starts_with("newsdex-index: compacted " + db().string() + ": " + std::to_string(articles()) +
                                  " articles, "))
        << describe(r);
    EXPECT_EQ(search_json(db(), "*", 1000), before);
    EXPECT_EQ(search_json(db(), "ceasefire talks", 1000), talks);
    EXPECT_TRUE(hidden_entries().empty());
    const RunResult checked = maintain(db(), {"--check"});
    EXPECT_EQ(checked.status, 0) << describe(checked);
    // And it stays an index newsdex-index adds to.
    write_file(dir_ / "extra.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    const RunResult added = index_into(db(), {(dir_ / "extra.txt").string()});
    EXPECT_EQ(added.status, 0) << describe(added);
    EXPECT_EQ(hidden_entries(), std::vector<std::string>());
}

TEST_F(MaintenanceTest, AnInterruptedCompactionIsNamed) {
    const fs::path old = dir_ / ".corpus.db.old-12345";
    fs::rename(db(), old);
    const std::string expected = "newsdex-index: " + db().string() + ": error: no index here, but " + old.string() +
                                 " holds it as it was before a compaction that was interrupted; put it back with: "
                                 "mv '" +
                                 old.string() + "' '" + db().string() + "'\n";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--check"}, {"--stats"}, {"--compact"}, {(source_dir() / "corpus").string()}}) {
        const RunResult r = maintain(db(), args);
        EXPECT_EQ(r.status, 3) << describe(r);
        EXPECT_EQ(r.err, expected) << describe(r);
    }
    EXPECT_FALSE(fs::exists(db())) << "no fresh index hides the old one";
}

TEST(Maintenance, ModesTakeNoInputAndRunOneAtATime) {
    ScratchDir dir;
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--check", "--stats"}, "newsdex-index: error: --check and --stats cannot be combined\n"},
        {{"--compact", "corpus/"}, "newsdex-index: error: --compact takes no INPUT (--db names the index)\n"},
        {{"--check", "--prune"}, "newsdex-index: error: --check and --prune cannot be combined\n"},
        {{"--stats", "--batch-size", "10"}, "newsdex-index: error: --stats and --batch-size cannot be combined\n"},
        {{"--format", "json", "corpus/"}, "newsdex-index: error: --format goes with --stats\n"},
        {{"--stats", "--format", "xml"}, "newsdex-index: error: unknown --format \"xml\": use text or json\n"},
    };
    for (const auto& [args, message] : cases) {
        const RunResult r = maintain(dir / "db", args);
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, message) << describe(r);
    }
    const RunResult r = maintain(dir / "db", {"--check"});
    EXPECT_EQ(r.status, 3) << describe(r);
    EXPECT_EQ(r.err,
              "newsdex-index: " + (dir / "db").string() + ": error: no index here (build one with newsdex-index)\n");
    EXPECT_FALSE(fs::exists(dir / "db")) << "maintenance never creates an index";
}

// The BBC News corpus of ../shared: the check is clean on a real corpus of
// 2,225 articles, and compaction keeps them all.
TEST(Maintenance, BbcNewsChecksCleanAndCompacts) {
    const fs::path bbc = shared_dir() / "bbc-news";
    if (shared_dir().empty() || !fs::exists(bbc)) GTEST_SKIP() << "../shared/bbc-news is absent";
    ScratchDir dir;
    const RunResult indexed = index_into(dir / "bbc.db", {bbc.string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    RunResult r = maintain(dir / "bbc.db", {"--check"});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err, "newsdex-index: " + (dir / "bbc.db").string() + ": checked 2225 articles: OK\n");
    r = maintain(dir / "bbc.db", {"--compact"});
    EXPECT_EQ(r.status, 0) << describe(r);
    r = maintain(dir / "bbc.db", {"--stats", "--format", "json"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(nlohmann::json::parse(r.out)["articles"], 2225);
}

}  // namespace
}  // namespace newsdex::e2e
