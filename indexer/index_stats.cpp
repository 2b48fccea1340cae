#include "indexer/index_stats.h"

#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/index/article_index.h"
#include "common/index/schema.h"
#include "common/search/search.h"
#include "indexer/maintenance.h"

namespace newsdex {

namespace {

constexpr const char* kTopFields[] = {"person", "location", "org", "source"};
constexpr std::size_t kTop = 10;

std::uint64_t distinct_terms(const Xapian::Database& db) {
    std::uint64_t n = 0;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++n;
    return n;
}

std::vector<FacetResult> top_entities(const Xapian::Database& db) {
    SearchRequest all;  // no query: every article
    all.limit = 0;
    for (const char* field : kTopFields) {
        FacetRequest request;
        request.field = field;
        request.top = kTop;
        all.facets.push_back(std::move(request));
    }
    auto results = ArticleSearcher(db).search(all);
    return std::get<SearchResults>(std::move(results)).facets;
}

const char* field_heading(const std::string& field) {
    if (field == "person") return "persons";
    if (field == "location") return "locations";
    if (field == "org") return "organisations";
    return "sources";
}

}  // namespace

IndexStats gather_index_stats(const std::string& db_path) {
    require_index(db_path);
    const Xapian::Database db = open_index_for_reading(db_path);
    IndexStats s;
    s.db_path = db_path;
    s.articles = db.get_doccount();
    s.distinct_terms = distinct_terms(db);
    s.bytes_on_disk = index_size_on_disk(db_path);
    std::tie(s.oldest, s.newest) = publication_date_span(db);
    s.undated = s.articles - db.get_value_freq(schema::kDateSlot);
    s.last_run = schema::parse_first_indexed_value(db.get_metadata(std::string(schema::kLastRunKey)));
    const auto shards = index_shard_paths(db_path);
    s.shards = shards.size();
    for (const auto& shard : shards)  // each shard records its own (they commit one after another)
        s.passes_pending = s.passes_pending ||
                           !Xapian::Database(shard).get_metadata(std::string(schema::kPassesPendingKey)).empty();
    s.top = top_entities(db);
    return s;
}

void print_stats_text(const IndexStats& s, std::ostream& out) {
    out << "Index: " << s.db_path << " (schema version " << schema::kSchemaVersion << ")\n";
    out << "  articles        " << s.articles << '\n';
    out << "  shards          " << s.shards << (s.shards == 1 ? " (one database)" : "") << '\n';
    out << "  distinct terms  " << s.distinct_terms << '\n';
    out << "  size on disk    " << human_size(s.bytes_on_disk) << " (" << s.bytes_on_disk << " bytes)\n";
    out << "  dates           " << (s.oldest.empty() ? "none" : s.oldest + " to " + s.newest) << ", " << s.undated
        << " undated\n";
    out << "  last run        " << (s.last_run ? iso_utc(*s.last_run) : "none finished") << '\n';
    out << "  corpus passes   "
        << (s.passes_pending ? "pending (an indexing run stopped before them; the next run does them)" : "done")
        << '\n';
    for (const auto& facet : s.top) {
        out << "Top " << field_heading(facet.request.field) << ":\n";
        if (facet.values.empty()) out << "  (none)\n";
        for (const auto& v : facet.values) {
            char count[16];
            std::snprintf(count, sizeof count, "%7u", static_cast<unsigned>(v.count));
            out << count << "  " << v.value << '\n';
        }
    }
}

void print_stats_json(const IndexStats& s, std::ostream& out) {
    using json = nlohmann::ordered_json;
    json top = json::object();
    for (const auto& facet : s.top) {
        json values = json::array();
        for (const auto& v : facet.values) values.push_back({{"value", v.value}, {"count", v.count}});
        top[facet.request.field] = std::move(values);
    }
    auto date_or_null = [](const std::string& d) { return d.empty() ? json(nullptr) : json(d); };
    const json j = {
        {"db", s.db_path},
        {"schema_version", schema::kSchemaVersion},
        {"articles", s.articles},
        {"shards", s.shards},
        {"distinct_terms", s.distinct_terms},
        {"size_bytes", s.bytes_on_disk},
        {"dates", {{"oldest", date_or_null(s.oldest)}, {"newest", date_or_null(s.newest)}, {"undated", s.undated}}},
        {"last_run", s.last_run ? json(iso_utc(*s.last_run)) : json(nullptr)},
        {"passes_pending", s.passes_pending},
        {"top", std::move(top)}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace newsdex
