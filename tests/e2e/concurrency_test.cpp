// Concurrent use (issue 11): searches while newsdex-index writes always
// succeed and see a committed state (whole batches); a second writer fails
// at once naming the process that holds the index.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <xapian.h>

#include "helpers.h"

#ifndef NEWSDEX_GENERATE_BIN
#error "NEWSDEX_GENERATE_BIN must be defined by the build"
#endif

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

// A child whose standard input is a pipe the test holds open (and whose
// output is discarded): an indexer reading "-" keeps the index locked until
// the pipe closes.
struct Child {
    pid_t pid = -1;
    int stdin_fd = -1;
    int wait() {
        if (stdin_fd >= 0) ::close(stdin_fd);
        stdin_fd = -1;
        return wait_for_child(pid);
    }
};

Child start(const std::vector<std::string>& argv) {
    const auto environment = child_environment({});
    int pipe_fds[2];
    EXPECT_EQ(::pipe(pipe_fds), 0);
    Child c;
    c.pid = ::fork();
    if (c.pid == 0) {
        ::dup2(pipe_fds[0], STDIN_FILENO);
        ::close(pipe_fds[1]);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        exec_child(argv, environment, {});
    }
    ::close(pipe_fds[0]);
    c.stdin_fd = pipe_fds[1];
    return c;
}

bool finished(const Child& c, int& status) {
    int raw = 0;
    if (::waitpid(c.pid, &raw, WNOHANG) != c.pid) return false;
    status = exit_status_of(raw);
    return true;
}

// One database: every search sees whole batches. Shards commit one after
// the other, so a search may see one shard's batch before another's; it
// still never fails and never sees fewer articles than the one before.
void searches_while_indexing(int shards) {
    constexpr int kArticles = 10000, kBatch = 500;
    ScratchDir dir;
    const RunResult gen = run(
        {NEWSDEX_GENERATE_BIN, "--out", (dir / "gen").string(), "--seed", "5", "--articles", std::to_string(kArticles)},
        {});
    ASSERT_EQ(gen.status, 0) << describe(gen);
    const fs::path db = dir / "db";
    Child indexer = start({index_bin(), "-q", "--batch-size", std::to_string(kBatch), "--shards",
                           std::to_string(shards), "--db", db.string(), (dir / "gen" / "articles").string()});
    ::close(indexer.stdin_fd);
    indexer.stdin_fd = -1;

    // Three kinds of query, each with facets (they read every match).
    const std::vector<std::vector<std::string>> queries = {
        {"--format", "json", "-n", "3", "--facet", "person", "--facet", "date:month", "*"},
        {"--format", "json", "-n", "3", "--facet", "location", "--any", "minister election"},
        {"--format", "json", "-n", "3", "--sort", "newest", "--facet", "source", "talks"},
    };
    int searches = 0, failed = 0, indexer_status = -1;
    long last_total = 0;
    std::string first_failure;
    while (!finished(indexer, indexer_status)) {
        if (!fs::exists(db)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        const RunResult r = search_in(db, queries[searches % queries.size()]);
        ++searches;
        const auto j = nlohmann::json::parse(r.out, nullptr, false);
        if ((r.status != 0 && r.status != 1) || j.is_discarded()) {
            if (failed++ == 0) first_failure = describe(r);
            continue;
        }
        if (searches % queries.size() == 1) {  // "*": the committed articles
            const long total = j["total"].get<long>();
            if (shards == 1) {
                EXPECT_TRUE(total % kBatch == 0) << total << " articles visible: not whole batches";
            }
            EXPECT_GE(total, last_total) << "a search saw fewer articles than the one before";
            last_total = total;
        }
    }
    EXPECT_EQ(indexer_status, 0);
    EXPECT_EQ(failed, 0) << failed << " of " << searches << " searches failed; the first:\n" << first_failure;
    EXPECT_GE(searches, 10) << "too few searches overlapped the indexing to show anything";
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), static_cast<Xapian::doccount>(kArticles));
    ::testing::Test::RecordProperty("searches_during_indexing", searches);
}

TEST(Concurrency, SearchesWhileIndexingTenThousandArticlesNeverFail) { searches_while_indexing(1); }

TEST(Concurrency, SearchesWhileIndexingIntoShardsNeverFail) { searches_while_indexing(2); }

TEST(Concurrency, ASecondWriterFailsAtOnceNamingTheFirst) {
    ScratchDir dir;
    write_file(dir / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "a.txt").string()}).status, 0);
    // The first writer reads standard input, which stays open: it holds the index.
    Child first = start({index_bin(), "--db", (dir / "db").string(), "-"});
    const std::string record = R"({"id":"s1","title":"Ferry","body":"The ferry sailed."})"
                               "\n";
    ASSERT_EQ(::write(first.stdin_fd, record.data(), record.size()), static_cast<ssize_t>(record.size()));
    // The writer names itself in the index folder once it holds the lock.
    for (int i = 0; i < 500 && !read_file(dir / "db" / "newsdex-writer").starts_with(std::to_string(first.pid) + " ");
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const RunResult second = index_into(dir / "db", {(dir / "a.txt").string()});
    EXPECT_EQ(second.status, 3) << describe(second);
    EXPECT_NE(second.err.find("error: the index is being written by newsdex-index (process " +
                              std::to_string(first.pid) + ", started "),
              std::string::npos)
        << describe(second);
    EXPECT_EQ(lines_of(second.err).size(), 1u) << describe(second);
    EXPECT_EQ(first.wait(), 0);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 2);
}

// A running batch fed through a pipe answers each query from the last commit.
TEST(Concurrency, ARunningBatchSeesNewCommits) {
    ScratchDir dir;
    write_file(dir / "news" / "a.txt", "Harbour strike ends\n\nDockworkers returned to work on Monday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "news").string()}).status, 0);
    int to_child[2], from_child[2];
    ASSERT_EQ(::pipe(to_child), 0);
    ASSERT_EQ(::pipe(from_child), 0);
    const auto environment = child_environment({});
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(to_child[0], STDIN_FILENO);
        ::dup2(from_child[1], STDOUT_FILENO);
        ::close(to_child[1]);
        ::close(from_child[0]);
        exec_child({search_bin(), "--db", (dir / "db").string(), "--batch", "-", "-q"}, environment, {});
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    FILE* answers = ::fdopen(from_child[0], "r");
    auto ask = [&](const std::string& id) {
        const std::string line = "{\"id\": \"" + id + "\", \"query\": \"harbour\"}\n";
        EXPECT_EQ(::write(to_child[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
        char buf[65536];
        const char* got = std::fgets(buf, sizeof buf, answers);  // blocks until the answer comes
        const auto j = nlohmann::json::parse(got ? got : "", nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << (got ? got : "(no answer)");
        return j.is_discarded() ? -1 : j["total"].get<int>();
    };
    EXPECT_EQ(ask("before"), 1);
    write_file(dir / "news" / "b.txt", "Harbour cranes return\n\nThe harbour cranes were back at work.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "news").string()}).status, 0);
    EXPECT_EQ(ask("after"), 2);
    ::close(to_child[1]);
    std::fclose(answers);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace newsdex::e2e
