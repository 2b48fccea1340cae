// The bundled corpus/ end to end: index it, search it, re-index it, change it.
#include <algorithm>
#include <map>
#include <regex>

#include "helpers.h"
#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;

// Counted from the files, independently of newsdex's readers: one article per
// text file, one per non-blank JSON Lines line.
std::size_t count_corpus_articles(const fs::path& root) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        if (e.path().extension() == ".jsonl") {
            for (const auto& l : lines_of(read_file(e.path())))
                if (l.find_first_not_of(" \t\r") != std::string::npos) ++n;
        } else {
            ++n;
        }
    }
    return n;
}

class CorpusTest : public IndexedCorpusTest<BundledCorpus> {};

TEST_F(CorpusTest, IndexesEveryArticleCleanly) {
    const std::size_t expected = count_corpus_articles(source_dir() / "corpus");
    ASSERT_EQ(indexing().status, 0) << describe(indexing());
    EXPECT_EQ(indexing().out, "");
    // stderr: the summary line only, no warnings.
    const auto lines = lines_of(indexing().err);
    ASSERT_EQ(lines.size(), 1u) << describe(indexing());
    EXPECT_NE(lines[0].find(std::to_string(expected) + " articles from "), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find(": " + std::to_string(expected) +
                            " added, 0 updated, 0 unchanged, 0 removed, 0 conflicts, 0 rejected"),
              std::string::npos)
        << lines[0];
    const auto all = search_json(db(), "*");
    EXPECT_EQ(all["total"], expected);
    EXPECT_EQ(all["hits"].size(), expected);
}

TEST_F(CorpusTest, EmptyQueryMatchesEverythingNewestFirst) {
    const auto star = search_json(db(), "*");
    const auto empty = search_json(db(), "");
    EXPECT_EQ(star["hits"], empty["hits"]);
    // Equal scores: dated articles newest first, undated last, ties by id.
    std::string previous = "9999-99-99";
    bool seen_undated = false;
    for (const auto& h : star["hits"]) {
        if (h["date"].is_null()) {
            seen_undated = true;
            continue;
        }
        EXPECT_FALSE(seen_undated) << "a dated hit after an undated one: " << h["id"];
        EXPECT_LE(h["date"].get<std::string>(), previous) << h["id"];
        previous = h["date"].get<std::string>();
    }
}

TEST_F(CorpusTest, CompoundSpellingsFindEachOther) {
    const auto a = hit_ids(search_json(db(), "ceasefire"));
    const auto b = hit_ids(search_json(db(), "cease-fire"));
    const auto c = hit_ids(search_json(db(), "\"cease fire\""));
    EXPECT_GE(a.size(), 3u);
    // The hyphenated and the quoted forms both try the phrase and the joined
    // word, so they agree; the solid form cannot split itself, so it finds a
    // subset (it misses text that only says "cease fire" as two words).
    EXPECT_EQ(b, c);
    for (const auto& id : a) EXPECT_TRUE(b.count(id)) << id;
}

TEST_F(CorpusTest, StopWordsNeedNotMatchAndCapitalsStillStem) {
    const auto plain = search_json(db(), "central bank");
    const auto question = search_json(db(), "what is the central bank of kenya doing");
    EXPECT_GT(question["total"].get<int>(), 0);
    const auto lower = hit_ids(search_json(db(), "dockworkers"));
    const auto capital = hit_ids(search_json(db(), "Dockworker"));
    EXPECT_FALSE(lower.empty());
    EXPECT_EQ(lower, capital);
    EXPECT_GT(plain["total"].get<int>(), 0);
}

TEST_F(CorpusTest, AccentsFoldOnBothSides) {
    const auto accented = hit_ids(search_json(db(), "São Paulo"));
    const auto plain = hit_ids(search_json(db(), "sao paulo"));
    EXPECT_FALSE(plain.empty());
    EXPECT_EQ(accented, plain);
    EXPECT_EQ(hit_ids(search_json(db(), "Zürich")), hit_ids(search_json(db(), "zurich")));
}

TEST_F(CorpusTest, JsonHasTheDocumentedShapeAndIsByteStable) {
    const RunResult r1 = search_in(db(), {"--format", "json", "ceasefire"});
    const RunResult r2 = search_in(db(), {"--format", "json", "ceasefire"});
    ASSERT_EQ(r1.status, 0) << describe(r1);
    EXPECT_EQ(r1.out, r2.out);
    const auto j = nlohmann::json::parse(r1.out);
    for (const char* key : {"query", "total", "total_exact", "hits", "facets", "facets_exact", "suggestion"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_FALSE(j.contains("took_ms"));
    ASSERT_FALSE(j["hits"].empty());
    const auto& hit = j["hits"][0];
    for (const char* key : {"rank", "id", "score", "title", "date", "date_precision", "source", "url", "path",
                            "authors", "persons", "locations", "countries", "organizations", "snippet", "highlights"})
        EXPECT_TRUE(hit.contains(key)) << key;
    EXPECT_EQ(hit["rank"], 1);
    // Every highlight is a byte range of the snippet covering a ceasefire spelling.
    const std::string snippet = hit["snippet"];
    ASSERT_FALSE(hit["highlights"].empty());
    for (const auto& span : hit["highlights"]) {
        const std::size_t b = span[0], e = span[1];
        ASSERT_LE(e, snippet.size());
        std::string word = snippet.substr(b, e - b);
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
        EXPECT_NE(word.find("cease"), std::string::npos) << word;
    }
    const RunResult timed = search_in(db(), {"--format", "json", "--timing", "ceasefire"});
    EXPECT_TRUE(nlohmann::json::parse(timed.out).contains("took_ms"));
}

TEST_F(CorpusTest, JsonlPrintsOneHitPerLineAndPagingWorks) {
    const auto all = search_json(db(), "*");
    const RunResult page = search_in(db(), {"--format", "jsonl", "-n", "5", "--offset", "5", "*"});
    ASSERT_EQ(page.status, 0) << describe(page);
    const auto lines = lines_of(page.out);
    ASSERT_EQ(lines.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        const auto h = nlohmann::json::parse(lines[i]);
        EXPECT_EQ(h["id"], all["hits"][5 + i]["id"]);
        EXPECT_EQ(h["rank"], 6 + i);
    }
}

TEST_F(CorpusTest, TextOutputListsRankTitleDateSourceIdAndSnippet) {
    const RunResult r = search_in(db(), {"-n", "2", "ceasefire"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const auto j = search_json(db(), "ceasefire");
    const auto& first = j["hits"][0];
    EXPECT_NE(r.out.find("1. " + first["title"].get<std::string>()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(first["id"].get<std::string>()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(showing 1-2)"), std::string::npos) << r.out;
}

TEST_F(CorpusTest, NoMatchExitsOne) {
    const RunResult r = search_in(db(), {"qwxzvbnq"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(r.out, "No articles match.\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(CorpusTest, MalformedQueriesExitTwoWithAPointer) {
    RunResult r = search_in(db(), {"\"cease fire"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: query error: unbalanced quote: this '\"' is never closed\n  \"cease fire\n  ^\n");
    r = search_in(db(), {"gaza persn:smith"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("unknown field \"persn:\" (did you mean person:?"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("\n  gaza persn:smith\n       ^\n"), std::string::npos) << describe(r);
    r = search_in(db(), {"gaza AND"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err,
              "newsdex-search: query error: \"AND\" needs a word on each side (to search for the word itself, "
              "write it in lower case)\n  gaza AND\n       ^\n");
    r = search_in(db(), {"ceasefire title:"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("\"title:\" needs a word or a \"phrase\" after it"), std::string::npos) << describe(r);
}

TEST_F(CorpusTest, CompoundInsideALongerPhraseMatchesEverySpelling) {
    const auto hyphen = hit_ids(search_json(db(), "\"cease-fire agreement\""));
    EXPECT_FALSE(hyphen.empty());
    EXPECT_EQ(hit_ids(search_json(db(), "\"ceasefire agreement\"")), hyphen);
}

TEST_F(CorpusTest, OnlyExclusionsMeanEverythingElse) {
    const auto all = search_json(db(), "*")["total"].get<int>();
    const auto with = search_json(db(), "ceasefire")["total"].get<int>();
    const RunResult r = search_in(db(), {"--format", "json", "-n", "1", "--", "-ceasefire"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(nlohmann::json::parse(r.out)["total"].get<int>(), all - with);
}

// Filters and the entity lists in hits agree: a filter on a name returns
// exactly the articles whose hits list that name.
TEST_F(CorpusTest, EntityFiltersAgreeWithHitFields) {
    const auto all = search_json(db(), "*");
    struct Check {
        const char* field;   // JSON list
        const char* filter;  // query field
    };
    for (const Check c : {Check{"locations", "location"}, Check{"persons", "person"}, Check{"countries", "country"}}) {
        std::map<std::string, std::set<std::string>> by_value;
        for (const auto& h : all["hits"])
            for (const auto& v : h[c.field]) by_value[v.get<std::string>()].insert(h["id"].get<std::string>());
        ASSERT_FALSE(by_value.empty()) << c.field;
        int checked = 0;
        for (const auto& [value, ids] : by_value) {
            if (++checked > 8) break;
            const std::string q = std::string(c.filter) + ":\"" + value + "\"";
            EXPECT_EQ(hit_ids(search_json(db(), q)), ids) << q;
        }
    }
}

TEST(CorpusIndexing, SameAnswersWhateverTheInputOrder) {
    ScratchDir dir;
    const fs::path corpus = source_dir() / "corpus";
    // Both orders give the same ids: each is relative to the root given.
    ASSERT_LE(index_into(dir / "ab", {(corpus / "text").string(), (corpus / "feeds").string()}).status, 0);
    ASSERT_LE(index_into(dir / "ba", {(corpus / "feeds").string(), (corpus / "text").string()}).status, 0);
    // The two runs differ only in when they ran (each hit's indexed_at).
    const std::regex run_time("\"indexed_at\":\"[^\"]*\"");
    for (const std::string q : {"*", "ceasefire", "bank rate", "\"central bank\"", "rotterdam OR lisbon"}) {
        const RunResult a = search_in(dir / "ab", {"--format", "json", "-n", "100", q});
        const RunResult b = search_in(dir / "ba", {"--format", "json", "-n", "100", q});
        EXPECT_NE(a.out.find("\"indexed_at\":\"2"), std::string::npos) << q;
        EXPECT_EQ(std::regex_replace(a.out, run_time, "\"indexed_at\":T"),
                  std::regex_replace(b.out, run_time, "\"indexed_at\":T"))
            << q;
    }
}

TEST(CorpusIndexing, ReindexingReplacesInsteadOfDuplicating) {
    ScratchDir dir;
    const std::string corpus = (source_dir() / "corpus").string();
    ASSERT_EQ(index_into(dir / "db", {corpus}).status, 0);
    const auto before = search_json(dir / "db", "*")["total"];
    const RunResult again = index_into(dir / "db", {corpus});
    ASSERT_EQ(again.status, 0) << describe(again);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], before);
}

TEST(CorpusIndexing, EditedArticleChangesItsHit) {
    ScratchDir dir;
    write_file(dir / "news" / "port.txt", "Port strike ends\n\nDockworkers in Valdora returned to work on Monday.\n");
    write_file(dir / "news" / "bank.txt", "Bank holds rate\n\nThe central bank kept its key rate unchanged.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "news").string()}).status, 0);
    EXPECT_EQ(hit_ids(search_json(dir / "db", "valdora")), std::set<std::string>{"port.txt"});
    write_file(dir / "news" / "port.txt",
               "Port strike resumes\n\nDockworkers in Marbella walked out again on Friday.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "news").string()}).status, 0);
    EXPECT_TRUE(hit_ids(search_json(dir / "db", "valdora")).empty());
    const auto j = search_json(dir / "db", "marbella");
    ASSERT_EQ(hit_ids(j), std::set<std::string>{"port.txt"});
    EXPECT_EQ(j["hits"][0]["title"], "Port strike resumes");
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 2);
}

}  // namespace
}  // namespace newsdex::e2e
