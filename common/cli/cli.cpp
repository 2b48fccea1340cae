#include "common/cli/cli.h"

#include <execinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <xapian.h>

#include "common/base/edit_distance.h"
#include "common/base/printable.h"
#include "common/cli/version.h"
#include "common/index/article_index.h"

namespace newsdex::cli {

namespace po = boost::program_options;

namespace {

// " (did you mean --limit?)" for "--limt": the long option one or two edits
// away (one for short names), or "" when none is that close.
std::string nearest_option(const po::options_description& options, const std::string& given) {
    if (!given.starts_with("--")) return "";
    const std::string name = given.substr(2, given.find('=') == std::string::npos ? std::string::npos
                                                                                  : given.find('=') - 2);
    const std::size_t limit = name.size() <= 4 ? 1 : 2;
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& option : options.options()) {
        const std::string& candidate = option->long_name();
        if (candidate.empty()) continue;
        if (const std::size_t d = edit_distance(name, candidate, limit); d < best_distance)
            best = candidate, best_distance = d;
    }
    return best.empty() ? "" : " (did you mean --" + best + "?)";
}

// 0 when --help's or --version's text reached standard output: a full disk
// is an error like any other write, a reader gone early (| head) is not.
int written_out(const ProgramHelp& help) {
    if (const auto failure = finish_stdout()) {
        print_error(help.program, "", *failure);
        return help.usage_exit;
    }
    return 0;
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, const ProgramHelp& help, po::options_description& options,
                                      std::vector<std::string>& words, po::variables_map& vm) {
    options.add_options()("help,h", "show this help and exit")("version", "show version and exit");
    po::options_description all;
    all.add(options).add_options()("words", po::value<std::vector<std::string>>(&words));
    po::positional_options_description positional;
    positional.add("words", -1);
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        print_error(help.program, "",
                    std::string(e.what()) + nearest_option(options, e.get_option_name()) + " " +
                        help.unknown_option_hint);
        return help.usage_exit;
    } catch (const po::error& e) {
        print_error(help.program, "", std::string(e.what()) + " (see --help)");
        return help.usage_exit;
    }
    if (vm.count("help")) {
        // Two spaces at least between an option and its description (boost
        // leaves one after the widest), so that help2man, which makes the
        // man pages from this text, can tell them apart.
        std::cout << help.usage;
        options.print(std::cout, options.get_option_column_width() + 1);
        std::cout << help.exit_codes;
        return written_out(help);
    }
    if (vm.count("version")) {
        std::cout << version_text(help.program);
        return written_out(help);
    }
    if (auto why = empty_option_value(vm, {{"db", "an index path"}})) {
        print_error(help.program, "", *why);
        return help.usage_exit;
    }
    return std::nullopt;
}

std::optional<std::string> empty_option_value(const po::variables_map& vm, std::initializer_list<NeedsValue> options) {
    for (const auto& [option, value] : options)
        if (vm.count(option) && vm[option].as<std::string>().empty())
            return std::string("--") + option + " needs " + value;
    return std::nullopt;
}

std::optional<long long> parse_mebibytes(std::string_view text) {
    long long count = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    // A negative number is read, for the option's range check to name it.
    if (error != std::errc() || end == text.data()) return std::nullopt;
    std::string unit(end, text.data() + text.size());
    std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return std::tolower(c); });
    if (unit.empty() || unit == "m" || unit == "mb" || unit == "mib") return count;
    constexpr long long kMostGib = (1LL << 40);  // far past any budget: no overflow below
    if ((unit == "g" || unit == "gb" || unit == "gib") && count <= kMostGib && count >= -kMostGib) return count * 1024;
    return std::nullopt;
}

void validate(boost::any& value, const std::vector<std::string>& words, Mebibytes*, int) {
    po::validators::check_first_occurrence(value);
    const auto mib = parse_mebibytes(po::validators::get_single_string(words));
    if (!mib) throw po::invalid_option_value(po::validators::get_single_string(words));
    value = Mebibytes{*mib};
}

po::options_description index_location_options(std::string& db) {
    po::options_description opts("Index location");
    opts.add_options()(
        "db", po::value<std::string>(&db)->value_name("DIR"),
        "the index folder (default: $NEWSDEX_DB, else ./newsdex.db); newsdex-search also takes a stub file naming "
        "its shards, docs/scaling.md");
    return opts;
}

void warn_if_partial(const std::string& program, const OpenedIndex& index) {
    if (!index.missing.empty())
        std::cerr << program << ": warning: " << printable(partial_results_note(index.missing)) << '\n';
}

void print_error(const std::string& program, const std::string& where, const std::string& reason) {
    // Paths and reasons quote what users typed: shown escaped, on one line.
    std::cerr << program << ": " << (where.empty() ? "" : printable(where) + ": ") << "error: " << printable(reason)
              << '\n';
}

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool use_color(const std::string& when) {
    if (when == "always") return true;
    if (when == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return stdout_is_terminal() && !(no_color && *no_color);
}

namespace {

// A positive number in the environment variable `name`, else 0.
std::size_t environment_count(const char* name) {
    const char* text = std::getenv(name);
    const int n = text ? std::atoi(text) : 0;
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

}  // namespace

std::size_t terminal_width() {
    struct winsize ws {};
    const bool terminal = ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0;
    if (terminal && ws.ws_col > 0) return std::max<std::size_t>(ws.ws_col, kNarrowestWidth);
    if (const std::size_t columns = environment_count("COLUMNS"); columns >= kNarrowestWidth) return columns;
    // A terminal that does not say: the usual 80. A pipe or a file keeps the
    // 100 columns its snippets have always been wrapped to.
    return terminal ? 80 : 100;
}

std::size_t terminal_height() {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    if (const std::size_t lines = environment_count("LINES")) return lines;
    return 24;
}

int run_reporting_errors(const std::string& program, const std::string& index_path, int index_error_exit,
                         const std::function<int()>& body) {
    try {
        return body();
    } catch (const IndexError& e) {
        print_error(program, index_path, e.what());
    } catch (const Xapian::Error& e) {
        print_error(program, index_path, e.get_description());
    } catch (const std::exception& e) {
        print_error(program, index_path, e.what());
    }
    return index_error_exit;
}

void ignore_sigpipe() { std::signal(SIGPIPE, SIG_IGN); }

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizerReportsCrashes = true;
#elif defined(__has_feature)
constexpr bool kSanitizerReportsCrashes = __has_feature(address_sanitizer);
#else
constexpr bool kSanitizerReportsCrashes = false;
#endif

const char* crashing_program = "newsdex";

void write_stderr(const char* text) {
    for (std::size_t left = std::strlen(text); left > 0;) {
        const ssize_t n = ::write(STDERR_FILENO, text, left);
        if (n <= 0) return;
        text += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Only async-signal-safe calls here (write, backtrace_symbols_fd, raise):
// the heap may be what broke.
void on_fatal_signal(int sig) {
    write_stderr(crashing_program);
    write_stderr(": internal error: ");
    write_stderr(sigabbrev_np(sig) ? sigabbrev_np(sig) : "signal");
    write_stderr(" (a bug in newsdex; please report it with this stack)\n");
    void* frames[64];
    ::backtrace_symbols_fd(frames, ::backtrace(frames, 64), STDERR_FILENO);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

}  // namespace

void report_crashes(const char* program) {
    if (kSanitizerReportsCrashes) return;  // its own report is better
    crashing_program = program;
    void* warm_up[1];
    ::backtrace(warm_up, 1);  // loads the unwinder now, not inside the handler
    // An alternate stack, so a stack overflow on the main thread can be
    // reported too.
    static char alternate_stack[64 * 1024];
    const stack_t stack{alternate_stack, 0, sizeof alternate_stack};
    ::sigaltstack(&stack, nullptr);
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::sigaction(sig, &sa, nullptr);
}

std::optional<std::string> finish_stdout() {
    // errno is not reset first: the failing write may have happened long
    // before this flush, and a failed stream makes no further system calls.
    std::cout.flush();
    if (!std::cout.fail() || errno == EPIPE) return std::nullopt;
    return std::string("cannot write the results: ") + (errno ? std::strerror(errno) : "output error");
}

}  // namespace newsdex::cli
