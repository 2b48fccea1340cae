// Unit tests for searcher/search_options.h: what the command line turns
// into, and which command lines are usage errors (exit 2), without a process.
#include "searcher/search_options.h"

#include <gtest/gtest.h>

#include "common/cli/cli.h"

namespace newsdex {
namespace {

// Parses argv (after the program name); nothing when parsing goes on to a search.
std::optional<int> parse(std::vector<std::string> args, SearchOptions& opt) {
    args.insert(args.begin(), "newsdex-search");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return parse_search_command_line(static_cast<int>(argv.size()), argv.data(), opt);
}

TEST(SearchOptionsTest, WordsBecomeOneQueryWithTheRequestedOrderAndPage) {
    SearchOptions opt;
    EXPECT_EQ(parse({"--sort", "newest", "-n", "5", "--offset", "10", "--any", "cease", "fire"}, opt), std::nullopt);
    EXPECT_EQ(opt.request.query, "cease fire");
    EXPECT_EQ(opt.request.sort, SortOrder::newest);
    EXPECT_EQ(opt.request.limit, 5u);
    EXPECT_EQ(opt.request.offset, 10u);
    EXPECT_EQ(opt.request.mode, MatchMode::any);
}

TEST(SearchOptionsTest, FacetSpecsAreReadIntoTheRequest) {
    SearchOptions opt;
    EXPECT_EQ(parse({"--facet", "person:3", "--facet", "date:year", "gaza"}, opt), std::nullopt);
    ASSERT_EQ(opt.request.facets.size(), 2u);
    EXPECT_EQ(opt.request.facets[0].field, "person");
    EXPECT_EQ(opt.request.facets[0].top, 3u);
    EXPECT_EQ(opt.request.facets[1].field, "date");
    EXPECT_EQ(opt.request.facets[1].granularity, DateGranularity::year);
}

TEST(SearchOptionsTest, BadCommandLinesAreUsageErrors) {
    const std::vector<std::vector<std::string>> bad = {
        {"-n", "-1", "gaza"},          {"--format", "xml", "gaza"},     {"--color", "sometimes", "gaza"},
        {"--sort", "loudest", "gaza"}, {"--half-life", "0", "gaza"},    {"--facet", "weather", "gaza"},
        {"--get", "a.txt", "gaza"},    {"--shell", "--format", "json"}, {"--no-such-option"},
    };
    for (const auto& args : bad) {
        SearchOptions opt;
        std::string line;
        for (const auto& a : args) line += a + " ";
        EXPECT_EQ(parse(args, opt), std::optional<int>(cli::kSearchUsage)) << line;
    }
}

// boost stores an empty value as given; the checks read "" as the option
// left out (--get '' listed every article).
TEST(SearchOptionsTest, AnEmptyValueIsAUsageErrorNotAnAbsentOption) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--get", ""}, "newsdex-search: error: --get needs an article id\n"},
        {{"--like", ""}, "newsdex-search: error: --like needs an article id\n"},
        {{"--db", "", "gaza"}, "newsdex-search: error: --db needs an index path\n"},
        {{"--batch", ""}, "newsdex-search: error: --batch needs a file (- for standard input)\n"},
        {{"--batch", "-", "--state", ""}, "newsdex-search: error: --state needs a file\n"},
        {{"--since", "", "gaza"}, "newsdex-search: error: --since needs a time\n"},
    };
    for (const auto& [args, err] : cases) {
        SearchOptions opt;
        testing::internal::CaptureStderr();
        EXPECT_EQ(parse(args, opt), std::optional<int>(cli::kSearchUsage)) << args[0];
        EXPECT_EQ(testing::internal::GetCapturedStderr(), err);
    }
}

TEST(SearchOptionsTest, FacetSampleOutsideItsRangeIsAUsageError) {
    for (const char* bad : {"-1", "2147483648", "-0.5", "many"}) {
        SearchOptions opt;
        testing::internal::CaptureStderr();
        EXPECT_EQ(parse({"--facet-sample", bad, "gaza"}, opt), std::optional<int>(cli::kSearchUsage)) << bad;
        testing::internal::GetCapturedStderr();
    }
    SearchOptions opt;
    EXPECT_EQ(parse({"--facet-sample", "2000", "gaza"}, opt), std::nullopt);
    EXPECT_EQ(opt.request.facet_sample, 2000u);
}

TEST(SearchOptionsTest, HelpStopsWithSuccess) {
    SearchOptions opt;
    testing::internal::CaptureStdout();
    EXPECT_EQ(parse({"--help"}, opt), std::optional<int>(0));
    const std::string help = testing::internal::GetCapturedStdout();
    EXPECT_NE(help.find("Usage: newsdex-search"), std::string::npos);
    EXPECT_NE(help.find("Exit status:"), std::string::npos);
}

}  // namespace
}  // namespace newsdex
