// Issue 16, saved pages in bulk: the generator's web pages (--html, five
// publishing systems' styles in turn, furniture and all) must index to the
// same articles as its plain-text files of the same stories (--text), field
// by field and article by article: title, date and its precision, source,
// authors, section, the text without any furniture (paragraphs and their
// words), and what extraction finds in it. The generator's truth.jsonl
// checks both sides' metadata too, so that they cannot agree on a wrong
// value. bench/run-html-bench times the same pages at 10,000 articles.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kArticles = 60;  // twelve pages of each style

RunResult generate(const fs::path& out, int articles, std::vector<std::string> options) {
    std::vector<std::string> argv{generate_bin(),          "--out", out.string(), "--seed", "16", "--articles",
                                  std::to_string(articles)};
    argv.insert(argv.end(), options.begin(), options.end());
    return run(argv, {});
}

// The text as paragraphs, each with its white space made one space: a line
// break inside a paragraph (a near-duplicate's added sentence) is kept by
// the text reader and is white space in a page's <p>.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out{""};
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            if (!out.back().empty()) out.emplace_back();
            continue;
        }
        for (std::istringstream words(line); words >> line;) out.back() += (out.back().empty() ? "" : " ") + line;
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// Every article of an index, by file name without extension ("gen-0000007"),
// as newsdex-search --get prints it.
std::map<std::string, json> articles_of(const fs::path& db) {
    std::map<std::string, json> out;
    const json all = search_json(db, "*", 1000);  // named: a range-for would not keep a temporary alive
    for (const auto& hit : all["hits"]) {
        const std::string id = hit["id"];
        const RunResult got = search_in(db, {"--format", "json", "--get", id});
        EXPECT_EQ(got.status, 0) << describe(got);
        out[fs::path(id).stem().string()] = json::parse(got.out, nullptr, false);
    }
    return out;
}

std::map<std::string, json> truth_of(const fs::path& corpus) {
    std::map<std::string, json> out;
    for (const auto& line : lines_of(read_file(corpus / "truth.jsonl"))) {
        json t = json::parse(line);
        out[t["id"].get<std::string>()] = t;
    }
    return out;
}

// Indexes one kind of the corpus (text or html) with its sections from its folders.
fs::path index_kind(const ScratchDir& dir, const std::string& kind) {
    const fs::path db = dir / (kind + ".db");
    const RunResult r = index_into(db, {"--section-from-folder", (dir / "corpus" / kind).string(), "--no-progress"});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(lines_containing(r.err, "warning:").empty()) << describe(r);
    return db;
}

// What the truth says of one article, in --get's terms.
void expect_truth(const json& truth, const json& a) {
    EXPECT_EQ(a["source"], truth["source"]);
    EXPECT_EQ(a["authors"], truth["authors"]);
    EXPECT_EQ(a["section"], truth["section"]);
    EXPECT_EQ(a["date_precision"], truth["date_precision"]);
    if (truth["date"].is_string())
        EXPECT_TRUE(a["date"].get<std::string>().starts_with(truth["date"].get<std::string>()));
    else EXPECT_TRUE(a["date"].is_null());
}

TEST(GeneratedHtmlPages, Issue16PagesIndexToTheSameArticlesAsTheirTextFiles) {
    ScratchDir dir;
    const RunResult gen = generate(dir / "corpus", kArticles, {"--text", "--html"});
    ASSERT_EQ(gen.status, 0) << describe(gen);
    const auto text = articles_of(index_kind(dir, "text"));
    const auto html = articles_of(index_kind(dir, "html"));
    const auto truth = truth_of(dir / "corpus");
    ASSERT_EQ(truth.size(), static_cast<std::size_t>(kArticles));
    ASSERT_EQ(text.size(), truth.size());
    ASSERT_EQ(html.size(), truth.size());
    for (const auto& [id, t] : truth) {
        SCOPED_TRACE(id);
        ASSERT_TRUE(text.count(id) && html.count(id));
        const json &page = html.at(id), &file = text.at(id);
        expect_truth(t, page);
        expect_truth(t, file);
        for (const char* field : {"title", "date", "date_precision", "source", "authors", "section", "persons",
                                  "locations", "countries", "organizations"})
            EXPECT_EQ(page[field], file[field]) << field;
        EXPECT_FALSE(page["title"].get<std::string>().empty());
        EXPECT_EQ(paragraphs(page["text"]), paragraphs(file["text"]));
    }
}

// The same seed gives the same pages, and --html takes nothing from the
// articles' random stream: the JSON Lines articles are those of a run without it.
TEST(GeneratedHtmlPages, SameSeedSamePagesAndArticles) {
    ScratchDir dir;
    for (const auto& [out, options] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"a", {"--html"}}, {"b", {"--html"}}, {"plain", {}}}) {
        const RunResult gen = generate(dir / out, 10, options);
        ASSERT_EQ(gen.status, 0) << describe(gen);
    }
    std::size_t pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "a" / "html")) {
        if (!e.is_regular_file()) continue;
        ++pages;
        EXPECT_EQ(read_file(e.path()), read_file(dir / "b" / fs::relative(e.path(), dir / "a"))) << e.path().filename();
    }
    EXPECT_EQ(pages, 10u);
    EXPECT_EQ(read_file(dir / "a" / "articles" / "articles-000.jsonl"),
              read_file(dir / "plain" / "articles" / "articles-000.jsonl"));
}

}  // namespace
}  // namespace newsdex::e2e
