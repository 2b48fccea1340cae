// Scale-out goes through Xapian's own remote backend: newsdex-search opened
// on a stub file naming a xapian-tcpsrv server must print exactly what it
// prints on the local index (facets, sorting, explanations, suggestions,
// collapsing: everything is built from Xapian's registered machinery); three
// shards served by three servers answer as one local index of the same
// articles does; a server that is down is named, or left out with
// --allow-partial (issue 14).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "pty_session.h"

extern char** environ;

namespace newsdex::e2e {
namespace {

bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// A port no socket holds now, as the kernel picks one for a bind to port 0:
// fixed ranges derived from the test's pid could meet another test's server
// or a connection's ephemeral port, and a server that cannot bind is a flake.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// A server program (xapian-tcpsrv, xapian-replicate-server) listening on a
// port, stopped when the object goes.
class ServerProcess {
public:
    ServerProcess(std::vector<std::string> args, int port) {
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        // A process group of its own: on SIGTERM the server signals its whole
        // group (its connection children), which must not include this test.
        posix_spawnattr_t attr;
        ::posix_spawnattr_init(&attr);
        ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        ::posix_spawnattr_setpgroup(&attr, 0);
        posix_spawn_file_actions_t quiet;  // its notes on our probe connection are noise
        ::posix_spawn_file_actions_init(&quiet);
        ::posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
        ::posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
        if (::posix_spawnp(&pid_, argv[0], &quiet, &attr, argv.data(), environ) != 0) pid_ = -1;
        ::posix_spawn_file_actions_destroy(&quiet);
        ::posix_spawnattr_destroy(&attr);
        for (int tries = 0; pid_ > 0 && tries < 200 && !(up_ = accepts_connections(port)); ++tries)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(-pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    bool up() const { return up_; }

private:
    pid_t pid_ = -1;
    bool up_ = false;
};

// xapian-tcpsrv serving one database.
class RemoteServer : public ServerProcess {
public:
    RemoteServer(const std::filesystem::path& db, int port)
        : ServerProcess(
              {"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), db.string()},
              port) {}
};

bool on_path(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// The program's full path (run() takes paths, not names to look up).
std::string program_path(const std::string& program) {
    for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/bin/"})
        if (std::filesystem::exists(std::string(dir) + program)) return dir + program;
    return program;
}

TEST(RemoteBackend, SearchThroughXapianTcpsrvPrintsWhatTheLocalIndexPrints) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
    ScratchDir dir;
    const RunResult indexed = index_into(dir / "db", {(source_dir() / "corpus").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    const int port = free_port();
    RemoteServer server(dir / "db", port);
    ASSERT_TRUE(server.up()) << "xapian-tcpsrv did not start on port " << port;
    write_file(dir / "remote.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");

    const std::vector<std::vector<std::string>> searches = {
        {"--format", "json", "--facet", "person", "--facet", "country:0", "--facet", "date:month", "ceasefire"},
        {"--format", "json", "--sort", "newest", "-n", "20", "*"},
        {"--format", "json", "--sort", "oldest", "--facet", "org:0", "date:2024-01..2024-06"},
        {"--format", "json", "--explain", "ceasefire talks"},
        {"--format", "json", "--collapse", "-n", "50", "*"},
        {"--format", "json", "Qadria"},  // a suggestion from the remote vocabulary
        {"ceasefire", "--facet", "location", "--color", "never"},
    };
    for (const auto& args : searches) {
        const RunResult local = search_in(dir / "db", args);
        const RunResult remote = search_in(dir / "remote.stub", args);
        SCOPED_TRACE(remote.command);
        ASSERT_EQ(remote.status, local.status) << describe(remote);
        EXPECT_EQ(remote.out, local.out);
        EXPECT_FALSE(local.out.empty());
    }
}

// A long-lived shell outlives a remote shard's connection (xapian-tcpsrv
// drops one idle for a minute; here the server restarts): the next query
// opens the shards again. Before, every query after it failed with
// NetworkError naming no shard.
TEST(RemoteBackend, TheShellReconnectsWhenAShardsConnectionCloses) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
    ScratchDir dir;
    const RunResult indexed = index_into(dir / "db", {(source_dir() / "corpus").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    const int port = free_port();
    auto server = std::make_unique<RemoteServer>(dir / "db", port);
    ASSERT_TRUE(server->up()) << "xapian-tcpsrv did not start on port " << port;
    write_file(dir / "remote.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
    RunOptions env;
    env.env = {{"TERM", "dumb"}, {"HOME", dir.path().string()}, {"XDG_STATE_HOME", (dir / "state").string()},
               {"NO_COLOR", ""}, {"LANG", "C.UTF-8"},           {"NEWSDEX_PAGER", ""},
               {"PAGER", ""}};
    PtySession shell({search_bin(), "--db", (dir / "remote.stub").string(), "--shell"}, env);
    ASSERT_TRUE(shell.expect("newsdex> ")) << shell.describe();
    shell.send("ceasefire\r");
    ASSERT_TRUE(shell.expect("match")) << shell.describe();
    ASSERT_TRUE(shell.expect("newsdex> ")) << shell.describe();
    // The server goes, with its connection children, and one starts on
    // another port (a dying child may hold the old one's socket a moment).
    const auto restart = [&](int new_port) {
        server.reset();
        server = std::make_unique<RemoteServer>(dir / "db", new_port);
        write_file(dir / "remote.stub", "remote 127.0.0.1:" + std::to_string(new_port) + "\n");
        return server->up();
    };
    ASSERT_TRUE(restart(free_port()));
    shell.send("ceasefire\r");
    EXPECT_TRUE(shell.expect("match")) << shell.describe();
    EXPECT_EQ(shell.screen().find("NetworkError"), std::string::npos) << shell.describe();

    // --batch - fed as queries come: the same (it stopped with exit 3). The
    // terminal echoes each line sent: the answer is what starts with "type".
    PtySession batch({search_bin(), "--db", (dir / "remote.stub").string(), "--batch", "-"}, env);
    batch.send("{\"id\":\"q1\",\"query\":\"ceasefire\"}\n");
    ASSERT_TRUE(batch.expect("\"type\":\"result\",\"id\":\"q1\"")) << batch.describe();
    ASSERT_TRUE(restart(free_port()));
    batch.send("{\"id\":\"q2\",\"query\":\"ceasefire\"}\n");
    EXPECT_TRUE(batch.expect("\"type\":\"result\",\"id\":\"q2\"")) << "first port " << port << "\n" << batch.describe();
    EXPECT_EQ(batch.screen().find("NetworkError"), std::string::npos) << batch.describe();
}

// Ten queries (words, a phrase, a wildcard, a misspelling, an exclusion, a
// field and a date filter) under six sets of options (facets and the date
// histogram, each sort, --any, --collapse, paging): 60 searches.
std::vector<std::vector<std::string>> fifty_searches() {
    const std::vector<std::string> queries = {
        "*",     "minister", "talks",           "minister election talks", "\"prime minister\"",
        "talk*", "electoin", "minister -talks", "title:election",          "date:2023..2024"};
    const std::vector<std::vector<std::string>> options = {
        {"-n", "20", "--facet", "person", "--facet", "location", "--facet", "date:month"},
        {"--sort", "newest", "--facet", "org", "--facet", "source"},
        {"--sort", "oldest", "--any", "--explain", "--facet", "country:0"},
        {"--collapse", "--facet", "person:0", "--facet", "date:year"},
        {"-n", "5", "--offset", "5", "--sort", "recent", "--facet", "date:day"},
        {"-n", "3", "--offset", "2", "--sort", "recent", "--collapse"}};
    std::vector<std::vector<std::string>> searches;
    for (const auto& q : queries)
        for (auto args : options) {
            args.push_back(q);
            searches.push_back(std::move(args));
        }
    return searches;
}

TEST(RemoteBackend, ThreeServedShardsAnswerAsOneLocalIndex) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
    ScratchDir dir;
    const RunResult gen = run({generate_bin(), "--out", (dir / "gen").string(), "--seed", "29", "--articles", "300"},
                              {});
    ASSERT_EQ(gen.status, 0) << describe(gen);
    const std::string articles = (dir / "gen" / "articles").string();
    const RunResult one = index_into(dir / "one.db", {"-q", "--shards", "1", articles});
    ASSERT_EQ(one.status, 0) << describe(one);
    const RunResult three = index_into(dir / "three.db", {"-q", "--shards", "3", articles});
    ASSERT_EQ(three.status, 0) << describe(three);

    std::vector<int> ports;
    std::vector<std::unique_ptr<RemoteServer>> servers;
    std::string stub;
    for (int n = 0; n < 3; ++n) {
        ports.push_back(free_port());
        servers.push_back(std::make_unique<RemoteServer>(dir / "three.db" / ("shard-0" + std::to_string(n)), ports[n]));
        ASSERT_TRUE(servers.back()->up()) << "xapian-tcpsrv did not start on port " << ports[n];
        stub += "remote 127.0.0.1:" + std::to_string(ports[n]) + "\n";
    }
    write_file(dir / "remote.stub", stub);

    std::size_t hits = 0, facet_values = 0, suggestions = 0;
    for (const auto& args : fifty_searches()) {
        const nlohmann::json local = json_answer(dir / "one.db", args);
        const nlohmann::json remote = json_answer(dir / "remote.stub", args);
        SCOPED_TRACE(args.back() + " with " + args.front() + " " + args[1]);
        // Ids in order, scores (to the JSON's 6 digits), totals, facets and
        // histograms, suggestions: the whole answer.
        EXPECT_EQ(remote.dump(1), local.dump(1));
        hits += local.value("hits", nlohmann::json::array()).size();
        const nlohmann::json facets = local.value("facets", nlohmann::json::object());
        for (const auto& [field, values] : facets.items()) facet_values += values.size();
        suggestions += local.value("suggestion", nlohmann::json()).is_string();
    }
    EXPECT_GT(hits, 200u);
    EXPECT_GT(facet_values, 1000u);
    EXPECT_GT(suggestions, 0u);
    std::cout << "compared 60 searches through 3 remote shards with one local index: " << hits << " hits, "
              << facet_values << " facet values, " << suggestions << " suggestions\n";

    // --collapse: every article is in exactly one story (its hit or folded
    // into it), and the story total is exact from the first page on, the
    // same through the servers.
    for (const char* sort : {"relevance", "recent"}) {
        SCOPED_TRACE(sort);
        const nlohmann::json all = json_answer(dir / "one.db", {"--collapse", "--sort", sort, "-n", "1000", "*"});
        const auto stories = all["total"].get<std::size_t>();
        EXPECT_EQ(all["total_exact"], true);
        EXPECT_EQ(stories, all["hits"].size());
        std::size_t articles = 0;
        for (const auto& hit : all["hits"]) articles += 1 + hit.value("collapsed", 0);
        EXPECT_EQ(articles, 300u);
        EXPECT_LT(stories, 300u) << "the generator writes near duplicates";
        for (const auto& db : {dir / "one.db", dir / "remote.stub"}) {
            const nlohmann::json first = json_answer(db, {"--collapse", "--sort", sort, "-n", "3", "*"});
            EXPECT_EQ(first["total_exact"], true);
            EXPECT_EQ(first["total"], stories);
        }
    }

    // --get and --like through the servers.
    const std::string id = json_answer(dir / "one.db", {"-n", "1", "minister"})["hits"][0]["id"];
    EXPECT_EQ(search_in(dir / "remote.stub", {"--format", "json", "--get", id}).out,
              search_in(dir / "one.db", {"--format", "json", "--get", id}).out);
    // --like searches for many words at once, where articles tie on scores
    // that the shards add up in different orders: the ties must rank alike.
    const nlohmann::json minister = json_answer(dir / "one.db", {"-n", "5", "minister"});
    for (const auto& hit : minister["hits"]) {
        const std::string like = hit["id"];
        EXPECT_EQ(json_answer(dir / "remote.stub", {"--like", like}).dump(1),
                  json_answer(dir / "one.db", {"--like", like}).dump(1));
    }

    // A batch of saved searches through the servers: the same lines and the
    // same state file as on the three shards read locally.
    write_file(dir / "saved.txt",
               "{\"id\": \"talks\", \"query\": \"talks\", \"facets\": [\"person\"]}\nminister\nelectoin\n");
    for (const char* db : {"three.db", "remote.stub"}) {
        const RunResult batch = search_in(dir / db, {"--batch", (dir / "saved.txt").string(), "--state",
                                                     (dir / (std::string(db) + ".state")).string(), "-q"});
        EXPECT_EQ(batch.status, 0) << describe(batch);
        write_file(dir / (std::string(db) + ".out"), batch.out);
    }
    EXPECT_EQ(read_file(dir / "remote.stub.out"), read_file(dir / "three.db.out"));
    auto what_was_seen = [&](const char* db) {  // the state without its ran_at times
        nlohmann::json state = nlohmann::json::parse(read_file(dir / (std::string(db) + ".state")));
        for (auto& [id, q] : state["queries"].items()) q.erase("ran_at");
        return state.dump(1);
    };
    EXPECT_EQ(what_was_seen("remote.stub"), what_was_seen("three.db"));
    EXPECT_NE(read_file(dir / "three.db.out").find("\"id\":\"talks\""), std::string::npos);

    // A later run adds articles (to every shard, as their ids fall) while the
    // servers serve.
    std::filesystem::create_directories(dir / "later");
    for (int n = 0; n < 12; ++n)
        write_file(dir / "later" / (std::to_string(n) + ".txt"), "Minister talks " + std::to_string(n) +
                                                                     "\n\nThe minister held talks on day " +
                                                                     std::to_string(n) + " of the summit.\n");
    const RunResult later = index_into(dir / "three.db", {"-q", (dir / "later").string()});
    ASSERT_EQ(later.status, 0) << describe(later);

    // One server down: named, exit 3; --allow-partial answers from the others.
    servers[1].reset();
    const RunResult down = search_in(dir / "remote.stub", {"minister"});
    EXPECT_EQ(down.status, 3) << describe(down);
    EXPECT_NE(down.err.find("shard 2 of 3 (remote 127.0.0.1:" + std::to_string(ports[1]) + ")"), std::string::npos)
        << down.err;
    const nlohmann::json partial = json_answer(dir / "remote.stub", {"--allow-partial", "*"});
    EXPECT_EQ(partial["partial"], true);
    EXPECT_EQ(partial["missing_shards"], nlohmann::json::array({"remote 127.0.0.1:" + std::to_string(ports[1])}));
    const nlohmann::json whole = json_answer(dir / "one.db", {"*"});
    EXPECT_EQ(whole["partial"], false);
    EXPECT_GT(partial["total"].get<int>(), 0);
    EXPECT_LT(partial["total"].get<int>(), whole["total"].get<int>());
    // Saved searches with a shard missing: a warning, and the state does not
    // move on, so the missing shard's articles are still new next time.
    const std::string before = what_was_seen("remote.stub");
    const RunResult saved = search_in(dir / "remote.stub", {"--allow-partial", "--batch", (dir / "saved.txt").string(),
                                                            "--state", (dir / "remote.stub.state").string(), "-q"});
    EXPECT_EQ(saved.status, 0) << describe(saved);
    EXPECT_NE(saved.err.find("warning: partial results: 1 shard not reached"), std::string::npos) << describe(saved);
    EXPECT_EQ(what_was_seen("remote.stub"), before);
    const RunResult text = search_in(dir / "remote.stub", {"--allow-partial", "minister"});
    EXPECT_EQ(text.status, 0) << describe(text);
    EXPECT_NE(text.out.find("Warning: partial results: 1 shard not reached"), std::string::npos) << text.out;
}

// A read replica: xapian-replicate copies a shard from
// xapian-replicate-server, and a search through the copy answers as the
// original does.
TEST(RemoteBackend, AReplicatedShardAnswersAsTheOriginal) {
    if (!on_path("xapian-replicate") || !on_path("xapian-replicate-server"))
        GTEST_SKIP() << "xapian-replicate is not installed (Debian package xapian-tools)";
    ScratchDir dir;
    const RunResult indexed = index_into(dir / "db", {"-q", "--shards", "2", (source_dir() / "corpus").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    // The server stays up until the test ends, so a copy that fails (the
    // server not yet listening under load) can be tried again: with
    // --one-shot a failed first try used its only connection.
    const int port = free_port();
    const ServerProcess server(
        {program_path("xapian-replicate-server"), "-I", "127.0.0.1", "-p", std::to_string(port), (dir / "db").string()},
        port);
    ASSERT_TRUE(server.up()) << "xapian-replicate-server did not start on port " << port;
    RunResult copied;
    for (int tries = 0; tries < 20; ++tries) {
        copied = run({program_path("xapian-replicate"), "--one-shot", "-h", "127.0.0.1", "-p", std::to_string(port),
                      "-m", "shard-01", (dir / "replica").string()},
                     {});
        if (copied.status == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ASSERT_EQ(copied.status, 0) << describe(copied);
    write_file(dir / "replicated.stub", "glass db/shard-00\nauto replica\n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"-n", "50", "--facet", "person", "--facet", "date:month", "*"},
          std::vector<std::string>{"--sort", "newest", "ceasefire talks"}}) {
        const std::string original = json_answer(dir / "db", args).dump(1);
        EXPECT_EQ(json_answer(dir / "replicated.stub", args).dump(1), original);
        EXPECT_NE(original.find("\"hits\""), std::string::npos);
    }
}

}  // namespace
}  // namespace newsdex::e2e
