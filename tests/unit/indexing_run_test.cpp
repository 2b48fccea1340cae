// Unit tests for indexer/indexing_run.h: one run over files written to a
// fresh temporary directory, without a process: the summary's counts, the
// messages, and what the index holds afterwards.
#include "indexer/indexing_run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / "corpus" / name) << text; }
    IndexingSummary run(std::ostringstream& messages, bool quiet = false) {
        IndexingOptions options;
        options.db_path = (dir_ / "test.db").string();
        options.inputs = {(dir_ / "corpus").string()};
        options.quiet = quiet;
        return IndexingRun(options, messages, "newsdex-index").run();
    }

    fs::path dir_;
};

TEST_F(IndexingRunTest, IndexesEveryArticleAndSaysSo) {
    write("harbour.txt", "Harbour strike\n\nDock workers in Lisbon stopped work on Monday.\n");
    write("ferry.txt", "Ferry delays\n\nThe Oslo fjord ferry ran late all week.\n");
    std::ostringstream messages;
    const IndexingSummary s = run(messages);
    EXPECT_EQ(s.files, 2u);
    EXPECT_EQ(s.articles, 2u);
    EXPECT_EQ(s.rejected, 0u);
    EXPECT_EQ(s.total, 2u);
    EXPECT_NE(messages.str().find("newsdex-index: indexed 2 articles from 2 files into "), std::string::npos)
        << messages.str();
    const Xapian::Database db = open_index_for_reading((dir_ / "test.db").string());
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_EQ(db.get_termfreq(schema::id_term("harbour.txt")) + db.get_termfreq(schema::id_term("ferry.txt")), 2u)
        << "ids are the paths below the named root";
}

TEST_F(IndexingRunTest, ARejectedFileIsCountedNamedAndTheRestIndexed) {
    write("good.txt", "Budget vote\n\nParliament passed the budget late on Tuesday.\n");
    write("empty.txt", "");
    std::ostringstream messages;
    const IndexingSummary s = run(messages);
    EXPECT_EQ(s.articles, 1u);
    EXPECT_EQ(s.rejected, 1u);
    EXPECT_NE(messages.str().find("empty.txt"), std::string::npos) << messages.str();
    EXPECT_NE(messages.str().find("error:"), std::string::npos) << messages.str();
}

TEST_F(IndexingRunTest, QuietPrintsNoSummary) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    std::ostringstream messages;
    EXPECT_EQ(run(messages, /*quiet=*/true).articles, 1u);
    EXPECT_EQ(messages.str(), "");
}

TEST_F(IndexingRunTest, ASecondWriterFailsBeforeReadingAnything) {
    write("one.txt", "Rates held\n\nThe central bank held rates steady.\n");
    WritableArticleIndex holder((dir_ / "test.db").string());
    std::ostringstream messages;
    EXPECT_THROW(run(messages), IndexError);
    EXPECT_EQ(messages.str(), "");
}

}  // namespace
}  // namespace newsdex
