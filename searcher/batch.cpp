#include "searcher/batch.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/base/strings.h"
#include "common/base/time_spec.h"
#include "common/base/whole_file.h"
#include "common/cli/cli.h"
#include "common/index/article_index.h"
#include "common/index/index_shards.h"
#include "common/render/render.h"

namespace newsdex {

namespace {

using ordered_json = nlohmann::ordered_json;

// Xapian counts documents in 32 bits (as --limit and --offset).
// Answers computed ahead of the next one to write, per job: enough to keep
// every worker busy behind a slow query, small enough to stream.
constexpr std::size_t kWindowPerJob = 64;
// Progress appears after this many queries, and is updated every kProgressEvery.
constexpr std::size_t kLongBatch = 1000, kProgressEvery = 250;
// Retries of a query whose database was modified under it (a commit by a
// running newsdex-index): Xapian asks for a reopen.
constexpr int kReopenRetries = 3;

constexpr const char* kStateFormat = "newsdex-batch-state";
constexpr int kStateVersion = 1;

// nlohmann's messages start with "[json.exception.parse_error.101] ".
std::string json_error_text(const std::exception& e) {
    std::string what = e.what();
    if (auto close = what.find("] "); what.starts_with("[json.exception") && close != std::string::npos)
        what.erase(0, close + 2);
    return what;
}

std::optional<std::string> count_field(const nlohmann::json& v, const char* key, std::size_t& out) {
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > kMaxResultCount)
        return fmt::format("\"{}\" must be an integer between 0 and {}", key, kMaxResultCount);
    out = static_cast<std::size_t>(v.get<long long>());
    return std::nullopt;
}

// The JSON form of a line: fields override the defaults. The error, if any.
std::optional<std::string> apply_json_line(const nlohmann::json& j, BatchQuery& q, SearchRequest& r) {
    if (!j.is_object()) return "a line starting with { must be a JSON object";
    if (auto id = j.find("id"); id != j.end()) {  // first, so that an error line still carries it
        if (id->is_string() && id->get_ref<const std::string&>().empty())
            return "\"id\" must not be empty";  // the error line keeps the line number as its id
        if (id->is_string()) q.id = id->get<std::string>();
        else if (id->is_number_integer()) q.id = id->dump();
        else return "\"id\" must be a string or an integer";
    }
    for (const auto& [key, v] : j.items()) {
        if (key == "id") {
            continue;
        } else if (key == "query") {
            if (!v.is_string()) return "\"query\" must be a string";
            r.query = v.get<std::string>();
        } else if (key == "limit") {
            if (auto why = count_field(v, "limit", r.limit)) return why;
        } else if (key == "offset") {
            if (auto why = count_field(v, "offset", r.offset)) return why;
        } else if (key == "any") {
            if (!v.is_boolean()) return "\"any\" must be true or false";
            r.mode = v.get<bool>() ? MatchMode::any : MatchMode::all;
        } else if (key == "sort") {
            const auto order = v.is_string() ? parse_sort_order(v.get<std::string>()) : std::nullopt;
            if (!order) return std::string("\"sort\" must be one of ") + kSortOrderNames;
            r.sort = *order;
        } else if (key == "facets") {
            if (!v.is_array()) return "\"facets\" must be an array of facet specs such as \"person:5\"";
            r.facets.clear();  // the line's list replaces the command line's
            for (const auto& spec : v) {
                if (!spec.is_string()) return "\"facets\" must be an array of facet specs such as \"person:5\"";
                auto parsed = parse_facet_spec(spec.get<std::string>());
                if (auto* why = std::get_if<std::string>(&parsed))
                    return "facet " + spec.get<std::string>() + ": " + *why;
                r.facets.push_back(std::get<FacetRequest>(parsed));
            }
        } else {
            return "unknown key \"" + key + "\": use id, query, limit, offset, facets, sort or any";
        }
    }
    if (!j.contains("query")) return "no \"query\"";
    return std::nullopt;
}

std::string describe_error(const QueryError& e) {
    std::string s = "query error: " + e.message;
    if (e.position != std::string::npos) s += fmt::format(" (at byte {})", e.position);
    return s;
}

// The id as one tsv or TREC field: a control character (tab, newline, NUL,
// DEL...) would split the field or the line, and so would a space in TREC,
// whose fields are split at white space: each is written as `replacement`.
std::string field_safe(std::string id, char replacement) {
    for (auto& c : id)
        if (const auto byte = static_cast<unsigned char>(c);
            byte < 0x20 || byte == 0x7F || (replacement == '_' && c == ' '))
            c = replacement;
    return id;
}

// What the index holds, for the state file: its newest first-indexed time,
// unless that belongs to an indexing run still in progress (newer than the
// last run that finished committing): then that last finished run's time,
// so the in-progress run's other articles still count as new next time.
std::optional<IndexedTime> indexed_through(const Xapian::Database& db) {
    const std::string newest = db.get_value_upper_bound(schema::kFirstIndexedSlot);
    const std::string last_run = db.get_metadata(std::string(schema::kLastRunKey));
    if (newest.empty() || last_run.empty()) return std::nullopt;
    return schema::parse_first_indexed_value(std::min(newest, last_run));
}

// One worker's own index handle and searcher.
struct Worker {
    Xapian::Database db;                      // shares the searcher's handle: reopen() reaches it
    bool partial;                             // --allow-partial left shards out
    std::optional<ArticleSearcher> searcher;  // made again by reconnect()
    explicit Worker(OpenedIndex index) : db(index.db), partial(!index.missing.empty()) {
        searcher.emplace(std::move(index.db), std::move(index.missing));
    }
    // The shards opened again: a remote shard's connection closed
    // (xapian-tcpsrv drops one idle for a minute) or its server restarted.
    void reconnect(const BatchOptions& options) {
        OpenedIndex index = open_index_shards(options.db_path, options.allow_partial);
        db = index.db;
        partial = !index.missing.empty();
        searcher.emplace(std::move(index.db), std::move(index.missing));
    }
};

struct Task {
    std::size_t seq;
    std::size_t line;
    BatchQuery query;
};

struct Answer {
    std::string text;   // the output bytes (may be empty: tsv/trec with no hits)
    std::string error;  // for the stderr message in tsv/trec, and the count
    bool failed = false;
    std::size_t line = 0;
    std::string id;
    std::optional<SavedSearch> saved;  // the query ran: its new state
};

class BatchRun {
public:
    BatchRun(const BatchOptions& o, const char* program, const BatchState& state)
        : options_(o), program_(program), state_(state) {}

    // Opens the index once per job (here, so an index error stops the batch
    // before any reading); throws IndexError.
    void open_workers() {
        for (unsigned k = 0; k < std::max(1u, options_.jobs); ++k) {
            OpenedIndex index = open_index_shards(options_.db_path, options_.allow_partial);
            if (k == 0) cli::warn_if_partial(program_, index);
            workers_.push_back(std::make_unique<Worker>(std::move(index)));
        }
    }

    // Feeds the input, waits for every answer. Rethrows a worker's
    // exception, else the input's (BatchInputError), once every worker has
    // stopped.
    void run(std::istream& in) {
        started_ = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        std::exception_ptr feeding_failed;
        try {
            for (auto& w : workers_) threads.emplace_back([this, &w] { work(*w); });
            feed(in);
        } catch (...) {  // caught so that the threads are joined: one left joinable aborts the program
            feeding_failed = std::current_exception();
        }
        {
            std::lock_guard lock(mutex_);
            input_done_ = true;
        }
        can_take_.notify_all();
        for (auto& t : threads) t.join();
        if (failure_) std::rethrow_exception(failure_);
        clear_progress();
        if (feeding_failed) std::rethrow_exception(feeding_failed);
    }

    std::size_t queries() const { return written_; }
    std::size_t errors() const { return errors_; }
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }
    // The queries this run answered, as the state file is to record them.
    const BatchState& answered() const { return answered_; }
    // When stdout failed: the error (EPIPE when the reader went away).
    std::optional<int> output_error() const { return output_closed_ ? std::optional<int>(write_errno_) : std::nullopt; }

private:
    // Hands the input's queries to the workers, as fast as they answer.
    void feed(std::istream& in) {
        std::string line;
        std::size_t line_number = 0;
        std::map<std::string, std::size_t> first_line_of;
        while (const auto length = read_batch_line(in, line)) {
            ++line_number;
            auto q = *length > kMaxBatchLineBytes
                         ? BatchQuery{std::to_string(line_number),
                                      fmt::format("the line is {} bytes long: a batch line may have at most {} bytes",
                                                  *length, kMaxBatchLineBytes)}
                         : parse_batch_line(line, line_number, options_.defaults);
            if (!q) continue;
            if (auto [it, fresh] = first_line_of.try_emplace(q->id, line_number); !fresh)
                q->request = fmt::format("id \"{}\" is also the id of line {} (ids must be unique)", q->id, it->second);
            std::unique_lock lock(mutex_);
            can_add_.wait(lock, [&] { return stopped() || issued_ - written_ < window(); });
            if (stopped()) break;
            todo_.push_back({issued_++, line_number, std::move(*q)});
            can_take_.notify_one();
        }
    }

    std::size_t window() const { return kWindowPerJob * workers_.size(); }
    bool stopped() const { return failure_ || output_closed_; }

    void work(Worker& w) {
        for (;;) {
            Task task;
            {
                std::unique_lock lock(mutex_);
                can_take_.wait(lock, [&] { return stopped() || !todo_.empty() || input_done_; });
                if (stopped() || todo_.empty()) return;
                task = std::move(todo_.front());
                todo_.pop_front();
            }
            Answer answer;
            try {
                answer = answer_for(w, task);
            } catch (...) {
                std::lock_guard lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
                can_add_.notify_all();
                can_take_.notify_all();
                return;
            }
            std::lock_guard lock(mutex_);
            done_.emplace(task.seq, std::move(answer));
            for (auto it = done_.begin(); it != done_.end() && it->first == written_; it = done_.erase(it))
                write(it->second);
            can_add_.notify_one();
            if (output_closed_) can_take_.notify_all();
        }
    }

    // What the state records as seen. With shards left out it does not move
    // on: their articles, back in a later run, are still new then.
    std::optional<IndexedTime> seen_through(const Worker& w, const std::string& id) const {
        if (!w.partial) return indexed_through(w.db);
        const auto saved = state_.find(id);
        return saved == state_.end() ? std::nullopt : saved->second.indexed_through;
    }

    Answer answer_for(Worker& w, Task& task) {
        Answer a;
        a.line = task.line;
        a.id = task.query.id;
        if (auto* why = std::get_if<std::string>(&task.query.request)) return error_answer(std::move(a), *why);
        SearchRequest request = std::get<SearchRequest>(task.query.request);
        request.snippets = options_.format == BatchFormat::json;  // tsv and TREC lines have no snippet
        if (auto saved = state_.find(a.id); saved != state_.end() && saved->second.indexed_through)
            request.indexed_after = std::max(request.indexed_after.value_or(IndexedTime{}),
                                             *saved->second.indexed_through);
        for (int attempt = 0;; ++attempt) {
            try {
                // A long batch (--batch - fed as queries come) sees what
                // writers committed since; over a closed connection this
                // throws NetworkError too.
                if (attempt == 0) w.db.reopen();
                auto outcome = w.searcher->search(request);
                if (auto* err = std::get_if<QueryError>(&outcome))
                    return error_answer(std::move(a), describe_error(*err));
                if (!options_.state_path.empty()) a.saved = SavedSearch{seen_through(w, a.id), now_utc()};
                a.text = render(std::get<SearchResults>(outcome), a.id);
                return a;
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kReopenRetries) throw;
                w.db.reopen();
            } catch (const Xapian::NetworkError&) {
                if (attempt == kReopenRetries) throw;
                w.reconnect(options_);
            }
        }
    }

    Answer error_answer(Answer a, const std::string& why) {
        a.failed = true;
        a.error = why;
        if (options_.format == BatchFormat::json) {
            ordered_json j;
            j["type"] = "error";
            j["id"] = a.id;
            j["error"] = why;
            a.text = json_text(j) + '\n';
        }
        return a;
    }

    std::string render(const SearchResults& r, const std::string& id) const {
        switch (options_.format) {
            case BatchFormat::json: {
                ordered_json head;
                head["type"] = "result";
                head["id"] = id;
                return json_text(result_json(r, options_.timing, std::move(head))) + '\n';
            }
            case BatchFormat::tsv: {
                std::string out;
                const std::string qid = field_safe(id, ' ');
                for (const auto& h : r.hits)
                    out += fmt::format("{}\t{}\t{}\t{:.6f}\n", qid, h.rank, field_safe(h.article.id, ' '), h.score);
                return out;
            }
            case BatchFormat::trec: {
                std::string out;
                const std::string qid = field_safe(id, '_');
                for (const auto& h : r.hits)
                    out += fmt::format("{} Q0 {} {} {:.6f} newsdex\n", qid, field_safe(h.article.id, '_'), h.rank,
                                       h.score);
                return out;
            }
        }
        return {};
    }

    // Under the lock, in input order.
    void write(const Answer& a) {
        ++written_;
        if (a.failed) {
            ++errors_;
            if (options_.format != BatchFormat::json) {
                clear_progress();
                cli::print_error(program_,
                                 fmt::format("{}:{}", options_.input == "-" ? "<stdin>" : options_.input, a.line),
                                 "query " + a.id + ": " + a.error);
            }
        } else if (a.saved) {
            answered_[a.id] = *a.saved;
        }
        std::cout << a.text;
        // Queries fed through a pipe as they come (a long-running --batch -)
        // get each answer at once, not when the buffer fills.
        if (options_.input == "-") std::cout.flush();
        if (!std::cout && !output_closed_) {  // a closed pipe or a full disk: stop reading
            output_closed_ = true;
            write_errno_ = errno;  // this thread's: the main thread's errno never saw the failed write
        }
        if (options_.progress && written_ >= kLongBatch && written_ % kProgressEvery == 0) {
            std::cerr << '\r' << program_ << ": " << written_ << " queries, " << errors_ << " errors" << std::flush;
            progress_shown_ = true;
        }
    }

    void clear_progress() {
        if (progress_shown_) std::cerr << "\r\x1b[K" << std::flush;
        progress_shown_ = false;
    }

    const BatchOptions& options_;
    const char* program_;
    const BatchState& state_;  // read by workers, never written during the run
    BatchState answered_;      // written under the lock

    std::vector<std::unique_ptr<Worker>> workers_;
    std::mutex mutex_;
    std::condition_variable can_take_, can_add_;
    std::deque<Task> todo_;
    std::map<std::size_t, Answer> done_;  // finished, waiting for earlier ones
    std::size_t issued_ = 0, written_ = 0, errors_ = 0;
    bool input_done_ = false, output_closed_ = false, progress_shown_ = false;
    int write_errno_ = 0;  // why the output failed, when output_closed_
    std::exception_ptr failure_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace

std::optional<BatchFormat> parse_batch_format(std::string_view name) {
    if (name == "json") return BatchFormat::json;
    if (name == "tsv") return BatchFormat::tsv;
    if (name == "trec") return BatchFormat::trec;
    return std::nullopt;
}

std::optional<BatchQuery> parse_batch_line(std::string_view raw, std::size_t line_number,
                                           const SearchRequest& defaults) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') return std::nullopt;
    BatchQuery q{std::to_string(line_number), defaults};
    SearchRequest& r = std::get<SearchRequest>(q.request);
    if (line.front() != '{') {
        r.query = std::string(line);
        return q;
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        q.request = "malformed JSON: " + json_error_text(e);
        return q;
    }
    if (auto why = apply_json_line(j, q, r)) q.request = *why;
    return q;
}

namespace {

// std::cin reads through C's stdin (synchronised with stdio), which takes a
// failed read for the end of the input: ferror() tells the two apart.
bool standard_input_failed(const std::istream& in) { return in.rdbuf() == std::cin.rdbuf() && std::ferror(stdin); }

std::optional<std::size_t> read_line_bytes(std::istream& in, std::string& line) {
    line.clear();
    std::streambuf* buf = in.rdbuf();
    std::size_t length = 0;
    bool read = false;
    for (int c; (c = buf->sbumpc()) != std::char_traits<char>::eof();) {
        read = true;
        if (c == '\n') return length;
        if (length++ < kMaxBatchLineBytes) line.push_back(static_cast<char>(c));
    }
    if (standard_input_failed(in)) throw BatchInputError(std::error_code(errno, std::generic_category()).message());
    in.setstate(std::ios::eofbit);
    if (!read) return std::nullopt;
    return length;
}

}  // namespace

std::optional<std::size_t> read_batch_line(std::istream& in, std::string& line) {
    try {
        return read_line_bytes(in, line);
    } catch (const std::ios_base::failure& e) {  // a file's buffer throws when a read fails
        const std::error_code why = e.code();
        throw BatchInputError(why.category() == std::iostream_category() ? "read error" : why.message());
    }
}

std::variant<BatchState, std::string> load_batch_state(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return BatchState{};
    std::string bytes;
    if (auto why = read_whole_file(path, bytes)) return "cannot read the state file: " + *why;
    const char* const kNot = "not a newsdex batch state file: ";
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(bytes);
    } catch (const nlohmann::json::exception& e) {
        return kNot + json_error_text(e);
    }
    // Types checked before any value is read: json::value() throws on a mismatch.
    if (!j.is_object() || !j.contains("format") || j["format"] != kStateFormat || !j.contains("queries") ||
        !j["queries"].is_object())
        return std::string(kNot) + "expected {\"format\": \"" + kStateFormat + "\", \"version\": 1, \"queries\": {…}}";
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"] != kStateVersion)
        return fmt::format("state file version {} is not supported (this newsdex reads version {})",
                           j["version"].dump(), kStateVersion);
    BatchState state;
    for (const auto& item : j["queries"].items()) {
        // Named references, not a structured binding: the lambda below
        // captures `v`, which clang before 16 refuses for a binding.
        const std::string& id = item.key();
        const nlohmann::json& v = item.value();
        SavedSearch s;
        const auto time_of = [&](const char* key) -> std::optional<IndexedTime> {
            if (!v.contains(key) || !v[key].is_string()) return std::nullopt;
            return parse_iso_time(v[key].get<std::string>());
        };
        const auto ran = time_of("ran_at");
        const bool has_through = v.is_object() && v.contains("indexed_through") && !v["indexed_through"].is_null();
        const auto through = has_through ? time_of("indexed_through") : std::nullopt;
        if (!v.is_object() || !ran || (has_through && !through))
            return std::string(kNot) + "query \"" + id +
                   "\": expected {\"indexed_through\": TIME or null, \"ran_at\": TIME}";
        s.ran_at = *ran;
        s.indexed_through = through;
        state.emplace(id, s);
    }
    return state;
}

std::string encode_batch_state(const BatchState& state) {
    ordered_json j;
    j["format"] = kStateFormat;
    j["version"] = kStateVersion;
    ordered_json queries = ordered_json::object();
    for (const auto& [id, s] : state) {
        ordered_json q;
        q["indexed_through"] = s.indexed_through ? ordered_json(iso_utc(*s.indexed_through)) : ordered_json(nullptr);
        q["ran_at"] = iso_utc(s.ran_at);
        queries[id] = std::move(q);
    }
    j["queries"] = std::move(queries);
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

std::optional<std::string> save_batch_state(const std::string& path, const BatchState& state) {
    const std::string bytes = encode_batch_state(state);
    const std::string temp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot write the state file: " + std::string(std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(ok ? errno : saved_errno);
        ::unlink(temp.c_str());
        return "cannot write the state file: " + why;
    }
    return std::nullopt;
}

std::optional<std::string> record_answered(const std::string& path, const BatchState& answered) {
    // Two runs with one state file may overlap (cron jobs, a long --batch -):
    // each writes what the file holds now with its own queries on top, under
    // a lock beside it (the file itself is replaced, so it cannot carry the
    // lock), and neither loses the other's queries.
    const std::string lock_path = path + ".lock";
    const int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock < 0) return "cannot lock the state file (" + lock_path + "): " + std::strerror(errno);
    while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {}
    auto now = load_batch_state(path);
    std::optional<std::string> why;
    if (auto* failed = std::get_if<std::string>(&now)) {
        why = *failed;
    } else {
        BatchState& state = std::get<BatchState>(now);
        for (const auto& [id, saved] : answered) state[id] = saved;
        why = save_batch_state(path, state);
    }
    ::close(lock);  // releases the lock
    return why;
}

boost::program_options::options_description batch_command_line_options(BatchCommandLine& b) {
    namespace po = boost::program_options;
    po::options_description options("Batch and saved searches (docs/batch-format.md)");
    options.add_options()(
        "batch", po::value<std::string>(&b.options.input)->value_name("FILE"),
        "run one query per line of FILE (- for standard input; a line may be a JSON object); the other "
        "options are every query's defaults; one JSON line per query on stdout, a summary on stderr")(
        "jobs", po::value<unsigned>(&b.options.jobs)->default_value(1)->value_name("N"),
        "with --batch: run N queries at a time (output identical to --jobs 1)")(
        "state", po::value<std::string>(&b.options.state_path)->value_name("FILE"),
        "with --batch: remember per query id what the index held, and show only articles indexed since the "
        "query last ran (saved searches for cron jobs)")(
        "since", po::value<std::string>(&b.since)->value_name("TIME"),
        "only articles first indexed after TIME: 2026-12-01, 2026-12-01T08:00:00Z, or an age: 30m, 24h, 7d, 2w")(
        "quiet,q", po::bool_switch(&b.options.quiet), "with --batch: no summary line on stderr");
    return options;
}

std::optional<std::string> check_batch_command_line(BatchCommandLine& b, const std::string& format, bool format_given,
                                                    bool has_query_words, SearchRequest& request, IndexedTime now) {
    if (!b.since.empty()) {
        auto since = parse_since(b.since, now);
        if (auto* why = std::get_if<std::string>(&since)) return "--since \"" + b.since + "\": " + *why;
        request.indexed_after = std::get<IndexedTime>(since);
    }
    const bool batch = !b.options.input.empty();
    if (!batch) {
        if (format == "tsv" || format == "trec") return "--format " + format + " is for --batch";
        if (!b.options.state_path.empty()) return "--state needs --batch";
        return std::nullopt;
    }
    if (has_query_words) return "--batch reads its queries from FILE: give no QUERY on the command line";
    if (b.options.jobs < 1 || b.options.jobs > 64) return "--jobs must be between 1 and 64";
    const auto parsed = format_given ? parse_batch_format(format) : BatchFormat::json;
    if (!parsed) return "--format " + format + " does not suit --batch: use json, tsv or trec";
    b.options.format = *parsed;
    b.options.progress = cli::stderr_is_terminal();
    return std::nullopt;
}

int run_batch(const BatchOptions& options, const char* program) {
    BatchState state;
    if (!options.state_path.empty()) {
        auto loaded = load_batch_state(options.state_path);
        if (auto* why = std::get_if<std::string>(&loaded)) {
            cli::print_error(program, options.state_path, *why);
            return cli::kSearchUsage;
        }
        state = std::move(std::get<BatchState>(loaded));
    }
    const bool from_stdin = options.input == "-";
    const auto unreadable = [&](const std::string& why) {
        cli::print_error(program, from_stdin ? "<stdin>" : options.input,
                         std::string("cannot read the batch ") + (from_stdin ? "input: " : "file: ") + why);
        return cli::kSearchUsage;
    };
    std::ifstream file;
    if (!from_stdin) {
        // A directory opens, and fails only when read: said here, before the index is opened.
        std::error_code ec;
        if (std::filesystem::is_directory(options.input, ec)) return unreadable(std::strerror(EISDIR));
        file.open(options.input, std::ios::binary);
        if (!file) return unreadable(std::strerror(errno));
    }
    BatchRun batch(options, program, state);
    batch.open_workers();
    try {
        batch.run(from_stdin ? std::cin : file);
    } catch (const BatchInputError& e) {
        return unreadable(e.what());
    }
    if (auto failed = batch.output_error()) {
        // A reader that went away (`| head`) is no error, but it did not get
        // every answer: the state stays as it was, so nothing new is lost.
        if (*failed == EPIPE) return batch.errors() ? 1 : 0;
        cli::print_error(program, "", std::string("cannot write the results: ") + std::strerror(*failed));
        return cli::kSearchUsage;
    }
    if (auto error = cli::finish_stdout()) {
        cli::print_error(program, "", *error);
        return cli::kSearchUsage;
    }
    if (!options.state_path.empty())
        if (auto why = record_answered(options.state_path, batch.answered())) {
            cli::print_error(program, options.state_path, *why);
            return cli::kSearchUsage;
        }
    if (!options.quiet) {
        const double s = batch.seconds();
        std::cerr << fmt::format("{}: {} quer{}, {} error{} in {:.2f} s ({:.0f} queries/s)\n", program, batch.queries(),
                                 batch.queries() == 1 ? "y" : "ies", batch.errors(), batch.errors() == 1 ? "" : "s", s,
                                 s > 0 ? batch.queries() / s : 0.0);
    }
    return batch.errors() ? 1 : 0;
}

}  // namespace newsdex
