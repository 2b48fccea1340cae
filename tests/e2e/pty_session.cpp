#include "pty_session.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace newsdex::e2e {

std::string strip_escapes(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r') continue;
        if (c != '\x1b') {
            out += c;
            continue;
        }
        if (i + 1 >= raw.size()) break;
        const char kind = raw[++i];
        if (kind == '[') {  // CSI: parameters, then a final byte 0x40-0x7E
            while (i + 1 < raw.size() && !(raw[i + 1] >= 0x40 && raw[i + 1] <= 0x7E)) ++i;
            ++i;
        } else if (kind == ']') {  // OSC: up to BEL or ESC backslash
            while (i + 1 < raw.size() && raw[i + 1] != '\x07' && raw[i + 1] != '\x1b') ++i;
            ++i;
            if (i < raw.size() && raw[i] == '\x1b') ++i;
        }  // else a two-byte sequence, already skipped
    }
    return out;
}

PtySession::PtySession(const std::vector<std::string>& argv, const RunOptions& options, unsigned short cols,
                       unsigned short rows) {
    for (const auto& a : argv) command_ += (command_.empty() ? "" : " ") + a;
    const auto env = child_environment(options.env, {"COLUMNS", "LINES"});
    struct winsize size {};
    size.ws_col = cols;
    size.ws_row = rows;
    pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) exec_child(argv, env, options.cwd);
}

PtySession::~PtySession() {
    if (pid_ > 0 && status_ < 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) ::close(master_);
}

void PtySession::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(master_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("cannot write to the pseudo-terminal");
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

bool PtySession::read_some(std::chrono::milliseconds timeout) {
    struct pollfd p {
        master_, POLLIN, 0
    };
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready <= 0) return ready == 0 || errno == EINTR;  // nothing yet: not the end
    char buffer[4096];
    const ssize_t n = ::read(master_, buffer, sizeof buffer);
    if (n <= 0) return false;  // EIO once the child has closed the terminal
    raw_.append(buffer, static_cast<std::size_t>(n));
    return true;
}

bool PtySession::expect(std::string_view text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool open = true;
    for (;;) {
        const std::string shown = screen();
        if (const auto at = shown.find(text, consumed_); at != std::string::npos) {
            consumed_ = at + text.size();
            return true;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (!open || left.count() <= 0) return false;
        open = read_some(std::min(left, std::chrono::milliseconds(100)));  // false: the output ended
    }
}

bool PtySession::wait_for_raw_mode(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        struct termios mode {};
        // On Linux the master reports the terminal's (the slave's) settings.
        if (::tcgetattr(master_, &mode) == 0 && !(mode.c_lflag & ICANON)) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        read_some(std::chrono::milliseconds(10));
    }
}

bool PtySession::terminal_echoes() const {
    struct termios mode {};
    if (::tcgetattr(master_, &mode) != 0) return false;
    return (mode.c_lflag & ICANON) && (mode.c_lflag & ECHO) && (mode.c_oflag & OPOST);
}

std::string PtySession::pending() {
    while (read_some(std::chrono::milliseconds(200))) {
        struct pollfd p {
            master_, POLLIN, 0
        };
        if (::poll(&p, 1, 0) <= 0) break;
    }
    const std::string shown = screen();
    return consumed_ < shown.size() ? shown.substr(consumed_) : std::string();
}

int PtySession::wait(std::chrono::milliseconds timeout) {
    if (status_ >= 0) return status_;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        read_some(std::chrono::milliseconds(50));  // keep the terminal drained
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            while (read_some(std::chrono::milliseconds(50)) && !raw_.empty()) {
                struct pollfd p {
                    master_, POLLIN, 0
                };
                if (::poll(&p, 1, 0) <= 0) break;
            }
            return status_;
        }
    }
    return -1;
}

std::string PtySession::describe() const {
    const std::string shown = screen();
    return "$ " + command_ + "\n[screen]\n" + (shown.size() > 6000 ? "…" + shown.substr(shown.size() - 6000) : shown);
}

}  // namespace newsdex::e2e
