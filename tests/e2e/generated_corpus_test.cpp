// Facet counts against ground truth: 10,000 articles from the corpus
// generator (tests/generator/generate_corpus.cpp), indexed by the real newsdex-index;
// every facet value's count from newsdex-search must equal the count the
// test computes itself from the generator's truth.jsonl, for the whole
// corpus and for a filtered query, and every drill-down must return exactly
// its count.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/base/text_folding.h"
#include "common/index/schema.h"
#include "helpers.h"
#include "indexed_corpus.h"

#ifndef NEWSDEX_GENERATE_BIN
#error "NEWSDEX_GENERATE_BIN must be defined by the build"
#endif

namespace newsdex::e2e {
namespace {

using nlohmann::json;
using Counts = std::map<std::string, long>;  // folded value -> articles

constexpr int kArticles = 10000;

// The generator's corpus: articles/ to index, truth.jsonl beside it.
struct GeneratedNews {
    static constexpr const char* kDatabase = "db";
    static std::string prepare(const std::filesystem::path& dir, std::vector<std::string>& args) {
        const RunResult gen = run({NEWSDEX_GENERATE_BIN, "--out", (dir / "corpus").string(), "--seed", "20261122",
                                   "--articles", std::to_string(kArticles)},
                                  {});
        if (gen.status != 0) return describe(gen);
        args = {(dir / "corpus" / "articles").string(), "--no-progress"};
        return "";
    }
};

// One generated, indexed corpus for all tests of this file.
class GeneratedCorpus : public IndexedCorpusTest<GeneratedNews> {
protected:
    static void SetUpTestSuite() {
        IndexedCorpusTest::SetUpTestSuite();
        truth_ = new std::vector<json>;
        if (!std::filesystem::exists(dir() / "corpus" / "truth.jsonl"))
            return;  // not generated: SetUp() fails saying why
        std::istringstream in(read_file(dir() / "corpus" / "truth.jsonl"));
        for (std::string line; std::getline(in, line);) truth_->push_back(json::parse(line));
    }
    static void TearDownTestSuite() {
        delete truth_;
        truth_ = nullptr;
        IndexedCorpusTest::TearDownTestSuite();
    }

    static json facets(const std::string& query, const std::vector<std::string>& specs) {
        std::vector<std::string> args{"--format", "json", "-n", "0"};
        for (const auto& s : specs) args.insert(args.end(), {"--facet", s});
        args.push_back(query);
        const RunResult r = search_in(db(), args);
        EXPECT_EQ(r.status, 0) << describe(r);
        return json::parse(r.out);
    }

    // What newsdex reports for one facet, keyed like the truth counts.
    static Counts reported(const json& result, const std::string& key, bool fold = true) {
        Counts c;
        for (const auto& v : result["facets"][key])
            c[fold ? entity_key(v["value"].get<std::string>()) : v["value"].get<std::string>()] +=
                v["count"].get<long>();
        return c;
    }

    static std::vector<json>* truth_;

    // One test runs them all: ctest runs each test in its own process, and
    // generating and indexing 10,000 articles once is enough.
    void every_facet_count_equals_the_truth();
    void facets_of_a_filtered_query_equal_the_truth();
    void date_histogram_of_everything();
    void drill_downs_return_exactly_their_counts();
    void collapse_gives_one_hit_per_story();
};

std::vector<json>* GeneratedCorpus::truth_ = nullptr;

// The truth's values of one field of one article (countries in capitals).
std::vector<std::string> values_of(const json& article, const std::string& field) {
    static const std::map<std::string, std::string> kTruthField = {
        {"person", "persons"}, {"location", "locations"}, {"country", "countries"}, {"org", "organizations"},
        {"author", "authors"}, {"source", "source"},      {"section", "section"}};
    const json& v = article[kTruthField.at(field)];
    if (v.is_string()) return {v.get<std::string>()};
    return v.get<std::vector<std::string>>();
}

template <typename Keep>
Counts truth_counts(const std::vector<json>& truth, const std::string& field, Keep keep) {
    Counts c;
    for (const auto& a : truth)
        if (keep(a))
            for (const auto& v : values_of(a, field)) ++c[entity_key(v)];
    return c;
}

std::string month_of(const json& a) {
    if (a["date"].is_null() || a["date_precision"] == "year") return "";
    return a["date"].get<std::string>().substr(0, 7);
}

const std::vector<std::string> kFields = {"person", "location", "country", "org", "source", "author", "section"};

void GeneratedCorpus::every_facet_count_equals_the_truth() {
    std::vector<std::string> specs;
    for (const auto& f : kFields) specs.push_back(f + ":0");
    const json r = facets("*", specs);
    EXPECT_EQ(r["total"], kArticles);
    EXPECT_TRUE(r["facets_exact"].get<bool>());
    for (const auto& f : kFields) {
        SCOPED_TRACE(f);
        const Counts truth = truth_counts(*truth_, f, [](const json&) { return true; });
        EXPECT_GT(truth.size(), 3u);  // a facet worth the name
        EXPECT_EQ(reported(r, f), truth);
    }
}

void GeneratedCorpus::facets_of_a_filtered_query_equal_the_truth() {
    // Articles of one section dated within 2023 (day, month or year precision).
    const auto keep = [](const json& a) {
        return a["section"] == "world" && !a["date"].is_null() && a["date"].get<std::string>().starts_with("2023");
    };
    long expected_total = 0;
    for (const auto& a : *truth_) expected_total += keep(a) ? 1 : 0;
    const json r = facets("section:world date:2023", {"person:0", "country:0", "date:month:0"});
    EXPECT_EQ(r["total"], expected_total);
    EXPECT_EQ(reported(r, "person"), truth_counts(*truth_, "person", keep));
    EXPECT_EQ(reported(r, "country"), truth_counts(*truth_, "country", keep));
    // Months of 2023 in order, every month present; year-only dates imprecise.
    Counts months;
    long imprecise = 0;
    for (const auto& a : *truth_)
        if (keep(a)) {
            if (const std::string m = month_of(a); m.empty()) ++imprecise;
            else ++months[m];
        }
    Counts want = months;
    want["imprecise"] = imprecise;
    want["unknown"] = 0;
    EXPECT_EQ(reported(r, "date:month", false), want);
    ASSERT_EQ(r["facets"]["date:month"].size(), 12u + 2u);
    EXPECT_EQ(r["facets"]["date:month"][0]["value"], "2023-01");
    EXPECT_EQ(r["facets"]["date:month"][11]["value"], "2023-12");
}

void GeneratedCorpus::date_histogram_of_everything() {
    const json r = facets("*", {"date:year:0"});
    Counts want;
    for (const auto& a : *truth_) {
        if (a["date"].is_null()) ++want["unknown"];
        else ++want[a["date"].get<std::string>().substr(0, 4)];
    }
    want["imprecise"] += 0;
    EXPECT_EQ(reported(r, "date:year", false), want);
}

void GeneratedCorpus::drill_downs_return_exactly_their_counts() {
    const json r = facets("*", {"person:5", "location:5", "org:5", "author:3", "source:3", "country:3"});
    for (const auto& f : {"person", "location", "org", "author", "source", "country"}) {
        ASSERT_FALSE(r["facets"][f].empty()) << f;
        for (const auto& v : r["facets"][f]) {
            const std::string value = v["value"];
            const std::string filter = std::string(f) + ":" +
                                       (std::string(f) == "country" ? value : "=\"" + value + "\"");
            SCOPED_TRACE(filter);
            EXPECT_EQ(search_json(db(), filter, 0)["total"], v["count"]);
        }
    }
}

// The generator copies about one story in twenty under another outlet, with
// a sentence added; --collapse must fold exactly those copies.
void GeneratedCorpus::collapse_gives_one_hit_per_story() {
    std::map<std::string, std::string> story;  // id -> the id of the original
    for (const auto& a : *truth_)
        story[a["id"]] = a["duplicate_of"].is_null() ? a["id"].get<std::string>()
                                                     : a["duplicate_of"].get<std::string>();
    std::set<std::string> stories;
    for (const auto& [id, original] : story) stories.insert(original);
    ASSERT_LT(stories.size(), story.size());  // the corpus has near duplicates
    const RunResult r = search_in(db(), {"--format", "json", "--collapse", "-n", std::to_string(kArticles), "*"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const json j = json::parse(r.out);
    std::set<std::string> seen;
    long folded = 0;
    for (const auto& h : j["hits"]) {
        EXPECT_TRUE(seen.insert(story.at(h["id"])).second) << "two hits of one story: " << h["id"];
        folded += h.value("collapsed", 0L);
    }
    EXPECT_EQ(seen.size(), stories.size());
    EXPECT_EQ(static_cast<long>(seen.size()) + folded, kArticles);
}

TEST_F(GeneratedCorpus, FacetsMatchTheGroundTruth) {
    {
        SCOPED_TRACE("every facet over the whole corpus");
        every_facet_count_equals_the_truth();
    }
    {
        SCOPED_TRACE("a filtered query");
        facets_of_a_filtered_query_equal_the_truth();
    }
    {
        SCOPED_TRACE("the date histogram");
        date_histogram_of_everything();
    }
    {
        SCOPED_TRACE("drill-downs");
        drill_downs_return_exactly_their_counts();
    }
    {
        SCOPED_TRACE("collapse");
        collapse_gives_one_hit_per_story();
    }
}

}  // namespace
}  // namespace newsdex::e2e

namespace newsdex::e2e {
namespace {

// --realistic: the statistics measured on ../shared/bbc-news (the
// generator's header): vocabulary growth (Heaps' law V = 13.4 n^0.569),
// body lengths (median 325 words), persons per article (4.7), within the
// tolerance of 1,500 articles; and the same bytes from the same seed.
TEST(RealisticCorpus, FollowsTheStatisticsOfRealNews) {
    ScratchDir dir;
    for (const char* out : {"a", "b"}) {
        const RunResult gen = run(
            {NEWSDEX_GENERATE_BIN, "--out", (dir / out).string(), "--seed", "7", "--articles", "1500", "--realistic"},
            {});
        ASSERT_EQ(gen.status, 0) << describe(gen);
    }
    const std::string jsonl = read_file(dir / "a" / "articles" / "articles-000.jsonl");
    EXPECT_EQ(jsonl, read_file(dir / "b" / "articles" / "articles-000.jsonl")) << "the same seed, other bytes";
    std::set<std::string> vocabulary;
    std::vector<std::size_t> lengths;
    std::size_t words = 0, persons = 0;
    for (const auto& line : lines_of(jsonl)) {
        const json a = json::parse(line);
        std::size_t length = 0;
        std::string word;
        for (const char c : a["body"].get<std::string>() + " ") {
            if (std::isalpha(static_cast<unsigned char>(c)) || (c == '\'' && !word.empty())) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!word.empty()) {
                vocabulary.insert(word), ++length, word.clear();
            }
        }
        lengths.push_back(length);
        words += length;
        persons += a["persons"].size();
    }
    ASSERT_EQ(lengths.size(), 1500u);
    const double heaps = 13.4 * std::pow(static_cast<double>(words), 0.569);
    EXPECT_NEAR(static_cast<double>(vocabulary.size()), heaps, 0.15 * heaps) << words << " words";
    std::sort(lengths.begin(), lengths.end());
    EXPECT_NEAR(static_cast<double>(lengths[lengths.size() / 2]), 325, 50);
    EXPECT_NEAR(static_cast<double>(persons) / 1500, 4.7, 0.6);
}

}  // namespace
}  // namespace newsdex::e2e
