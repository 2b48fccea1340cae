// The writable index: opens or creates the Xapian database, checks and records
// the schema version, adds articles (replacing any with the same id) and
// commits. One writer at a time: a second one fails with an IndexError.
// Every article first added through one WritableArticleIndex gets the same
// first-indexed time (schema::kFirstIndexedSlot), the moment it was opened.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace newsdex {

// Cannot create, open or lock the index, or it has a foreign schema.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class WritableArticleIndex {
public:
    // Throws IndexError. Creates the database if it does not exist.
    explicit WritableArticleIndex(const std::string& path);

    // Adds the document, or replaces the article with the same id term
    // (keeping the replaced article's first-indexed time; a new article gets
    // this run's). Returns the path the replaced article was read from, when it differs
    // from `path` (two sources sharing one id is worth a warning).
    std::optional<std::string> put(const std::string& id_term, const Xapian::Document& doc, const std::string& path);
    // Also records this run's first-indexed time as the last run's
    // (schema::kLastRunKey), in the same commit as its articles.
    void commit();
    // The corpus-wide passes over the whole index, in their defined order
    // (corpus_passes.h); returns the number of articles they rewrote.
    std::size_t resolve_across_articles();
    Xapian::doccount article_count() const;

private:
    Xapian::WritableDatabase db_;
    std::string first_indexed_;  // this run's kFirstIndexedSlot value
};

// Opens an index for searching. Throws IndexError when the path holds no
// index, cannot be read, or has a schema version this build does not read.
Xapian::Database open_index_for_reading(const std::string& path);

// Where the index lives: --db, else $NEWSDEX_DB, else ./newsdex.db.
std::string resolve_index_path(const std::string& db_option);

}  // namespace newsdex
