// Crash safety (issue 11): newsdex-index killed with SIGKILL at any moment
// leaves an index that passes xapian-check, opens for searching and holds
// exactly the articles of its last committed batch; re-running completes the
// job with the same index as an uninterrupted run (compared with
// scripts/dump-index: every document's record, terms, positions and values,
// the first-indexed time aside). Exact points come from the indexer's
// NEWSDEX_CRASH_AT hook (indexer/indexing_run.cpp); timed kills from outside
// land anywhere, commits included.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <xapian.h>

#include "common/index/article_index.h"
#include "common/index/schema.h"
#include "helpers.h"

#ifndef NEWSDEX_GENERATE_BIN
#error "NEWSDEX_GENERATE_BIN must be defined by the build"
#endif

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kArticles = 600;
constexpr int kBatch = 50;

std::vector<std::string> index_args(const fs::path& db, const fs::path& feed, int shards = 1) {
    return {index_bin(), "-q",        "--batch-size", std::to_string(kBatch), "--shards", std::to_string(shards),
            "--db",      db.string(), feed.string()};
}

// Starts the indexer without waiting; its standard output is discarded and
// its standard error kept in `errors` (or discarded), so an unexpected
// exit can say what the indexer printed.
pid_t start_indexer(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                    const fs::path& errors = "/dev/null") {
    const auto environment = child_environment(env);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        const int err = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(err < 0 ? null : err, STDERR_FILENO);
        exec_child(argv, environment, {});
    }
    return pid;
}

// One generated corpus and its uninterrupted index, for every test here.
class CrashTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir;
        const RunResult gen = run({NEWSDEX_GENERATE_BIN, "--out", (*dir_ / "gen").string(), "--seed", "11",
                                   "--articles", std::to_string(kArticles)},
                                  {});
        ASSERT_EQ(gen.status, 0) << describe(gen);
        const auto start = Clock::now();
        const RunResult ref = run(index_args(*dir_ / "reference.db", feed()), {});
        run_time_ = Clock::now() - start;
        ASSERT_EQ(ref.status, 0) << describe(ref);
        reference_ = new std::string(dump_index(*dir_ / "reference.db"));
        // One database: its document ids are the reading order.
        const Xapian::Database reference_db((*dir_ / "reference.db").string());
        reading_order_ = new std::vector<std::string>;
        for (auto it = reference_db.postlist_begin(""); it != reference_db.postlist_end(""); ++it)
            reading_order_->push_back(
                schema::article_id_of_tie_break_key(reference_db.get_document(*it).get_value(schema::kTieBreakSlot)));
    }
    static void TearDownTestSuite() {
        delete reading_order_;
        delete reference_;
        delete dir_;
    }
    void SetUp() override { ASSERT_NE(reference_, nullptr) << "the reference index could not be built (see above)"; }
    static fs::path feed() { return *dir_ / "gen" / "articles"; }

    // What every crash must leave, whatever the point: an index that
    // passes xapian-check, opens for searching and (after SIGKILL) holds
    // whole batches. Returns its article count.
    static Xapian::doccount check_crashed_index(const fs::path& db, bool whole_batches = true) {
        const auto shards = index_shard_paths(db.string());
        for (const auto& shard : shards) {
            const RunResult check = run({"/usr/bin/xapian-check", shard}, {});
            EXPECT_EQ(check.status, 0) << describe(check);
        }
        const Xapian::doccount count = Xapian::Database(db.string()).get_doccount();
        if (whole_batches && shards.size() == 1) {
            EXPECT_TRUE(count % kBatch == 0 || count == kArticles) << count << " articles: not a whole batch";
        }
        if (whole_batches && shards.size() > 1) expect_whole_shard_batches(shards);
        const RunResult search = search_in(db, {"--format", "json", "-n", "1", "*"});
        EXPECT_TRUE(search.status == 0 || search.status == 1) << describe(search);
        const auto j = nlohmann::json::parse(search.out, nullptr, false);
        EXPECT_TRUE(!j.is_discarded() && j["total"] == count) << describe(search);
        return count;
    }
    // Each shard commits each batch on its own: after a kill, each holds its
    // share of the first m batches, and the shards' m differ by one at most
    // (killed between two shards' commits).
    static void expect_whole_shard_batches(const std::vector<std::string>& shards) {
        const std::size_t batches = (reading_order_->size() + kBatch - 1) / kBatch;
        std::vector<std::set<std::size_t>> whole;  // per shard: the m whose first m batches it holds
        for (std::size_t s = 0; s < shards.size(); ++s) {
            const Xapian::doccount held = Xapian::Database(shards[s]).get_doccount();
            Xapian::doccount share = 0;  // the shard's articles among the first m batches
            whole.emplace_back();
            for (std::size_t m = 0; m <= batches; ++m) {
                if (share == held) whole.back().insert(m);
                for (std::size_t k = m * kBatch; k < (m + 1) * kBatch && k < reading_order_->size(); ++k)
                    share += schema::shard_of((*reading_order_)[k], shards.size()) == s;
            }
            EXPECT_FALSE(whole.back().empty()) << "shard " << s << " holds " << held << " articles: part of a batch";
        }
        bool agree = false;
        for (std::size_t m = 0; m <= batches && !agree; ++m)
            agree = std::all_of(whole.begin(), whole.end(),
                                [&](const auto& w) { return w.count(m) || w.count(m + 1); });
        EXPECT_TRUE(agree) << "the shards are more than one batch apart";
    }
    // Re-running completes the job: the index equals the uninterrupted one
    // (whatever its shards: the dump does not depend on them).
    static void check_rerun_completes(const fs::path& db, int shards = 1) {
        const RunResult again = run(index_args(db, feed(), shards), {});
        EXPECT_EQ(again.status, 0) << describe(again);
        EXPECT_TRUE(dump_index(db) == *reference_) << "the re-run's index differs from an uninterrupted run's";
    }

    static ScratchDir* dir_;
    static std::string* reference_;
    static std::vector<std::string>* reading_order_;  // article ids
    static Clock::duration run_time_;
};

ScratchDir* CrashTest::dir_ = nullptr;
std::string* CrashTest::reference_ = nullptr;
std::vector<std::string>* CrashTest::reading_order_ = nullptr;
Clock::duration CrashTest::run_time_{};

TEST_F(CrashTest, EachExactPointKeepsTheLastCommittedBatch) {
    struct Point {
        const char* at;
        Xapian::doccount expected;  // the articles of the last commit
        const char* passes_pending;
    };
    const std::vector<Point> points = {
        {"article:1", 0, ""},       // early: before the first commit
        {"article:130", 100, "1"},  // mid-batch: two batches committed, the third lost
        {"batch:5", 250, "1"},      // just after a commit
        {"batch:12", 600, "1"},     // every article committed, passes not run
        {"passes", 600, "1"},       // the passes done but not committed
    };
    // Every shard commits each batch before the run goes on: the exact
    // points keep the same articles whatever the shards.
    for (const int shards : {1, 2})
        for (const auto& p : points) {
            SCOPED_TRACE(std::string(p.at) + ", shards " + std::to_string(shards));
            const std::string name = std::string("exact-") + p.at + "-" + std::to_string(shards);
            const fs::path db = *dir_ / name, errors = *dir_ / (name + ".stderr");
            const int status =
                wait_for_child(start_indexer(index_args(db, feed(), shards), {{"NEWSDEX_CRASH_AT", p.at}}, errors));
            EXPECT_EQ(status, 128 + SIGKILL) << "the indexer's standard error:\n" << read_file(errors);
            EXPECT_EQ(check_crashed_index(db), p.expected);
            for (const auto& shard : index_shard_paths(db.string()))
                EXPECT_EQ(Xapian::Database(shard).get_metadata(std::string(schema::kPassesPendingKey)),
                          p.passes_pending);
            check_rerun_completes(db, shards);
        }
}

TEST_F(CrashTest, KillsAtAnyMomentLeaveAValidIndexThatARerunCompletes) {
    for (const int shards : {1, 2})
        for (const double fraction : {0.1, 0.3, 0.5, 0.7, 0.9}) {
            SCOPED_TRACE(std::to_string(fraction) + ", shards " + std::to_string(shards));
            const fs::path db = *dir_ / ("timed-" + std::to_string(fraction) + "-" + std::to_string(shards));
            const pid_t pid = start_indexer(index_args(db, feed(), shards), {});
            std::this_thread::sleep_for(std::chrono::duration_cast<Clock::duration>(run_time_ * fraction));
            ::kill(pid, SIGKILL);
            wait_for_child(pid);            // killed, or finished first on a fast moment
            if (!fs::exists(db)) continue;  // killed before creating it: nothing to check
            check_crashed_index(db);
            check_rerun_completes(db, shards);
        }
}

TEST_F(CrashTest, SigtermCommitsWhatWasWrittenAndStops) {
    for (const int shards : {1, 2}) {
        const fs::path db = *dir_ / ("sigterm-" + std::to_string(shards));
        const pid_t pid = start_indexer(index_args(db, feed(), shards), {});
        std::this_thread::sleep_for(run_time_ / 2);
        ::kill(pid, SIGTERM);
        const int status = wait_for_child(pid);
        EXPECT_TRUE(status == 128 + SIGTERM || status == 0) << status;  // 0: it finished first
        check_crashed_index(db, /*whole_batches=*/false);               // it commits what it has written
        check_rerun_completes(db, shards);
    }
}

}  // namespace
}  // namespace newsdex::e2e
