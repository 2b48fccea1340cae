#include "common/cli.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace newsdex::cli {

namespace po = boost::program_options;

po::options_description index_location_options(std::string& db) {
    po::options_description opts("Index location");
    opts.add_options()("db", po::value<std::string>(&db)->value_name("DIR"),
                       "the index directory (default: $NEWSDEX_DB, else ./newsdex.db)");
    return opts;
}

void print_error(const std::string& program, const std::string& where, const std::string& reason) {
    std::cerr << program << ": " << (where.empty() ? "" : where + ": ") << "error: " << reason << '\n';
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool use_color(const std::string& when) {
    if (when == "always") return true;
    if (when == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return stdout_is_terminal() && !(no_color && *no_color);
}

std::size_t terminal_width() {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
    if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) >= 40) return static_cast<std::size_t>(std::atoi(cols));
    return 100;
}

void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

std::optional<std::string> finish_stdout() {
    // errno is not reset first: the failing write may have happened long
    // before this flush, and a failed stream makes no further system calls.
    std::cout.flush();
    if (!std::cout.fail() || errno == EPIPE) return std::nullopt;
    return std::string("cannot write the results: ") + (errno ? std::strerror(errno) : "output error");
}

}  // namespace newsdex::cli
