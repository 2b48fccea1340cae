#include "searcher/pager.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "common/base/strings.h"
#include "common/cli/cli.h"
#include "common/render/text_wrap.h"

extern char** environ;

namespace newsdex {

namespace {

// A command with any of these needs a shell to read it (git's list, less
// the space: "less -R" is split on spaces and run directly).
constexpr std::string_view kShellCharacters = "|&;<>()$`\\\"'*?[#~=%\n";

// Ours, with git's defaults for less and lv when the user has none.
std::vector<std::string> pager_environment() {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    if (!std::getenv("LESS")) env.emplace_back("LESS=FRX");
    if (!std::getenv("LV")) env.emplace_back("LV=-c");
    return env;
}

// Run directly when it can be, so that a missing program is known before
// any text is written (a shell would only exit 127).
std::vector<std::string> pager_argv(const std::string& command) {
    if (command.find_first_of(kShellCharacters) != std::string::npos) return {"/bin/sh", "-c", command};
    std::vector<std::string> words;
    for (std::size_t pos = command.find_first_not_of(" \t"); pos != std::string::npos;
         pos = command.find_first_not_of(" \t", pos)) {
        const std::size_t end = std::min(command.find_first_of(" \t", pos), command.size());
        words.push_back(command.substr(pos, end - pos));
        pos = end;
    }
    return words;
}

// exec's argument form; built before fork(), so the child allocates nothing.
std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Without CSI escape sequences (ESC [ ... final byte): colours take no room.
std::string without_escapes(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
            for (i += 2; i < line.size() && !(line[i] >= 0x40 && line[i] <= 0x7E);) ++i;
            continue;
        }
        out += line[i];
    }
    return out;
}

// All of `text` to `fd`; stops quietly when the reader quits early (EPIPE:
// the user left the pager before the end).
void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return status;
}

// The terminal's modes, put back when this goes out of scope: a pager that
// dies leaves the terminal raw, and the line editor expects it as it was.
class SavedTerminal {
public:
    SavedTerminal() : saved_(::tcgetattr(STDIN_FILENO, &mode_) == 0) {}
    ~SavedTerminal() {
        if (saved_) ::tcsetattr(STDIN_FILENO, TCSADRAIN, &mode_);
    }
    SavedTerminal(const SavedTerminal&) = delete;
    SavedTerminal& operator=(const SavedTerminal&) = delete;

private:
    struct termios mode_ {};
    bool saved_;
};

// Starts argv with standard input reading from `input`. The pid, or -1;
// exec_error is errno when the program could not be run.
pid_t start(std::vector<char*>& argv, std::vector<char*>& env, int input, int& exec_error) {
    int failed[2];
    if (::pipe2(failed, O_CLOEXEC) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(input, STDIN_FILENO);
        ::signal(SIGPIPE, SIG_DFL);  // ignored here, and an ignored signal stays ignored across exec
        ::execvpe(argv[0], argv.data(), env.data());
        const int e = errno;
        if (::write(failed[1], &e, sizeof e) < 0) _exit(127);
        _exit(127);
    }
    ::close(failed[1]);
    exec_error = 0;
    // The pipe closes without a word when exec succeeds.
    while (pid > 0 && ::read(failed[0], &exec_error, sizeof exec_error) < 0 && errno == EINTR) {}
    ::close(failed[0]);
    return pid;
}

}  // namespace

std::optional<std::string> pager_command(const char* newsdex_pager, const char* pager) {
    const std::string command(trim(newsdex_pager ? newsdex_pager : pager ? pager : "less -R"));
    if (command.empty() || command == "cat") return std::nullopt;
    return command;
}

std::size_t screen_rows(std::string_view text, std::size_t columns) {
    std::size_t rows = 0;
    columns = std::max<std::size_t>(columns, 1);
    for (std::size_t from = 0; from < text.size();) {
        const std::size_t end = std::min(text.find('\n', from), text.size());
        const std::size_t width = display_width(without_escapes(text.substr(from, end - from)));
        rows += std::max<std::size_t>(1, (width + columns - 1) / columns);
        from = end + 1;
    }
    return rows;
}

Pager::Pager(std::optional<std::string> command, std::ostream& out, std::ostream& warnings, std::string program)
    : command_(std::move(command)), out_(out), warnings_(warnings), program_(std::move(program)) {}

void Pager::show(const std::string& text) {
    // The screen's last row is the prompt's.
    if (command_ && screen_rows(text, cli::terminal_width()) >= cli::terminal_height() && run(text)) return;
    out_ << text;
    out_.flush();
}

bool Pager::run(const std::string& text) {
    out_.flush();
    std::fflush(stdout);
    std::vector<std::string> argv = pager_argv(*command_), env = pager_environment();
    if (argv.empty()) return false;
    std::vector<char*> c_argv = c_strings(argv), c_env = c_strings(env);
    int data[2];
    if (::pipe2(data, O_CLOEXEC) != 0) return false;
    const SavedTerminal terminal;
    int exec_error = 0;
    const pid_t pid = start(c_argv, c_env, data[0], exec_error);
    ::close(data[0]);
    if (pid > 0 && !exec_error) write_all(data[1], text);
    ::close(data[1]);
    const int status = pid > 0 ? wait_for(pid) : -1;
    // A shell exits 126 or 127 when it cannot run the command.
    const bool shell_failed = WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127);
    if (pid > 0 && !exec_error && !shell_failed) return true;
    warn_once(exec_error          ? std::string(std::strerror(exec_error))
              : WIFEXITED(status) ? "/bin/sh exited " + std::to_string(WEXITSTATUS(status))
                                  : std::string("it could not be started"));
    return false;
}

void Pager::warn_once(const std::string& why) {
    if (!warned_)
        warnings_ << program_ << ": warning: cannot run the pager \"" << *command_ << "\": " << why
                  << "; set NEWSDEX_PAGER or PAGER (empty for none)\n";
    warned_ = true;
}

}  // namespace newsdex
