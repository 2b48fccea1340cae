// Issue 12, "Facets a reporter can trust": wire copy. The corpus generator's
// --style wire writes hard-wrapped stories (one width of 60 to 75 columns a
// story, a headline in capitals, a dateline, persons introduced by role
// phrases such as "Chancellor of the Exchequer", their names broken across
// line ends) with the truth of who and where each names. The real
// newsdex-index indexes them; the tests check that no name is lost at a line
// break, that a headline in capitals adds no person, place or organisation
// the body does not name, and that the person facet's head holds names only.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/base/text_folding.h"
#include "helpers.h"
#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

constexpr int kStories = 300;
using nlohmann::json;

struct WireCopy {
    static constexpr const char* kDatabase = "db";
    static std::string prepare(const std::filesystem::path& dir, std::vector<std::string>& args) {
        const RunResult gen = run({generate_bin(), "--style", "wire", "--out", (dir / "corpus").string(), "--seed",
                                   "20261204", "--articles", std::to_string(kStories)},
                                  {});
        if (gen.status != 0) return describe(gen);
        args = {(dir / "corpus" / "wire").string(), "--no-progress"};
        return "";
    }
};

class WireCopyTest : public IndexedCorpusTest<WireCopy> {
protected:
    void SetUp() override {
        IndexedCorpusTest::SetUp();
        if (HasFatalFailure() || IsSkipped()) return;
        std::istringstream in(read_file(dir() / "corpus" / "truth.jsonl"));
        for (std::string line; std::getline(in, line);) truth_.push_back(json::parse(line));
        ASSERT_EQ(truth_.size(), static_cast<std::size_t>(kStories));
        const json all = search_json(db(), "*", kStories + 10);
        for (const auto& h : all["hits"]) hits_[short_id(h["id"].get<std::string>())] = h;
        ASSERT_EQ(hits_.size(), truth_.size());
    }

    // The hit of a story of the truth.
    const json& hit(const json& story) {
        const auto it = hits_.find(story["file"].get<std::string>());
        EXPECT_NE(it, hits_.end()) << story["file"] << " is not indexed";
        return it == hits_.end() ? empty_ : it->second;
    }

    static std::multiset<std::string> keys(const json& names) {
        std::multiset<std::string> out;
        if (names.is_array())
            for (const auto& n : names) out.insert(entity_key(n.get<std::string>()));
        return out;
    }

    std::vector<json> truth_;
    std::map<std::string, json> hits_;
    const json empty_ = json::object();
};

// The corpus exercises what the other tests check: every story is wrapped at
// its width under a headline in capitals, and most break a planted name
// between given name and surname ("... Exchequer Anna" / "Halvorsen said").
TEST_F(WireCopyTest, GeneratorBreaksNamesAcrossLineEnds) {
    std::size_t broken = 0;
    for (const auto& story : truth_) {
        const std::string text = read_file(dir() / "corpus" / story["file"].get<std::string>());
        const auto lines = lines_of(text);
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(lines[0], story["title"].get<std::string>());
        EXPECT_EQ(lines[0].find_first_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos) << lines[0];
        for (std::size_t k = 1; k < lines.size(); ++k) EXPECT_LE(lines[k].size(), story["width"].get<std::size_t>());
        for (const auto& name : story["broken"]) {
            const std::string n = name.get<std::string>();
            std::string at_line_end = n;
            at_line_end[n.find(' ')] = '\n';
            EXPECT_NE(text.find(at_line_end), std::string::npos) << story["file"] << ": " << n;
            ++broken;
        }
    }
    EXPECT_GE(broken, static_cast<std::size_t>(kStories) / 2);
}

// Every planted person is found by the full name, and nobody else; every
// place named is found, and no other.
TEST_F(WireCopyTest, NoNameIsLostAtALineBreak) {
    for (const auto& story : truth_) {
        const json& h = hit(story);
        SCOPED_TRACE(story["file"].get<std::string>());
        EXPECT_EQ(keys(h["persons"]), keys(story["persons"])) << h["persons"];
        EXPECT_EQ(keys(h["locations"]), keys(story["locations"])) << h["locations"];
    }
}

// The headline stays title text, searchable, but the city and the
// organisation only it names are no location or organisation, and no word
// in capitals is an entity.
TEST_F(WireCopyTest, HeadlineInCapitalsNamesNothingOnItsOwn) {
    std::size_t searched = 0;
    for (const auto& story : truth_) {
        const json& h = hit(story);
        SCOPED_TRACE(story["file"].get<std::string>());
        EXPECT_EQ(h["title"], story["title"]);
        for (const char* field : {"persons", "locations", "organizations"}) {
            const auto found = keys(h[field]);
            for (const auto& only : story["headline_only"])
                EXPECT_EQ(found.count(entity_key(only.get<std::string>())), 0u) << field << ": " << only;
            for (const auto& value : h[field]) {
                const std::string v = value.get<std::string>();
                EXPECT_NE(v.find_first_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos) << field << ": " << v;
            }
        }
        // A handful of searches: the headline's city finds its story.
        if (searched < 5) {
            ++searched;
            const std::string city = story["headline_only"][0].get<std::string>();
            EXPECT_EQ(hit_ids(search_json(db(), "title:" + city, kStories)).count(story["file"].get<std::string>()), 1u)
                << city;
        }
    }
}

// What a reporter sees first: the most frequent persons are planted full
// names, never a function word from a headline or a sentence start.
TEST_F(WireCopyTest, PersonFacetHeadHoldsNamesOnly) {
    std::set<std::string> planted;
    for (const auto& story : truth_)
        for (const auto& p : story["persons"]) planted.insert(entity_key(p.get<std::string>()));
    const RunResult r = search_in(db(), {"--format", "json", "-n", "0", "--facet", "person:30", "*"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const json facet = json::parse(r.out)["facets"]["person"];
    ASSERT_EQ(facet.size(), 30u);
    for (std::size_t k = 0; k < facet.size(); ++k) {
        const std::string v = facet[k]["value"].get<std::string>();
        EXPECT_EQ(planted.count(entity_key(v)), 1u) << v;
        for (const auto& w : {"to", "to be", "in", "of", "on", "by", "up to", "the", "exchequer"})
            EXPECT_NE(entity_key(v), w);
        EXPECT_NE(v.find(' '), std::string::npos) << v << " is no full name";
    }
}

}  // namespace
}  // namespace newsdex::e2e
