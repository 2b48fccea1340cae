// Runs the real binaries for end-to-end tests: a child process with its
// stdout and stderr captured, in a chosen working directory, with optional
// standard input. Also a scratch directory that removes itself.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsdex::e2e {

struct RunResult {
    int status = -1;  // exit code, or 128 + signal
    std::string out;
    std::string err;
    std::string command;     // for failure messages
    bool timed_out = false;  // killed at RunOptions::timeout (status is then 128 + SIGKILL)
    double seconds = 0;      // wall time from start to exit
};

// Every member has a default, so that a designated initializer names only
// what it sets (RunOptions{.cwd = dir}) and GCC's -Wmissing-field-initializers
// has nothing to report.
struct RunOptions {
    std::filesystem::path cwd{};
    std::string stdin_text{};                  // fed to the child's standard input
    std::map<std::string, std::string> env{};  // added to (or, if value empty, removed from) the environment
    // Killed with SIGKILL after this long (0: no limit), so a hang fails
    // the test instead of stalling the suite.
    std::chrono::milliseconds timeout{0};
    // The child's address space (RLIMIT_AS) in bytes (0: no limit): a
    // program wanting more meets failed allocations, not the machine's memory.
    // Not applied in AddressSanitizer builds (process.cpp says why).
    std::size_t memory_limit = 0;
};

RunResult run(const std::vector<std::string>& argv, const RunOptions& options);

// The environment a child runs with: ours without NEWSDEX_DB and the keys in
// also_drop, with `extra` applied as RunOptions::env describes.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& extra,
                                           const std::set<std::string>& also_drop = {});
// In a forked child: changes to cwd (if given) and execs argv with env;
// exits 126 or 127 when that fails.
[[noreturn]] void exec_child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                             const std::filesystem::path& cwd);

// A waitpid() status as RunResult::status reads it: the exit code, or 128 + signal.
int exit_status_of(int wait_status);
// Waits for a child started by the test itself; its exit_status_of().
int wait_for_child(int pid);

// gtest-friendly description: the command and both streams.
std::string describe(const RunResult& r);

class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& p, const std::string& bytes);
std::string read_file(const std::filesystem::path& p);
std::vector<std::string> lines_of(const std::string& text);

const std::string& index_bin();
const std::string& search_bin();
const std::string& generate_bin();  // newsdex-generate-corpus (tests/generator/)
std::filesystem::path source_dir();
// ../shared beside the project, or empty when absent.
std::filesystem::path shared_dir();

}  // namespace newsdex::e2e
