// Batch input lines -> query id and request (or the in-band error), and
// the state file's round trip and refusals.
#include "searcher/batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/base/time_spec.h"

namespace newsdex {
namespace {

SearchRequest defaults() {
    SearchRequest r;
    r.limit = 5;
    r.offset = 2;
    r.facets.push_back(std::get<FacetRequest>(parse_facet_spec("person")));
    return r;
}

std::string error_of(const std::string& line) {
    const auto q = parse_batch_line(line, 7, defaults());
    if (!q) return "(skipped)";
    const auto* why = std::get_if<std::string>(&q->request);
    return why ? *why : "(no error)";
}

TEST(BatchLine, BlankAndCommentLinesAreSkipped) {
    for (const char* line : {"", "   ", "\t\r", "# a comment", "   # indented comment"})
        EXPECT_FALSE(parse_batch_line(line, 1, defaults())) << line;
}

TEST(BatchLine, PlainLineIsTheQueryWithTheDefaultsAndTheLineNumberAsId) {
    const auto q = parse_batch_line("  gaza ceasefire \r", 12, defaults());
    ASSERT_TRUE(q);
    EXPECT_EQ(q->id, "12");
    const auto& r = std::get<SearchRequest>(q->request);
    EXPECT_EQ(r.query, "gaza ceasefire");
    EXPECT_EQ(r.limit, 5u);
    EXPECT_EQ(r.offset, 2u);
    ASSERT_EQ(r.facets.size(), 1u);
    EXPECT_EQ(r.facets[0].field, "person");
}

TEST(BatchLine, JsonFieldsOverrideTheDefaults) {
    const auto q = parse_batch_line(
        R"({"id": "cairo-talks", "query": "talks", "limit": 3, "offset": 0, "facets": ["country:2", "date:month"], "sort": "newest", "any": true})",
        4, defaults());
    ASSERT_TRUE(q);
    EXPECT_EQ(q->id, "cairo-talks");
    const auto& r = std::get<SearchRequest>(q->request);
    EXPECT_EQ(r.query, "talks");
    EXPECT_EQ(r.limit, 3u);
    EXPECT_EQ(r.offset, 0u);
    EXPECT_EQ(r.sort, SortOrder::newest);
    EXPECT_EQ(r.mode, MatchMode::any);
    ASSERT_EQ(r.facets.size(), 2u);  // replaces the command line's list
    EXPECT_EQ(r.facets[0].field, "country");
    EXPECT_EQ(r.facets[1].field, "date");
    const auto numbered = parse_batch_line(R"({"id": 42, "query": ""})", 4, defaults());
    ASSERT_TRUE(numbered);
    EXPECT_EQ(numbered->id, "42");
    EXPECT_EQ(std::get<SearchRequest>(numbered->request).limit, 5u);
}

TEST(BatchLine, BadLinesAreInBandErrors) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"query": "x", "colour": "red"})",
         "unknown key \"colour\": use id, query, limit, offset, facets, sort or any"},
        {R"({"id": "a"})", "no \"query\""},
        {R"({"query": 3})", "\"query\" must be a string"},
        {R"({"query": "x", "limit": -1})", "\"limit\" must be an integer between 0 and 2147483647"},
        {R"({"query": "x", "offset": 1.5})", "\"offset\" must be an integer between 0 and 2147483647"},
        {R"({"query": "x", "any": "yes"})", "\"any\" must be true or false"},
        {R"({"query": "x", "sort": "best"})", "\"sort\" must be one of relevance, newest, oldest or recent"},
        {R"({"query": "x", "facets": "person"})", "\"facets\" must be an array of facet specs such as \"person:5\""},
        {R"({"query": "x", "facets": ["colour"]})",
         "facet colour: unknown facet \"colour\": use FIELD[:N] with FIELD one of person, location, country, org, source, author, section, keyword, or date[:year|month|week|day][:N]"},
        {R"({"query": "x", "id": [1]})", "\"id\" must be a string or an integer"},
        {R"({"query": "x", "id": ""})", "\"id\" must not be empty"},
        {R"({"query": "x")",
         "malformed JSON: parse error at line 1, column 14: syntax error while parsing object - unexpected end of input; expected '}'"},
    };
    for (const auto& [line, why] : cases) EXPECT_EQ(error_of(line), why) << line;
    const auto q = parse_batch_line(R"({"id": "kept", "query": "x", "bogus": 1})", 9, defaults());
    ASSERT_TRUE(q);
    EXPECT_EQ(q->id, "kept");  // the id given, even on an error line
    const auto empty = parse_batch_line(R"({"id": "", "query": "x"})", 9, defaults());
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->id, "9");  // an empty id names nothing: the line number does
}

TEST(BatchLine, ReadingKeepsAtMostTheLimitOfALongLine) {
    const std::string huge(3 * kMaxBatchLineBytes, 'x');
    std::istringstream in("gaza\n" + huge + "\n\n" + std::string("nul\0inside\n", 11) + "last without newline");
    std::string line;
    EXPECT_EQ(read_batch_line(in, line), 4u);
    EXPECT_EQ(line, "gaza");
    EXPECT_EQ(read_batch_line(in, line), huge.size());  // its whole length, for the error line
    EXPECT_EQ(line.size(), kMaxBatchLineBytes);         // but only the limit kept
    EXPECT_EQ(read_batch_line(in, line), 0u);
    EXPECT_EQ(line, "");
    EXPECT_EQ(read_batch_line(in, line), 10u);
    EXPECT_EQ(line, std::string("nul\0inside", 10));
    EXPECT_EQ(read_batch_line(in, line), 20u);
    EXPECT_EQ(line, "last without newline");
    EXPECT_EQ(read_batch_line(in, line), std::nullopt);
}

TEST(BatchLine, AReadErrorIsAnErrorNotTheEndOfTheInput) {
    std::ifstream folder(std::filesystem::temp_directory_path(), std::ios::binary);  // opens; reading fails
    ASSERT_TRUE(folder.is_open());
    std::string line;
    try {
        read_batch_line(folder, line);
        ADD_FAILURE() << "a folder read as a batch";
    } catch (const BatchInputError& e) {
        EXPECT_STREQ(e.what(), "Is a directory");
    }
}

TEST(BatchState, RoundTripsThroughTheFile) {
    const auto dir = std::filesystem::temp_directory_path() / ("newsdex-batch-state-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "state.json").string();
    auto missing = load_batch_state(path);
    ASSERT_TRUE(std::holds_alternative<BatchState>(missing));
    EXPECT_TRUE(std::get<BatchState>(missing).empty());

    BatchState state;
    state["gaza"] = {parse_iso_time("2026-12-01T08:30:00.123456Z"), *parse_iso_time("2026-12-02T06:00:00Z")};
    state["empty index"] = {std::nullopt, *parse_iso_time("2026-12-02T06:00:01Z")};
    EXPECT_EQ(
        encode_batch_state(state),
        "{\n  \"format\": \"newsdex-batch-state\",\n  \"version\": 1,\n  \"queries\": {\n"
        "    \"empty index\": {\n      \"indexed_through\": null,\n      \"ran_at\": \"2026-12-02T06:00:01.000000Z\"\n    },\n"
        "    \"gaza\": {\n      \"indexed_through\": \"2026-12-01T08:30:00.123456Z\",\n      \"ran_at\": \"2026-12-02T06:00:00.000000Z\"\n    }\n"
        "  }\n}\n");
    ASSERT_FALSE(save_batch_state(path, state));
    auto loaded = load_batch_state(path);
    ASSERT_TRUE(std::holds_alternative<BatchState>(loaded)) << std::get<std::string>(loaded);
    const auto& back = std::get<BatchState>(loaded);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back.at("gaza").indexed_through, state["gaza"].indexed_through);
    EXPECT_EQ(back.at("gaza").ran_at, state["gaza"].ran_at);
    EXPECT_FALSE(back.at("empty index").indexed_through);
    // No temporary file is left beside it.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1u);

    for (const char* corrupt :
         {"", "{", "[]", R"({"format": "other", "version": 1, "queries": {}})",
          R"({"format": "newsdex-batch-state", "version": 2, "queries": {}})",
          R"({"format": "newsdex-batch-state", "version": 1, "queries": {"a": {"ran_at": "soon"}}})"}) {
        std::ofstream(path, std::ios::trunc) << corrupt;
        EXPECT_TRUE(std::holds_alternative<std::string>(load_batch_state(path))) << corrupt;
    }
    std::filesystem::remove_all(dir);
}

// Two runs with one state file overlap: the one that ends last records its
// queries over what the file holds then, and the other's survive (each
// wrote back the state it read at its start, so one run's were lost).
TEST(BatchState, ARunRecordsItsQueriesOverWhatTheFileHoldsNow) {
    const auto dir = std::filesystem::temp_directory_path() / ("newsdex-batch-merge-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "state.json").string();
    BatchState b;  // the quicker run, saved meanwhile
    b["B"] = {parse_iso_time("2026-12-01T08:00:00Z"), *parse_iso_time("2026-12-02T06:00:00Z")};
    ASSERT_FALSE(record_answered(path, b));
    BatchState a;
    a["A"] = {parse_iso_time("2026-12-01T09:00:00Z"), *parse_iso_time("2026-12-02T06:00:05Z")};
    ASSERT_FALSE(record_answered(path, a));
    const BatchState both = std::get<BatchState>(load_batch_state(path));
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both.at("B").indexed_through, b["B"].indexed_through);
    EXPECT_EQ(both.at("A").indexed_through, a["A"].indexed_through);
    // A query answered again replaces its entry.
    a["A"].indexed_through = parse_iso_time("2026-12-03T00:00:00Z");
    ASSERT_FALSE(record_answered(path, a));
    EXPECT_EQ(std::get<BatchState>(load_batch_state(path)).at("A").indexed_through, a["A"].indexed_through);
    std::filesystem::remove_all(dir);
}

TEST(BatchState, AFolderIsNoStateFile) {
    const auto loaded = load_batch_state(std::filesystem::temp_directory_path().string());
    ASSERT_TRUE(std::holds_alternative<std::string>(loaded));
    EXPECT_EQ(std::get<std::string>(loaded), "cannot read the state file: Is a directory");
}

}  // namespace
}  // namespace newsdex
