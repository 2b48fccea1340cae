// --batch, --jobs, --format tsv/trec, --since and --state end to end.
//
// The bundled corpus answers the batch-equals-one-shot and jobs checks; the
// queries for the jobs check are built here from the corpus's own words.
// Small synthetic harbour articles written here, indexed in separate runs,
// answer the first-indexed-time checks: --since between two runs, and a
// saved search that shows exactly what a later run added.
#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "helpers.h"
#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class BatchTest : public IndexedCorpusTest<BundledCorpus> {
protected:
    static fs::path file(const std::string& name, const std::string& text) {
        const fs::path p = dir() / name;
        write_file(p, text);
        return p;
    }
};

// A parsed batch line with its "type" and "id" checked and removed: what
// is left must be exactly the --format json object.
json without_head(const std::string& line, const std::string& id) {
    json j = json::parse(line);
    EXPECT_EQ(j["type"], "result") << line;
    EXPECT_EQ(j["id"], id) << line;
    j.erase("type");
    j.erase("id");
    return j;
}

TEST_F(BatchTest, ResultsEqualOneShotJsonQueryByQuery) {
    const std::vector<std::string> queries = {
        "ceasefire",       "gaza",         "\"cease fire\"",     "cease-fire talks", "person:blinken", "*",
        "hostages OR aid", "date:2024-06", "nosuchwordanywhere", "title:ceasefire",  "negotiat*"};
    std::string input = "# queries for the one-shot comparison\n\n";
    for (const auto& q : queries) input += q + "\n";
    const fs::path batch = file("oneshot.txt", input);
    const std::vector<std::string> options = {"-n", "4", "--facet", "person:3", "--facet", "date:year"};
    std::vector<std::string> args{"--batch", batch.string()};
    args.insert(args.end(), options.begin(), options.end());
    const RunResult r = search_in(db(), args);
    ASSERT_EQ(r.status, 0) << describe(r);
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), queries.size()) << describe(r);
    for (std::size_t k = 0; k < queries.size(); ++k) {
        std::vector<std::string> one{"--format", "json"};
        one.insert(one.end(), options.begin(), options.end());
        one.insert(one.end(), {"--", queries[k]});
        const RunResult single = search_in(db(), one);
        ASSERT_TRUE(single.status == 0 || single.status == 1) << describe(single);
        // Ids are line numbers: two header lines come first.
        EXPECT_EQ(without_head(lines[k], std::to_string(k + 3)), json::parse(single.out)) << queries[k];
    }
    EXPECT_TRUE(json::parse(lines[0])["hits"].size() > 0);
    EXPECT_EQ(json::parse(lines[8])["total"], 0);
    EXPECT_EQ(r.err.find("\"type\""), std::string::npos);
    EXPECT_NE(r.err.find("newsdex-search: 11 queries, 0 errors in "), std::string::npos) << r.err;
}

TEST_F(BatchTest, JsonLineFieldsMatchTheOneShotOptions) {
    const fs::path batch =
        file("fields.jsonl",
             "{\"id\": \"talks\", \"query\": \"talks\", \"limit\": 2, \"offset\": 1, \"sort\": \"newest\", "
             "\"facets\": [\"country:2\"], \"any\": true}\n");
    const RunResult r = search_in(db(), {"--batch", batch.string(), "--facet", "person"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const RunResult single = search_in(db(), {"--format", "json", "-n", "2", "--offset", "1", "--sort", "newest",
                                              "--facet", "country:2", "--any", "talks"});
    ASSERT_EQ(single.status, 0) << describe(single);
    ASSERT_EQ(lines_of(r.out).size(), 1u);
    EXPECT_EQ(without_head(lines_of(r.out)[0], "talks"), json::parse(single.out));
}

// Distinct lower-case words of 4+ letters from the corpus files, sorted.
std::vector<std::string> corpus_words() {
    std::set<std::string> words;
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / "corpus")) {
        if (!e.is_regular_file()) continue;
        const std::string text = read_file(e.path());
        std::string w;
        for (char c : text + " ") {
            if (c >= 'a' && c <= 'z') w += c;
            else {
                if (w.size() >= 4) words.insert(w);
                w.clear();
            }
        }
    }
    return {words.begin(), words.end()};
}

TEST_F(BatchTest, TwoJobsPrintExactlyWhatOneJobPrints) {
    const auto words = corpus_words();
    ASSERT_GT(words.size(), 200u);
    std::string input;
    std::size_t n = 0;
    for (std::size_t k = 0; k < 300; ++k, ++n) {
        const std::string& a = words[(k * 7) % words.size()];
        const std::string& b = words[(k * 13 + 5) % words.size()];
        switch (k % 6) {
            case 0: input += a + "\n"; break;
            case 1: input += a + " " + b + "\n"; break;
            case 2: input += a + " OR " + b + "\n"; break;
            case 3: input += "{\"query\": \"" + a + "\", \"facets\": [\"person:3\", \"date:month\"]}\n"; break;
            case 4:
                input += "{\"id\": \"q" + std::to_string(k) + "\", \"query\": \"" + a +
                         "\", \"sort\": \"newest\", \"any\": true}\n";
                break;
            case 5: input += "\"" + a + "\n"; break;  // unbalanced quote: an error line, in order too
        }
    }
    const fs::path batch = file("many.txt", input);
    const RunResult one = search_in(db(), {"--batch", batch.string(), "--jobs", "1", "-n", "3", "--collapse"});
    const RunResult two = search_in(db(), {"--batch", batch.string(), "--jobs", "2", "-n", "3", "--collapse"});
    const RunResult four = search_in(db(), {"--batch", batch.string(), "--jobs", "4", "-n", "3", "--collapse"});
    EXPECT_EQ(one.status, 1) << describe(one);  // the error lines
    EXPECT_EQ(two.status, 1) << describe(two);
    const auto lines = lines_of(one.out);
    ASSERT_EQ(lines.size(), n);
    EXPECT_TRUE(one.out == two.out) << "--jobs 2 output differs from --jobs 1";
    EXPECT_TRUE(one.out == four.out) << "--jobs 4 output differs from --jobs 1";
    std::size_t results = 0, errors = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const json j = json::parse(lines[k]);
        EXPECT_EQ(j["id"], k % 6 == 4 ? "q" + std::to_string(k) : std::to_string(k + 1)) << lines[k];
        (j["type"] == "result" ? results : errors)++;
        EXPECT_EQ(j["type"], k % 6 == 5 ? "error" : "result") << lines[k];
    }
    EXPECT_EQ(errors, 50u);
    EXPECT_NE(one.err.find("300 queries, 50 errors"), std::string::npos) << one.err;
}

TEST_F(BatchTest, MalformedLinesAreInBandErrorsAndTheRestRun) {
    const fs::path batch = file("bad.txt",
                                "ceasefire\n"
                                "{\"query\": \"gaza\", \"limit\": \n"
                                "{\"query\": \"gaza\", \"colour\": \"red\"}\n"
                                "{\"id\": \"f\", \"query\": \"gaza\", \"facets\": [\"colour\"]}\n"
                                "(gaza\n"
                                "{\"id\": \"ok\", \"query\": \"gaza\"}\n"
                                "{\"id\": \"ok\", \"query\": \"aid\"}\n");
    const RunResult r = search_in(db(), {"--batch", batch.string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 7u) << describe(r);
    const std::vector<std::pair<std::string, std::string>> want = {
        {"1", ""},
        {"2",
         "malformed JSON: parse error at line 1, column 27: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
        {"3", "unknown key \"colour\": use id, query, limit, offset, facets, sort or any"},
        {"f",
         "facet colour: unknown facet \"colour\": use FIELD[:N] with FIELD one of person, location, country, org, source, author, section, keyword, or date[:year|month|week|day][:N]"},
        {"5", "query error: unbalanced parenthesis: this '(' is never closed (at byte 0)"},
        {"ok", ""},
        {"ok", "id \"ok\" is also the id of line 6 (ids must be unique)"},
    };
    for (std::size_t k = 0; k < want.size(); ++k) {
        const json j = json::parse(lines[k]);
        EXPECT_EQ(j["id"], want[k].first) << lines[k];
        if (want[k].second.empty()) {
            EXPECT_EQ(j["type"], "result") << lines[k];
            EXPECT_FALSE(j["hits"].empty()) << lines[k];
        } else {
            EXPECT_EQ(j, json({{"type", "error"}, {"id", want[k].first}, {"error", want[k].second}})) << lines[k];
        }
    }
    EXPECT_NE(r.err.find("7 queries, 5 errors"), std::string::npos) << r.err;
}

TEST_F(BatchTest, TsvAndTrecHaveOneLinePerHit) {
    const fs::path batch = file("shapes.txt",
                                "ceasefire\n{\"id\": \"aid talks\", \"query\": \"aid\"}\nnosuchwordanywhere\n(bad\n");
    const RunResult j = search_in(db(), {"--batch", batch.string(), "-n", "3"});
    const RunResult tsv = search_in(db(), {"--batch", batch.string(), "-n", "3", "--format", "tsv"});
    const RunResult trec = search_in(db(), {"--batch", batch.string(), "-n", "3", "--format", "trec", "-q"});
    EXPECT_EQ(tsv.status, 1) << describe(tsv);
    EXPECT_EQ(trec.status, 1) << describe(trec);
    // Expected lines from the JSON answers.
    std::vector<std::string> want_tsv, want_trec;
    for (const auto& line : lines_of(j.out)) {
        const json a = json::parse(line);
        if (a["type"] != "result") continue;
        std::string id = a["id"];
        for (const auto& h : a["hits"]) {
            char score[64];
            std::snprintf(score, sizeof score, "%.6f", h["score"].get<double>());
            const std::string doc = h["id"];
            want_tsv.push_back(id + "\t" + std::to_string(h["rank"].get<int>()) + "\t" + doc + "\t" + score);
            std::string trec_id = id;
            std::replace(trec_id.begin(), trec_id.end(), ' ', '_');
            want_trec.push_back(trec_id + " Q0 " + doc + " " + std::to_string(h["rank"].get<int>()) + " " + score +
                                " newsdex");
        }
    }
    EXPECT_EQ(want_tsv.size(), 6u);
    EXPECT_EQ(lines_of(tsv.out), want_tsv) << describe(tsv);
    EXPECT_EQ(lines_of(trec.out), want_trec) << describe(trec);
    const std::regex trec_line(R"(\S+ Q0 \S+ [1-9][0-9]* -?[0-9]+\.[0-9]{6} newsdex)");
    for (const auto& l : lines_of(trec.out)) EXPECT_TRUE(std::regex_match(l, trec_line)) << l;
    // tsv and trec have no error lines: errors go to stderr, compiler-style.
    const std::string where = batch.string() + ":4: error: query 4: query error: unbalanced parenthesis";
    EXPECT_NE(tsv.err.find("newsdex-search: " + where), std::string::npos) << tsv.err;
    EXPECT_NE(trec.err.find("newsdex-search: " + where), std::string::npos) << trec.err;
    EXPECT_EQ(trec.err.find("queries"), std::string::npos) << "-q prints no summary: " << trec.err;
}

TEST_F(BatchTest, StandardInputAndUsageErrors) {
    const RunResult in = search_in(db(), {"--batch", "-", "-q"}, {.stdin_text = "ceasefire\ngaza\n"});
    EXPECT_EQ(in.status, 0) << describe(in);
    EXPECT_EQ(lines_of(in.out).size(), 2u);
    EXPECT_EQ(in.err, "");
    const std::vector<std::pair<std::vector<std::string>, std::string>> usage = {
        {{"--batch", "-", "--format", "text"},
         "newsdex-search: error: --format text does not suit --batch: use json, tsv or trec\n"},
        {{"--batch", "-", "--jobs", "0"}, "newsdex-search: error: --jobs must be between 1 and 64\n"},
        {{"--batch", "-", "gaza"},
         "newsdex-search: error: --batch reads its queries from FILE: give no QUERY on the command line\n"},
        {{"--format", "tsv", "gaza"}, "newsdex-search: error: --format tsv is for --batch\n"},
        {{"--state", "s.json", "gaza"}, "newsdex-search: error: --state needs --batch\n"},
        {{"--batch", (dir() / "missing.txt").string()},
         "newsdex-search: " + (dir() / "missing.txt").string() +
             ": error: cannot read the batch file: No such file or directory\n"},
    };
    for (const auto& [args, err] : usage) {
        const RunResult r = search_in(db(), args, {.stdin_text = "gaza\n"});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, err) << describe(r);
        EXPECT_EQ(r.out, "");
    }
    const RunResult no_index = search_in(dir() / "no.db", {"--batch", "-"}, {.stdin_text = "gaza\n"});
    EXPECT_EQ(no_index.status, 3) << describe(no_index);
}

// A directory opens as a file and fails at its first read: that was an
// abort (the read's exception passed the worker threads unjoined), and as
// standard input it read as an empty batch. Now a usage error naming it.
TEST_F(BatchTest, AFolderAsTheBatchInputIsAUsageErrorNamingIt) {
    const std::string folder = dir().string();
    for (const fs::path& db_path : {db(), dir() / "no.db"}) {  // before the index is opened
        const RunResult r = search_in(db_path, {"--batch", folder});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.err, "newsdex-search: " + folder + ": error: cannot read the batch file: Is a directory\n");
        EXPECT_EQ(r.out, "");
    }
    const RunResult in =
        run({"/bin/bash", "-c",
             "'" + search_bin() + "' --db '" + db().string() + "' --batch - --jobs 2 < '" + folder + "'"},
            {});
    EXPECT_EQ(in.status, 2) << describe(in);
    EXPECT_EQ(in.err, "newsdex-search: <stdin>: error: cannot read the batch input: Is a directory\n");
    EXPECT_EQ(in.out, "");
}

// trec_eval reads six fields split at white space, and a tsv reader one row
// a line: an empty id or one with white space or control characters must
// not change either.
TEST_F(BatchTest, EmptyIdsAreErrorLinesAndOddIdsKeepTsvAndTrecShapes) {
    const std::string input =
        "{\"id\": \"\", \"query\": \"ceasefire\", \"limit\": 1}\n"
        "{\"id\": \"a\\u0000b\\u000bc d\\te\\u0001\\u007f\\nf\\rg\", \"query\": \"ceasefire\", \"limit\": 2}\n";
    const RunResult json_run = search_in(db(), {"--batch", "-", "-q"}, {.stdin_text = input});
    EXPECT_EQ(json_run.status, 1) << describe(json_run);
    ASSERT_EQ(lines_of(json_run.out).size(), 2u) << describe(json_run);
    EXPECT_EQ(json::parse(lines_of(json_run.out)[0]),
              json({{"type", "error"}, {"id", "1"}, {"error", "\"id\" must not be empty"}}));
    EXPECT_EQ(json::parse(lines_of(json_run.out)[1])["id"], std::string("a\0b\vc d\te\x01\x7f\nf\rg", 15));

    const RunResult trec = search_in(db(), {"--batch", "-", "-q", "--format", "trec"}, {.stdin_text = input});
    EXPECT_EQ(trec.status, 1) << describe(trec);
    EXPECT_EQ(trec.err, "newsdex-search: <stdin>:1: error: query 1: \"id\" must not be empty\n");
    ASSERT_EQ(lines_of(trec.out).size(), 2u) << describe(trec);
    const std::regex trec_line(R"(a_b_c_d_e___f_g Q0 \S+ [12] -?[0-9]+\.[0-9]{6} newsdex)");
    for (const auto& l : lines_of(trec.out)) EXPECT_TRUE(std::regex_match(l, trec_line)) << l;

    const RunResult tsv = search_in(db(), {"--batch", "-", "-q", "--format", "tsv"}, {.stdin_text = input});
    EXPECT_EQ(tsv.status, 1) << describe(tsv);
    ASSERT_EQ(lines_of(tsv.out).size(), 2u) << describe(tsv);
    const std::regex tsv_line("a b c d e   f g\t[12]\t[^\t]+\t-?[0-9]+\\.[0-9]{6}");
    for (const auto& l : lines_of(tsv.out)) EXPECT_TRUE(std::regex_match(l, tsv_line)) << l;
}

// ---------------------------------------------------------------------------
// First-indexed times: small articles indexed in separate runs.

std::string harbour_article(const std::string& id, const std::string& sentence) {
    json j;
    j["id"] = id;
    j["title"] = "Harbour notes " + id;
    j["date"] = "2026-11-30";
    j["body"] = "The lighthouse keepers of the northern harbour reported that " + sentence +
                " The council will publish its weekly harbour bulletin on Friday.";
    return j.dump() + "\n";
}

std::set<std::string> ids_in_line(const std::string& line) { return hit_ids(json::parse(line)); }

class FirstIndexedTest : public ::testing::Test {
protected:
    ScratchDir dir;
    fs::path db() const { return dir / "harbour.db"; }
    void index_run(const std::string& name, const std::string& jsonl) {
        write_file(dir / name, jsonl);
        const RunResult r = index_into(db(), {(dir / name).string()});
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    std::map<std::string, std::string> indexed_at(const std::string& query) {
        std::map<std::string, std::string> at;
        const json result = search_json(db(), query);  // kept: the loop must not range over a temporary
        for (const auto& h : result["hits"]) at[h["id"]] = h["indexed_at"];
        return at;
    }
};

TEST_F(FirstIndexedTest, SinceLimitsOneShotSearchesToLaterRuns) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired.") +
                                 harbour_article("h2", "two ferries were delayed by the storm."));
    const auto first = indexed_at("harbour");
    ASSERT_EQ(first.size(), 2u);
    const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)");
    for (const auto& [id, at] : first) EXPECT_TRUE(std::regex_match(at, iso)) << at;
    EXPECT_EQ(first.at("h1"), first.at("h2")) << "one time per indexing run";
    // The archive file grows and one record is edited: h1 is re-indexed, h2 unchanged.
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired and tested.") +
                                 harbour_article("h2", "two ferries were delayed by the storm.") +
                                 harbour_article("h3", "a seal slept on the slipway."));
    const auto second = indexed_at("harbour");
    ASSERT_EQ(second.size(), 3u);
    EXPECT_EQ(second.at("h1"), first.at("h1")) << "re-indexing keeps the first time";
    EXPECT_GT(second.at("h3"), first.at("h1"));

    const std::string since = first.at("h1");  // strictly after the first run
    const RunResult after = search_in(db(), {"--format", "json", "--since", since, "--facet", "source", "harbour"});
    ASSERT_EQ(after.status, 0) << describe(after);
    EXPECT_EQ(hit_ids(json::parse(after.out)), std::set<std::string>{"h3"});
    EXPECT_EQ(json::parse(after.out)["total"], 1);
    const RunResult recent = search_in(db(), {"--format", "json", "--since", "1h", "harbour"});
    EXPECT_EQ(hit_ids(json::parse(recent.out)), (std::set<std::string>{"h1", "h2", "h3"})) << describe(recent);
    const RunResult future = search_in(db(), {"--since", "2999-01-01", "harbour"});
    EXPECT_EQ(future.status, 1) << describe(future);
    const RunResult bad = search_in(db(), {"--since", "yesterday", "harbour"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err,
              "newsdex-search: error: --since \"yesterday\": not a valid time: use an ISO date or time "
              "(2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d, 2w)\n");
}

TEST_F(FirstIndexedTest, CrossArticlePassesKeepTheFirstIndexedTime) {
    // The second run resolves the bare surname of the first run's article
    // (person_resolution.h), rewriting that article: its time must stay.
    index_run("p1.jsonl",
              "{\"id\": \"p1\", \"title\": \"Port reopens\", \"date\": \"2026-11-30\", \"body\": \"The harbour "
              "master, Ms Okafor, said the lighthouse port would reopen on Monday after repairs to the "
              "northern breakwater were finished.\"}\n");
    const auto before = indexed_at("lighthouse");
    index_run("p2.jsonl",
              "{\"id\": \"p2\", \"title\": \"Harbour master named\", \"date\": \"2026-11-30\", \"body\": "
              "\"Adaeze Okafor was named harbour master of the lighthouse port, the council announced, after "
              "a vote on Tuesday evening.\"}\n");
    const json after = search_json(db(), "lighthouse");
    ASSERT_EQ(after["hits"].size(), 2u);
    for (const auto& h : after["hits"]) {
        EXPECT_EQ(h["persons"], json::array({"Adaeze Okafor"})) << h["id"];
        if (h["id"] == "p1") EXPECT_EQ(h["indexed_at"], before.at("p1"));
        else EXPECT_GT(h["indexed_at"].get<std::string>(), before.at("p1"));
    }
}

TEST_F(FirstIndexedTest, StateShowsOnlyWhatIsNewForEachSavedQuery) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired.") +
                                 harbour_article("h2", "two ferries were delayed by the storm.") +
                                 harbour_article("h3", "a seal slept on the ferries' slipway."));
    const fs::path state = dir / "state.json";
    write_file(dir / "saved.txt",
               "{\"id\": \"harbour\", \"query\": \"harbour\"}\n{\"id\": \"ferries\", \"query\": \"ferries\"}\n");
    const std::vector<std::string> args{"--batch", (dir / "saved.txt").string(), "--state", state.string(), "-q"};

    const RunResult first = search_in(db(), args);
    ASSERT_EQ(first.status, 0) << describe(first);
    ASSERT_EQ(lines_of(first.out).size(), 2u);
    EXPECT_EQ(ids_in_line(lines_of(first.out)[0]), (std::set<std::string>{"h1", "h2", "h3"}));
    EXPECT_EQ(ids_in_line(lines_of(first.out)[1]), (std::set<std::string>{"h2", "h3"}));
    const json saved = json::parse(read_file(state));
    EXPECT_EQ(saved["format"], "newsdex-batch-state");
    EXPECT_EQ(saved["queries"]["harbour"]["indexed_through"], indexed_at("harbour").at("h1"));

    const RunResult again = search_in(db(), args);
    ASSERT_EQ(again.status, 0) << describe(again);
    for (const auto& line : lines_of(again.out)) {
        EXPECT_EQ(json::parse(line)["total"], 0) << line;
        EXPECT_TRUE(json::parse(line)["hits"].empty()) << line;
    }

    index_run("first.jsonl",
              harbour_article("h1", "the fog horn was repaired.") +
                  harbour_article("h2", "two ferries were delayed by the storm on Tuesday.") +  // re-indexed
                  harbour_article("h3", "a seal slept on the ferries' slipway.") +
                  harbour_article("h4", "new ferries will run in spring.") +
                  harbour_article("h5", "the harbour wall was painted."));
    // A query id the state has not seen gets everything.
    write_file(dir / "saved.txt",
               "{\"id\": \"harbour\", \"query\": \"harbour\"}\n{\"id\": \"ferries\", \"query\": \"ferries\"}\n"
               "{\"id\": \"new\", \"query\": \"ferries\"}\n");
    const RunResult third = search_in(db(), args);
    ASSERT_EQ(third.status, 0) << describe(third);
    const auto lines = lines_of(third.out);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(ids_in_line(lines[0]), (std::set<std::string>{"h4", "h5"}));
    EXPECT_EQ(ids_in_line(lines[1]), (std::set<std::string>{"h4"}));
    EXPECT_EQ(ids_in_line(lines[2]), (std::set<std::string>{"h2", "h3", "h4"}));

    const RunResult fourth = search_in(db(), args);
    for (const auto& line : lines_of(fourth.out)) EXPECT_EQ(json::parse(line)["total"], 0) << line;
}

TEST_F(FirstIndexedTest, CorruptStateFileIsAUsageErrorNamingIt) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired."));
    write_file(dir / "state.json", "{\"format\": \"newsdex-batch-state\", \"version\": 1, \"queries\": {\"a\": 3}}\n");
    const RunResult r = search_in(db(), {"--batch", "-", "--state", (dir / "state.json").string()},
                                  {.stdin_text = "harbour\n"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "newsdex-search: " + (dir / "state.json").string() +
                         ": error: not a newsdex batch state file: query \"a\": expected {\"indexed_through\": TIME or "
                         "null, \"ran_at\": TIME}\n");
    EXPECT_EQ(read_file(dir / "state.json"),
              "{\"format\": \"newsdex-batch-state\", \"version\": 1, \"queries\": {\"a\": 3}}\n");
}

TEST_F(FirstIndexedTest, StateFileWithWrongTypesIsAUsageErrorNamingIt) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired."));
    for (const std::string state : {"{\"format\": 1, \"version\": 1, \"queries\": {}}\n",
                                    "{\"format\": \"newsdex-batch-state\", \"version\": \"1\", \"queries\": {}}\n"}) {
        write_file(dir / "state.json", state);
        const RunResult r = search_in(db(), {"--batch", "-", "--state", (dir / "state.json").string()},
                                      {.stdin_text = "harbour\n"});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err.rfind("newsdex-search: " + (dir / "state.json").string() + ": error: ", 0), 0u) << describe(r);
        EXPECT_EQ(read_file(dir / "state.json"), state);
    }
}

// A folder given as the state file was an index error (exit 3) quoting the
// stream library's message.
TEST_F(FirstIndexedTest, AFolderAsTheStateFileIsAUsageErrorNamingIt) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired."));
    fs::create_directory(dir / "saved.state");
    const RunResult r = search_in(db(), {"--batch", "-", "--state", (dir / "saved.state").string()},
                                  {.stdin_text = "harbour\n"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "newsdex-search: " + (dir / "saved.state").string() +
                         ": error: cannot read the state file: Is a directory\n");
    EXPECT_TRUE(fs::is_directory(dir / "saved.state"));
}

// "What is new about X" means every word: no any-word rerun with --since.
TEST_F(FirstIndexedTest, SinceNeverRelaxesToAnyWord) {
    index_run("first.jsonl", harbour_article("h1", "two ferries were delayed by the storm."));
    const std::string since = indexed_at("harbour").at("h1");
    index_run("second.jsonl", harbour_article("h2", "a seal slept on the slipway."));
    const RunResult r = search_in(db(), {"--format", "json", "--since", since, "harbour ferries"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(json::parse(r.out)["total"], 0) << describe(r);
    EXPECT_EQ(json::parse(r.out)["relaxed"], false) << describe(r);
    const RunResult all = search_in(db(), {"--format", "json", "ferries seal"});  // without --since it still relaxes
    EXPECT_EQ(json::parse(all.out)["relaxed"], true) << describe(all);
}

// `newsdex-search --batch … | head -1`: the reader going away is no error.
TEST_F(FirstIndexedTest, AClosedPipeIsNoErrorAndLeavesTheStateAsItWas) {
    index_run("first.jsonl", harbour_article("h1", "the fog horn was repaired."));
    std::string queries;
    for (int k = 0; k < 20000; ++k) queries += "{\"id\": \"q" + std::to_string(k) + "\", \"query\": \"harbour\"}\n";
    write_file(dir / "queries.jsonl", queries);
    const std::string command = "'" + search_bin() + "' --db '" + db().string() + "' --batch '" +
                                (dir / "queries.jsonl").string() + "' --state '" + (dir / "state.json").string() +
                                "' -q | head -1 > /dev/null; echo \"status ${PIPESTATUS[0]}\"";
    const RunResult r = run({"/bin/bash", "-c", command}, {});
    EXPECT_EQ(r.out, "status 0\n") << describe(r);
    EXPECT_EQ(r.err, "") << describe(r);
    EXPECT_FALSE(fs::exists(dir / "state.json")) << "answers nobody read must not count as seen";
}

}  // namespace
}  // namespace newsdex::e2e
