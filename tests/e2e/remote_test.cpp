// Scale-out goes through Xapian's own remote backend: newsdex-search opened
// on a stub file naming a xapian-tcpsrv server must print exactly what it
// prints on the local index (facets, sorting, explanations, suggestions,
// collapsing: everything is built from Xapian's registered machinery).
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

#include "helpers.h"

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

// xapian-tcpsrv serving one database, stopped when the object goes.
class RemoteServer {
public:
    RemoteServer(const std::filesystem::path& db, int port) {
        const std::string port_text = std::to_string(port), db_text = db.string();
        std::vector<char*> argv{const_cast<char*>("xapian-tcpsrv"), const_cast<char*>("--quiet"),
                                const_cast<char*>("--interface"),   const_cast<char*>("127.0.0.1"),
                                const_cast<char*>("--port"),        const_cast<char*>(port_text.c_str()),
                                const_cast<char*>(db_text.c_str()), nullptr};
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
        if (::posix_spawnp(&pid_, "xapian-tcpsrv", &quiet, &attr, argv.data(), environ) != 0) pid_ = -1;
        ::posix_spawn_file_actions_destroy(&quiet);
        ::posix_spawnattr_destroy(&attr);
        for (int tries = 0; pid_ > 0 && tries < 100 && !(up_ = accepts_connections(port)); ++tries)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ~RemoteServer() {
        if (pid_ > 0) {
            ::kill(-pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool up() const { return up_; }

private:
    pid_t pid_ = -1;
    bool up_ = false;
};

bool on_path(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(RemoteBackend, SearchThroughXapianTcpsrvPrintsWhatTheLocalIndexPrints) {
    if (!on_path("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools)";
    ScratchDir dir;
    const RunResult indexed = index_into(dir / "db", {(source_dir() / "corpus").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    const int port = 20000 + static_cast<int>(::getpid() % 20000);
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

}  // namespace
}  // namespace newsdex::e2e
