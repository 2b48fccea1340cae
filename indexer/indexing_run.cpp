#include "indexer/indexing_run.h"

#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <malloc.h>
#include <unistd.h>

#include "common/base/bounded_queue.h"
#include "common/base/strings.h"
#include "common/cli/version.h"
#include "common/index/article_id.h"
#include "common/index/article_index.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "indexer/run_ledger.h"

namespace newsdex {

namespace {

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// Counts, diagnostics and the progress line of one run.
class RunReport {
public:
    RunReport(std::ostream& out, std::string program, bool quiet, bool progress)
        : out_(out), program_(std::move(program)), quiet_(quiet), progress_(progress) {}

    void diagnostic(const Diagnostic& d) {
        if (d.severity == Severity::error) ++summary_.rejected;
        else ++summary_.warnings;
        print(d);
    }
    // A conflict is an error line too, counted apart from rejected inputs.
    void conflict(const Diagnostic& d) {
        ++summary_.conflicts;
        print(d);
    }
    IndexingSummary& counts() { return summary_; }
    void article_read(std::size_t files_done, std::size_t files_total) {
        if (progress_ && ++read_ % 200 == 0) {
            out_ << "\r" << program_ << ": " << read_ << " articles, file " << files_done << " of " << files_total
                 << std::flush;
            progress_shown_ = true;
        }
    }
    // The articles of HeldArticles::write_all() being written.
    void article_written(std::size_t done, std::size_t of) {
        if (progress_ && done % 200 == 0) {
            out_ << "\r\x1b[K" << program_ << ": " << done << " of " << plural(of, "article") << " written"
                 << std::flush;
            progress_shown_ = true;
        }
    }
    // A step with no count to show, on the progress line.
    void phase(const std::string& what) {
        if (!progress_) return;
        clear_progress();
        out_ << program_ << ": " << what << std::flush;
        progress_shown_ = true;
    }
    // What the corpus-wide passes changed, older articles' included: a
    // rewrite the user did not ask for is said, never silent (finish()).
    void passes_done(const CorpusPassesDone& done) {
        summary_.persons_rewritten = done.persons_rewritten;
        summary_.groups_rewritten = done.groups_rewritten;
    }
    void note(const std::string& line) {
        if (quiet_) return;
        clear_progress();
        out_ << program_ << ": " << line << '\n';
    }
    IndexingSummary finish(std::size_t files, const std::string& db, Xapian::doccount total) {
        clear_progress();
        summary_.files = files;
        summary_.total = total;
        if (quiet_) return summary_;
        const auto& s = summary_;
        out_ << program_ << ": " << plural(s.added + s.updated + s.unchanged, "article") << " from "
             << plural(files, "file") << " into " << db << ": " << s.added << " added, " << s.updated << " updated, "
             << s.unchanged << " unchanged, " << s.removed << " removed, " << plural(s.conflicts, "conflict") << ", "
             << s.rejected << " rejected, " << plural(s.warnings, "warning") << "; the index holds "
             << plural(total, "article") << passes_said() << '\n';
        return summary_;
    }

private:
    std::string passes_said() const {
        std::string said;
        if (summary_.persons_rewritten > 0)
            said = "persons resolved anew in " + std::to_string(summary_.persons_rewritten);
        if (summary_.groups_rewritten > 0)
            said += (said.empty() ? "" : ", ") + std::string("near-duplicate group set anew in ") +
                    std::to_string(summary_.groups_rewritten);
        return said.empty() ? said : "; across the index: " + said;
    }
    void print(const Diagnostic& d) {
        if (quiet_ && d.severity == Severity::warning) return;
        clear_progress();
        out_ << format_diagnostic(program_, d) << '\n';
    }
    void clear_progress() {
        if (progress_shown_) out_ << "\r\x1b[K";
        progress_shown_ = false;
    }
    std::ostream& out_;
    std::string program_;
    bool quiet_, progress_, progress_shown_ = false;
    std::size_t read_ = 0;
    IndexingSummary summary_;
};

// What the reading side hands the writing side, in reading order: an
// article analysed (its entities found), to be written with its persons
// resolved (HeldArticles).
struct AnalysedArticle {
    Article article;
};
struct UnchangedArticle {
    std::string id, path;
};
struct FileDone {};
using IndexEvent = std::variant<AnalysedArticle, UnchangedArticle, Diagnostic, FileDone>;
// As queued: an article being analysed is its future, so that events keep
// reading order whichever analysing thread finishes first.
using QueuedEvent = std::variant<std::future<AnalysedArticle>, UnchangedArticle, Diagnostic, FileDone>;

// What the writing side hands the index: an article's document.
struct BuiltArticle {
    std::string id, path, source_file;
    Xapian::Document doc;
    std::size_t pending_bytes = 0;  // pending_size_estimate(doc), worked out on the building thread
};

// A test hook: NEWSDEX_CRASH_AT=article:N (after the N-th article written),
// batch:N (after the N-th commit) or passes (after the corpus-wide passes,
// before their commit) makes the process kill itself with SIGKILL there, so
// the crash test (tests/e2e/crash_test.cpp) can hit each point exactly.
class CrashPoint {
public:
    CrashPoint() {
        const char* at = std::getenv("NEWSDEX_CRASH_AT");
        if (!at) return;
        const std::string spec = at;
        const auto colon = spec.find(':');
        kind_ = spec.substr(0, colon);
        if (colon != std::string::npos) count_ = std::strtoul(spec.c_str() + colon + 1, nullptr, 10);
    }
    void reached(std::string_view kind) {
        if (kind_.empty() || kind != kind_) return;
        if (++seen_ >= count_) ::kill(::getpid(), SIGKILL);
    }

private:
    std::string kind_;
    std::size_t count_ = 1, seen_ = 0;
};

// What makes the same input index differently: this build's analysis and
// the run's settings. Part of every content hash, so changing any of them
// re-analyses the corpus on the next run.
std::string analysis_settings(const IndexingOptions& o) {
    return std::string(kVersion) + "/schema " + std::to_string(schema::kSchemaVersion) + "/analysis " +
           std::to_string(DocumentBuilder::kAnalysisRevision) + (o.extract_entities ? "/entities" : "/no entities") +
           "/overrides " + o.overrides_fingerprint + (o.section_from_folder ? "/section from folder" : "");
}

// Reads every file on a thread of its own and analyses its articles on
// `jobs` analysing threads, or with -j 1 on the thread that takes the events
// (a deferred future), so that the run keeps to one core. The threads own
// what they use (shared state), so a run stopped by a signal can leave the
// reading thread blocked in a read of standard input.
class ReadingThread {
public:
    ReadingThread(std::vector<InputFile> files, const IndexingOptions& options)
        : shared_(std::make_shared<Shared>(std::move(files), options)) {
        thread_ = std::thread([shared = shared_] { shared->read_all(); });
    }
    ~ReadingThread() {
        shared_->queue.close();
        if (abandon_) thread_.detach();
        else if (thread_.joinable()) thread_.join();
    }
    // The next event; nothing when all files are read or `stop` is set.
    // Rethrows the reading or analysing thread's exception, if it had one.
    std::optional<IndexEvent> next(const std::atomic<int>* stop) {
        auto event = shared_->queue.pop_unless([stop] { return stop && stop->load() != 0; });
        if (!event && shared_->failure) std::rethrow_exception(shared_->failure);
        if (!event) return std::nullopt;
        return std::visit(
            [](auto&& e) -> IndexEvent {
                if constexpr (std::is_same_v<std::decay_t<decltype(e)>, std::future<AnalysedArticle>>) return e.get();
                else return std::move(e);
            },
            std::move(*event));
    }
    void abandon() { abandon_ = true; }

private:
    struct ToAnalyse {
        Article article;
        std::promise<AnalysedArticle> analysed;
    };

    struct Shared {
        Shared(std::vector<InputFile> f, const IndexingOptions& o)
            : queue(256), to_analyse(4 * resolve_jobs(o.jobs)), files(std::move(f)), options(o),
              settings(analysis_settings(o)), analysing_threads(resolve_jobs(o.jobs) > 1 ? resolve_jobs(o.jobs) : 0),
              taker_builder(o.extract_entities, o.overrides) {}
        BoundedQueue<QueuedEvent> queue;
        BoundedQueue<ToAnalyse> to_analyse;
        std::exception_ptr failure;
        std::vector<InputFile> files;
        IndexingOptions options;
        std::string settings;
        std::size_t analysing_threads;  // 0: -j 1, articles analysed by the events' taker
        DocumentBuilder taker_builder;  // used by the events' taker only

        static AnalysedArticle analysed(const DocumentBuilder& builder, Article a) {
            builder.analyse(a);
            return {std::move(a)};
        }

        // One analysing thread: analyses articles until the reading ends.
        void analyse_all() {
            const DocumentBuilder builder(options.extract_entities, options.overrides);
            while (auto job = to_analyse.pop()) {
                try {
                    job->analysed.set_value(analysed(builder, std::move(job->article)));
                } catch (...) {
                    job->analysed.set_exception(std::current_exception());
                }
            }
        }

        void analyse_later(Article&& a) {
            if (analysing_threads == 0) {
                queue.push(std::async(std::launch::deferred, [this, a = std::move(a)]() mutable {
                    return analysed(taker_builder, std::move(a));
                }));
                return;
            }
            ToAnalyse job{std::move(a), {}};
            if (queue.push(job.analysed.get_future())) to_analyse.push(std::move(job));
        }

        void read_files() {
            std::optional<CommittedArticles> stored;
            if (!options.reanalyse) stored.emplace(options.db_path);
            // An id met twice in the run is built every time: the writer
            // keeps the copy whose path sorts first, and an unchanged copy
            // kept after another was written would leave the other indexed.
            IdHashSet ids_met;
            const InputFile* current = nullptr;
            const CorpusSink sink{[&](Article&& a) {
                                      if (queue.closed()) return;
                                      // A section the folder gives is part of the content: the
                                      // same file reached another way is analysed again.
                                      std::string derived;
                                      if (options.section_from_folder && a.section.empty())
                                          a.section = derived = current->top_folder;
                                      a.content_hash =
                                          stable_hash_hex(settings + '\n' + a.path + '\n' + a.content_hash +
                                                          (derived.empty() ? std::string() : "\nsection " + derived));
                                      const bool met_before = !ids_met.insert(stable_hash64(a.id));
                                      if (!met_before && stored && stored->content_hash(a.id) == a.content_hash)
                                          queue.push(UnchangedArticle{a.id, a.path});
                                      else analyse_later(std::move(a));
                                  },
                                  [&](const Diagnostic& d) { queue.push(d); }};
            for (const auto& file : files) {
                current = &file;
                read_input_file(file, sink, options.max_article_bytes);
                if (!queue.push(FileDone{})) break;  // the writer stopped
            }
        }

        void read_all() {
            std::vector<std::thread> builders;
            for (std::size_t i = 0; i < analysing_threads; ++i) builders.emplace_back([this] { analyse_all(); });
            try {
                read_files();
            } catch (...) {
                failure = std::current_exception();
            }
            to_analyse.close();  // the analysing threads finish what is queued
            for (auto& b : builders) b.join();
            queue.close();
        }
    };

    std::shared_ptr<Shared> shared_;
    std::thread thread_;
    bool abandon_ = false;
};

// The order in which copies of one id compete: by file, then line number
// ("feed.jsonl:9" before "feed.jsonl:10"), so of two lines of one file the
// first read is the one kept, and a re-run finds it unchanged instead of
// writing the other line over it and back. A path without a line number
// (a text file) compares as a file. A total order on paths (a key per
// path), so the copy kept never depends on the order of the inputs.
bool comes_first(std::string_view a, std::string_view b) {
    auto key = [](std::string_view path) {
        const std::size_t colon = path.rfind(':');
        const bool has_line = colon != std::string_view::npos && colon + 1 < path.size() && path.size() - colon <= 19 &&
                              path.find_first_not_of("0123456789", colon + 1) == std::string_view::npos;
        if (!has_line) return std::tuple{path, 1, std::uint64_t{0}, path};
        std::uint64_t line = 0;
        for (const char c : path.substr(colon + 1)) line = line * 10 + static_cast<std::uint64_t>(c - '0');
        return std::tuple{path.substr(0, colon), 0, line, path};
    };
    return key(a) < key(b);
}

// The writing side of a run: decides, for each article read, whether it is
// new, an update, unchanged or a conflict, and commits in batches.
class ArticleWriter {
public:
    ArticleWriter(WritableArticleIndex& index, RunReport& report, const IndexingOptions& options, CrashPoint& crash)
        : index_(index), committed_(options.db_path), report_(report), options_(options), crash_(crash) {}

    void write(BuiltArticle& a) {
        bool first_copy = false;
        RunLedger::Entry& run = first_met(a.id, first_copy);
        if (conflicts_with_stored(run, a)) return;
        if (!keep_first_of_run(run, a.id, a.path)) return;
        if (!first_copy && already_indexed(run, a)) {
            ++report_.counts().unchanged;
            if (options_.prune) run.seen = true;
            return;
        }
        if (run.had_stored && run_.stored_source(run) != a.source_file)
            report_.diagnostic({Severity::warning, display_article_id(a.path), 0,
                                "replaces the article indexed from " + display_article_id(run_.stored_path(run)) +
                                    " (id \"" + display_article_id(a.id) + "\", --replace)"});
        index_.put(a.id, std::move(a.doc));
        if (!run.written) ++(run.had_stored ? report_.counts().updated : report_.counts().added);  // once an id
        run.written = true;
        if (options_.prune) run.seen = true;
        crash_.reached("article");
        pending_bytes_ += a.pending_bytes;
        changed();
    }
    // The reader sends an id unchanged only the first time it meets it.
    void unchanged(const UnchangedArticle& a) {
        bool first_copy = false;
        RunLedger::Entry& run = first_met(a.id, first_copy);
        if (!keep_first_of_run(run, a.id, a.path)) return;
        ++report_.counts().unchanged;
        if (options_.prune) run.seen = true;
    }
    void remove(const std::string& id) {
        if (!index_.remove(id)) return;
        removed_.insert(id);
        ++report_.counts().removed;
        changed();
    }
    bool was_seen(const std::string& id) const {
        const RunLedger::Entry* run = run_.find(id);
        return run && run->seen;
    }
    // After the last write and --prune: what the run did with each id is
    // needed no more, and the corpus-wide passes that follow need the
    // memory (about 0.1 KB an id: 100 MB at a million articles).
    void forget_ids() {
        run_ = RunLedger();
        removed_.clear();
        malloc_trim(0);  // hand the freed pages back, so the passes' peak does not stack on them
    }
    void commit_if_pending() {
        if (pending_ > 0) commit();
    }
    void commit() {
        index_.commit();
        if (pending_ > 0) ++report_.counts().batches;
        pending_ = pending_bytes_ = 0;
        crash_.reached("batch");
    }

private:
    // The id's entry; the first time, with the article the index held
    // under it before the run (committed_ is read before this run writes
    // the id, so it still shows that article). Valid until the next call.
    // `fresh`: the run meets the id for the first time.
    RunLedger::Entry& first_met(const std::string& id, bool& fresh) {
        RunLedger::Entry& run = run_.entry(id, fresh);
        if (fresh && !removed_.count(id))
            if (const auto stored = committed_.find(id)) run_.set_stored(run, id, stored->path, stored->source_file);
        return run;
    }

    // An id met twice is analysed every time (the reader cannot know which
    // copy the run keeps); a later copy kept may be the very article indexed
    // before the run, with nothing of the run written over it: unchanged,
    // whatever the order the copies came in.
    bool already_indexed(const RunLedger::Entry& run, const BuiltArticle& a) {
        return run.had_stored && !run.written && !options_.reanalyse && run_.stored_source(run) == a.source_file &&
               committed_.content_hash(a.id) == a.doc.get_value(schema::kContentHashSlot);
    }

    // An article that would replace one from another source is a conflict,
    // whatever else this run does with the id: the stored article is kept
    // (and --prune keeps it), unless --replace.
    bool conflicts_with_stored(RunLedger::Entry& run, const BuiltArticle& a) {
        if (!run.had_stored || run_.stored_source(run) == a.source_file || options_.replace) return false;
        report_.conflict({Severity::error, display_article_id(a.path), 0,
                          "id \"" + display_article_id(a.id) + "\" is the id of the article already indexed from " +
                              display_article_id(run_.stored_path(run)) + ", which is kept (--replace replaces it)"});
        if (options_.prune && !run.written) run.seen = true;
        return true;
    }

    // Two articles with one id in one run: the one whose path comes first
    // (comes_first()) is kept, so the outcome does not depend on the order
    // of the inputs.
    // Returns false when `path`'s article is the one to drop.
    bool keep_first_of_run(RunLedger::Entry& run, const std::string& id, const std::string& path) {
        if (!run.kept) {
            run.kept = true;
            run_.set_kept_path(run, id, path);
            return true;
        }
        const std::string earlier = run_.kept_path(run);
        const bool replaces = comes_first(path, earlier);
        const std::string& dropped = replaces ? earlier : path;
        const std::string& kept = replaces ? path : earlier;
        report_.conflict({Severity::error, display_article_id(dropped), 0,
                          "id \"" + display_article_id(id) + "\" is also the id of " + display_article_id(kept) +
                              ", which is kept (ids must be unique; the first by file path, then line, wins)"});
        if (replaces) run_.set_kept_path(run, id, path);
        return replaces;
    }
    // Half the budget: the commit itself needs memory to merge what is
    // pending into the tables, and the reading side holds some too.
    void changed() {
        if (++pending_ >= options_.batch_size || pending_bytes_ >= (options_.memory_budget_mib << 20) / 2) commit();
    }

    WritableArticleIndex& index_;
    // The articles as committed before this run, for the articles this run
    // has not written or removed: asking the index itself would wait for
    // its shard writers at every article.
    CommittedArticles committed_;
    RunReport& report_;
    const IndexingOptions& options_;
    CrashPoint& crash_;
    RunLedger run_;  // what this run did with each id
    std::set<std::string> removed_;
    std::size_t pending_ = 0;        // changes since the last commit
    std::size_t pending_bytes_ = 0;  // their estimated size in the writer's memory
};

// --prune: articles from the inputs' files and folders that this run did
// not read. A source this run could not read whole (an error named it or a
// folder above it) keeps its articles: a bad line is no reason to drop them.
void prune(const IndexingOptions& options, const std::set<std::string>& error_sources, WritableArticleIndex& index,
           ArticleWriter& writer) {
    for (const auto& input : options.inputs) {
        if (input == "-" || error_sources.count(absolute_source_path(input))) continue;  // "-" has no lasting place
        for (const auto& id : index.ids_from(absolute_source_path(input))) {
            if (writer.was_seen(id)) continue;
            const auto stored = index.find(id);
            bool unread = false;
            for (const auto& bad : error_sources)
                unread = unread || (stored && is_path_under(stored->source_file, bad));
            if (!unread) writer.remove(id);
        }
    }
}

// The document of an analysed article, with what the writer needs to know.
BuiltArticle built(DocumentBuilder& builder, const Article& a) {
    BuiltArticle b{a.id, a.path, a.source_file, builder.document(a)};
    b.pending_bytes = pending_size_estimate(b.doc);
    return b;
}

// Builds the documents of `articles` on `threads` threads (0: on the
// caller's) and hands each to `write` on the caller's thread, in order: as
// the reading side does, each queued article is its future document. Each
// article is cleared once built; at most kAhead documents wait.
template <typename Write>
void build_in_order(std::vector<Article>& articles, std::size_t threads, const Write& write) {
    auto build = [](DocumentBuilder& builder, Article& a) {
        BuiltArticle b = built(builder, a);
        a = Article();
        return b;
    };
    if (threads == 0) {
        DocumentBuilder builder(/*extract_entities=*/false);
        for (auto& a : articles) {
            BuiltArticle b = build(builder, a);
            write(b);
        }
        return;
    }
    constexpr std::size_t kAhead = 64;
    struct ToBuild {
        Article* article;
        std::promise<BuiltArticle> built;
    };
    BoundedQueue<ToBuild> to_build(kAhead);
    std::vector<std::thread> builders;
    for (std::size_t t = 0; t < threads; ++t)
        builders.emplace_back([&] {
            DocumentBuilder builder(/*extract_entities=*/false);
            while (auto job = to_build.pop()) {
                try {
                    job->built.set_value(build(builder, *job->article));
                } catch (...) {
                    job->built.set_exception(std::current_exception());
                }
            }
        });
    auto stop_builders = [&] {
        to_build.close();  // they build what is queued and stop
        for (auto& b : builders) b.join();
    };
    std::deque<std::future<BuiltArticle>> waiting;
    auto write_first = [&] {
        BuiltArticle b = waiting.front().get();
        waiting.pop_front();
        write(b);
    };
    try {
        for (auto& a : articles) {
            ToBuild job{&a, {}};
            waiting.push_back(job.built.get_future());
            to_build.push(std::move(job));
            if (waiting.size() > kAhead) write_first();
        }
        while (!waiting.empty()) write_first();
    } catch (...) {
        stop_builders();
        throw;
    }
    stop_builders();
}

// Analysed articles waiting to be written. They are written together, after
// their persons are resolved over the index and them together, so that the
// corpus-wide person pass finds nothing to rewrite among them; written as
// analysed, about one article in six needed rebuilding (bench/RESULTS.md).
// Held up to an eighth of the memory budget (the writer's batch may take
// half): a corpus larger than that is written in parts, and the pass
// rewrites the articles of an earlier part that a later one resolves anew.
class HeldArticles {
public:
    HeldArticles(WritableArticleIndex& index, ArticleWriter& writer, RunReport& report, const IndexingOptions& options)
        : index_(index), writer_(writer), report_(report), limit_bytes_((options.memory_budget_mib << 20) / 8),
          building_threads_(resolve_jobs(options.jobs) > 1 ? resolve_jobs(options.jobs) : 0) {}

    void hold(Article&& a) {
        bytes_ += held_bytes(a);
        held_.push_back(std::move(a));
        if (bytes_ >= limit_bytes_) write_all();
    }

    // True when one write_all() wrote every article into an empty index
    // and nothing else changed it (no conflict, no article removed): the
    // persons it resolved are the whole index's, and the person pass after
    // the load would find them as they are.
    bool resolved_whole_index() const {
        return flushes_ == 1 && index_was_empty_ && report_.counts().conflicts == 0 && report_.counts().removed == 0;
    }

    void write_all() {
        if (held_.empty()) return;
        report_.phase("resolving persons and writing " + plural(held_.size(), "article") + "\xE2\x80\xA6");
        writer_.commit_if_pending();  // the resolution reads the index as committed
        index_was_empty_ = ++flushes_ == 1 && index_.article_count() == 0;
        std::vector<const Article*> unwritten;
        for (const auto& a : held_) unwritten.push_back(&a);
        auto persons = index_.resolve_persons_before_writing(unwritten);
        for (std::size_t k = 0; k < held_.size(); ++k) held_[k].persons = std::move(persons[k]);
        std::size_t written = 0;
        build_in_order(held_, building_threads_, [&](BuiltArticle& b) {
            writer_.write(b);
            report_.article_written(++written, held_.size());
        });
        held_.clear();
        bytes_ = 0;
    }

private:
    // About what an article holds: its text and its lists' strings.
    static std::size_t held_bytes(const Article& a) {
        std::size_t bytes = sizeof(Article) + a.title.size() + a.body.size() + a.path.size() + a.id.size();
        for (const auto* list : {&a.persons, &a.person_mentions, &a.person_evidence, &a.locations, &a.organizations})
            for (const auto& s : *list) bytes += 32 + s.size();
        return bytes;
    }

    WritableArticleIndex& index_;
    ArticleWriter& writer_;
    RunReport& report_;
    std::size_t limit_bytes_, building_threads_;
    std::vector<Article> held_;
    std::size_t bytes_ = 0;
    std::size_t flushes_ = 0;
    bool index_was_empty_ = false;
};

}  // namespace

std::size_t resolve_jobs(std::size_t jobs) {
    if (jobs) return jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

IndexingRun::IndexingRun(IndexingOptions options, std::ostream& messages, std::string program)
    : options_(std::move(options)), messages_(messages), program_(std::move(program)) {}

IndexingSummary IndexingRun::run() {
    check_index_location(options_.db_path);  // before any input is listed
    RunReport report(messages_, program_, options_.quiet, options_.progress);
    std::set<std::string> error_sources;  // absolute paths an error named
    auto diagnostic = [&](const Diagnostic& d) {
        if (d.severity == Severity::error && d.path != "-") error_sources.insert(absolute_source_path(d.path));
        report.diagnostic(d);
    };
    const auto files = list_input_files(options_.inputs, diagnostic);
    // Nothing to read and no index yet: a mistyped input creates no index.
    if (files.empty() && !index_exists(options_.db_path)) {
        if (!options_.delete_ids.empty()) throw IndexError("no index here: nothing to delete");
        return report.finish(0, options_.db_path, 0);
    }

    // Locks: a second writer fails here, before any reading.
    // With -j 1 everything but reading happens on this thread: one core.
    WritableArticleIndex index(options_.db_path, options_.shards ? options_.shards : resolve_jobs(options_.jobs),
                               /*writer_threads=*/resolve_jobs(options_.jobs) > 1);
    if (options_.shards && options_.shards != index.shard_count())
        report.note("--shards " + std::to_string(options_.shards) + " does not apply: the index has " +
                    plural(index.shard_count(), "shard") + " (an existing index keeps its shards)");
    CrashPoint crash;
    ArticleWriter writer(index, report, options_, crash);
    for (const auto& wanted : options_.delete_ids) {
        const auto id = find_article_id(wanted, [&](const std::string& id) { return index.find(id).has_value(); });
        if (id) writer.remove(*id);
        else report.diagnostic({Severity::error, wanted, 0, "no article has this id: nothing removed"});
    }

    const std::atomic<int>* stop = options_.stop;
    std::size_t files_done = 0;
    HeldArticles held(index, writer, report, options_);
    {
        ReadingThread reader(files, options_);
        while (auto event = reader.next(stop)) {
            if (auto* a = std::get_if<AnalysedArticle>(&*event)) held.hold(std::move(a->article));
            else if (auto* u = std::get_if<UnchangedArticle>(&*event)) writer.unchanged(*u);
            else if (auto* d = std::get_if<Diagnostic>(&*event)) diagnostic(*d);
            else ++files_done;
            if (!std::holds_alternative<FileDone>(*event) && !std::holds_alternative<Diagnostic>(*event))
                report.article_read(files_done, files.size());
            if (stop && *stop) break;
        }
        if (stop && *stop) reader.abandon();  // it may wait on standard input for ever
    }
    held.write_all();  // after a signal too: what was read is written and committed
    if (stop && *stop) {
        writer.commit();
        report.counts().stopped_by = *stop;
        report.note(
            "stopped by a signal: what was read is committed; the corpus-wide passes (persons, near "
            "duplicates) run on the next newsdex-index run");
        return report.finish(files.size(), options_.db_path, index.article_count());
    }
    writer.commit();
    if (options_.prune) {
        prune(options_, error_sources, index, writer);
        writer.commit();
    }
    writer.forget_ids();
    // Cross-article steps see the whole index, so the result does not depend
    // on what this run read first; committed separately, after the articles.
    if (index.passes_pending()) {
        // A second or so per 2,000 articles: minutes on a large archive.
        report.phase("resolving persons and near duplicates across " + plural(index.article_count(), "article") +
                     "\xE2\x80\xA6");
        const CorpusPassesDone done = index.resolve_across_articles([&] { crash.reached("passes"); },
                                                                    held.resolved_whole_index());
        report.passes_done(done);
    }
    return report.finish(files.size(), options_.db_path, index.article_count());
}

}  // namespace newsdex
