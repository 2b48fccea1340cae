#include "common/index/article_index.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "common/base/time_spec.h"
#include "common/index/article_id.h"
#include "common/index/corpus_passes.h"
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
    if (version == ours) return "";
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
    return false;
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
void create_index(const std::string& path) {
    const fs::path target = fs::path(path).lexically_normal();
    const fs::path name = target.has_filename() ? target.filename() : target.parent_path().filename();
    const fs::path folder = (target.has_filename() ? target : target.parent_path()).parent_path();
    const fs::path scratch = folder / ("." + name.string() + ".creating-" + std::to_string(::getpid()));
    try {
        Xapian::WritableDatabase db(scratch.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        db.commit();
        db.close();
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

}  // namespace

WritableArticleIndex::WritableArticleIndex(const std::string& path)
    : path_(path), first_indexed_(schema::first_indexed_value(now_utc())) {
    check_index_location(path);
    if (!holds_xapian_database(path)) create_index(path);
    try {
        db_ = Xapian::WritableDatabase(path, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        const std::string holder = lock_holder(path);
        throw IndexError("the index is being written by " +
                         (holder.empty() ? std::string("another process (a newsdex-index or Xapian writer)") : holder) +
                         "; one writer at a time: try again when it has finished");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index: " + e.get_msg());
    }
    const std::string version = schema_version_of(db_);
    if (auto problem = schema_problem(version, db_.get_doccount() == 0); !problem.empty()) throw IndexError(problem);
    if (version.empty()) {  // an empty index left by an older newsdex killed before its first commit
        db_.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        db_.commit();
    }
    record_lock_holder(path);
    begin_batch();
}

WritableArticleIndex::~WritableArticleIndex() {
    // An unfinished batch is dropped, as a crash would drop it: the index
    // keeps the last committed state. (Xapian would commit it on close.)
    try {
        if (in_transaction_) db_.cancel_transaction();
        db_.close();
    } catch (const Xapian::Error&) {}
    std::error_code ec;
    fs::remove(fs::path(path_) / kWriterFile, ec);
}

void WritableArticleIndex::begin_batch() {
    db_.begin_transaction(/*flushed=*/true);
    in_transaction_ = true;
}

std::optional<StoredArticle> WritableArticleIndex::find(const std::string& id) const {
    const Xapian::docid docid = article_docid(db_, id);
    if (!docid) return std::nullopt;
    const Xapian::Document doc = db_.get_document(docid);
    const Article a = schema::decode_record(doc.get_data());
    return StoredArticle{a.path, a.source_file, doc.get_value(schema::kContentHashSlot)};
}

bool WritableArticleIndex::put(const std::string& id, const Xapian::Document& doc) {
    Xapian::Document fresh = doc;  // a handle: the caller's document gets the value too
    fresh.add_value(schema::kFirstIndexedSlot, first_indexed_);
    const Xapian::docid old = article_docid(db_, id);
    if (old) schema::carry_over_values(db_.get_document(old), fresh);
    if (old) db_.replace_document(old, fresh);
    else db_.add_document(fresh);
    changed_in_batch_ = true;
    return old != 0;
}

bool WritableArticleIndex::remove(const std::string& id) {
    const Xapian::docid docid = article_docid(db_, id);
    if (!docid) return false;
    db_.delete_document(docid);
    changed_in_batch_ = true;
    return true;
}

std::vector<std::string> WritableArticleIndex::ids_from(const std::string& source) const {
    const std::string prefix = schema::source_file_term(source);
    std::vector<std::string> ids;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        const std::string term = *t;
        if (term.size() > prefix.size() && term[prefix.size()] != '/') continue;  // "/a/b" is not in "/a/bc"
        for (auto post = db_.postlist_begin(term); post != db_.postlist_end(term); ++post)
            ids.push_back(
                schema::article_id_of_tie_break_key(db_.get_document(*post).get_value(schema::kTieBreakSlot)));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void WritableArticleIndex::commit() {
    if (changed_in_batch_) db_.set_metadata(std::string(schema::kPassesPendingKey), "1");
    db_.commit_transaction();
    in_transaction_ = false;
    changed_in_batch_ = false;
    begin_batch();
}

bool WritableArticleIndex::passes_pending() const {
    return changed_in_batch_ || !db_.get_metadata(std::string(schema::kPassesPendingKey)).empty();
}

std::size_t WritableArticleIndex::resolve_across_articles(const std::function<void()>& before_commit) {
    commit();  // the passes read committed value streams
    const CorpusPassesDone done = run_corpus_passes(db_);
    if (before_commit) before_commit();
    db_.set_metadata(std::string(schema::kPassesPendingKey), "");
    // The run is complete: its first-indexed time is the last run's.
    db_.set_metadata(std::string(schema::kLastRunKey), first_indexed_);
    db_.commit_transaction();
    in_transaction_ = false;
    changed_in_batch_ = false;
    begin_batch();
    return done.persons_rewritten + done.groups_rewritten;
}

Xapian::doccount WritableArticleIndex::article_count() const { return db_.get_doccount(); }

std::size_t pending_size_estimate(const Xapian::Document& doc) {
    std::size_t bytes = doc.get_data().size();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        bytes += 40 + (*t).size() + 6 * t.positionlist_count();
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) bytes += 16 + (*v).size();
    return bytes;
}

CommittedArticles::CommittedArticles(const std::string& path) : db_(path) {}

std::string CommittedArticles::content_hash(const std::string& id) {
    for (int attempt = 0;; ++attempt) {
        try {
            const Xapian::docid docid = article_docid(db_, id);
            return docid ? db_.get_document(docid).get_value(schema::kContentHashSlot) : std::string();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw;
            db_.reopen();  // the writer committed twice since this handle's revision
        }
    }
}

Xapian::Database open_index_for_reading(const std::string& path) {
    if (!fs::exists(path)) throw IndexError("no index here (build one with newsdex-index)");
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index: " + e.get_msg());
    }
    if (auto problem = schema_problem(schema_version_of(db), false); !problem.empty()) throw IndexError(problem);
    return db;
}

std::string resolve_index_path(const std::string& db_option) {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("NEWSDEX_DB"); env && *env) return env;
    return "newsdex.db";
}

}  // namespace newsdex
