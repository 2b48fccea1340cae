// What both binaries share on the command line: the index location option,
// exit codes, stderr messages, terminal detection and closed-pipe handling.
#pragma once

#include <optional>
#include <string>

#include <boost/program_options.hpp>

namespace newsdex::cli {

// newsdex-index exit codes.
enum IndexExit : int {
    kIndexOk = 0,        // every input indexed (warnings allowed)
    kIndexRejected = 1,  // some inputs rejected, the rest indexed
    kIndexUsage = 2,
    kIndexError = 3,     // cannot create, open or lock the index: nothing written
};

// newsdex-search exit codes (grep's convention, plus 3).
enum SearchExit : int {
    kSearchHits = 0,
    kSearchNoHits = 1,
    kSearchUsage = 2,    // usage or query error
    kSearchIndexError = 3,
};

// --db DIR, described once for both binaries.
boost::program_options::options_description index_location_options(std::string& db);

// "newsdex-search: PATH: error: reason" on stderr.
void print_error(const std::string& program, const std::string& where, const std::string& reason);

bool stderr_is_terminal();
bool stdout_is_terminal();
// Colour on stdout: a terminal and NO_COLOR unset (or "always").
bool use_color(const std::string& when);
std::size_t terminal_width();

// Call once at start: a reader closing the pipe (`| head`) ends the program
// quietly with the exit code it would have had, instead of a SIGPIPE death.
void ignore_sigpipe();
// Flushes stdout. A reader that went away (EPIPE, `| head`) is not an
// error; any other write failure (a full disk) is returned as a message.
std::optional<std::string> finish_stdout();

}  // namespace newsdex::cli
