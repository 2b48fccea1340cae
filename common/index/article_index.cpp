#include "common/index/article_index.h"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "common/base/strings.h"
#include "common/base/time_spec.h"
#include "common/index/article_id.h"
#include "common/index/corpus_passes.h"
#include "common/index/person_resolution.h"
#include "common/index/schema.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// Who holds the writer lock, written into the index folder by the writer:
// Xapian's lock cannot say (it may be held by a child process of the writer).
constexpr const char* kWriterFile = "newsdex-writer";

std::string schema_version_of(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::kSchemaVersionKey));
}

// Empty string: the schema is one this build reads. Else the reason it is not.
std::string schema_problem(const std::string& version, bool empty_database) {
    const std::string ours = std::to_string(schema::kSchemaVersion);
    if (version.empty()) return empty_database ? "" : "not a newsdex index (no schema version recorded)";
    if (schema::is_readable_schema_version(version)) return "";
    if (std::atoi(version.c_str()) > schema::kSchemaVersion)
        return "index schema version " + version + " is not supported: this newsdex reads schema version " + ours +
               " (the index was written by a newer newsdex)";
    return "index schema version " + version + " is not supported: this newsdex reads schema version " + ours +
           (std::atoi(version.c_str()) == 4
                ? " (version 4 named files by their path below the folder given, so folders could collide; "
                  "re-index the corpus into a new --db to upgrade)"
                : " (re-index the corpus into a new --db to upgrade)");
}

bool holds_xapian_database(const fs::path& dir) {
    std::error_code ec;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"})
        if (fs::exists(dir / marker, ec)) return true;
    return fs::exists(dir / schema::kShardStubFile, ec);
}

}  // namespace

void check_index_location(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) return;
    if (!fs::is_directory(status))
        throw IndexError("is a file, not an index: nothing written (--db names the index folder)");
    if (holds_xapian_database(path) || fs::is_empty(path, ec)) return;
    throw IndexError(
        "is a folder that holds no index: nothing written (to index the files in it, name it as an input "
        "and the index with --db)");
}

bool index_exists(const std::string& path) { return holds_xapian_database(path); }

namespace {

// Creates a valid, empty newsdex index at `path` in one step: built in a
// hidden folder beside it and renamed into place, so a crash leaves no
// half-made index that the searcher would refuse.
void create_empty_database(const fs::path& path) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE, schema::kBlockSize);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
    db.commit();
    db.close();
}

void create_index(const std::string& path, std::size_t shards) {
    const fs::path target = fs::path(path).lexically_normal();
    const fs::path name = target.has_filename() ? target.filename() : target.parent_path().filename();
    const fs::path folder = (target.has_filename() ? target : target.parent_path()).parent_path();
    const fs::path scratch = folder / ("." + name.string() + ".creating-" + std::to_string(::getpid()));
    try {
        if (shards <= 1) {
            create_empty_database(scratch);
        } else {
            std::error_code ec;
            fs::remove_all(scratch, ec);
            fs::create_directories(scratch);
            std::ostringstream stub;
            for (std::size_t i = 0; i < shards; ++i) {
                create_empty_database(scratch / schema::shard_folder_name(i));
                stub << "glass " << schema::shard_folder_name(i) << '\n';
            }
            std::ofstream(scratch / schema::kShardStubFile) << stub.str();
        }
    } catch (const Xapian::Error& e) {
        std::error_code ec;
        fs::remove_all(scratch, ec);
        throw IndexError("cannot create the index: " + e.get_msg());
    }
    std::error_code ec;
    if (fs::exists(target, ec) && fs::is_empty(target, ec)) fs::remove(target, ec);  // an empty folder given as --db
    fs::rename(scratch, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove_all(scratch, ignored);
        // Another writer created it first: open that one.
        if (!holds_xapian_database(target)) throw IndexError("cannot create the index: " + ec.message());
    }
}

// "newsdex-index (process 1234, started 2026-12-04 20:01:02 UTC)" from the
// writer file, if that process still runs.
std::string lock_holder(const std::string& path) {
    std::ifstream in(fs::path(path) / kWriterFile);
    long pid = 0;
    std::string started;
    if (!(in >> pid) || pid <= 0) return "";
    std::getline(in >> std::ws, started);
    std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline");
    std::string argv0;
    if (!cmdline || !std::getline(cmdline, argv0, '\0')) return "";  // that process has ended
    return fs::path(argv0).filename().string() + " (process " + std::to_string(pid) +
           (started.empty() ? "" : ", started " + started) + ")";
}

void record_lock_holder(const std::string& path) {
    const std::time_t now = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
    std::ofstream(fs::path(path) / kWriterFile) << ::getpid() << ' ' << when << '\n';
}

IndexError bad_stub(const std::string& line, const std::string& why) {
    return IndexError("the index's shard list (" + std::string(schema::kShardStubFile) + ") " + why + ": \"" + line +
                      "\"");
}

}  // namespace

std::vector<std::string> index_shard_paths(const std::string& path) {
    std::ifstream stub(fs::path(path) / schema::kShardStubFile);
    if (!stub) return {path};
    std::vector<std::string> shards;
    for (std::string line; std::getline(stub, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string backend, folder;
        words >> backend >> folder;
        if (backend != "glass") throw bad_stub(line, "names a database newsdex cannot write");
        if (folder != schema::shard_folder_name(shards.size())) throw bad_stub(line, "is not in the order written");
        shards.push_back((fs::path(path) / folder).string());
    }
    if (shards.empty() || shards.size() > schema::kMaxShards) throw bad_stub("", "names no shard or too many");
    return shards;
}

// One shard's database and the thread that writes it. Tasks run in the
// order given; while the writer is idle, the owner's thread may use the
// database itself (the mutex orders the two threads' uses). Without a
// thread of its own, a task runs in post(), on the caller's thread.
class WritableArticleIndex::ShardWriter {
public:
    using Task = std::function<void(Xapian::WritableDatabase&)>;

    ShardWriter(Xapian::WritableDatabase db, bool own_thread) : db_(std::move(db)) {
        if (own_thread) thread_ = std::thread([this] { loop(); });
    }
    ~ShardWriter() {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable()) thread_.join();
    }
    Xapian::WritableDatabase& db() { return db_; }

    void post(Task task) {
        if (!thread_.joinable()) return task(db_);
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return tasks_.size() < kMaxQueued || failure_; });
        if (failure_) std::rethrow_exception(failure_);
        tasks_.push_back(std::move(task));
        wake_.notify_one();
    }
    void wait_idle() {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return (tasks_.empty() && !busy_) || failure_; });
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    // Enough to keep the writer busy while the reading side works on.
    static constexpr std::size_t kMaxQueued = 64;

    void loop() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return closing_ || !tasks_.empty(); });
            if (tasks_.empty() || failure_) {
                if (closing_) return;
                tasks_.clear();
                continue;
            }
            Task task = std::move(tasks_.front());
            tasks_.pop_front();
            busy_ = true;
            lock.unlock();
            try {
                task(db_);
            } catch (...) {
                lock.lock();
                failure_ = std::current_exception();
                lock.unlock();
            }
            lock.lock();
            busy_ = false;
            room_.notify_all();
        }
    }

    Xapian::WritableDatabase db_;
    std::mutex mutex_;
    std::condition_variable wake_, room_;
    std::deque<Task> tasks_;
    bool busy_ = false, closing_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

WritableArticleIndex::WritableArticleIndex(const std::string& path, std::size_t shards_if_new, bool writer_threads)
    : path_(path), first_indexed_(schema::first_indexed_value(now_utc())) {
    check_index_location(path);
    if (!holds_xapian_database(path)) create_index(path, std::clamp<std::size_t>(shards_if_new, 1, schema::kMaxShards));
    std::vector<Xapian::WritableDatabase> shards;
    try {
        for (const auto& shard : index_shard_paths(path)) shards.emplace_back(shard, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        const std::string holder = lock_holder(path);
        throw IndexError("the index is being written by " +
                         (holder.empty() ? std::string("another process (a newsdex-index or Xapian writer)") : holder) +
                         "; one writer at a time: try again when it has finished");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index: " + e.get_msg());
    }
    for (auto& db : shards) {
        const std::string version = schema_version_of(db);
        if (auto problem = schema_problem(version, db.get_doccount() == 0); !problem.empty()) throw IndexError(problem);
        // An empty index left by an older newsdex killed before its first
        // commit, or a version this build reads and now writes.
        if (version != std::to_string(schema::kSchemaVersion)) {
            db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
            db.commit();
        }
    }
    record_lock_holder(path);
    for (auto& db : shards) {
        all_.add_database(db);
        db.begin_transaction(/*flushed=*/true);
        shards_.push_back(std::make_unique<ShardWriter>(db, writer_threads));
    }
}

WritableArticleIndex::~WritableArticleIndex() {
    // An unfinished batch is dropped, as a crash would drop it: the index
    // keeps the last committed state. (Xapian would commit it on close.)
    for (auto& shard : shards_) {
        try {
            shard->wait_idle();
        } catch (...) {}
        try {
            shard->db().cancel_transaction();
        } catch (const Xapian::Error&) {}
    }
    shards_.clear();  // the writer threads end
    try {
        all_.close();
    } catch (const Xapian::Error&) {}
    std::error_code ec;
    fs::remove(fs::path(path_) / kWriterFile, ec);
}

void WritableArticleIndex::wait_for_writers() const {
    for (const auto& shard : shards_) shard->wait_idle();
}

std::optional<StoredArticle> WritableArticleIndex::find(const std::string& id) const {
    auto& shard = *shards_[schema::shard_of(id, shards_.size())];
    shard.wait_idle();
    const Xapian::docid docid = article_docid(shard.db(), id);
    if (!docid) return std::nullopt;
    const Xapian::Document doc = shard.db().get_document(docid);
    const Article a = schema::decode_record(doc.get_data());
    return StoredArticle{a.path, a.source_file, doc.get_value(schema::kContentHashSlot)};
}

void WritableArticleIndex::put(const std::string& id, Xapian::Document&& doc) {
    shards_[schema::shard_of(id, shards_.size())]->post(
        [id, fresh = std::move(doc), first_indexed = first_indexed_](Xapian::WritableDatabase& db) mutable {
            fresh.add_value(schema::kFirstIndexedSlot, first_indexed);
            const Xapian::docid old = article_docid(db, id);
            if (old) schema::carry_over_values(db.get_document(old), fresh);
            if (old) db.replace_document(old, fresh);
            else db.add_document(fresh);
        });
    changed_in_batch_ = true;
}

bool WritableArticleIndex::remove(const std::string& id) {
    auto& shard = *shards_[schema::shard_of(id, shards_.size())];
    shard.wait_idle();
    const Xapian::docid docid = article_docid(shard.db(), id);
    if (!docid) return false;
    shard.db().delete_document(docid);
    changed_in_batch_ = true;
    return true;
}

std::vector<std::string> WritableArticleIndex::ids_from(const std::string& source) const {
    wait_for_writers();
    const auto [prefix, exact] = schema::source_terms_under(source);
    std::vector<std::string> ids;
    for (auto t = all_.allterms_begin(prefix); t != all_.allterms_end(prefix); ++t) {
        const std::string term = *t;
        if (exact && term.size() > prefix.size() && term[prefix.size()] != '/') continue;  // "/a/b" is not in "/a/bc"
        for (auto post = all_.postlist_begin(term); post != all_.postlist_end(term); ++post) {
            const Xapian::Document doc = all_.get_document(*post);
            if (!exact && !is_path_under(schema::decode_record(doc.get_data()).source_file, source)) continue;
            ids.push_back(schema::article_id_of_tie_break_key(doc.get_value(schema::kTieBreakSlot)));
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Each shard commits on its own writer thread, so the shards' flushes run
// side by side; every shard gets the same metadata.
void WritableArticleIndex::commit_every_shard(const std::vector<std::pair<std::string, std::string>>& metadata) {
    for (auto& shard : shards_)
        shard->post([metadata](Xapian::WritableDatabase& db) {
            for (const auto& [key, value] : metadata) db.set_metadata(key, value);
            db.commit_transaction();
            db.begin_transaction(/*flushed=*/true);
        });
    wait_for_writers();
    changed_in_batch_ = false;
}

void WritableArticleIndex::commit() {
    if (changed_in_batch_) commit_every_shard({{std::string(schema::kPassesPendingKey), "1"}});
    else commit_every_shard({});
}

bool WritableArticleIndex::passes_pending() const {
    wait_for_writers();
    if (changed_in_batch_) return true;
    for (const auto& shard : shards_)
        if (!shard->db().get_metadata(std::string(schema::kPassesPendingKey)).empty()) return true;
    return false;
}

CorpusPassesDone WritableArticleIndex::resolve_across_articles(const std::function<void()>& before_commit,
                                                               bool persons_resolved) {
    commit();  // the passes read committed value streams
    // The passes see every shard as one database (Xapian routes each
    // rewrite to its shard), so a person is resolved and a group formed
    // across shards exactly as in an index of one database.
    const CorpusPassesDone done = run_corpus_passes(all_, persons_resolved);
    if (before_commit) before_commit();
    // The run is complete: its first-indexed time is the last run's.
    commit_every_shard(
        {{std::string(schema::kPassesPendingKey), ""}, {std::string(schema::kLastRunKey), first_indexed_}});
    return done;
}

std::vector<std::vector<std::string>> WritableArticleIndex::resolve_persons_before_writing(
    const std::vector<const Article*>& unwritten) {
    commit();  // the resolution reads committed value streams, as the passes do
    return newsdex::resolve_persons_before_writing(all_, unwritten);
}

Xapian::doccount WritableArticleIndex::article_count() const {
    wait_for_writers();
    return all_.get_doccount();
}

std::size_t pending_size_estimate(const Xapian::Document& doc) {
    std::size_t bytes = doc.get_data().size();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        bytes += 40 + (*t).size() + 6 * t.positionlist_count();
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) bytes += 16 + (*v).size();
    return bytes;
}

CommittedArticles::CommittedArticles(const std::string& path) : db_(path) {}

std::string CommittedArticles::content_hash(const std::string& id) {
    return retrying([&] {
        const Xapian::docid docid = article_docid(db_, id);
        return docid ? db_.get_document(docid).get_value(schema::kContentHashSlot) : std::string();
    });
}

std::optional<StoredArticle> CommittedArticles::find(const std::string& id) {
    return retrying([&]() -> std::optional<StoredArticle> {
        const Xapian::docid docid = article_docid(db_, id);
        if (!docid) return std::nullopt;
        const Xapian::Document doc = db_.get_document(docid);
        const Article a = schema::decode_record(doc.get_data());
        return StoredArticle{a.path, a.source_file, doc.get_value(schema::kContentHashSlot)};
    });
}

std::string unreadable_schema(const Xapian::Database& db) { return schema_problem(schema_version_of(db), false); }

std::string resolve_index_path(const std::string& db_option) {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
    return "newsdex.db";
}

namespace {

// A date slot value ("20050102", "200501", "2005") as ISO at its precision.
std::string iso_date(const std::string& compact) {
    std::string iso = compact.substr(0, 4);
    for (std::size_t at = 4; at + 2 <= compact.size(); at += 2) iso += "-" + compact.substr(at, 2);
    return iso;
}

}  // namespace

std::pair<std::string, std::string> publication_date_span(const Xapian::Database& db) {
    std::string oldest, newest, oldest_key, newest_key;
    for (auto v = db.valuestream_begin(schema::kDateSlot); v != db.valuestream_end(schema::kDateSlot); ++v) {
        std::string key = *v;
        key.resize(8, '0');  // "2005" sorts before "20050101"
        if (oldest.empty() || key < oldest_key) oldest_key = key, oldest = *v;
        if (newest.empty() || key > newest_key) newest_key = key, newest = *v;
    }
    if (oldest.empty()) return {};
    return {iso_date(oldest), iso_date(newest)};
}

}  // namespace newsdex
