// The maintenance modes on newsdex-index's command line (--check, --stats,
// --compact): their options, the rules (no INPUT, no indexing option, one
// mode at a time; anything else is a usage error, exit 2), and each mode's
// run with its output and exit code. main.cpp parses and dispatches here;
// the streams are parameters so that tests run a mode in-process.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include <boost/program_options.hpp>

namespace newsdex {

enum class MaintenanceMode { none, check, stats, compact };

struct MaintenanceCommand {
    MaintenanceMode mode = MaintenanceMode::none;
    std::string stats_format = "text";  // --format: text or json
    std::string db_path;                // resolved (resolve_index_path)
    bool quiet = false;                 // errors and problems only
    bool progress = false;              // --check's progress line (the caller checks for a terminal)
};

// --check, --stats, --format, --compact, storing into `command`.
boost::program_options::options_description maintenance_options(MaintenanceCommand& command);

// After parsing: sets command.mode. Prints a usage error and returns its
// exit code when a mode comes with INPUT, an indexing option or another
// mode, or --format without --stats.
std::optional<int> choose_maintenance_mode(const boost::program_options::variables_map& vm, bool has_inputs,
                                           MaintenanceCommand& command, const std::string& program);

// Runs the chosen mode: --stats prints to `out`, the others report to
// `messages`. Returns the exit code (--check: 1 when it found problems);
// throws IndexError (exit 3 in main) as each mode's header says.
int run_maintenance(const MaintenanceCommand& command, std::ostream& out, std::ostream& messages,
                    const std::string& program);

}  // namespace newsdex
