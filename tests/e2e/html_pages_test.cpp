// Issue 16, "Read scraped web pages": the test pages of tests/data/html/
// (and one with a 5 MB inline script, written at test time) indexed by the
// real newsdex-index, searched by author and section with newsdex-search;
// the hostile pages' diagnostics; --section-from-folder.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "helpers.h"
#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

// Every test page but the one newsdex rejects (no article text).
struct HtmlPages {
    static constexpr const char* kDatabase = "db";
    static std::string prepare(const fs::path& dir, std::vector<std::string>& args) {
        const fs::path pages = dir / "pages";
        fs::create_directories(pages);
        for (const auto& e : fs::directory_iterator(source_dir() / "tests" / "data" / "html"))
            if (e.path().filename() != "hostile-no-text.html") fs::copy_file(e.path(), pages / e.path().filename());
        write_file(pages / "big-script.htm",
                   "<html><head><title>Quay reopens</title><script>var blob = \"" + std::string(5 << 20, 'x') +
                       "\";</script></head><body><article><p>The quay reopened on Monday after the storm damage "
                       "was repaired.</p></article></body></html>");
        args = {pages.string(), "--no-progress"};
        return "";
    }
};

class HtmlPagesTest : public IndexedCorpusTest<HtmlPages> {};

TEST_F(HtmlPagesTest, EveryPageIsIndexedAndTheWrongCharsetIsAWarning) {
    EXPECT_EQ(search_json(db(), "*")["hits"].size(), 9u);
    const auto warnings = lines_containing(indexing().err, "warning:");
    ASSERT_EQ(warnings.size(), 1u) << indexing().err;
    EXPECT_NE(warnings[0].find("hostile-wrong-charset.html: warning: declared charset \"utf-8\" but not valid UTF-8; "
                               "read as Windows-1252"),
              std::string::npos)
        << warnings[0];
}

TEST_F(HtmlPagesTest, AuthorFilter) {
    EXPECT_EQ(hit_ids(search_json(db(), "author:\"ana silva\"")),
              (std::set<std::string>{"amp.html", "jsonld-only.html", "liveblog.html"}));
    EXPECT_EQ(hit_ids(search_json(db(), "author:lund")), (std::set<std::string>{"microdata.html"}));
}

TEST_F(HtmlPagesTest, SectionFilterAndFacets) {
    EXPECT_EQ(hit_ids(search_json(db(), "section:politics")),
              (std::set<std::string>{"liveblog.html", "opengraph-only.html"}));
    const nlohmann::json j = json_answer(db(), {"--facet", "author", "--facet", "section", "*"});
    ASSERT_TRUE(j["facets"]["author"].is_array()) << j.dump();
    EXPECT_EQ(j["facets"]["author"][0]["value"], "Ana Silva");
    EXPECT_EQ(j["facets"]["author"][0]["count"], 3);
    bool politics = false;
    for (const auto& v : j["facets"]["section"])
        if (v["value"] == "Politics") politics = v["count"] == 2;
    EXPECT_TRUE(politics) << j["facets"]["section"].dump();
}

// The pages' own tags, each way a page gives them: JSON-LD keywords,
// article:tag, microdata and <meta name="keywords"> (white space tidied).
TEST_F(HtmlPagesTest, KeywordFilterAndFacet) {
    EXPECT_EQ(hit_ids(search_json(db(), "keyword:kelmouth")), (std::set<std::string>{"bare.html", "jsonld-only.html"}));
    EXPECT_EQ(hit_ids(search_json(db(), "keyword:\"city council\"")), (std::set<std::string>{"opengraph-only.html"}));
    EXPECT_EQ(hit_ids(search_json(db(), "keyword:heritage")), (std::set<std::string>{"microdata.html"}));
    EXPECT_EQ(hit_ids(search_json(db(), "keyword:\"fishing fleet\"")), (std::set<std::string>{"bare.html"}));
    const nlohmann::json j = json_answer(db(), {"--facet", "keyword:0", "*"});
    std::map<std::string, int> counts;
    for (const auto& v : j["facets"]["keyword"]) counts[v["value"]] = v["count"];
    EXPECT_EQ(counts, (std::map<std::string, int>{{"harbour", 1},
                                                  {"strike", 1},
                                                  {"Kelmouth", 2},
                                                  {"trams", 1},
                                                  {"city council", 1},
                                                  {"lighthouses", 1},
                                                  {"heritage", 1},
                                                  {"weather", 1},
                                                  {"fishing fleet", 1}}))
        << j["facets"].dump();
}

TEST_F(HtmlPagesTest, JsonFieldsOfAPage) {
    const nlohmann::json j = search_json(db(), "pilots strike");
    ASSERT_EQ(j["hits"].size(), 1u) << j.dump();
    const auto& hit = j["hits"][0];
    EXPECT_EQ(hit["title"], "Harbour pilots vote to strike over night shifts");
    EXPECT_EQ(hit["date"], "2024-06-07");
    EXPECT_EQ(hit["date_source"], "metadata");
    EXPECT_EQ(hit["source"], "Coastal Gazette");
    EXPECT_EQ(hit["url"], "https://gazette.example/business/harbour-pilots-strike");
    EXPECT_EQ(hit["authors"], (nlohmann::json{"Ana Silva", "Ben Okoro"}));
    EXPECT_EQ(hit["section"], "Business");
    EXPECT_EQ(hit["keywords"], (nlohmann::json{"harbour", "strike", "Kelmouth"}));
    const RunResult got = search_in(db(), {"--format", "json", "--get", hit["id"].get<std::string>()});
    ASSERT_EQ(got.status, 0) << describe(got);
    const auto article = nlohmann::json::parse(got.out);
    EXPECT_EQ(article["section"], "Business");
    EXPECT_EQ(article["text"].get<std::string>().find("cookies"), std::string::npos);
    EXPECT_NE(article["text"].get<std::string>().find("night shifts.\n\nThe pilots' union"), std::string::npos);
}

TEST(HtmlPagesRejected, NoBodyTextIsOneErrorLine) {
    ScratchDir dir;
    const fs::path page = dir.path() / "empty.html";
    fs::copy_file(source_dir() / "tests" / "data" / "html" / "hostile-no-text.html", page);
    const RunResult r = index_into(dir.path() / "db", {page.string(), "--no-progress"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "error:"),
              (std::vector<std::string>{"newsdex-index: " + page.string() + ": error: no article text"}))
        << describe(r);
}

TEST(HtmlSectionFromFolder, FirstFolderBelowTheInputIsTheSection) {
    ScratchDir dir;
    const fs::path corpus = dir.path() / "bbc";
    write_file(corpus / "politics" / "001.txt",
               "Assembly passes budget\n\nThe assembly passed the budget on Tuesday by a narrow margin.\n");
    write_file(corpus / "business" / "deep" / "002.html",
               "<html><head><title>Mill reopens</title></head><body><p>The old paper mill on the river reopened "
               "on Tuesday after repairs.</p></body></html>");
    write_file(corpus / "003.txt", "Top level\n\nAn article at the top of the folder has no section from it.\n");
    const RunResult plain = index_into(dir.path() / "plain.db", {corpus.string(), "--no-progress"});
    ASSERT_EQ(plain.status, 0) << describe(plain);
    EXPECT_TRUE(search_json(dir.path() / "plain.db", "section:politics")["hits"].empty());

    const RunResult r = index_into(dir.path() / "db", {"--section-from-folder", corpus.string(), "--no-progress"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(hit_ids(search_json(dir.path() / "db", "section:politics")), (std::set<std::string>{"politics/001.txt"}));
    EXPECT_EQ(hit_ids(search_json(dir.path() / "db", "section:business")),
              (std::set<std::string>{"business/deep/002.html"}));
    EXPECT_EQ(search_json(dir.path() / "db", "*")["hits"].size(), 3u);
}

}  // namespace
}  // namespace newsdex::e2e
