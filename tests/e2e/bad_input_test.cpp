// Bad input never crashes and never loses data: one clear stderr line per
// problem naming the file (and line), the rest still indexed, exit status 1.
#include <xapian.h>

#include <regex>
#include <set>

#include "helpers.h"

namespace newsdex::e2e {
namespace {

TEST(BadInput, MalformedJsonLineIsNamedAndTheRestIndexed) {
    ScratchDir dir;
    write_file(dir / "feed.jsonl", R"({"id":"n1","title":"Port strike","body":"Dockworkers walked out."})"
                                   "\n"
                                   R"({"id":"n2","title":"Broken", "body": "unterminated)"
                                   "\n"
                                   "\n"
                                   R"({"id":"n3","title":"Bank rate","body":"The central bank held rates."})"
                                   "\n");
    const RunResult r = index_into(dir / "db", {(dir / "feed.jsonl").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto errors = lines_containing(r.err, ": error: ");
    ASSERT_EQ(errors.size(), 1u) << describe(r);
    EXPECT_EQ(errors[0].rfind("newsdex-index: " + (dir / "feed.jsonl").string() + ":2: error: malformed JSON: ", 0), 0u)
        << errors[0];
    EXPECT_EQ(hit_ids(search_json(dir / "db", "*")), (std::set<std::string>{"n1", "n3"}));
}

TEST(BadInput, WrongShapesAreRejectedWithReasons) {
    ScratchDir dir;
    write_file(dir / "feed.jsonl",
               "[1, 2]\n"
               R"({"id":"x","title":5,"body":"text"})"
               "\n"
               R"({"id":"y","title":"No body"})"
               "\n"
               R"({"id":"z","title":"Fine","body":"A good article."})"
               "\n");
    const RunResult r = index_into(dir / "db", {(dir / "feed.jsonl").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    const std::string f = (dir / "feed.jsonl").string();
    EXPECT_NE(r.err.find(f + ":1: error: expected a JSON object, found array\n"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find(f + ":2: error: field \"title\" must be a string, not number\n"), std::string::npos)
        << describe(r);
    EXPECT_EQ(r.err.find(f + ":3: error"), std::string::npos) << "a headline-only record is an article\n"
                                                              << describe(r);
    EXPECT_EQ(hit_ids(search_json(dir / "db", "*")), (std::set<std::string>{"y", "z"}));
}

TEST(BadInput, EmptyAndBinaryFilesAreRejectedTheRestIndexed) {
    ScratchDir dir;
    write_file(dir / "in" / "empty.txt", "");
    write_file(dir / "in" / "blob", std::string("PK\x03\x04\0\0binary", 12));
    write_file(dir / "in" / "good.txt", "Good title\n\nA proper article about harbours.\n");
    const RunResult r = index_into(dir / "db", {(dir / "in").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    const std::string in = (dir / "in").string();
    EXPECT_NE(r.err.find("newsdex-index: " + in + "/empty.txt: error: empty file\n"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("newsdex-index: " + in + "/blob: error: binary file (contains NUL bytes), not an article\n"),
              std::string::npos)
        << describe(r);
    EXPECT_EQ(hit_ids(search_json(dir / "db", "*")), std::set<std::string>{"good.txt"});
}

// A file's id is its path, kept as text: a name that is not UTF-8 or holds
// an escape is rejected by name (shown escaped), the rest indexed. Before,
// the first such name stopped the whole run with exit 3 and nothing indexed.
TEST(BadInput, FileNamesThatCannotBeIdsAreRejectedTheRestIndexed) {
    ScratchDir dir;
    write_file(dir / "in" / "good.txt", "Good title\n\nA proper article about harbours.\n");
    write_file(dir / "in" / "caf\xE9.txt", "Cafe\n\nAn article about harbour cafes.\n");
    write_file(dir / "in" / "esc\x1B[31m.txt", "Red\n\nAn article about harbour paint.\n");
    const RunResult r = index_into(dir / "db", {(dir / "in").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    const std::string in = (dir / "in").string();
    EXPECT_NE(r.err.find("newsdex-index: " + in + "/caf\\xE9.txt: error: the file's name is not valid UTF-8"),
              std::string::npos)
        << describe(r);
    EXPECT_NE(
        r.err.find("newsdex-index: " + in + "/esc\\x1B[31m.txt: error: the file's name holds a control character"),
        std::string::npos)
        << describe(r);
    EXPECT_EQ(r.err.find('\x1B'), std::string::npos) << "no escape reaches the terminal";
    EXPECT_EQ(hit_ids(search_json(dir / "db", "*")), (std::set<std::string>{"good.txt"}));
}

// A title, a source, a byline or a tag is one line wherever it is shown; an
// id with a tab or a line break is rejected (it is one field of TSV output).
TEST(BadInput, LineBreaksInOneLineFieldsBecomeSpaces) {
    ScratchDir dir;
    write_file(
        dir / "feed.jsonl",
        R"({"id":"n1","title":"Line one\nLine two\tTabbed","body":"harbour","source":"Src\nX","authors":["Jane\r\nDoe"],"persons":["Zed \u001b[31mEvil\nOne"]})"
        "\n"
        R"({"id":"n\t2","title":"Tabbed id","body":"harbour"})"
        "\n"
        // Stripped, "a\u0001b" became "ab", the key of another record.
        R"({"id":"a\u0001b","title":"Control id","body":"harbour"})"
        "\n"
        R"({"id":"ab","title":"Plain id","body":"harbour"})"
        "\n");
    const RunResult r = index_into(dir / "db", {(dir / "feed.jsonl").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    for (const char* line :
         {":2: error: field \"id\" holds a control character", ":3: error: field \"id\" holds a control character"})
        EXPECT_NE(r.err.find((dir / "feed.jsonl").string() + line), std::string::npos) << describe(r);
    EXPECT_EQ(r.err.find("is also the id of"), std::string::npos) << describe(r);
    EXPECT_EQ(hit_ids(search_json(dir / "db", "harbour")), (std::set<std::string>{"n1", "ab"}));
    const nlohmann::json hits = search_json(dir / "db", "\"line one\"");
    ASSERT_EQ(hits["hits"].size(), 1u) << hits.dump();
    EXPECT_EQ(hits["hits"][0]["title"], "Line one Line two Tabbed");
    EXPECT_EQ(hits["hits"][0]["source"], "Src X");
    EXPECT_EQ(hits["hits"][0]["authors"], nlohmann::json::array({"Jane Doe"}));
    // A name a feed tags loses its escape too (it reached the terminal raw).
    EXPECT_EQ(hits["hits"][0]["persons"], nlohmann::json::array({"Zed [31mEvil One"}));
}

// A byte-order mark opening a JSON Lines file or stream is dropped: the
// record is read, and fed twice it is one article.
TEST(BadInput, AByteOrderMarkOpeningJsonLinesIsDropped) {
    ScratchDir dir;
    const std::string record = R"({"title":"Ferry strike","body":"Ferry crews walked out."})";
    write_file(dir / "bom.jsonl",
               "\xEF\xBB\xBF\n"
               R"({"id":"B2","title":"Ferry","body":"Crews walked out."})"
               "\n");
    const RunResult file = index_into(dir / "db", {(dir / "bom.jsonl").string()});
    EXPECT_EQ(file.status, 0) << describe(file);
    EXPECT_EQ(index_into(dir / "db", {"-"}, {.stdin_text = record + "\n"}).status, 0);
    const RunResult again = index_into(dir / "db", {"-"}, {.stdin_text = "\xEF\xBB\xBF" + record + "\n"});
    EXPECT_EQ(again.status, 0) << describe(again);
    EXPECT_NE(again.err.find("0 added, 0 updated, 1 unchanged"), std::string::npos) << describe(again);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 2);
}

// A date the text gives with its year but that cannot be read (an
// "Updated:" line, a dateline, a page's publication date) is a warning; a
// page's later modified date does not stand in for an unreadable
// publication date.
TEST(BadInput, UnreadableDatesInTheTextAndThePageAreWarnings) {
    ScratchDir dir;
    write_file(dir / "in" / "u1.txt",
               "Harbour talks\n\nWASHINGTON, Feb. 30, 2024 (AP) - The council met on the budget.\n");
    write_file(dir / "in" / "u2.txt",
               "Harbour talks\n\nUpdated: June 31, 2024, 6:28 AM\n\nThe council met on the budget.\n");
    write_file(dir / "in" / "u3.html",
               "<html><head><meta property=\"article:published_time\" content=\"not a date\">"
               "<meta property=\"article:modified_time\" content=\"2024-06-09\"><title>OG</title></head><body>"
               "<article><p>The harbour authority said on Monday that the strike by dock workers had ended after "
               "long talks.</p></article></body></html>");
    const RunResult r = index_into(dir / "db", {(dir / "in").string()});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(lines_containing(r.err, ": warning: ").size(), 3u) << describe(r);
    EXPECT_NE(r.err.find("u1.txt: warning: "), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("u2.txt: warning: "), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("u3.html: warning: "), std::string::npos) << describe(r);
    for (const auto& hit : search_json(dir / "db", "*")["hits"]) EXPECT_TRUE(hit["date"].is_null()) << hit.dump();
}

TEST(BadInput, TheIndexInsideTheCorpusIsNoInput) {
    // `newsdex-index .` with ./newsdex.db in it: a second run must not read
    // the database's own files as articles.
    ScratchDir dir;
    write_file(dir / "news" / "port.txt", "Port strike\n\nDockworkers walked out on Monday.\n");
    const RunOptions in_news{.cwd = dir / "news"};
    for (int pass = 1; pass <= 2; ++pass) {
        const RunResult r = run({index_bin(), "--db", "newsdex.db", "."}, in_news);
        EXPECT_EQ(r.status, 0) << "run " << pass << ": " << describe(r);
        EXPECT_EQ(r.err.find("error"), std::string::npos) << describe(r);
    }
    EXPECT_EQ(hit_ids(search_json(dir / "news" / "newsdex.db", "*")), std::set<std::string>{"port.txt"});
}

TEST(BadInput, MissingInputIsNamedAndOthersIndexed) {
    ScratchDir dir;
    write_file(dir / "good.txt", "Good title\n\nA proper article about harbours.\n");
    const RunResult r = index_into(dir / "db", {(dir / "nope").string(), (dir / "good.txt").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_NE(r.err.find((dir / "nope").string() + ": error: no such file or directory"), std::string::npos);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 1);
}

TEST(BadInput, ExistingArticlesSurviveABadRun) {
    ScratchDir dir;
    write_file(dir / "good.txt", "Good title\n\nA proper article about harbours.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "good.txt").string()}).status, 0);
    write_file(dir / "bad.jsonl", "{not json\n");
    EXPECT_EQ(index_into(dir / "db", {(dir / "bad.jsonl").string()}).status, 1);
    EXPECT_EQ(hit_ids(search_json(dir / "db", "harbours")), std::set<std::string>{"good.txt"});
}

TEST(BadInput, Windows1252IsDecodedWithOneWarning) {
    ScratchDir dir;
    write_file(dir / "old.txt", "Caf\xe9 owners protest\n\nOwners of the caf\xe9 said \x93no\x94 to the plan.\n");
    const RunResult r = index_into(dir / "db", {(dir / "old.txt").string()});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(lines_containing(r.err, ": warning: "),
              std::vector<std::string>{"newsdex-index: " + (dir / "old.txt").string() +
                                       ": warning: not valid UTF-8; read as Windows-1252"});
    const auto j = search_json(dir / "db", "cafe");
    ASSERT_EQ(j["total"], 1);
    EXPECT_EQ(j["hits"][0]["title"], "Caf\xc3\xa9 owners protest");
}

TEST(BadInput, InvalidDateWarnsAndIndexesUndated) {
    ScratchDir dir;
    write_file(dir / "a.txt", "title: Odd date\ndate: 31/02/2024\n\nThe article body is here.\n");
    const RunResult r = index_into(dir / "db", {(dir / "a.txt").string()});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.err.find("a.txt: warning: \"31/02/2024\" is not a valid date; the article is indexed undated"),
              std::string::npos)
        << describe(r);
    const auto j = search_json(dir / "db", "*");
    ASSERT_EQ(j["total"], 1);
    EXPECT_TRUE(j["hits"][0]["date"].is_null());
}

TEST(Overrides, AliasesAndNeverApplyAndBadFilesStopTheRun) {
    ScratchDir dir;
    write_file(dir / "news" / "a.txt",
               "Talks resume\n\nForeign Minister Clara Osei met officials of the Harbour Workers Union in Cairo.\n");
    write_file(dir / "fix.tsv",
               "# corrections\nalias\tperson\tClara Osei\tClara Osei-Mensah\nnever\tHarbour Workers Union\n");
    const RunResult r = index_into(dir / "db", {"--overrides", (dir / "fix.tsv").string(), (dir / "news").string()});
    ASSERT_EQ(r.status, 0) << describe(r);
    const auto j = search_json(dir / "db", "*");
    ASSERT_EQ(j["total"], 1);
    EXPECT_EQ(j["hits"][0]["persons"], nlohmann::json::array({"Clara Osei-Mensah"}));
    EXPECT_EQ(j["hits"][0]["organizations"], nlohmann::json::array());
    EXPECT_EQ(hit_ids(search_json(dir / "db", "person:mensah")), std::set<std::string>{"a.txt"});

    write_file(dir / "bad.tsv", "alias\tplanet\tMars\tRed Planet\n");
    const RunResult bad = index_into(dir / "db2", {"--overrides", (dir / "bad.tsv").string(), (dir / "news").string()});
    EXPECT_EQ(bad.status, 2) << describe(bad);
    EXPECT_EQ(bad.err, "newsdex-index: " + (dir / "bad.tsv").string() +
                           ":1: error: unknown type \"planet\": use person, location or org\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "db2"));
}

// A folder opens as a file and reads as nothing: it was taken for an
// empty overrides file, and the run indexed without corrections.
TEST(Overrides, AFolderAsTheOverridesFileStopsTheRun) {
    ScratchDir dir;
    write_file(dir / "news" / "a.txt", "Talks resume\n\nForeign Minister Clara Osei met officials in Cairo.\n");
    std::filesystem::create_directory(dir / "fixes");
    const std::string folder = (dir / "fixes").string();
    const std::string want = "newsdex-index: " + folder + ": error: cannot read the overrides file: Is a directory\n";
    const RunResult option = index_into(dir / "db", {"--overrides", folder, (dir / "news").string()});
    EXPECT_EQ(option.status, 2) << describe(option);
    EXPECT_EQ(option.err, want);
    const RunResult env = index_into(dir / "db", {(dir / "news").string()}, {.env = {{"NEWSDEX_OVERRIDES", folder}}});
    EXPECT_EQ(env.status, 2) << describe(env);
    EXPECT_EQ(env.err, want);
    EXPECT_FALSE(std::filesystem::exists(dir / "db"));
}

TEST(StandardInput, RecordsWithoutIdGetAnIdFromTheirContent) {
    ScratchDir dir;
    const std::string one = R"({"title":"One","body":"First story about rivers.","date":"2024-03-05"})"
                            "\n";
    const std::string keep = R"({"id":"keep","title":"Two","body":"Second story about rivers."})"
                             "\n";
    const RunResult r = index_into(dir / "db", {"-"}, {.stdin_text = one + keep});
    ASSERT_EQ(r.status, 0) << describe(r);
    const auto ids = hit_ids(search_json(dir / "db", "rivers"));
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_TRUE(ids.count("keep"));
    const std::string generated = *ids.begin() == "keep" ? *ids.rbegin() : *ids.begin();
    EXPECT_TRUE(std::regex_match(generated, std::regex("-:[0-9a-f]{16}"))) << generated;
    // Standard input has no lasting place: another feed's first record is
    // another article, and the same record again is the same one.
    const std::string other = R"({"title":"Three","body":"Third story about rivers."})"
                              "\n";
    ASSERT_EQ(index_into(dir / "db", {"-"}, {.stdin_text = other + one}).status, 0);
    EXPECT_EQ(search_json(dir / "db", "rivers")["total"], 3);
}

// The first case of issue 11: two folders, one file name each, two runs.
TEST(Identity, FilesOfOneNameInTwoFoldersAreTwoArticles) {
    ScratchDir dir;
    write_file(dir / "a" / "1.txt", "Alpha story about Lisbon harbour strike.\n");
    write_file(dir / "b" / "1.txt", "Beta story about Oslo fjord ferry.\n");
    ASSERT_EQ(index_into(dir / "db", {"-q", (dir / "a").string()}).status, 0);
    ASSERT_EQ(index_into(dir / "db", {"-q", (dir / "b").string()}).status, 0);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 2);
    // In one run too, in either order.
    for (const auto& order : {std::vector<std::string>{"a", "b"}, std::vector<std::string>{"b", "a"}}) {
        const auto db = dir / ("db-" + order[0]);
        const RunResult r = index_into(db, {(dir / order[0]).string(), (dir / order[1]).string()});
        EXPECT_EQ(r.status, 0) << describe(r);
        std::set<std::string> ids;
        const auto all = search_json(db, "*");  // kept: the loop must not range over a temporary
        for (const auto& h : all["hits"]) ids.insert(h["id"].get<std::string>());
        EXPECT_EQ(ids, (std::set<std::string>{(dir / "a" / "1.txt").string(), (dir / "b" / "1.txt").string()}));
    }
}

TEST(Identity, AFileHasOneIdHoweverItIsNamed) {
    ScratchDir dir;
    write_file(dir / "news" / "one.txt", "Title one\n\nFirst body text about the harbour.\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "news").string()}).status, 0);
    // Alone, relative to another working directory: the same article.
    const RunResult alone = index_into(dir / "db", {"news/one.txt"}, {.cwd = dir.path()});
    EXPECT_EQ(alone.status, 0) << describe(alone);
    EXPECT_NE(alone.err.find("0 added, 0 updated, 1 unchanged"), std::string::npos) << describe(alone);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 1);
    // Searches name it as the shell does, relative to the working directory.
    const RunResult get = search_in(dir / "db", {"--get", "news/one.txt"}, {.cwd = dir.path()});
    EXPECT_EQ(get.status, 0) << describe(get);
    EXPECT_NE(get.out.find("news/one.txt"), std::string::npos) << get.out;
    EXPECT_EQ(get.out.find(dir.path().string()), std::string::npos) << "shown relative: " << get.out;
}

TEST(Identity, AJsonIdFromAnotherFileIsAConflictUnlessReplace) {
    ScratchDir dir;
    write_file(dir / "june" / "feed.jsonl", R"({"id":"w1","title":"June story","body":"Rivers rose in June."})"
                                            "\n");
    write_file(dir / "july" / "feed.jsonl", R"({"id":"w1","title":"July story","body":"Rivers fell in July."})"
                                            "\n");
    ASSERT_EQ(index_into(dir / "db", {(dir / "june").string()}).status, 0);
    const RunResult again = index_into(dir / "db", {(dir / "june").string()});
    EXPECT_EQ(lines_containing(again.err, ": warning: "), std::vector<std::string>{}) << describe(again);
    const RunResult r = index_into(dir / "db", {(dir / "july").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(lines_containing(r.err, ": error: "),
              std::vector<std::string>{"newsdex-index: " + (dir / "july" / "feed.jsonl").string() +
                                       ":1: error: id \"w1\" is the id of the article already indexed from " +
                                       (dir / "june" / "feed.jsonl").string() +
                                       ":1, which is kept (--replace replaces it)"})
        << describe(r);
    EXPECT_NE(r.err.find("1 conflict"), std::string::npos) << describe(r);
    EXPECT_EQ(search_json(dir / "db", "*")["hits"][0]["title"], "June story");
    const RunResult replace = index_into(dir / "db", {"--replace", (dir / "july").string()});
    EXPECT_EQ(replace.status, 0) << describe(replace);
    EXPECT_NE(replace.err.find("warning: replaces the article indexed from "), std::string::npos) << describe(replace);
    EXPECT_EQ(search_json(dir / "db", "*")["hits"][0]["title"], "July story");
}

TEST(Identity, DuplicateIdsInOneRunKeepThePathThatSortsFirstInAnyOrder) {
    ScratchDir dir;
    write_file(dir / "a" / "feed.jsonl", R"({"id":"x1","title":"Title one","body":"First body text."})"
                                         "\n");
    write_file(dir / "b" / "feed.jsonl", R"({"id":"x1","title":"Title two","body":"Second body text."})"
                                         "\n");
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    for (const auto& order : {std::vector<std::string>{a, b}, std::vector<std::string>{b, a}}) {
        const auto db = dir / ("db-" + order[0].substr(order[0].size() - 1));
        const RunResult r = index_into(db, order);
        EXPECT_EQ(r.status, 1) << describe(r);
        EXPECT_NE(r.err.find("newsdex-index: " + b + "/feed.jsonl:1: error: id \"x1\" is also the id of " + a +
                             "/feed.jsonl:1, which is kept"),
                  std::string::npos)
            << describe(r);
        const auto j = search_json(db, "*");
        ASSERT_EQ(j["total"], 1);
        EXPECT_EQ(j["hits"][0]["title"], "Title one");
    }
}

namespace fs = std::filesystem;

// The title of the one article matching `query`.
std::string only_title_matching(const fs::path& db, const std::string& query) {
    const auto j = search_json(db, query);
    EXPECT_EQ(j["total"], 1) << j.dump();
    return j["hits"].empty() ? "" : j["hits"][0]["title"].get<std::string>();
}

std::string only_title(const fs::path& db) {
    const auto j = search_json(db, "*");
    EXPECT_EQ(j["total"], 1) << j.dump();
    return j["hits"].empty() ? "" : j["hits"][0]["title"].get<std::string>();
}

// One id on two lines of one file: the first line is kept on every run
// (line numbers compare as numbers: "feed.jsonl:10" sorted before
// "feed.jsonl:2" once, so the line read second won and every re-run wrote
// the first line and then the tenth over it, "1 updated" each time), and
// counted once.
TEST(Identity, OneIdTwiceInAFileKeepsTheFirstLineAndAReRunChangesNothing) {
    ScratchDir dir;
    std::string feed = R"({"id":"fill","title":"Filler","body":"Filler text."})"
                       "\n"
                       R"({"id":"x","title":"Line two","body":"Second line text."})"
                       "\n";
    for (int k = 3; k < 10; ++k)
        feed += R"({"id":"f)" + std::to_string(k) + R"(","title":"Filler","body":"Filler text."})" + "\n";
    feed += R"({"id":"x","title":"Line ten","body":"Tenth line text."})"
            "\n";
    write_file(dir / "feed.jsonl", feed);
    for (int run = 1; run <= 3; ++run) {
        SCOPED_TRACE("run " + std::to_string(run));
        const RunResult r = index_into(dir / "db", {(dir / "feed.jsonl").string()});
        EXPECT_EQ(r.status, 1) << describe(r);
        EXPECT_NE(r.err.find("feed.jsonl:10: error: id \"x\" is also the id of "), std::string::npos) << describe(r);
        EXPECT_NE(r.err.find(run == 1 ? "9 added, 0 updated, 0 unchanged" : "0 added, 0 updated, 9 unchanged"),
                  std::string::npos)
            << describe(r);
        const auto j = search_json(dir / "db", "title:line");
        ASSERT_EQ(j["total"], 1);
        EXPECT_EQ(j["hits"][0]["title"], "Line two");
    }
}

// The order copies compete in is one order on paths (file, then line), so
// the copy kept does not depend on the order of the inputs even when a
// folder's name looks like a line ("feed.jsonl:10/"): compared line by line
// within a file and byte by byte across files, the three copies below went
// round in a circle, and the input order decided.
TEST(Identity, TheCopyKeptDoesNotDependOnInputOrderWhateverThePaths) {
    ScratchDir dir;
    std::string feed;
    for (int k = 1; k < 9; ++k)
        feed += R"({"id":"f)" + std::to_string(k) + R"(","title":"Filler","body":"Filler text."})" + "\n";
    feed += R"({"id":"x","title":"Line nine","body":"Ninth line text."})"
            "\n"
            R"({"id":"x","title":"Line ten","body":"Tenth line text."})"
            "\n";
    write_file(dir / "feed.jsonl", feed);
    write_file(dir / "feed.jsonl:10" / "x.jsonl", R"({"id":"x","title":"Other file","body":"Other text."})"
                                                  "\n");
    const std::string file = (dir / "feed.jsonl").string(), folder = (dir / "feed.jsonl:10").string();
    std::set<std::string> kept;
    for (const auto& order : {std::vector<std::string>{file, folder}, std::vector<std::string>{folder, file}}) {
        ScratchDir run;
        ASSERT_EQ(index_into(run / "db", order).status, 1);
        kept.insert(only_title_matching(run / "db", "id:x"));
    }
    EXPECT_EQ(kept, std::set<std::string>{"Line nine"});
}

// Decided against the index as it was before the run: an article from
// another file conflicts with the stored one even when this run has
// already written the id from the stored one's own file, in either order.
// One id in two folders' feeds: the copy kept is indexed once, and a re-run
// finds it unchanged whatever the order the folders are named in (with the
// other folder first it was rewritten on every run).
TEST(Identity, AReRunWithAnIdTwiceRewritesNothingInAnyOrder) {
    ScratchDir dir;
    write_file(dir / "f1" / "feed.jsonl", R"({"id":"X1","title":"Feed one","body":"Ports reopened."})"
                                          "\n");
    write_file(dir / "f2" / "feed.jsonl", R"({"id":"X1","title":"Feed two","body":"Docks closed."})"
                                          "\n");
    const std::string f1 = (dir / "f1").string(), f2 = (dir / "f2").string();
    ASSERT_EQ(index_into(dir / "db", {f2, f1}).status, 1);
    for (const auto& order : {std::vector<std::string>{f2, f1}, std::vector<std::string>{f1, f2}}) {
        const RunResult r = index_into(dir / "db", order);
        EXPECT_EQ(r.status, 1) << describe(r);  // the other copy is still a conflict
        EXPECT_NE(r.err.find("0 added, 0 updated, 1 unchanged"), std::string::npos) << describe(r);
        EXPECT_EQ(search_json(dir / "db", "*")["hits"][0]["title"], "Feed one");
    }
}

TEST(Identity, AConflictWithTheStoredArticleDoesNotDependOnInputOrder) {
    ScratchDir dir;
    write_file(dir / "b.jsonl", R"({"id":"x","title":"B first","body":"Text of b."})"
                                "\n");
    write_file(dir / "a.jsonl", R"({"id":"x","title":"A story","body":"Text of a."})"
                                "\n");
    const std::string a = (dir / "a.jsonl").string(), b = (dir / "b.jsonl").string();
    for (const auto& order : {std::vector<std::string>{b, a}, std::vector<std::string>{a, b}}) {
        ScratchDir run_dir;
        const fs::path db = run_dir / "db";
        write_file(dir / "b.jsonl", R"({"id":"x","title":"B first","body":"Text of b."})"
                                    "\n");
        ASSERT_EQ(index_into(db, {"-q", b}).status, 0);
        write_file(dir / "b.jsonl", R"({"id":"x","title":"B edited","body":"Edited text of b."})"
                                    "\n");
        const RunResult r = index_into(db, order);
        EXPECT_EQ(r.status, 1) << describe(r);
        EXPECT_EQ(lines_containing(r.err, ": error: ").size(), 1u) << describe(r);
        EXPECT_NE(r.err.find(a + ":1: error: id \"x\" is the id of the article already indexed from " + b),
                  std::string::npos)
            << describe(r);
        EXPECT_EQ(only_title(db), "B edited");
    }
}

// --prune keeps what a conflict line says is kept.
TEST(Identity, PruneKeepsTheArticleAConflictKept) {
    ScratchDir dir;
    write_file(dir / "c" / "a.jsonl", R"({"id":"x","title":"Moved story","body":"Text."})"
                                      "\n");
    ASSERT_EQ(index_into(dir / "db", {"-q", (dir / "c").string()}).status, 0);
    fs::rename(dir / "c" / "a.jsonl", dir / "c" / "b.jsonl");
    const RunResult r = index_into(dir / "db", {"--prune", (dir / "c").string()});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_NE(r.err.find("which is kept"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("0 removed"), std::string::npos) << describe(r);
    EXPECT_EQ(only_title(dir / "db"), "Moved story");
}

// A folder named through a link, with or without a slash, is one folder.
TEST(Identity, AFolderNamedThroughALinkHasTheIdsOfItsFiles) {
    ScratchDir dir;
    write_file(dir / "real" / "one.txt", "Title one\n\nFirst body text about the harbour.\n");
    write_file(dir / "real" / "inner" / "two.txt", "Title two\n\nSecond body text about the harbour.\n");
    fs::create_directory_symlink(dir / "real", dir / "link");
    fs::create_directory_symlink(dir / "real" / "inner", dir / "real" / "shortcut");
    for (const std::string input : {"link", "link/", "real", "link/one.txt"}) {
        const RunResult r = index_into(dir / "db", {input}, {.cwd = dir.path()});
        EXPECT_EQ(r.status, 0) << describe(r);
        if (input != "link/one.txt") {
            EXPECT_EQ(lines_containing(r.err, ": warning: "),
                      std::vector<std::string>{"newsdex-index: " + input + (input.ends_with("/") ? "" : "/") +
                                               "shortcut: warning: a link to a folder: not followed (name it on "
                                               "the command line to index it)"})
                << describe(r);
        }
    }
    const auto j = search_json(dir / "db", "*");
    std::set<std::string> ids;
    for (const auto& h : j["hits"]) ids.insert(h["id"].get<std::string>());
    EXPECT_EQ(ids, (std::set<std::string>{(dir / "real" / "one.txt").string(),
                                          (dir / "real" / "inner" / "two.txt").string()}));
}

// --prune under a folder whose path is too long for a whole term.
TEST(Identity, PruneWorksUnderADeepFolder) {
    ScratchDir dir;
    fs::path deep = dir / "corpus";
    while (deep.string().size() < 260) deep /= "a-rather-long-folder-name";
    write_file(deep / "one.txt", "Title one\n\nFirst body text about the harbour.\n");
    write_file(deep / "two.txt", "Title two\n\nSecond body text about the harbour.\n");
    write_file(dir / "corpus" / "three.txt", "Title three\n\nThird body text about the harbour.\n");
    ASSERT_EQ(index_into(dir / "db", {"-q", (dir / "corpus").string()}).status, 0);
    fs::remove(deep / "two.txt");
    const RunResult r = index_into(dir / "db", {"--prune", deep.string()});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.err.find("1 removed"), std::string::npos) << describe(r);
    EXPECT_EQ(search_json(dir / "db", "*")["total"], 2);
}

// The section a folder gives does not depend on naming the file too, and
// changes to it are seen by the next run.
TEST(Identity, SectionFromFolderWhateverElseNamesTheFile) {
    ScratchDir dir;
    write_file(dir / "c" / "business" / "one.txt", "Title one\n\nFirst body text about the harbour.\n");
    const std::string file = (dir / "c" / "business" / "one.txt").string(), folder = (dir / "c").string();
    for (const auto& order : {std::vector<std::string>{file, folder}, std::vector<std::string>{folder, file}}) {
        ScratchDir run_dir;
        std::vector<std::string> args{"-q", "--section-from-folder"};
        args.insert(args.end(), order.begin(), order.end());
        ASSERT_EQ(index_into(run_dir / "db", args).status, 0);
        EXPECT_EQ(search_json(run_dir / "db", "section:business")["total"], 1);
    }
    ScratchDir run_dir;
    ASSERT_EQ(index_into(run_dir / "db", {"-q", "--section-from-folder", file}).status, 0);
    EXPECT_EQ(search_json(run_dir / "db", "section:business")["total"], 0);
    const RunResult again = index_into(run_dir / "db", {"--section-from-folder", folder});
    EXPECT_NE(again.err.find("1 updated"), std::string::npos) << describe(again);
    EXPECT_EQ(search_json(run_dir / "db", "section:business")["total"], 1);
}

}  // namespace
}  // namespace newsdex::e2e
