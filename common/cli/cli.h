// What both binaries share on the command line: the index location option,
// exit codes, stderr messages, terminal detection and closed-pipe handling.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "common/index/index_shards.h"

namespace newsdex::cli {

// newsdex-index exit codes.
enum IndexExit : int {
    kIndexOk = 0,        // every input indexed (warnings allowed)
    kIndexRejected = 1,  // some inputs rejected, the rest indexed
    kIndexUsage = 2,
    kIndexError = 3,  // cannot create, open or lock the index: nothing written
};

// newsdex-search exit codes (grep's convention, plus 3).
enum SearchExit : int {
    kSearchHits = 0,
    kSearchNoHits = 1,
    kSearchUsage = 2,  // usage or query error
    kSearchIndexError = 3,
};

// What a binary tells about itself on the command line.
struct ProgramHelp {
    const char* program;              // "newsdex-index"
    const char* usage;                // text before the options in --help
    const char* exit_codes;           // text after the options in --help
    const char* unknown_option_hint;  // appended to "unrecognised option" errors
    int usage_exit;                   // exit status for a usage error
};

// Parses the command line: `options` (plus --help and --version, added here)
// and every other word into `words`. Prints help, version or a usage error
// and returns the exit status when the program should stop there.
std::optional<int> parse_command_line(int argc, char** argv, const ProgramHelp& help,
                                      boost::program_options::options_description& options,
                                      std::vector<std::string>& words, boost::program_options::variables_map& vm);

// A size given in MiB ("--memory 512"), or with a binary unit, case
// ignored: "512M", "512MB", "512MiB", "2G", "2GB", "2GiB" (a GB is 1,024
// MiB here, as in most tools that size memory). An option of this type
// refuses anything else, "64K" or "1.5G" included, with boost's usual
// "invalid argument" usage error.
struct Mebibytes {
    long long count = 0;
};
// The MiB that `text` names, or nothing when it names none.
std::optional<long long> parse_mebibytes(std::string_view text);
// For boost::program_options (found by argument-dependent lookup).
void validate(boost::any& value, const std::vector<std::string>& words, Mebibytes*, int);

// --db DIR, described once for both binaries. parse_command_line() refuses
// an empty one.
boost::program_options::options_description index_location_options(std::string& db);

// An option and what its value names, for empty_option_value().
struct NeedsValue {
    const char* option;  // "get"
    const char* value;   // "an article id"
};
// The usage error for the first of `options` given with an empty value
// ("--get ''": boost stores "", which the checks after parsing would take
// for the option left out): "--get needs an article id".
std::optional<std::string> empty_option_value(const boost::program_options::variables_map& vm,
                                              std::initializer_list<NeedsValue> options);

// "newsdex-search: PATH: error: reason" on stderr, one line: control
// characters in PATH and reason are shown escaped (printable()).
// "PROGRAM: warning: partial results: 1 shard not reached (remote …)" on
// stderr when --allow-partial left shards of the index out.
void warn_if_partial(const std::string& program, const OpenedIndex& index);

void print_error(const std::string& program, const std::string& where, const std::string& reason);

bool stdin_is_terminal();
bool stderr_is_terminal();
bool stdout_is_terminal();
// Colour on stdout: a terminal and NO_COLOR unset (or "always").
bool use_color(const std::string& when);
// Columns of the terminal on stdout (at least kNarrowestWidth); else
// $COLUMNS; else 80 on a terminal that does not say, 100 off a terminal.
inline constexpr std::size_t kNarrowestWidth = 40;
std::size_t terminal_width();
// Rows of the terminal on stdout; else $LINES; else 24.
std::size_t terminal_height();

// The top of both programs' main(): runs `body` and returns its exit code;
// an exception that reaches this far (IndexError, any Xapian::Error, any
// other std::exception) becomes one line "PROGRAM: INDEX: error: reason" on
// stderr and the exit code `index_error_exit`.
int run_reporting_errors(const std::string& program, const std::string& index_path, int index_error_exit,
                         const std::function<int()>& body);

// Call once at start: a reader closing the pipe (`| head`) ends the program
// quietly with the exit code it would have had, instead of a SIGPIPE death.
void ignore_sigpipe();
// Call once at start: a fatal signal (a crash: SIGSEGV, SIGBUS, SIGFPE,
// SIGILL, SIGABRT) prints "PROGRAM: internal error: ..." and the stack on
// stderr before the program dies of it (same exit status), so a crash in a
// batch job or a test run says where it happened.
void report_crashes(const char* program);
// Flushes stdout. A reader that went away (EPIPE, `| head`) is not an
// error; any other write failure (a full disk) is returned as a message.
std::optional<std::string> finish_stdout();

}  // namespace newsdex::cli
