// Unit tests for indexer/indexing_run.h: one run over files written to a
// fresh temporary directory, without a process: the summary's counts, the
// messages, and what the index holds afterwards.
#include "indexer/indexing_run.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "common/index/article_index.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class IndexingRunTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("newsdex-run-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "corpus");
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / "corpus" / name).parent_path());
        std::ofstream(dir_ / "corpus" / name) << text;
    }
    IndexingOptions options(bool quiet = false) const {
        IndexingOptions o;
        o.db_path = db_path();
        o.inputs = {(dir_ / "corpus").string()};
        o.quiet = quiet;
        return o;
    }
    IndexingSummary run(std::ostringstream& messages, bool quiet = false) {
        return IndexingRun(options(quiet), messages, "newsdex-index").run();
    }
    IndexingSummary run(const IndexingOptions& o) {
        std::ostringstream messages;
        return IndexingRun(o, messages, "newsdex-index").run();
    }
    std::string db_path() const { return (dir_ / "test.db").string(); }
    // A file's id: its absolute path.
    std::string id_of(const std::string& name) const {
        return (fs::canonical(dir_ / "corpus") / name).generic_string();
    }

    fs::path dir_;
};

TEST_F(IndexingRunTest, IndexesEveryArticleAndSaysSo) {
    write("harbour.txt", "Harbour strike\n\nDock workers in Lisbon stopped work on Monday.\n");
    write("ferry.txt", "Ferry delays\n\nThe Oslo fjord ferry ran late all week.\n");
    std::ostringstream messages;
    const IndexingSummary s = run(messages);
    EXPECT_EQ(s.files, 2u);
    EXPECT_EQ(s.articles(), 2u);
    EXPECT_EQ(s.rejected, 0u);
    EXPECT_EQ(s.total, 2u);
    EXPECT_NE(messages.str().find("newsdex-index: 2 articles from 2 files into "), std::string::npos) << messages.str();
    EXPECT_NE(messages.str().find(": 2 added, 0 updated, 0 unchanged, 0 removed, 0 conflicts, 0 rejected"),
              std::string::npos)
        << messages.str();
    const Xapian::Database db = open_index_for_reading((dir_ / "test.db").string());
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_EQ(db.get_termfreq(schema::id_term(id_of("harbour.txt"))) +
                  db.get_termfreq(schema::id_term(id_of("ferry.txt"))),
              2u)
        << "ids are absolute paths";
}

TEST_F(IndexingRunTest, TheMemoryBudgetCommitsSoonerThanTheBatchSize) {
    std::string body;
    for (int w = 0; w < 600; ++w) body += "word" + std::to_string(w) + (w % 12 == 11 ? ".\n" : " ");
    for (int n = 0; n < 60; ++n) write("a" + std::to_string(n) + ".txt", "Story " + std::to_string(n) + "\n\n" + body);
    IndexingOptions small = options(true);
    small.memory_budget_mib = 1;  // commits at 512 KiB: each article is estimated at over 25 KB
    const IndexingSummary s = run(small);
    EXPECT_EQ(s.added, 60u);
    EXPECT_GE(s.batches, 3u);
    EXPECT_LE(s.batches, 30u);
    fs::remove_all(db_path());
    const IndexingSummary whole = run(options(true));
    EXPECT_EQ(whole.added, 60u);
    EXPECT_EQ(whole.batches, 1u);  // the default budget: one batch of 60
    IndexingOptions counted = options(true);
    counted.batch_size = 7;
    fs::remove_all(db_path());
    EXPECT_EQ(run(counted).batches, 9u);  // 60 articles, 7 a batch
}

TEST(PendingSizeEstimate, GrowsWithTermsPositionsAndRecord) {
    Xapian::Document small, large;
    small.add_posting("harbour", 1);
    for (Xapian::termpos p = 1; p <= 1000; ++p) large.add_posting("w" + std::to_string(p % 300), p);
    large.set_data(std::string(5000, 'x'));
    EXPECT_GE(pending_size_estimate(small), 40u);
    EXPECT_GE(pending_size_estimate(large), 300u * 40 + 1000u * 6 + 5000);
    EXPECT_LT(pending_size_estimate(large), 3 * (300u * 40 + 1000u * 6 + 5000));
}

TEST_F(IndexingRunTest, ARejectedFileIsCountedNamedAndTheRestIndexed) {
    write("good.txt", "Budget vote\n\nParliament passed the budget late on Tuesday.\n");
    write("empty.txt", "");
    std::ostringstream messages;
    const IndexingSummary s = run(messages);
    EXPECT_EQ(s.articles(), 1u);
    EXPECT_EQ(s.rejected, 1u);
    EXPECT_NE(messages.str().find("empty.txt"), std::string::npos) << messages.str();
    EXPECT_NE(messages.str().find("error:"), std::string::npos) << messages.str();
}

TEST_F(IndexingRunTest, QuietPrintsNoSummary) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    std::ostringstream messages;
    EXPECT_EQ(run(messages, /*quiet=*/true).articles(), 1u);
    EXPECT_EQ(messages.str(), "");
}

TEST_F(IndexingRunTest, ASecondWriterFailsBeforeReadingAnything) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    WritableArticleIndex holder((dir_ / "test.db").string());
    std::ostringstream messages;
    EXPECT_THROW(run(messages), IndexError);
    EXPECT_EQ(messages.str(), "");
}

TEST_F(IndexingRunTest, ARerunSkipsUnchangedArticlesAndReindexesChangedOnes) {
    write("harbour.txt", "Harbour strike\n\nDock workers in Lisbon stopped work on Monday.\n");
    write("ferry.txt", "Ferry delays\n\nThe Oslo fjord ferry ran late all week.\n");
    EXPECT_EQ(run(options()).added, 2u);
    write("ferry.txt", "Ferry delays\n\nThe Oslo fjord ferry ran late all month.\n");
    write("rates.txt", "Rates held\n\nThe central bank held rates steady.\n");
    const IndexingSummary s = run(options());
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(s.updated, 1u);
    EXPECT_EQ(s.unchanged, 1u);
    EXPECT_EQ(s.total, 3u);
    const Xapian::Database db = open_index_for_reading(db_path());
    EXPECT_EQ(db.get_termfreq("month"), 1u);
    EXPECT_EQ(db.get_termfreq("week"), 0u) << "the old text is gone";
    // Other analysis settings re-analyse every article.
    IndexingOptions other = options();
    other.extract_entities = false;
    EXPECT_EQ(run(other).updated, 3u);
}

TEST_F(IndexingRunTest, AnIdFromAnotherFileIsAConflictUnlessReplace) {
    write("a/feed.jsonl", R"({"id":"w1","title":"Lisbon strike","body":"Dock workers in Lisbon walked out."})"
                          "\n");
    write("b/feed.jsonl", R"({"id":"w1","title":"Oslo ferry","body":"A ferry in Oslo ran aground."})"
                          "\n");
    IndexingOptions a = options();
    a.inputs = {(dir_ / "corpus" / "a").string()};
    IndexingOptions b = options();
    b.inputs = {(dir_ / "corpus" / "b").string()};
    EXPECT_EQ(run(a).added, 1u);
    std::ostringstream messages;
    const IndexingSummary s = IndexingRun(b, messages, "newsdex-index").run();
    EXPECT_EQ(s.conflicts, 1u);
    EXPECT_EQ(s.articles(), 0u);
    EXPECT_NE(messages.str().find("error: id \"w1\" is the id of the article already indexed from "), std::string::npos)
        << messages.str();
    EXPECT_EQ(open_index_for_reading(db_path()).get_termfreq("lisbon"), 1u) << "the stored article is kept";
    b.replace = true;
    EXPECT_EQ(run(b).updated, 1u);
    EXPECT_EQ(open_index_for_reading(db_path()).get_termfreq("oslo"), 1u);
    EXPECT_EQ(open_index_for_reading(db_path()).get_termfreq("lisbon"), 0u);
}

TEST_F(IndexingRunTest, PruneRemovesArticlesWhoseFilesAreGone) {
    write("keep.txt", "Budget vote\n\nParliament passed the budget late on Tuesday.\n");
    write("sub/gone.txt", "Rates held\n\nThe central bank held rates steady.\n");
    EXPECT_EQ(run(options()).added, 2u);
    fs::remove(dir_ / "corpus" / "sub" / "gone.txt");
    EXPECT_EQ(run(options()).removed, 0u) << "without --prune nothing is removed";
    IndexingOptions prune = options();
    prune.prune = true;
    const IndexingSummary s = run(prune);
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(s.unchanged, 1u);
    EXPECT_EQ(s.total, 1u);
}

TEST_F(IndexingRunTest, PruneKeepsTheArticlesOfAFileThatCouldNotBeRead) {
    write("feed.jsonl", R"({"id":"w1","body":"Dock workers in Lisbon walked out."})"
                        "\n"
                        R"({"id":"w2","body":"A ferry in Oslo ran aground."})"
                        "\n");
    EXPECT_EQ(run(options()).added, 2u);
    write("feed.jsonl", R"({"id":"w1","body":"Dock workers in Lisbon walked out."})"
                        "\n"
                        R"({"id":"w2","body":)"
                        "\n");
    IndexingOptions prune = options();
    prune.prune = true;
    const IndexingSummary s = run(prune);
    EXPECT_EQ(s.rejected, 1u);
    EXPECT_EQ(s.removed, 0u) << "a bad line is no reason to drop its article";
    EXPECT_EQ(s.total, 2u);
}

TEST_F(IndexingRunTest, DeleteRemovesByIdOrPath) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    write("two.txt", "Budget vote\n\nParliament passed the budget late on Tuesday.\n");
    run(options());
    IndexingOptions del = options();
    del.inputs.clear();
    del.delete_ids = {id_of("one.txt"), "no-such-id"};
    const IndexingSummary s = run(del);
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(s.rejected, 1u) << "an unknown id is an error";
    EXPECT_EQ(s.total, 1u);
}

TEST_F(IndexingRunTest, AStopRequestCommitsWhatWasWrittenAndLeavesThePassesPending) {
    for (int i = 0; i < 5; ++i)
        write("a" + std::to_string(i) + ".txt",
              "Rates held\n\nThe central bank of country " + std::to_string(i) + " held rates steady.\n");
    std::atomic<int> stop{SIGTERM};  // asked before the first article: nothing to commit but the pending mark
    IndexingOptions o = options();
    o.stop = &stop;
    const IndexingSummary s = run(o);
    EXPECT_EQ(s.stopped_by, SIGTERM);
    const Xapian::Database db = open_index_for_reading(db_path());
    EXPECT_EQ(db.get_doccount(), s.articles());
    // The next run completes the job.
    const IndexingSummary again = run(options());
    EXPECT_EQ(again.total, 5u);
    EXPECT_EQ(open_index_for_reading(db_path()).get_metadata(std::string(schema::kPassesPendingKey)), "");
}

TEST_F(IndexingRunTest, AMissingInputCreatesNoIndex) {
    IndexingOptions o = options();
    o.inputs = {(dir_ / "no-such-folder").string()};
    EXPECT_EQ(run(o).rejected, 1u);
    EXPECT_FALSE(fs::exists(db_path()));
}

TEST_F(IndexingRunTest, ADbThatIsAFileOrAFolderOfArticlesIsRefused) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    IndexingOptions o = options();
    o.db_path = (dir_ / "corpus" / "one.txt").string();
    EXPECT_THROW(run(o), IndexError);
    o.db_path = (dir_ / "corpus").string();
    EXPECT_THROW(run(o), IndexError);
    EXPECT_EQ(fs::file_size(dir_ / "corpus" / "one.txt"), 48u) << "nothing written there";
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "corpus"), fs::directory_iterator()), 1) << "nor beside it";
}

TEST_F(IndexingRunTest, AnIndexOfTheOldSchemaIsRefusedSayingHowToUpgrade) {
    {
        Xapian::WritableDatabase old(db_path(), Xapian::DB_CREATE);
        old.set_metadata(std::string(schema::kSchemaVersionKey), "4");
        old.add_document(Xapian::Document());
        old.commit();
    }
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    for (auto open : {std::function<void()>([&] { run(options()); }),
                      std::function<void()>([&] { open_index_for_reading(db_path()); })}) {
        try {
            open();
            ADD_FAILURE() << "an index of schema 4 was opened";
        } catch (const IndexError& e) {
            EXPECT_NE(std::string(e.what()).find("index schema version 4 is not supported: this newsdex reads "
                                                 "schema version " +
                                                 std::to_string(schema::kSchemaVersion)),
                      std::string::npos)
                << e.what();
            EXPECT_NE(std::string(e.what()).find("re-index the corpus into a new --db"), std::string::npos) << e.what();
        }
    }
}

}  // namespace
}  // namespace newsdex
