#include "process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace newsdex::e2e {

namespace fs = std::filesystem;

namespace {

// AddressSanitizer builds (scripts/sanitize): the sanitizer reserves
// terabytes of address space for its shadow memory at start, so a program
// under RLIMIT_AS dies before main(). There RunOptions::memory_limit is not
// applied: the time limit still stops a runaway, and the normal build
// checks the cap.
#if defined(__SANITIZE_ADDRESS__)  // gcc
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)  // clang
constexpr bool kAddressSanitizer = __has_feature(address_sanitizer);
#else
constexpr bool kAddressSanitizer = false;
#endif

std::string slurp_and_remove(const fs::path& p) {
    std::string s = read_file(p);
    fs::remove(p);
    return s;
}

}  // namespace

std::vector<std::string> child_environment(const std::map<std::string, std::string>& extra,
                                           const std::set<std::string>& also_drop) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        const std::string key = kv.substr(0, kv.find('='));
        // Tests choose the index explicitly; a developer's NEWSDEX_DB must not leak in.
        if (key == "NEWSDEX_DB" || extra.count(key) || also_drop.count(key)) continue;
        env.push_back(kv);
    }
    for (const auto& [k, v] : extra)
        if (!v.empty()) env.push_back(k + "=" + v);
    return env;
}

void exec_child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                const std::filesystem::path& cwd) {
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
}

RunResult run(const std::vector<std::string>& argv, const RunOptions& options) {
    static std::atomic<int> counter{0};
    const fs::path tmp = fs::temp_directory_path() /
                         ("newsdex-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(tmp);
    const fs::path in = tmp / "stdin", out = tmp / "stdout", err = tmp / "stderr";
    write_file(in, options.stdin_text);

    RunResult result;
    for (const auto& a : argv) result.command += (result.command.empty() ? "" : " ") + a;
    const auto env = child_environment(options.env);

    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (options.memory_limit && !kAddressSanitizer) {
            const rlimit limit{options.memory_limit, options.memory_limit};
            ::setrlimit(RLIMIT_AS, &limit);
        }
        const int fd_in = ::open(in.c_str(), O_RDONLY);
        const int fd_out = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int fd_err = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd_in, 0);
        ::dup2(fd_out, 1);
        ::dup2(fd_err, 2);
        exec_child(argv, env, options.cwd);
    }
    int status = 0;
    if (options.timeout.count() == 0) {
        ::waitpid(pid, &status, 0);
    } else {
        const auto deadline = started + options.timeout;
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, &status, 0);
                result.timed_out = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.status = exit_status_of(status);
    result.out = slurp_and_remove(out);
    result.err = slurp_and_remove(err);
    fs::remove_all(tmp);
    return result;
}

std::string describe(const RunResult& r) {
    return "$ " + r.command.substr(0, 2000) + "\n[exit " + std::to_string(r.status) +
           (r.timed_out ? ", killed at the time limit" : "") + "]\n[stdout]\n" + r.out.substr(0, 4000) +
           "\n[stderr]\n" + r.err.substr(0, 4000);
}

ScratchDir::ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("newsdex-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& p, const std::string& bytes) {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << bytes;
}

int exit_status_of(int wait_status) {
    return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

int wait_for_child(int pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return exit_status_of(status);
}

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream ss(text);
    for (std::string l; std::getline(ss, l);) lines.push_back(l);
    return lines;
}

const std::string& index_bin() {
    static const std::string p = NEWSDEX_INDEX_BIN;
    return p;
}
const std::string& search_bin() {
    static const std::string p = NEWSDEX_SEARCH_BIN;
    return p;
}
const std::string& generate_bin() {
    static const std::string p = NEWSDEX_GENERATE_BIN;
    return p;
}
fs::path source_dir() { return NEWSDEX_SOURCE_DIR; }
fs::path shared_dir() {
    const fs::path p = source_dir().parent_path() / "shared";
    return fs::is_directory(p) ? p : fs::path();
}

}  // namespace newsdex::e2e
