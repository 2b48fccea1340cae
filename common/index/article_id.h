// Article ids as people type and read them. A file's id is its absolute
// path (common/reading/corpus_reader.h): exact and stable, but long. People
// name a file as their shell does, relative to the working directory, and
// read ids the same way.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

// What `text` can mean as an id: itself, then (when different) the
// absolute path it names relative to the working directory, a ":LINE"
// suffix kept ("feeds/wire.jsonl:4").
std::vector<std::string> article_id_readings(const std::string& text);

// The id a user means by `text`: `text` itself when an article has that id
// (a JSON Lines id, or a full path), else the absolute path it names
// relative to the working directory. Nothing when neither exists.
std::optional<std::string> find_article_id(const std::string& text,
                                           const std::function<bool(const std::string&)>& exists);

// The document with exactly this id; 0 when none.
Xapian::docid article_docid(const Xapian::Database& db, const std::string& id);
// The document of the article `text` names (article_id_readings); 0 when none.
Xapian::docid find_article_document(const Xapian::Database& db, const std::string& text);

// The id as shown to a person: a path below the working directory relative
// to it ("corpus/002.txt"); any other id as it is.
std::string display_article_id(const std::string& id);

}  // namespace newsdex
