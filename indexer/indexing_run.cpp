#include "indexer/indexing_run.h"

#include <exception>
#include <map>
#include <optional>
#include <thread>
#include <variant>

#include "common/index/article_index.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "common/reading/corpus_reader.h"
#include "indexer/bounded_queue.h"

namespace newsdex {

namespace {

// Counts, diagnostics and the progress line of one run.
class RunReport {
public:
    RunReport(std::ostream& out, std::string program, bool quiet, bool progress)
        : out_(out), program_(std::move(program)), quiet_(quiet), progress_(progress) {}

    void diagnostic(const Diagnostic& d) {
        if (d.severity == Severity::error) ++summary_.rejected;
        else ++summary_.warnings;
        if (quiet_ && d.severity == Severity::warning) return;
        clear_progress();
        out_ << format_diagnostic(program_, d) << '\n';
    }
    void article_indexed(std::size_t files_done, std::size_t files_total) {
        ++summary_.articles;
        if (progress_ && summary_.articles % 200 == 0) {
            out_ << "\r" << program_ << ": " << summary_.articles << " articles, file " << files_done << " of "
                 << files_total << std::flush;
            progress_shown_ = true;
        }
    }
    IndexingSummary finish(std::size_t files, const std::string& db, Xapian::doccount total) {
        clear_progress();
        summary_.files = files;
        summary_.total = total;
        if (quiet_) return summary_;
        const std::size_t articles = summary_.articles, warnings = summary_.warnings;
        out_ << program_ << ": indexed " << articles << " article" << (articles == 1 ? "" : "s") << " from " << files
             << " file" << (files == 1 ? "" : "s") << " into " << db << " (" << summary_.rejected << " rejected, "
             << warnings << " warning" << (warnings == 1 ? "" : "s") << "); the index holds " << total << " article"
             << (total == 1 ? "" : "s") << '\n';
        return summary_;
    }

private:
    void clear_progress() {
        if (progress_shown_) out_ << "\r\x1b[K";
        progress_shown_ = false;
    }
    std::ostream& out_;
    std::string program_;
    bool quiet_, progress_, progress_shown_ = false;
    IndexingSummary summary_;
};

// What the reading thread hands the writing thread, in reading order.
struct BuiltArticle {
    std::string id, path;
    Xapian::Document doc;
};
struct FileDone {};
using IndexEvent = std::variant<BuiltArticle, Diagnostic, FileDone>;

// Reads every file and builds its documents on a thread of its own.
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
            DocumentBuilder builder(entities, overrides);
            const CorpusSink sink{[&](Article&& a) {
                                      if (!queue_.closed()) queue_.push(BuiltArticle{a.id, a.path, builder.build(a)});
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

}  // namespace

IndexingRun::IndexingRun(IndexingOptions options, std::ostream& messages, std::string program)
    : options_(std::move(options)), messages_(messages), program_(std::move(program)) {}

IndexingSummary IndexingRun::run() {
    WritableArticleIndex index(options_.db_path);  // locks: a second writer fails here, before any reading
    RunReport report(messages_, program_, options_.quiet, options_.progress);
    const auto files = list_input_files(options_.inputs, [&](const Diagnostic& d) { report.diagnostic(d); });

    // Two articles with one id in one run: the one whose path sorts first is
    // kept, so the outcome does not depend on the order of the inputs.
    std::map<std::string, std::string> kept_path;  // id -> path
    std::size_t files_done = 0;
    auto write = [&](BuiltArticle& a) {
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
    ReadingThread reader(files, options_.extract_entities, options_.overrides);
    while (auto event = reader.next()) {
        if (auto* a = std::get_if<BuiltArticle>(&*event)) write(*a);
        else if (auto* d = std::get_if<Diagnostic>(&*event)) report.diagnostic(*d);
        else ++files_done;
    }
    index.commit();
    // Cross-article steps see the whole index, so the result does not depend
    // on what this run read first; committed separately, after the articles.
    index.resolve_across_articles();
    index.commit();
    return report.finish(files.size(), options_.db_path, index.article_count());
}

}  // namespace newsdex
