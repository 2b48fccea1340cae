// newsdex-index: read -> analyse -> index. The command line and its exit
// codes; the run itself is indexing_run.h, the steps are in common/.
#include <cstdlib>
#include <iostream>
#include <optional>
#include <variant>

#include <boost/program_options.hpp>

#include "common/cli/cli.h"
#include "common/entities/overrides.h"
#include "common/index/article_index.h"
#include "indexer/indexing_run.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

const char* const kProgram = "newsdex-index";

const char* const kUsage = R"(Usage: newsdex-index [OPTIONS] INPUT...

Reads news articles and adds them to a newsdex index, replacing any article
with the same id. INPUT is a file, a directory (walked recursively; .txt, .md,
.jsonl, .ndjson and extension-less files are read) or - for JSON Lines on
standard input.

Examples:
  newsdex-index corpus/
  newsdex-index --db /srv/news.db feeds/2024-06.jsonl
  zcat export.jsonl.gz | newsdex-index -

)";

const char* const kExitCodes = R"(
Exit status:
  0  every input indexed (warnings allowed)
  1  some inputs rejected (each named on stderr), the rest indexed
  2  usage error
  3  index error: cannot create, open or lock the index, or it has another
     schema version (nothing written)
)";

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    bool quiet = false;
    bool progress = true;
    bool entities = true;
    std::string overrides_path;
};

// Returns the exit code when the command line does not lead to indexing.
std::optional<int> parse_command_line(int argc, char** argv, Options& opt) {
    po::options_description options("Options");
    options.add_options()("quiet,q", po::bool_switch(&opt.quiet), "print errors only (no warnings, no summary)")(
        "no-progress", "no progress line (shown only when stderr is a terminal)")(
        "no-entities", "skip entity extraction and date inference (to measure their cost)")(
        "overrides", po::value<std::string>(&opt.overrides_path)->value_name("FILE"),
        "entity corrections: aliases and never-entities (docs/overrides.md; default $NEWSDEX_OVERRIDES)");
    options.add(cli::index_location_options(opt.db));
    po::variables_map vm;
    const cli::ProgramHelp help{kProgram, kUsage, kExitCodes, "(see --help)", cli::kIndexUsage};
    if (auto code = cli::parse_command_line(argc, argv, help, options, opt.inputs, vm)) return code;
    opt.progress = !vm.count("no-progress");
    opt.entities = !vm.count("no-entities");
    if (opt.overrides_path.empty())
        if (const char* env = std::getenv("NEWSDEX_OVERRIDES"); env && *env) opt.overrides_path = env;
    if (opt.inputs.empty()) {
        cli::print_error(kProgram, "", "no input given: name files, directories or - (see --help)");
        return cli::kIndexUsage;
    }
    return std::nullopt;
}

// The overrides file, if any; its errors are usage errors (exit 2), each
// named with its line, and nothing is indexed.
std::variant<std::optional<Overrides>, int> load_overrides(const std::string& path) {
    if (path.empty()) return std::optional<Overrides>();
    auto loaded = Overrides::load(path);
    if (auto* o = std::get_if<Overrides>(&loaded)) return std::optional<Overrides>(std::move(*o));
    for (const auto& d : std::get<std::vector<Diagnostic>>(loaded)) std::cerr << format_diagnostic(kProgram, d) << '\n';
    return cli::kIndexUsage;
}

int run(const Options& opt) {
    auto overrides = load_overrides(opt.overrides_path);
    if (auto* code = std::get_if<int>(&overrides)) return *code;
    const auto& corrections = std::get<std::optional<Overrides>>(overrides);
    IndexingOptions run_options{.db_path = resolve_index_path(opt.db),
                                .inputs = opt.inputs,
                                .quiet = opt.quiet,
                                .progress = opt.progress && cli::stderr_is_terminal(),
                                .extract_entities = opt.entities,
                                .overrides = corrections ? &*corrections : nullptr};
    const IndexingSummary summary = IndexingRun(std::move(run_options), std::cerr, kProgram).run();
    return summary.rejected ? cli::kIndexRejected : cli::kIndexOk;
}

}  // namespace

int main(int argc, char** argv) {
    cli::ignore_sigpipe();
    Options opt;
    if (auto code = parse_command_line(argc, argv, opt)) return *code;
    return cli::run_reporting_errors(kProgram, resolve_index_path(opt.db), cli::kIndexError, [&] { return run(opt); });
}
