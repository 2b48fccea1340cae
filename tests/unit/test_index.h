// A small in-memory index for unit tests that search: hand-written articles
// go through the real analyser (common/builder.h) into a Xapian in-memory
// database, the way newsdex-index writes them, so queries, filters, sorts
// and rendering run against real documents.
//
// What newsdex-index does besides analysing is opt-in here: the first-indexed
// time (WritableArticleIndex::put writes it; give add() a time to get it) and
// the near-duplicate pass (group_near_duplicates(), run by finish()).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/index/document_builder.h"
#include "common/index/near_duplicates.h"
#include "common/index/schema.h"
#include "common/reading/article.h"
#include "common/reading/published_date.h"

namespace newsdex::testing_index {

inline PublishedDate day(int y, int m, int d) { return {y, m, d, DatePrecision::day}; }
inline PublishedDate month(int y, int m) { return {y, m, 0, DatePrecision::month}; }
inline PublishedDate year(int y) { return {y, 0, 0, DatePrecision::year}; }

// An article with the fields most tests need; set the others on the result.
inline Article article(std::string id, std::string title, std::string body,
                       std::optional<PublishedDate> date = std::nullopt) {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = date;
    a.path = "test/" + a.id;
    return a;
}

class TestIndex {
public:
    // Without extraction the entity lists are indexed as the articles give
    // them (and an undated article stays undated: no date inference).
    explicit TestIndex(bool extract_entities = false)
        : db_(std::string(), Xapian::DB_BACKEND_INMEMORY), builder_(extract_entities) {}

    // Adds the article (replacing one with the same id), with its
    // first-indexed time when given, as WritableArticleIndex::put does.
    void add(const Article& a, std::optional<IndexedTime> indexed_at = std::nullopt) {
        Xapian::Document doc = builder_.build(a);
        if (indexed_at) doc.add_value(schema::kFirstIndexedSlot, schema::first_indexed_value(*indexed_at));
        db_.replace_document(schema::id_term(a.id), doc);
    }
    void add(const std::vector<Article>& articles) {
        for (const auto& a : articles) add(a);
    }

    // The corpus-wide near-duplicate pass newsdex-index runs after loading,
    // then a commit.
    void finish() {
        group_near_duplicates(db_);
        db_.commit();
    }

    Xapian::WritableDatabase& db() { return db_; }

    // The ids of the articles `query` matches.
    std::set<std::string> ids_matching(const Xapian::Query& query) {
        db_.commit();
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        std::set<std::string> ids;
        const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount() + 1);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.insert(schema::decode_record(it.get_document().get_data()).id);
        return ids;
    }

private:
    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
};

}  // namespace newsdex::testing_index
