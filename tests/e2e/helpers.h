// Small helpers shared by the end-to-end tests.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "process.h"

namespace newsdex::e2e {

inline RunResult index_into(const std::filesystem::path& db, std::vector<std::string> inputs,
                            const RunOptions& options = {}) {
    std::vector<std::string> argv{index_bin(), "--db", db.string()};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    return run(argv, options);
}

inline RunResult search_in(const std::filesystem::path& db, std::vector<std::string> args,
                           const RunOptions& options = {}) {
    std::vector<std::string> argv{search_bin(), "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, options);
}

// Runs a JSON search and returns the parsed object (fails the test on bad JSON).
inline nlohmann::json search_json(const std::filesystem::path& db, const std::string& query, std::size_t limit = 1000) {
    std::vector<std::string> args{"--format", "json", "-n", std::to_string(limit)};
    args.push_back(query);
    const RunResult r = search_in(db, args);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << describe(r);
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << describe(r);
    return j;
}

// A file's id is its absolute path; the tests name a file relative to the
// folder they indexed, which is the test's temporary folder or a folder in
// it ("/tmp/newsdex-e2e-1-0/good.txt" -> "good.txt",
// "/tmp/newsdex-e2e-1-0/news/dec31.txt" -> "dec31.txt") or one of
// ../shared's corpora ("…/shared/seeds/002.txt" -> "002.txt",
// "…/shared/bbc-news/tech/001.txt" -> "tech/001.txt"). Other ids (JSON
// Lines records' own) are returned as they are.
inline std::string short_id(const std::string& id) {
    if (!id.starts_with("/")) return id;
    auto after_components = [&](std::size_t from, int n) {
        for (; n > 0 && from != std::string::npos; --n) from = id.find('/', from + 1);
        return from == std::string::npos ? id : id.substr(from + 1);
    };
    if (const auto tmp = id.find("/newsdex-e2e-"); tmp != std::string::npos) {
        const std::string in_tmp = after_components(tmp, 1);
        return in_tmp.find('/') == std::string::npos ? in_tmp : after_components(tmp, 2);
    }
    if (const auto shared = id.find("/shared/"); shared != std::string::npos) return after_components(shared + 7, 1);
    return id;
}

inline std::set<std::string> hit_ids(const nlohmann::json& result) {
    std::set<std::string> ids;
    if (result.is_object() && result.contains("hits"))
        for (const auto& h : result["hits"]) ids.insert(short_id(h["id"].get<std::string>()));
    return ids;
}

// A search's JSON answer (--format json, then args) without the hits'
// first-indexed times, which are each indexing run's own: what two indexes
// of the same articles must agree on.
inline nlohmann::json json_answer(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json"});
    const RunResult r = search_in(db, args);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << describe(r);
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << describe(r);
    if (j.is_object() && j.contains("hits"))
        for (auto& hit : j["hits"]) hit.erase("indexed_at");
    return j;
}

// The index as scripts/dump-index prints it (every document's record,
// terms, positions and values), without what differs between any two runs:
// the first-indexed time (slot 9) and the last run's time.
inline std::string dump_index(const std::filesystem::path& db) {
    const RunResult r = run({"/bin/bash", (source_dir() / "scripts" / "dump-index").string(), "--ignore-slot", "9",
                             "--ignore-metadata", "newsdex.last_run_indexed_at", db.string()},
                            {});
    EXPECT_EQ(r.status, 0) << describe(r);
    return r.out;
}

inline std::vector<std::string> lines_containing(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    for (const auto& l : lines_of(text))
        if (l.find(needle) != std::string::npos) out.push_back(l);
    return out;
}

}  // namespace newsdex::e2e
