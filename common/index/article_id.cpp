#include "common/index/article_id.h"

#include <filesystem>

#include "common/index/schema.h"
#include "common/reading/corpus_reader.h"

namespace newsdex {

namespace fs = std::filesystem;

std::vector<std::string> article_id_readings(const std::string& text) {
    std::vector<std::string> readings{text};
    if (text.empty() || text == "-" || text.starts_with("-:")) return readings;
    // "feeds/wire.jsonl:4": a record without an id of its own, by file and line.
    std::string path = text, line;
    if (const auto colon = text.rfind(':'); colon != std::string::npos && colon + 1 < text.size() &&
                                            text.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
        path = text.substr(0, colon);
        line = text.substr(colon);
    }
    if (std::string absolute = absolute_source_path(path) + line; absolute != text)
        readings.push_back(std::move(absolute));
    return readings;
}

std::optional<std::string> find_article_id(const std::string& text,
                                           const std::function<bool(const std::string&)>& exists) {
    for (auto& id : article_id_readings(text))
        if (exists(id)) return id;
    return std::nullopt;
}

Xapian::docid article_docid(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::id_term(id);
    for (auto post = db.postlist_begin(term); post != db.postlist_end(term); ++post) {
        if (schema::id_term_is_whole_id(id)) return *post;
        if (schema::decode_record(db.get_document(*post).get_data()).id == id) return *post;  // a cut, hashed term
    }
    return 0;
}

Xapian::docid find_article_document(const Xapian::Database& db, const std::string& text) {
    for (const auto& id : article_id_readings(text))
        if (const Xapian::docid docid = article_docid(db, id)) return docid;
    return 0;
}

std::string display_article_id(const std::string& id) {
    if (!id.starts_with("/")) return id;
    static const std::string cwd = [] {
        std::error_code ec;
        const std::string dir = fs::current_path(ec).generic_string();
        return ec ? std::string() : dir;
    }();
    if (cwd.empty() || cwd == "/" || !id.starts_with(cwd) || id.size() <= cwd.size() + 1 || id[cwd.size()] != '/')
        return id;
    return id.substr(cwd.size() + 1);
}

}  // namespace newsdex
