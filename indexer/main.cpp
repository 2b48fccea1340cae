// newsdex-index: read -> analyse -> index. A thin main over common/: it wires
// the corpus reader to the analyser and the writable index, reports problems
// compiler-style on stderr and maps the outcome to documented exit codes.
#include <iostream>
#include <cstdlib>
#include <exception>
#include <map>
#include <thread>
#include <variant>

#include <boost/program_options.hpp>

#include "common/analyzer.h"
#include "common/article_index.h"
#include "common/bounded_queue.h"
#include "common/cli.h"
#include "common/corpus_reader.h"
#include "common/schema.h"

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

// Counts and the progress line for one run.
class RunReport {
public:
    RunReport(bool quiet, bool progress) : quiet_(quiet), progress_(progress && cli::stderr_is_terminal()) {}

    void diagnostic(const Diagnostic& d) {
        if (d.severity == Severity::error) ++rejected_;
        else ++warnings_;
        if (quiet_ && d.severity == Severity::warning) return;
        clear_progress();
        std::cerr << format_diagnostic(kProgram, d) << '\n';
    }
    void article_indexed(std::size_t files_done, std::size_t files_total) {
        ++articles_;
        if (progress_ && articles_ % 200 == 0) {
            std::cerr << "\r" << kProgram << ": " << articles_ << " articles, file " << files_done << " of "
                      << files_total << std::flush;
            progress_shown_ = true;
        }
    }
    void summary(std::size_t files, const std::string& db, Xapian::doccount total) {
        clear_progress();
        if (quiet_) return;
        std::cerr << kProgram << ": indexed " << articles_ << " article" << (articles_ == 1 ? "" : "s") << " from "
                  << files << " file" << (files == 1 ? "" : "s") << " into " << db << " (" << rejected_ << " rejected, "
                  << warnings_ << " warning" << (warnings_ == 1 ? "" : "s") << "); the index holds " << total
                  << " article" << (total == 1 ? "" : "s") << '\n';
    }
    std::size_t rejected() const { return rejected_; }

private:
    void clear_progress() {
        if (progress_shown_) std::cerr << "\r\x1b[K";
        progress_shown_ = false;
    }
    bool quiet_, progress_, progress_shown_ = false;
    std::size_t articles_ = 0, rejected_ = 0, warnings_ = 0;
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

// What the reading-and-analysing thread hands the writing thread, in
// reading order, so the run's output does not depend on thread timing.
struct AnalysedArticle {
    std::string id, path;
    Xapian::Document doc;
};
struct FileDone {};
using IndexEvent = std::variant<AnalysedArticle, Diagnostic, FileDone>;

// Reads and analyses every file on its own thread: analysis (tokenising,
// entity extraction) then overlaps with Xapian's writing, the main cost.
class ReadingThread {
public:
    ReadingThread(const std::vector<InputFile>& files, bool entities, const Overrides* overrides) : queue_(256) {
        thread_ = std::thread([this, &files, entities, overrides] { read_all(files, entities, overrides); });
    }
    ~ReadingThread() {
        queue_.close();
        if (thread_.joinable()) thread_.join();
    }
    // The next event; nothing when all files are read. Rethrows the reading
    // thread's exception, if it had one.
    std::optional<IndexEvent> next() {
        auto event = queue_.pop();
        if (!event && failure_) std::rethrow_exception(failure_);
        return event;
    }

private:
    void read_all(const std::vector<InputFile>& files, bool entities, const Overrides* overrides) {
        try {
            ArticleAnalyzer analyzer(entities, overrides);
            const CorpusSink sink{[&](Article&& a) {
                                      if (!queue_.closed()) queue_.push(AnalysedArticle{a.id, a.path, analyzer.analyze(a)});
                                  },
                                  [&](const Diagnostic& d) { queue_.push(d); }};
            for (const auto& file : files) {
                read_input_file(file, sink);
                if (!queue_.push(FileDone{})) break;  // the writer stopped
            }
        } catch (...) {
            failure_ = std::current_exception();
        }
        queue_.close();
    }

    BoundedQueue<IndexEvent> queue_;
    std::exception_ptr failure_;
    std::thread thread_;
};

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
    const std::string db_path = resolve_index_path(opt.db);
    WritableArticleIndex index(db_path);  // locks: a second writer fails here, before any reading
    RunReport report(opt.quiet, opt.progress);
    const auto files = list_input_files(opt.inputs, [&](const Diagnostic& d) { report.diagnostic(d); });

    // Two articles with one id in one run: the one whose path sorts first is
    // kept, so the outcome does not depend on the order of the inputs.
    std::map<std::string, std::string> kept_path;  // id -> path
    std::size_t files_done = 0;
    auto write = [&](AnalysedArticle& a) {
        auto [it, fresh] = kept_path.try_emplace(a.id, a.path);
        if (!fresh) {
            const bool replaces = a.path < it->second;
            const std::string& rejected = replaces ? it->second : a.path;
            const std::string& kept = replaces ? a.path : it->second;
            report.diagnostic({Severity::error, rejected, 0,
                               "id \"" + a.id + "\" is also the id of " + kept +
                                   ", which is kept (ids must be unique; the path that sorts first wins)"});
            if (!replaces) return;
            it->second = a.path;
        }
        if (auto previous = index.put(schema::id_term(a.id), a.doc, a.path))
            report.diagnostic({Severity::warning, a.path, 0,
                               "replaces the article with id \"" + a.id + "\" indexed from " + *previous});
        report.article_indexed(files_done, files.size());
    };
    ReadingThread reader(files, opt.entities, corrections ? &*corrections : nullptr);
    while (auto event = reader.next()) {
        if (auto* a = std::get_if<AnalysedArticle>(&*event)) write(*a);
        else if (auto* d = std::get_if<Diagnostic>(&*event)) report.diagnostic(*d);
        else ++files_done;
    }
    index.commit();
    // Cross-article steps see the whole index, so the result does not depend
    // on what this run read first; committed separately, after the articles.
    index.resolve_across_articles();
    index.commit();
    report.summary(files.size(), db_path, index.article_count());
    return report.rejected() ? cli::kIndexRejected : cli::kIndexOk;
}

}  // namespace

int main(int argc, char** argv) {
    cli::ignore_sigpipe();
    Options opt;
    if (auto code = parse_command_line(argc, argv, opt)) return *code;
    try {
        return run(opt);
    } catch (const IndexError& e) {
        cli::print_error(kProgram, resolve_index_path(opt.db), e.what());
    } catch (const Xapian::Error& e) {
        cli::print_error(kProgram, resolve_index_path(opt.db), e.get_description());
    } catch (const std::exception& e) {
        cli::print_error(kProgram, resolve_index_path(opt.db), e.what());
    }
    return cli::kIndexError;
}
