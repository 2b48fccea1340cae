// newsdex-index: read -> analyse -> index. The command line and its exit
// codes; the run itself is indexing_run.h, the steps are in common/.
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <variant>

#include <boost/program_options.hpp>

#include "common/base/strings.h"
#include "common/base/whole_file.h"
#include "common/cli/cli.h"
#include "common/entities/overrides.h"
#include "common/index/article_index.h"
#include "common/index/schema.h"
#include "indexer/indexing_run.h"
#include "indexer/maintenance.h"
#include "indexer/maintenance_command.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

const char* const kProgram = "newsdex-index";

// The man page is made from --help by help2man (scripts/make-man-page.cmake),
// which reads this layout: "  or:  " usage lines, two columns with two
// spaces between them, a continuation indented to the second column. The
// examples come last: docs/man/newsdex-index.h2m replaces them in the man page
// (help2man would run them together), and with them whatever followed.
const char* const kUsage = R"(Usage: newsdex-index [OPTIONS] INPUT...
  or:  newsdex-index [OPTIONS] --delete ID...
  or:  newsdex-index [--db DIR] --check | --stats [--format text|json] | --compact

Reads news articles and adds them to a newsdex index. INPUT is a file, a
directory (walked recursively; .txt, .md, .jsonl, .ndjson and extension-less
files are read) or - for JSON Lines on standard input.

A file's id is its absolute path, so folders never collide and a file has
one id however it is named; a JSON Lines record's id is its "id" field.
Re-running is incremental: new articles are added, changed ones re-indexed,
unchanged ones skipped. An article whose id belongs to an article from
another file is a conflict: the stored one is kept unless --replace.

Maintenance, instead of INPUT:
  newsdex-index --check     # Xapian's check, then every article against the
                            # index format: one line per problem (stderr)
  newsdex-index --stats     # articles, terms, size, dates, top entities
  newsdex-index --compact   # rewrite the index smaller, under the writer
                            # lock; a crash leaves the old or the new index

Examples:
  newsdex-index corpus/
  newsdex-index --db /srv/news.db feeds/2024-06.jsonl
  newsdex-index --prune archive/          # also drop articles deleted from archive/
  zcat export.jsonl.gz | newsdex-index -

)";

const char* const kExitCodes = R"(
Exit status:
  0  every input indexed (warnings allowed); --check found no problem
  1  some inputs rejected or in conflict (each named on stderr), the rest
     indexed; or an id given to --delete is not in the index; or --check
     found problems
  2  usage error
  3  index error: cannot create, open or lock the index, or it has another
     schema version (nothing written); --check: the index is being written
  130, 143  stopped by SIGINT or SIGTERM: the articles read so far are
            committed; run again to finish (nothing is read twice)
  134, 135, 136, 139  a crash (a bug): stderr shows where; the index keeps
                      its last committed batch
)";

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    bool quiet = false;
    bool progress = true;
    bool entities = true;
    bool replace = false, prune = false, remove = false, reanalyse = false, section_from_folder = false;
    // Signed: Boost reads "-1" into an unsigned number as its largest value.
    long long batch_size = kDefaultBatchSize;
    cli::Mebibytes memory{kDefaultMemoryBudgetMib};
    cli::Mebibytes max_article_size{kDefaultMaxArticleBytes >> 20};
    long long jobs = 0, shards = 0;
    std::string overrides_path;
    MaintenanceCommand maintenance;  // --check, --stats, --compact instead of indexing
};

// Returns the exit code when the command line leads to no run.
std::optional<int> parse_command_line(int argc, char** argv, Options& opt) {
    po::options_description options("Options");
    options.add_options()("quiet,q", po::bool_switch(&opt.quiet), "print errors only (no warnings, no summary)")(
        "no-progress", "no progress line (shown only when stderr is a terminal)")(
        "replace", po::bool_switch(&opt.replace),
        "an article whose id belongs to an article from another file replaces it (default: a conflict, exit 1)")(
        "prune", po::bool_switch(&opt.prune),
        "remove the articles that came from the files and folders given and are gone from them")(
        "delete", po::bool_switch(&opt.remove), "remove the articles with the ids given (a file path names its id)")(
        "reanalyse", po::bool_switch(&opt.reanalyse), "analyse every article again, even unchanged ones")(
        "section-from-folder", po::bool_switch(&opt.section_from_folder),
        "an article with no section of its own takes the name of the first folder below the directory given "
        "(bbc-news/politics/001.txt: politics)")(
        "jobs,j", po::value<long long>(&opt.jobs)->value_name("N"),
        "threads analysing articles (default: one per core; 1: everything on one core); also the shards of a new "
        "index")("shards", po::value<long long>(&opt.shards)->value_name("N"),
                 "shards of a new index, each written by a thread of its own (default: --jobs; an existing index keeps "
                 "its shards; docs/index-format.md)")(
        "batch-size", po::value<long long>(&opt.batch_size)->value_name("N")->default_value(kDefaultBatchSize),
        "articles per commit at most: a crash keeps every committed batch")(
        "memory",
        po::value<cli::Mebibytes>(&opt.memory)
            ->value_name("MiB")
            ->default_value(opt.memory, std::to_string(opt.memory.count)),
        "memory budget (MiB, or with a unit: 512M, 2G): commit sooner when the uncommitted articles' estimated size "
        "reaches half of it")("max-article-size",
                              po::value<cli::Mebibytes>(&opt.max_article_size)
                                  ->value_name("MiB")
                                  ->default_value(opt.max_article_size, std::to_string(opt.max_article_size.count)),
                              "reject articles (files, JSON Lines records) larger than this (MiB, or 8M, 1G)")(
        "no-entities", "skip entity extraction and date inference (to measure their cost)")(
        "overrides", po::value<std::string>(&opt.overrides_path)->value_name("FILE"),
        "entity corrections: aliases and never-entities (docs/overrides.md; default $NEWSDEX_OVERRIDES)");
    options.add(cli::index_location_options(opt.db)).add(maintenance_options(opt.maintenance));
    po::variables_map vm;
    const cli::ProgramHelp help{kProgram, kUsage, kExitCodes, "(see --help)", cli::kIndexUsage};
    if (auto code = cli::parse_command_line(argc, argv, help, options, opt.inputs, vm)) return code;
    opt.progress = !vm.count("no-progress");
    if (auto code = choose_maintenance_mode(vm, !opt.inputs.empty(), opt.maintenance, kProgram)) return code;
    if (opt.maintenance.mode != MaintenanceMode::none) return std::nullopt;
    opt.entities = !vm.count("no-entities");
    if (opt.overrides_path.empty())
        if (const char* env = std::getenv("NEWSDEX_OVERRIDES"); env && *env) opt.overrides_path = env;
    if (opt.inputs.empty()) {
        cli::print_error(kProgram, "",
                         opt.remove ? "--delete: no id given"
                                    : "no input given: name files, directories or - (see --help)");
        return cli::kIndexUsage;
    }
    if (opt.remove && opt.prune) {
        cli::print_error(kProgram, "", "--delete and --prune cannot be combined");
        return cli::kIndexUsage;
    }
    // Each number in its range (a negative one is no huge one).
    struct Range {
        const char* name;
        long long value, most;
        bool given;
    };
    for (const Range& r :
         {Range{"--batch-size", opt.batch_size, 10'000'000, true}, Range{"--memory", opt.memory.count, 1 << 20, true},
          Range{"--max-article-size", opt.max_article_size.count, 4096, true},
          Range{"--jobs", opt.jobs, 256, vm.count("jobs") > 0},
          Range{"--shards", opt.shards, static_cast<long long>(schema::kMaxShards), vm.count("shards") > 0}})
        if (r.given && (r.value < 1 || r.value > r.most)) {
            cli::print_error(kProgram, "",
                             std::string(r.name) + " must be from 1 to " + std::to_string(r.most) + ", not " +
                                 std::to_string(r.value));
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

// The overrides' content as part of the analysis settings: editing the
// file re-analyses the corpus on the next run.
std::string overrides_fingerprint(const std::string& path) {
    if (path.empty()) return "none";
    std::string bytes;
    read_whole_file(path, bytes);  // read already by load_overrides(), which reports a failure
    return stable_hash_hex(bytes);
}

// SIGINT and SIGTERM ask the run to commit what it has and stop.
std::atomic<int> stop_signal{0};

void install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = [](int sig) { stop_signal = sig; };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

int run_maintenance_command(Options opt) {
    opt.maintenance.db_path = resolve_index_path(opt.db);
    opt.maintenance.quiet = opt.quiet;
    opt.maintenance.progress = opt.progress && cli::stderr_is_terminal();
    const int code = run_maintenance(opt.maintenance, std::cout, std::cerr, kProgram);
    if (auto failure = cli::finish_stdout()) {  // --stats into a full disk
        cli::print_error(kProgram, "", *failure);
        return cli::kIndexUsage;
    }
    return code;
}

int run(const Options& opt) {
    if (opt.maintenance.mode != MaintenanceMode::none) return run_maintenance_command(opt);
    refuse_interrupted_compaction(resolve_index_path(opt.db));  // a fresh index there would hide the old one
    auto overrides = load_overrides(opt.overrides_path);
    if (auto* code = std::get_if<int>(&overrides)) return *code;
    const auto& corrections = std::get<std::optional<Overrides>>(overrides);
    IndexingOptions run_options{.db_path = resolve_index_path(opt.db),
                                .inputs = opt.remove ? std::vector<std::string>() : opt.inputs,
                                .delete_ids = opt.remove ? opt.inputs : std::vector<std::string>(),
                                .quiet = opt.quiet,
                                .progress = opt.progress && cli::stderr_is_terminal(),
                                .extract_entities = opt.entities,
                                .overrides = corrections ? &*corrections : nullptr,
                                .overrides_fingerprint = overrides_fingerprint(opt.overrides_path),
                                .replace = opt.replace,
                                .prune = opt.prune,
                                .reanalyse = opt.reanalyse,
                                .section_from_folder = opt.section_from_folder,
                                .jobs = static_cast<std::size_t>(opt.jobs),
                                .shards = static_cast<std::size_t>(opt.shards),
                                .batch_size = static_cast<std::size_t>(opt.batch_size),
                                .memory_budget_mib = static_cast<std::size_t>(opt.memory.count),
                                .max_article_bytes = static_cast<std::size_t>(opt.max_article_size.count) << 20,
                                .stop = &stop_signal};
    install_stop_handlers();
    const IndexingSummary summary = IndexingRun(std::move(run_options), std::cerr, kProgram).run();
    if (summary.stopped_by) {
        std::cerr.flush();
        std::_Exit(128 + summary.stopped_by);  // the reading thread may wait on standard input for ever
    }
    return summary.rejected || summary.conflicts ? cli::kIndexRejected : cli::kIndexOk;
}

}  // namespace

int main(int argc, char** argv) {
    cli::ignore_sigpipe();
    cli::report_crashes(kProgram);
    Options opt;
    if (auto code = parse_command_line(argc, argv, opt)) return *code;
    return cli::run_reporting_errors(kProgram, resolve_index_path(opt.db), cli::kIndexError, [&] { return run(opt); });
}
