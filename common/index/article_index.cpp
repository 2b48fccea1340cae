#include "common/index/article_index.h"

#include <cstdlib>
#include <filesystem>

#include "common/base/time_spec.h"
#include "common/index/corpus_passes.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

std::string schema_version_of(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::kSchemaVersionKey));
}

// Empty string: the schema is one this build reads. Else the reason it is not.
std::string schema_problem(const std::string& version, bool empty_database) {
    const std::string ours = std::to_string(schema::kSchemaVersion);
    if (version.empty()) return empty_database ? "" : "not a newsdex index (no schema version recorded)";
    if (version == ours) return "";
    return "index schema version " + version + " is not supported: this newsdex reads schema version " + ours +
           (std::atoi(version.c_str()) > schema::kSchemaVersion ? " (the index was written by a newer newsdex)"
                                                                : " (re-index to upgrade)");
}

}  // namespace

WritableArticleIndex::WritableArticleIndex(const std::string& path)
    : first_indexed_(schema::first_indexed_value(now_utc())) {
    try {
        db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("the index is locked by another newsdex-index (or Xapian writer)");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot create or open the index: " + e.get_msg());
    }
    const std::string version = schema_version_of(db_);
    if (auto problem = schema_problem(version, db_.get_doccount() == 0); !problem.empty()) throw IndexError(problem);
    if (version.empty())
        db_.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
}

std::optional<std::string> WritableArticleIndex::put(const std::string& id_term, const Xapian::Document& doc,
                                                     const std::string& path) {
    std::optional<std::string> previous;
    Xapian::Document fresh = doc;  // a handle: the caller's document gets the value too
    fresh.add_value(schema::kFirstIndexedSlot, first_indexed_);
    if (auto it = db_.postlist_begin(id_term); it != db_.postlist_end(id_term)) {
        const Xapian::Document old = db_.get_document(*it);
        std::string old_path = schema::decode_record(old.get_data()).path;
        if (old_path != path) previous = std::move(old_path);
        schema::carry_over_values(old, fresh);
    }
    db_.replace_document(id_term, fresh);
    return previous;
}

void WritableArticleIndex::commit() {
    db_.set_metadata(std::string(schema::kLastRunKey), first_indexed_);
    db_.commit();
}

std::size_t WritableArticleIndex::resolve_across_articles() {
    const CorpusPassesDone done = run_corpus_passes(db_);
    return done.persons_rewritten + done.groups_rewritten;
}

Xapian::doccount WritableArticleIndex::article_count() const { return db_.get_doccount(); }

Xapian::Database open_index_for_reading(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IndexError("no index here (build one with newsdex-index)");
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
