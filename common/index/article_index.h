// The writable index: opens or creates the Xapian database, checks and records
// the schema version, adds, replaces and removes articles in batches and runs
// the corpus-wide passes. One writer at a time: a second one fails with an
// IndexError that names the process holding the index.
//
// Crash safety: a new index is created in a temporary folder beside the
// target, its schema version committed, and renamed into place, so the path
// holds either nothing or a valid empty newsdex index. Changes go into Xapian
// transactions, committed whole by commit(): a killed writer leaves the last
// committed batch, never part of one (Xapian's own 10,000-document
// auto-commit does not happen inside a transaction).
//
// Every article first added through one WritableArticleIndex gets the same
// first-indexed time (schema::kFirstIndexedSlot), the moment it was opened.
//
// Shards (schema.h, "Layout"): each shard has a writer thread of its own
// (unless the caller asks for none), fed by put() in order, so that Xapian's
// work of adding and flushing postings, the main cost of indexing, runs on
// as many cores as there are shards. Each shard is committed whole by commit(); a crash between two
// shards' commits leaves some shards one batch ahead, which the next run
// repairs as for any interrupted run (unchanged articles are skipped,
// missing ones added, the corpus-wide passes still pending).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/index/corpus_passes.h"
#include "common/reading/article.h"

namespace newsdex {

// Cannot create, open or lock the index, or it has a foreign schema.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// About how many bytes a document costs the writer until its batch is
// committed: each term's posting and each position as Xapian buffers them,
// plus its values and record. An estimate for bounding memory (roughly
// 40 bytes a term and 6 a position), not an exact figure.
std::size_t pending_size_estimate(const Xapian::Document& doc);

// What the index holds for one id.
struct StoredArticle {
    std::string path;          // the record's input path (file, or file:LINE)
    std::string source_file;   // absolute; "-" for standard input
    std::string content_hash;  // schema::kContentHashSlot
};

class WritableArticleIndex {
public:
    // Throws IndexError. Creates the index if the path does not exist, with
    // `shards_if_new` shards (1: one database); refuses a path that is a
    // file or a folder holding something else. An existing index keeps its
    // shards. Without `writer_threads`, put() writes on the caller's thread
    // (one core).
    explicit WritableArticleIndex(const std::string& path, std::size_t shards_if_new = 1, bool writer_threads = true);
    ~WritableArticleIndex();
    WritableArticleIndex(const WritableArticleIndex&) = delete;
    WritableArticleIndex& operator=(const WritableArticleIndex&) = delete;

    std::size_t shard_count() const { return shards_.size(); }
    // The article with this id, as this writer sees it (uncommitted changes
    // included). Waits for its shard's writer to finish what it was given.
    std::optional<StoredArticle> find(const std::string& id) const;
    // Adds the document, or replaces the article with the same id (keeping
    // the replaced article's first-indexed time; a new article gets this
    // run's). Queued for the article's shard writer: returns at once unless
    // that writer is far behind. A failure of the writer (a Xapian error) is
    // thrown by a later call. The document is moved to the writer thread:
    // the caller keeps no handle on it (Xapian's handles are not shared
    // between threads).
    void put(const std::string& id, Xapian::Document&& doc);
    // Returns false when no article has the id.
    bool remove(const std::string& id);
    // Ids of the articles read from `source` (an absolute file path) or, for
    // a folder, from any file below it; in id order.
    std::vector<std::string> ids_from(const std::string& source) const;

    // Commits the changes since the last commit as one batch, with this
    // run's first-indexed time as the last run's (schema::kLastRunKey) and,
    // when the batch changed articles, the passes marked pending.
    void commit();
    // True when committed articles await the corpus-wide passes (an earlier
    // run was interrupted, or this one has changed articles).
    bool passes_pending() const;
    // The corpus-wide passes over the whole index, in their defined order
    // (corpus_passes.h), committed with the pending mark cleared; returns
    // what they rewrote.
    // `before_commit` runs between the passes and their commit (the
    // indexer's crash test kills the process there).
    // `persons_resolved`: run_corpus_passes()'s.
    CorpusPassesDone resolve_across_articles(const std::function<void()>& before_commit = {},
                                             bool persons_resolved = false);
    // The persons of analysed articles about to be put(), resolved over the
    // index and them together (person_resolution.h), so that the passes
    // need not rewrite them. Commits what is pending first.
    std::vector<std::vector<std::string>> resolve_persons_before_writing(const std::vector<const Article*>& unwritten);
    Xapian::doccount article_count() const;

private:
    class ShardWriter;
    // Every shard writer idle (what they were given is written), so that the
    // calling thread may use the databases; rethrows a writer's failure.
    void wait_for_writers() const;
    void commit_every_shard(const std::vector<std::pair<std::string, std::string>>& metadata);

    std::string path_;
    std::vector<std::unique_ptr<ShardWriter>> shards_;
    Xapian::WritableDatabase all_;  // the shards as one, used while the writers are idle
    std::string first_indexed_;     // this run's kFirstIndexedSlot value
    bool changed_in_batch_ = false;
};

// The committed state of an index, for a thread that must not wait for the
// writer (the indexer's reading thread asks whether an article changed):
// reopens when the writer's commits outdate it.
class CommittedArticles {
public:
    explicit CommittedArticles(const std::string& path);
    // The stored content hash of the article with this id; empty if none.
    std::string content_hash(const std::string& id);
    // The committed article with this id.
    std::optional<StoredArticle> find(const std::string& id);

private:
    template <typename Read>
    auto retrying(Read read) {
        for (int attempt = 0;; ++attempt) {
            try {
                return read();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == 3) throw;
                db_.reopen();  // the writer committed twice since this handle's revision
            }
        }
    }

    Xapian::Database db_;
};

// Throws IndexError when `path` could not become an index without harm: a
// file, or a folder that holds something other than an index. Nothing is
// written. (WritableArticleIndex checks this too; a caller can check before
// it reads any input.)
void check_index_location(const std::string& path);
// True when `path` holds a Xapian database.
bool index_exists(const std::string& path);
// The databases of the index at `path`: its shards' folders, or `path`
// itself for an index of one database. Throws IndexError for a stub file
// that names anything but this index's own shard folders.
std::vector<std::string> index_shard_paths(const std::string& path);

// Opens an index for searching (index_shards.h: every shard, local or
// remote). Throws IndexError when the path holds no index, a shard cannot be
// read, or has a schema version this build does not read.
Xapian::Database open_index_for_reading(const std::string& path);
// Empty when this build reads the schema of `db`; else the reason it does not.
std::string unreadable_schema(const Xapian::Database& db);

// Where the index lives: --db, else $NEWSDEX_DB, else ./newsdex.db.
std::string resolve_index_path(const std::string& db_option);

// The oldest and newest publication dates in the index, each at its own
// precision ("2005", "2005-01", "2005-01-02"), or two empty strings when no
// article is dated. A year or a month is older than the days in it and newer
// than any day before it, so year-dated articles never widen the span to
// their whole year.
std::pair<std::string, std::string> publication_date_span(const Xapian::Database& db);

}  // namespace newsdex
