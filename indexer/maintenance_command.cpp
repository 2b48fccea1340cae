#include "indexer/maintenance_command.h"

#include <vector>

#include "common/cli/cli.h"
#include "indexer/compaction.h"
#include "indexer/index_check.h"
#include "indexer/index_stats.h"
#include "indexer/maintenance.h"

namespace newsdex {

namespace po = boost::program_options;

namespace {

// What only indexing takes: a maintenance mode with one of these is a
// usage error, not a silently ignored option.
constexpr const char* kIndexingOptions[] = {
    "replace",    "prune",  "delete",           "reanalyse",   "section-from-folder",
    "batch-size", "memory", "max-article-size", "no-entities", "overrides"};

int usage_error(const std::string& program, const std::string& reason) {
    cli::print_error(program, "", reason);
    return cli::kIndexUsage;
}

void print_compaction(const CompactionSummary& s, const std::string& db, std::ostream& messages,
                      const std::string& program) {
    for (const auto& removed : s.leftovers_removed)
        messages << program << ": removed " << removed.string() << ", left by a compaction that crashed\n";
    for (const auto& old : s.old_indexes_kept)
        messages << program << ": warning: " << old.string()
                 << " holds the index as it was before a compaction that crashed; remove it once " << db
                 << " is known good (newsdex-index --check)\n";
    const double share = s.bytes_before ? static_cast<double>(s.bytes_after) / static_cast<double>(s.bytes_before) : 1;
    messages << program << ": compacted " << db << ": " << s.articles
             << (s.articles == 1 ? " article, " : " articles, ") << human_size(s.bytes_before) << " -> "
             << human_size(s.bytes_after) << " (" << static_cast<int>(share * 100 + 0.5) << "% of the size)\n";
}

}  // namespace

po::options_description maintenance_options(MaintenanceCommand& command) {
    po::options_description options("Maintenance (instead of INPUT, one at a time)");
    options.add_options()("check", "check the index: Xapian's tables, then every article against the index format")(
        "stats", "what the index holds (stdout)")("format",
                                                  po::value<std::string>(&command.stats_format)->value_name("FMT"),
                                                  "--stats output: text (default) or json")(
        "compact", "rewrite the index compacted, holding the writer lock meanwhile");
    return options;
}

std::optional<int> choose_maintenance_mode(const po::variables_map& vm, bool has_inputs, MaintenanceCommand& command,
                                           const std::string& program) {
    std::vector<std::string> modes;
    for (const char* name : {"check", "stats", "compact"})
        if (vm.count(name)) modes.push_back(std::string("--") + name);
    if (vm.count("format") && !vm.count("stats")) return usage_error(program, "--format goes with --stats");
    if (modes.empty()) return std::nullopt;
    if (modes.size() > 1) return usage_error(program, modes[0] + " and " + modes[1] + " cannot be combined");
    if (has_inputs) return usage_error(program, modes[0] + " takes no INPUT (--db names the index)");
    for (const char* name : kIndexingOptions)
        if (vm.count(name) && !vm[name].defaulted())
            return usage_error(program, modes[0] + " and --" + name + " cannot be combined");
    if (command.stats_format != "text" && command.stats_format != "json")
        return usage_error(program, "unknown --format \"" + command.stats_format + "\": use text or json");
    command.mode = vm.count("check")   ? MaintenanceMode::check
                   : vm.count("stats") ? MaintenanceMode::stats
                                       : MaintenanceMode::compact;
    return std::nullopt;
}

int run_maintenance(const MaintenanceCommand& command, std::ostream& out, std::ostream& messages,
                    const std::string& program) {
    switch (command.mode) {
        case MaintenanceMode::check: {
            CheckOptions check;
            check.db_path = command.db_path;
            check.progress = command.progress;
            check.quiet = command.quiet;
            return check_index(check, messages, program).problems ? cli::kIndexRejected : cli::kIndexOk;
        }
        case MaintenanceMode::stats: {
            const IndexStats stats = gather_index_stats(command.db_path);
            if (command.stats_format == "json") print_stats_json(stats, out);
            else print_stats_text(stats, out);
            return cli::kIndexOk;
        }
        case MaintenanceMode::compact: {
            const CompactionSummary summary = compact_index(command.db_path);
            if (!command.quiet) print_compaction(summary, command.db_path, messages, program);
            return cli::kIndexOk;
        }
        case MaintenanceMode::none: break;
    }
    return cli::kIndexUsage;
}

}  // namespace newsdex
