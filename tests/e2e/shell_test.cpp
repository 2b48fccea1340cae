// The query shell and --get end to end: newsdex-search driven through a
// pseudo-terminal (pty_session.h) as a person would use it, through a pipe
// as a script would, on a small index of synthetic articles written here
// (the names are invented), and on ../shared/seeds when present.
#include <fstream>

#include "common/cli/version.h"
#include "helpers.h"
#include "indexed_corpus.h"
#include "pty_session.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// s1 stands alone ("lighthouse"); s1..s12 all say "harbour". Antonella
// Brightwater is named in 7 of them, Gideon Farrowby in 6, Anton Kessely in 5.
std::string synthetic_articles() {
    std::string jsonl;
    json s1 = {{"id", "s1"},
               {"title", "Lighthouse keepers return to Port Ellery"},
               {"date", "2024-05-02"},
               {"source", "Coast Gazette"},
               {"section", "regional"},
               {"author", {"Mira Quenby"}},
               {"keywords", "lighthouses, Port Ellery"},
               {"url", "https://coastgazette.example/lighthouse"},
               {"body",
                "The harbour lighthouse at Port Ellery has keepers again. Antonella Brightwater, who chairs the "
                "harbour trust, said the lamp would shine from June.\n\nGideon Farrowby rowed the first crew out."},
               {"persons", {"Antonella Brightwater", "Gideon Farrowby"}},
               {"locations", {"Port Ellery"}}};
    jsonl += s1.dump() + "\n";
    for (int k = 2; k <= 12; ++k) {
        json a = {{"id", "s" + std::to_string(k)},
                  {"title", "Harbour notes " + std::to_string(k)},
                  {"date", "2024-0" + std::to_string(1 + k % 6) + "-1" + std::to_string(k % 10)},
                  {"source", "Coast Gazette"},
                  {"body", "Harbour business item " + std::to_string(k) + ": the ferry timetable changes again."}};
        if (k % 2 == 0) a["persons"] = {"Antonella Brightwater"};
        else a["persons"] = {"Anton Kessely", "Gideon Farrowby"};
        a["locations"] = json::array({"Marrowfield"});
        jsonl += a.dump() + "\n";
    }
    return jsonl;
}

struct SyntheticArticles {
    static constexpr const char* kDatabase = "shell.db";
    static std::string prepare(const fs::path& dir, std::vector<std::string>& args) {
        write_file(dir / "articles.jsonl", synthetic_articles());
        args = {(dir / "articles.jsonl").string()};
        return "";
    }
};

class ShellTest : public IndexedCorpusTest<SyntheticArticles> {
protected:
    // A home and a state directory of the test's own, a dumb terminal (which
    // libedit redraws whole lines on, so completions read as text), no
    // NO_COLOR, and the default pager (less, for output taller than the
    // screen), whatever the environment running the tests says.
    RunOptions terminal_env() const {
        RunOptions o;
        o.env = {{"TERM", "dumb"},
                 {"HOME", home_.path().string()},
                 {"XDG_STATE_HOME", (home_ / "state").string()},
                 {"NO_COLOR", ""},
                 {"LANG", "C.UTF-8"},
                 {"PAGER", ""},
                 {"NEWSDEX_PAGER", ""},
                 {"LESS", ""}};
        return o;
    }
    std::unique_ptr<PtySession> shell(std::vector<std::string> args = {}, const fs::path& index = db(),
                                      std::optional<RunOptions> options = std::nullopt) const {
        std::vector<std::string> argv{search_bin(), "--db", index.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return std::make_unique<PtySession>(argv, options ? *options : terminal_env(), cols_, rows_);
    }
    // Waits for the prompt, then types the line: never ahead of the shell,
    // whose output the terminal's echo of early keys would interleave.
    static void prompt(PtySession& s) {
        EXPECT_TRUE(s.expect("newsdex> ")) << s.describe();
        EXPECT_TRUE(s.wait_for_raw_mode()) << s.describe();
    }
    static void ask(PtySession& s, const std::string& line) {
        prompt(s);
        s.send(line + "\r");
    }
    static void quit(PtySession& s) {
        ask(s, ":quit");
        EXPECT_EQ(s.wait(), 0) << s.describe();
    }
    // The terminal environment with PAGER set to `pager`.
    RunOptions pager_env(const std::string& pager) const {
        RunOptions o = terminal_env();
        o.env["PAGER"] = pager;
        return o;
    }
    // Hit 1 of "lighthouse", opened: s1, 18 lines, the last "Gideon
    // Farrowby rowed the first crew out."
    static void open_lighthouse(PtySession& s) {
        ask(s, "lighthouse");
        EXPECT_TRUE(s.expect("1 article matches")) << s.describe();
        ask(s, ":open 1");
    }
    // Opens it and checks it was printed whole, with no line marked by
    // `marker` (what the pager under test puts before each line).
    static void expect_unpaged(PtySession& s, const std::string& marker) {
        open_lighthouse(s);
        EXPECT_TRUE(s.expect("Gideon Farrowby rowed the first crew out.")) << s.describe();
        quit(s);
        EXPECT_EQ(s.screen().find(marker), std::string::npos) << s.describe();
    }

    ScratchDir home_;
    unsigned short cols_ = 100, rows_ = 40;
};

TEST_F(ShellTest, QueryShowsHitsTheFacetLineAndTheTime) {
    cols_ = 160;  // room for three values a field
    auto s = shell({"--shell", "-n", "5"});
    ask(*s, "harbour");
    ASSERT_TRUE(s->expect("12 articles match (showing 1-5, ")) << s->describe();
    EXPECT_TRUE(s->expect(" ms)")) << s->describe();
    EXPECT_TRUE(s->expect("1. ")) << s->describe();
    EXPECT_TRUE(
        s->expect("person: Antonella Brightwater 7 \xC2\xB7 Gideon Farrowby 6 \xC2\xB7 Anton Kessely 5 | location: "))
        << s->describe();
    quit(*s);
    // Bold titles on a terminal without NO_COLOR.
    EXPECT_NE(s->raw().find("\x1b[1m"), std::string::npos) << s->describe();
}

TEST_F(ShellTest, TheFacetLineFitsTheTerminalWidth) {
    cols_ = 80;
    auto s = shell();
    ask(*s, "harbour");
    ASSERT_TRUE(s->expect("\nperson: Antonella Brightwater 7 \xC2\xB7 Gideon Farrowby 6 \xE2\x80\xA6 | location: "))
        << s->describe();
    const std::string rest = s->pending();
    const std::string line = "person: Antonella Brightwater 7 \xC2\xB7 Gideon Farrowby 6 \xE2\x80\xA6 | location: " +
                             rest.substr(0, rest.find('\n'));
    std::size_t columns = 0;
    for (unsigned char c : line) columns += (c & 0xC0) != 0x80;  // one column a character here
    EXPECT_LE(columns, 80u) << line;
    quit(*s);
}

TEST_F(ShellTest, NoColorMeansNoEscapeCodesInResults) {
    RunOptions o = terminal_env();
    o.env["NO_COLOR"] = "1";
    auto s = shell({"--shell"}, db(), o);
    ask(*s, "lighthouse");
    ASSERT_TRUE(s->expect("1 article matches")) << s->describe();
    quit(*s);
    EXPECT_EQ(s->raw().find("\x1b[1m"), std::string::npos) << s->describe();
}

TEST_F(ShellTest, IsTheDefaultWithNoQueryOnATerminal) {
    auto s = shell();  // no --shell, no query: the prompt came
    ask(*s, ":help");
    EXPECT_TRUE(s->expect(":open N")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, NextAndPrevPage) {
    auto s = shell({"-n", "5"});
    ask(*s, "harbour");
    ASSERT_TRUE(s->expect("(showing 1-5")) << s->describe();
    ask(*s, ":next");
    ASSERT_TRUE(s->expect("(showing 6-10")) << s->describe();
    EXPECT_TRUE(s->expect(" 6. ")) << s->describe();
    ask(*s, ":next");
    ASSERT_TRUE(s->expect("(showing 11-12")) << s->describe();
    ask(*s, ":next");
    EXPECT_TRUE(s->expect("this is the last page")) << s->describe();
    ask(*s, ":prev");
    EXPECT_TRUE(s->expect("(showing 6-10")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, TabCompletesAPersonsFullNameFromTheIndex) {
    auto s = shell();
    prompt(*s);
    s->send("person:Antonel\t");
    ASSERT_TRUE(s->expect("newsdex> person:\"Antonella Brightwater\" ")) << s->describe();
    s->send("\r");
    // The completed filter is the whole name: exactly her 7 articles.
    EXPECT_TRUE(s->expect("7 articles match")) << s->describe();
    // A later word of the name completes too.
    prompt(*s);
    s->send("person:Kess\t");
    ASSERT_TRUE(s->expect("newsdex> person:\"Anton Kessely\" ")) << s->describe();
    s->send("\r");
    EXPECT_TRUE(s->expect("5 articles match")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, TabListsSeveralNamesAndCompletesWhatTheyShare) {
    auto s = shell();
    prompt(*s);
    s->send("person:Ant\t");
    // Most articles first, then the line extended to what both share.
    ASSERT_TRUE(s->expect("person:\"Antonella Brightwater\"  person:\"Anton Kessely\"")) << s->describe();
    ASSERT_TRUE(s->expect("newsdex> person:\"Anton")) << s->describe();
    s->send("y\t");        // person:"Antony: nobody
    s->send("\x15:he\t");  // Ctrl-U clears the line; a command completes
    EXPECT_TRUE(s->expect("newsdex> :help ")) << s->describe();
    s->send("\r");
    EXPECT_TRUE(s->expect(":quit")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, TabCompletesFieldNames) {
    auto s = shell();
    prompt(*s);
    s->send("harbour loc\t");
    ASSERT_TRUE(s->expect("newsdex> harbour location:")) << s->describe();
    s->send("Marr\t");
    ASSERT_TRUE(s->expect("newsdex> harbour location:\"Marrowfield\" ")) << s->describe();
    s->send("\r");
    EXPECT_TRUE(s->expect("11 articles match")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, OpenShowsTheArticleWithItsMetadata) {
    auto s = shell();
    ask(*s, "lighthouse");
    ASSERT_TRUE(s->expect("1 article matches")) << s->describe();
    ask(*s, ":open 1");
    ASSERT_TRUE(s->expect("Lighthouse keepers return to Port Ellery")) << s->describe();
    EXPECT_TRUE(s->expect("id               s1")) << s->describe();
    EXPECT_TRUE(s->expect("date             2024-05-02 (day precision, from metadata)")) << s->describe();
    EXPECT_TRUE(s->expect("source           Coast Gazette")) << s->describe();
    EXPECT_TRUE(s->expect("authors          Mira Quenby")) << s->describe();
    EXPECT_TRUE(s->expect("section          regional")) << s->describe();
    EXPECT_TRUE(s->expect("persons          Antonella Brightwater, Gideon Farrowby")) << s->describe();
    EXPECT_TRUE(s->expect("locations        Port Ellery")) << s->describe();
    EXPECT_TRUE(s->expect("Gideon Farrowby rowed the first crew out.")) << s->describe();  // the full text
    ask(*s, ":open 2");
    EXPECT_TRUE(s->expect("there is no hit 2: the search has 1")) << s->describe();
    ask(*s, ":open x");
    EXPECT_TRUE(s->expect(":open takes the number shown beside a hit")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, OpenTakesTheOverallRankOnAnyPage) {
    auto s = shell({"-n", "5"});
    ask(*s, "harbour");
    ASSERT_TRUE(s->expect("(showing 1-5")) << s->describe();
    ask(*s, ":next");
    ASSERT_TRUE(s->expect("(showing 6-10")) << s->describe();
    ASSERT_TRUE(s->expect(" 7. ")) << s->describe();
    // Hit 7's title, as listed on this page, is what :open 7 shows.
    const std::string listed = s->pending();
    const std::string title = listed.substr(0, listed.find('\n'));
    ASSERT_FALSE(title.empty()) << s->describe();
    ask(*s, ":open 7");
    EXPECT_TRUE(s->expect(title + "\n\n  id ")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, ABadQueryOrAnUnknownCommandIsAMessageAndTheShellGoesOn) {
    auto s = shell();
    ask(*s, "\"harbour");
    EXPECT_TRUE(s->expect("query error: unbalanced quote")) << s->describe();
    EXPECT_TRUE(s->expect("^")) << s->describe();  // the position
    ask(*s, ":frobnicate");
    EXPECT_TRUE(s->expect("unknown command \":frobnicate\" (:help lists the commands)")) << s->describe();
    ask(*s, ":sort sideways");
    EXPECT_TRUE(s->expect("unknown sort order \"sideways\"")) << s->describe();
    ask(*s, "lighthouse");
    EXPECT_TRUE(s->expect("1 article matches")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, StickyFiltersSortFacetsExplainLikeAndStats) {
    auto s = shell({"-n", "3"});
    ask(*s, ":filter person:\"Anton Kessely\"");
    ASSERT_TRUE(s->expect("Filter added; 1 in use.")) << s->describe();
    ask(*s, "harbour");
    ASSERT_TRUE(s->expect("5 articles match")) << s->describe();
    ask(*s, ":filters");
    EXPECT_TRUE(s->expect("1. person:\"Anton Kessely\"")) << s->describe();
    ask(*s, ":sort oldest");
    EXPECT_TRUE(s->expect("5 articles match")) << s->describe();
    ask(*s, ":sort");
    EXPECT_TRUE(s->expect("sort: oldest")) << s->describe();
    ask(*s, ":facets source");
    EXPECT_TRUE(s->expect("source: Coast Gazette 5")) << s->describe();
    ask(*s, ":facets");
    EXPECT_TRUE(s->expect("Facets over all 5 matching articles:")) << s->describe();
    ask(*s, ":clear");
    EXPECT_TRUE(s->expect("1 filter removed.")) << s->describe();
    ask(*s, ":sort relevance");
    EXPECT_TRUE(s->expect("12 articles match")) << s->describe();
    ask(*s, ":explain 1");
    EXPECT_TRUE(s->expect("score ")) << s->describe();
    EXPECT_TRUE(s->expect("harbour")) << s->describe();
    ask(*s, ":like 1");
    EXPECT_TRUE(s->expect("Articles like s")) << s->describe();
    ask(*s, ":stats");
    EXPECT_TRUE(s->expect("12 articles")) << s->describe();
    EXPECT_TRUE(s->expect("top sources: Coast Gazette 12")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, QuitExitsZeroAndTheHistoryIsInTheXdgStateDir) {
    auto s = shell();
    ask(*s, "lighthouse");
    ASSERT_TRUE(s->expect("1 article matches")) << s->describe();
    quit(*s);
    const fs::path history = home_ / "state" / "newsdex" / "history";
    ASSERT_TRUE(fs::exists(history)) << s->describe();
    EXPECT_NE(read_file(history).find("lighthouse"), std::string::npos) << read_file(history);
    // The next session has it: Ctrl-P brings the last line back.
    auto again = shell();
    prompt(*again);
    again->send("\x10\x10\r");  // Ctrl-P twice: ":quit", then "lighthouse"
    EXPECT_TRUE(again->expect("1 article matches")) << again->describe();
    prompt(*again);
    again->send("\x04");  // Ctrl-D leaves too
    EXPECT_EQ(again->wait(), 0) << again->describe();
}

TEST_F(ShellTest, HistoryDefaultsToTheHomeLocalStateDir) {
    RunOptions o = terminal_env();
    o.env["XDG_STATE_HOME"] = "";  // unset
    auto s = shell({}, db(), o);
    ask(*s, "lighthouse");
    ASSERT_TRUE(s->expect("1 article matches")) << s->describe();
    quit(*s);
    EXPECT_TRUE(fs::exists(home_ / ".local" / "state" / "newsdex" / "history")) << s->describe();
}

TEST_F(ShellTest, AHistoryThatCannotBeWrittenIsAWarningOnly) {
    write_file(home_ / "not-a-dir", "x");
    RunOptions o = terminal_env();
    o.env["XDG_STATE_HOME"] = (home_ / "not-a-dir").string();
    auto s = shell({}, db(), o);
    ask(*s, "lighthouse");
    ASSERT_TRUE(s->expect("newsdex-search: warning: cannot write the history to ")) << s->describe();
    ASSERT_TRUE(s->expect("1 article matches")) << s->describe();
    ask(*s, "harbour");
    EXPECT_TRUE(s->expect("12 articles match")) << s->describe();
    EXPECT_EQ(s->pending().find("warning"), std::string::npos) << "warned twice\n" << s->describe();
    quit(*s);
}

TEST_F(ShellTest, SeesArticlesIndexedWhileItRuns) {
    ScratchDir own;
    const fs::path index = own / "growing.db";
    write_file(own / "first.jsonl", synthetic_articles());
    ASSERT_EQ(index_into(index, {(own / "first.jsonl").string()}).status, 0);
    auto s = shell({}, index);
    ask(*s, "zeppelin");
    ASSERT_TRUE(s->expect("No articles match")) << s->describe();
    write_file(own / "later.jsonl", json({{"id", "late-1"},
                                          {"title", "A zeppelin over Port Ellery"},
                                          {"body", "A zeppelin drifted over the harbour."}})
                                            .dump() +
                                        "\n");
    const RunResult added = index_into(index, {(own / "later.jsonl").string()});
    ASSERT_EQ(added.status, 0) << describe(added);
    ask(*s, "zeppelin");
    EXPECT_TRUE(s->expect("1 article matches")) << s->describe();
    EXPECT_TRUE(s->expect("A zeppelin over Port Ellery")) << s->describe();
    quit(*s);
}

TEST_F(ShellTest, PipedInputPrintsResultsWithNoPromptsOrEscapeCodes) {
    const RunResult r = search_in(db(), {"--shell", "-n", "5", "--color", "auto"},
                                  {.stdin_text = "harbour\n:next\n:bogus\nlighthouse\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("12 articles match (showing 1-5, "), std::string::npos) << describe(r);
    EXPECT_NE(r.out.find("12 articles match (showing 6-10, "), std::string::npos) << describe(r);
    EXPECT_NE(r.out.find("person: Antonella Brightwater"), std::string::npos) << describe(r);
    EXPECT_NE(r.out.find("1 article matches"), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find("newsdex>"), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: stdin:3: unknown command \":bogus\" (:help lists the commands)\n") << describe(r);
}

// With the results redirected, the file gets only them: settings shown,
// filters added and notes go to standard error. A rank past what an index
// can hold is no rank (4294967297 was taken as 1).
TEST_F(ShellTest, OnlyResultsGoToStandardOutput) {
    const RunResult r = search_in(
        db(), {"--shell", "-n", "3"},
        {.stdin_text =
             ":filter person:\"Anton Kessely\"\n:sort\n:limit\n:filters\nharbour\n:open 4294967297\n:stats\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("5 articles match"), std::string::npos) << describe(r);
    for (const char* message : {"Filter added; 1 in use.", "sort: relevance", "page size: 3",
                                "1. person:", "stdin:6: :open takes the number shown beside a hit", "top sources: "}) {
        EXPECT_EQ(r.out.find(message), std::string::npos) << message << "\n" << describe(r);
        EXPECT_NE(r.err.find(message), std::string::npos) << message << "\n" << describe(r);
    }
}

TEST_F(ShellTest, PipedQueryErrorNamesTheLineAndPointsAtThePosition) {
    const RunResult r = search_in(db(), {"--shell"}, {.stdin_text = "lighthouse\nharbour AND\n:quit\nharbour\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err.rfind("newsdex-search: stdin:2: query error: ", 0), 0u) << describe(r);
    EXPECT_EQ(r.out.find("12 articles"), std::string::npos) << "ran a line after :quit\n" << describe(r);
}

TEST_F(ShellTest, PipedLineNumbersCountInputLinesOnly) {
    // The command line's query is no line of the input.
    const RunResult r = search_in(db(), {"--shell", "harbour"}, {.stdin_text = ":bogus\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err.rfind("newsdex-search: stdin:1: unknown command", 0), 0u) << describe(r);
}

TEST_F(ShellTest, ClearShowsTheUnfilteredSearchAndPagesIt) {
    const RunResult r = search_in(db(), {"--shell", "-n", "10"},
                                  {.stdin_text = "harbour\n:filter person:\"Anton Kessely\"\n:clear\n:next\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    // The results: the search, filtered, cleared, and its next page.
    const auto filtered = r.out.find("5 articles match");
    ASSERT_NE(filtered, std::string::npos) << describe(r);
    const auto cleared = r.out.find("12 articles match (showing 1-10", filtered);
    ASSERT_NE(cleared, std::string::npos) << describe(r);
    EXPECT_NE(r.out.find("12 articles match (showing 11-12", cleared), std::string::npos) << describe(r);
    // What the commands say is no result (OnlyResultsGoToStandardOutput).
    EXPECT_EQ(r.err, "Filter added; 1 in use.\n1 filter removed.\n") << describe(r);
}

TEST_F(ShellTest, ShellRefusesScriptFormats) {
    const RunResult r = search_in(db(), {"--shell", "--format", "json"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: error: --shell shows text: --format and --batch are for scripts\n");
}

// ---- Everyday use (issue 15): the banner, bare commands, the pager,
// wrapping to the terminal, :facets in full ----

// One article with a title, an outlet and lists of names far wider than 70
// columns (the names are invented).
const std::vector<std::string> kManyPersons = {
    "Antonella Brightwater",    "Gideon Farrowby",         "Anton Kessely",           "Mira Quenby",
    "Tobias Wrenfield",         "Odile Marchbank",         "Ines Halloran",           "Piet van der Holt",
    "Maria del Carmen Ostrava", "Lucas Ferreira Dalgaard", "Henrietta Vollmer-Crane", "Barnaby Quist",
    "Sunniva Eklund",           "Casimir Oyelaran",        "Delphine Achterberg"};
const std::vector<std::string> kManyPlaces = {"Port Ellery", "Marrowfield", "Quillon Bay", "Harth Island",
                                              "Saint Oswin's Reach"};
const std::string kLongTitle =
    "Harbour commissioners of Port Ellery approve the long delayed plan for a second breakwater and a keeper's "
    "cottage";

std::string wide_article() {
    return json({{"id", "wide-1"},
                 {"title", kLongTitle},
                 {"date", "2024-05-02"},
                 {"source", "Coast Gazette and Marrowfield Evening Courier"},
                 {"persons", kManyPersons},
                 {"locations", kManyPlaces},
                 {"body",
                  "The harbour commissioners voted on Tuesday to build a second breakwater beyond the lighthouse, "
                  "ending a dispute that began when the winter storms of the last three years flooded the quay.\n\n"
                  "Work on the breakwater starts in the spring."}})
               .dump() +
           "\n";
}

// Terminal columns of a line of ASCII, "·" and "…": one a character.
std::size_t columns_of(const std::string& line) {
    std::size_t n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    return n;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// The text between the first `from` and the next `to` after it.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    const auto begin = text.find(from);
    if (begin == std::string::npos) return "";
    const auto end = text.find(to, begin + from.size());
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

class EverydayShellTest : public ShellTest {
protected:
    void SetUp() override {
        ShellTest::SetUp();
        write_file(own_ / "wide.jsonl", wide_article());
        const RunResult indexed = index_into(wide_db(), {(own_ / "wide.jsonl").string()});
        ASSERT_EQ(indexed.status, 0) << describe(indexed);
    }
    fs::path wide_db() const { return own_ / "wide.db"; }
    // A shell on it with no pager (all its output on the screen), after
    // a search that finds the article.
    std::unique_ptr<PtySession> shell_on_the_article() const {
        RunOptions o = terminal_env();
        o.env["NEWSDEX_PAGER"] = "cat";
        auto s = shell({}, wide_db(), o);
        ask(*s, "breakwater");
        EXPECT_TRUE(s->expect("1 article matches")) << s->describe();
        return s;
    }

    ScratchDir own_;
};

TEST_F(ShellTest, OnATerminalABannerNamesTheIndexAndHowToGetHelpAndLeave) {
    auto s = shell();
    ASSERT_TRUE(
        s->expect("newsdex " + std::string(kVersion) + " \xC2\xB7 " + db().string() + " \xC2\xB7 12 articles\n"))
        << s->describe();
    EXPECT_TRUE(s->expect("Type a query, :help for commands, :quit or Ctrl-D to leave.\n")) << s->describe();
    quit(*s);
    // Piped, the shell is a script's: no banner on either stream.
    const RunResult r = search_in(db(), {"--shell"}, {.stdin_text = "lighthouse\n"});
    EXPECT_EQ(r.out.rfind("1 article matches", 0), 0u) << describe(r);
    EXPECT_EQ(r.err, "") << describe(r);
}

TEST_F(ShellTest, BareHelpClearAndExitAreCommandsAtATerminal) {
    cols_ = 160;  // each note on one line
    ScratchDir own;
    write_file(own / "sky.jsonl", json({{"id", "sky-1"},
                                        {"title", "Clear skies over Port Ellery"},
                                        {"body", "The forecast is clear, and the pilots need no help."}})
                                          .dump() +
                                      "\n");
    ASSERT_EQ(index_into(own / "sky.db", {(own / "sky.jsonl").string()}).status, 0);
    auto s = shell({}, own / "sky.db");
    ask(*s, "help");
    ASSERT_TRUE(s->expect(":open N")) << s->describe();
    EXPECT_TRUE(s->expect("(help is the command :help here; to search for the word, put it in quotes: \"help\")\n"))
        << s->describe();
    ask(*s, "\"help\"");  // the word itself
    EXPECT_TRUE(s->expect("1 article matches")) << s->describe();
    ask(*s, " help ");
    ASSERT_TRUE(s->expect(":open N")) << s->describe();
    ask(*s, "clear");
    ASSERT_TRUE(
        s->expect("(clear clears the screen here; :clear removes the filters; to search for the word, put it "
                  "in quotes: \"clear\")\n"))
        << s->describe();
    EXPECT_NE(s->raw().find("\x1b[H\x1b[2J"), std::string::npos) << s->describe();
    ask(*s, "clear skies");  // more than the word: a query
    EXPECT_TRUE(s->expect("1 article matches")) << s->describe();
    ask(*s, "exit");
    EXPECT_TRUE(s->expect("(exit is the command :quit here;")) << s->describe();
    EXPECT_EQ(s->wait(), 0) << s->describe();
    EXPECT_EQ(occurrences(s->screen(), "(help is the command"), 1u) << "told twice\n" << s->describe();
}

TEST_F(ShellTest, BareQuitLeavesAndPipedBareWordsAreQueries) {
    auto s = shell();
    ask(*s, "quit");
    EXPECT_EQ(s->wait(), 0) << s->describe();
    // A script's lines are read as they always were: "help" and "quit" are
    // searched (no article has them) and the shell goes on.
    const RunResult r = search_in(db(), {"--shell"}, {.stdin_text = "help\nquit\nlighthouse\n"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(occurrences(r.out, "No articles match"), 2u) << describe(r);
    EXPECT_NE(r.out.find("1 article matches"), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find(":open N"), std::string::npos) << describe(r);
}

TEST_F(ShellTest, OpenAndFacetsGoThroughThePagerWhenTallerThanTheScreen) {
    rows_ = 12;
    const RunOptions o = pager_env("sed s/^/PAGED:/");  // marks every line it shows
    auto s = shell({}, db(), o);
    open_lighthouse(*s);
    ASSERT_TRUE(s->expect("PAGED:Lighthouse keepers return to Port Ellery\n")) << s->describe();
    EXPECT_TRUE(s->expect("PAGED:  persons          Antonella Brightwater, Gideon Farrowby\n")) << s->describe();
    EXPECT_TRUE(s->expect("PAGED:Gideon Farrowby rowed the first crew out.\n")) << s->describe();
    ask(*s, ":help");
    EXPECT_TRUE(s->expect("PAGED:  :open N ")) << s->describe();
    ask(*s, "harbour");  // a page of results is never paged
    ASSERT_TRUE(s->expect("12 articles match")) << s->describe();
    EXPECT_EQ(s->pending().find("PAGED:"), std::string::npos) << s->describe();
    ask(*s, ":facets");  // 6 months of dates, 3 persons, 2 places: taller than 12 rows
    EXPECT_TRUE(s->expect("PAGED:Facets over all 12 matching articles:\n")) << s->describe();
    quit(*s);
    // On a screen it fits, the article is printed as it is.
    rows_ = 40;
    expect_unpaged(*shell({}, db(), o), "PAGED:");
}

TEST_F(ShellTest, NewsdexPagerComesFirstAndCatOrEmptyMeansNoPager) {
    rows_ = 12;
    RunOptions o = pager_env("sed s/^/PAGER:/");
    o.env["NEWSDEX_PAGER"] = "sed s/^/NEWSDEX:/";
    auto s = shell({}, db(), o);
    open_lighthouse(*s);
    EXPECT_TRUE(s->expect("NEWSDEX:Lighthouse keepers return to Port Ellery\n")) << s->describe();
    quit(*s);
    o.env["NEWSDEX_PAGER"] = "cat";
    auto cat = shell({}, db(), o);
    // PAGER set and empty (RunOptions would unset it: env sets it).
    o.env["NEWSDEX_PAGER"] = "";
    PtySession empty({"/usr/bin/env", "PAGER=", search_bin(), "--db", db().string()}, o, cols_, rows_);
    expect_unpaged(*cat, "PAGER:");
    expect_unpaged(empty, "PAGER:");
}

TEST_F(ShellTest, APagerThatCannotRunIsOneWarningAndTheTextIsPrinted) {
    rows_ = 12;
    // Run directly (no shell needed), then through /bin/sh (the quotes).
    for (const std::string pager : {"no-such-pager-for-newsdex -x", "no-such-pager-for-newsdex \"-x\""}) {
        auto s = shell({}, db(), pager_env(pager));
        open_lighthouse(*s);
        ASSERT_TRUE(s->expect("newsdex-search: warning: cannot run the pager \"" + pager + "\": ")) << s->describe();
        EXPECT_TRUE(s->expect("; set NEWSDEX_PAGER or PAGER (empty for none)\n")) << s->describe();
        EXPECT_TRUE(s->expect("Lighthouse keepers return to Port Ellery\n")) << s->describe();
        EXPECT_TRUE(s->expect("Gideon Farrowby rowed the first crew out.")) << s->describe();
        ask(*s, ":open 1");
        EXPECT_TRUE(s->expect("Gideon Farrowby rowed the first crew out.")) << s->describe();
        quit(*s);
        EXPECT_EQ(occurrences(s->screen(), "warning: cannot run the pager"), 1u) << s->describe();
    }
}

TEST_F(ShellTest, NoPagerWhenOutputIsNotATerminal) {
    const RunResult r = search_in(
        db(), {"--shell"},
        {.stdin_text = "lighthouse\n:open 1\n:help\n", .env = {{"PAGER", "sed s/^/PAGED:/"}, {"LINES", "5"}}});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("Gideon Farrowby rowed the first crew out."), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find("PAGED:"), std::string::npos) << describe(r);
    // Typed at a terminal, stdout sent to a file: the banner and the prompt
    // stay on the terminal, the article goes to the file unpaged.
    ScratchDir own;
    PtySession s(
        {"/bin/sh", "-c", "exec \"$0\" --db \"$1\" >\"$2\"", search_bin(), db().string(), (own / "out.txt").string()},
        pager_env("sed s/^/PAGED:/"), 100, 12);
    EXPECT_TRUE(s.expect("Type a query, :help for commands")) << s.describe();
    ask(s, "lighthouse");  // the results go to the file
    ask(s, ":open 1");
    quit(s);
    const std::string written = read_file(own / "out.txt");
    EXPECT_NE(written.find("Gideon Farrowby rowed the first crew out."), std::string::npos) << written;
    EXPECT_EQ(written.find("PAGED:"), std::string::npos) << written;
    EXPECT_EQ(written.find("Type a query"), std::string::npos) << written;
}

TEST_F(ShellTest, LessIsTheDefaultPagerAndTheLineEditorWorksAfterIt) {
    if (!fs::exists("/usr/bin/less")) GTEST_SKIP() << "less is not installed (scripts/install-deps installs it)";
    rows_ = 12;
    RunOptions o = terminal_env();  // no PAGER, NEWSDEX_PAGER or LESS
    o.env["TERM"] = "xterm";        // less refuses to page on a dumb terminal
    auto s = shell({}, db(), o);
    open_lighthouse(*s);
    ASSERT_TRUE(s->expect("Lighthouse keepers return to Port Ellery")) << s->describe();
    EXPECT_TRUE(s->expect("  persons")) << s->describe();  // the metadata, at the top of less's screen
    s->send("q");
    ask(*s, "harbour");
    EXPECT_TRUE(s->expect("12 articles match")) << s->describe();
    quit(*s);
    // LESS=FRX when LESS is unset: X, so less leaves the article on the
    // screen instead of switching to the alternate screen and back.
    EXPECT_EQ(s->raw().find("\x1b[?1049h"), std::string::npos) << s->describe();
}

TEST_F(ShellTest, APagerThatLeavesTheTerminalRawIsUndone) {
    rows_ = 12;
    // Leaves the terminal raw and fails: the shell then prints the article
    // itself, to a terminal that must be as it was before the pager.
    auto s = shell({}, db(), pager_env("stty -F /dev/tty raw -echo; exit 127"));
    open_lighthouse(*s);
    ASSERT_TRUE(s->expect("rowed the first crew out.")) << s->describe();
    // Output processing is back on: each newline reached the screen as CR LF.
    EXPECT_NE(s->raw().find("would shine from June.\r\n"), std::string::npos) << s->describe();
    ask(*s, "harbour");
    EXPECT_TRUE(s->expect("12 articles match")) << s->describe();
    quit(*s);
    EXPECT_TRUE(s->terminal_echoes()) << "the shell ended with the terminal raw\n" << s->describe();
}

TEST_F(EverydayShellTest, EveryLineFitsSeventyColumnsAndNoNameIsSplit) {
    cols_ = 70;
    auto s = shell_on_the_article();
    // Each command, and the last thing it shows.
    for (const auto& [command, shown] :
         {std::pair{":open 1", "Work on the breakwater starts in the spring."},
          {":help", "Tab completes"},
          {":facets", "date by month"},
          {":stats", "top sources:"},
          {":sort sideways", "oldest or recent"},
          // quoted around the error, caret and all on 70 columns
          {"harbour breakwater lighthouse commissioners cottage keeper (quay storms winter dispute "
           "spring ferry timetable pier",
           "^"}}) {
        ask(*s, command);
        ASSERT_TRUE(s->expect(shown)) << s->describe();
    }
    quit(*s);
    const std::string screen = s->screen();
    for (const auto& line : lines_of(screen)) {  // what the shell wrote, not what was typed
        if (!line.starts_with("newsdex> ")) {
            EXPECT_LE(columns_of(line), 70u) << line;
        }
    }
    // The title wraps under its number; the hit's names stay whole.
    const std::string hit = between(screen, "1. ", "newsdex> ");
    const auto hit_lines = lines_of(hit);
    ASSERT_GT(hit_lines.size(), 3u) << hit;
    EXPECT_TRUE(hit_lines[0].starts_with("1. Harbour commissioners of Port Ellery")) << hit;
    EXPECT_TRUE(hit_lines[1].starts_with("   ") && hit_lines[1][3] != ' ') << hit;
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NE(hit.find(kManyPersons[k]), std::string::npos) << hit;
    // :open lists every name, each whole, broken between names only.
    const std::string persons = between(screen, "  persons ", "  locations ");
    for (const auto& name : kManyPersons) EXPECT_NE(persons.find(name), std::string::npos) << name << "\n" << persons;
    EXPECT_GT(lines_of(persons).size(), 3u) << persons;
    for (const auto& line : lines_of(persons)) {
        EXPECT_TRUE(line.ends_with(",") || line.ends_with("Delphine Achterberg")) << line;
        EXPECT_TRUE(line.starts_with("  persons ") || line.starts_with(std::string(19, ' '))) << line;
    }
    const std::string places = between(screen, "  locations ", "  countries ");
    for (const auto& name : kManyPlaces) EXPECT_NE(places.find(name), std::string::npos) << name << "\n" << places;
    // :help's descriptions wrap under themselves.
    EXPECT_NE(screen.find("\n" + std::string(24, ' ') + "author, "), std::string::npos) << screen;
}

TEST_F(EverydayShellTest, OneShotOutputWrapsOnATerminalAndKeepsItsLinesInAPipe) {
    PtySession s({search_bin(), "--db", wide_db().string(), "breakwater"}, terminal_env(), 70, 40);
    ASSERT_EQ(s.wait(), 0) << s.describe();
    const std::string screen = s.screen();
    ASSERT_NE(screen.find("1 article matches"), std::string::npos) << s.describe();
    for (const auto& line : lines_of(screen)) EXPECT_LE(columns_of(line), 70u) << line;
    for (std::size_t k = 0; k < 4; ++k) {  // whole, though the names take two lines
        EXPECT_NE(screen.find(kManyPersons[k]), std::string::npos) << s.describe();
        EXPECT_NE(screen.find(kManyPlaces[k]), std::string::npos) << s.describe();
    }
    // Through a pipe, each title, metadata and name line stays one line.
    const RunResult r = search_in(wide_db(), {"breakwater"}, {.env = {{"COLUMNS", "70"}}});
    const auto lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 5u) << describe(r);
    EXPECT_EQ(lines[2], "1. " + kLongTitle) << describe(r);
    EXPECT_EQ(lines[3], "   2024-05-02 \xC2\xB7 Coast Gazette and Marrowfield Evening Courier \xC2\xB7 wide-1")
        << describe(r);
}

TEST_F(EverydayShellTest, FacetsListsEveryValueOfTheChosenFacets) {
    auto s = shell_on_the_article();
    ask(*s, ":facets");
    ASSERT_TRUE(s->expect("Facets over all 1 matching article:\n  person\n")) << s->describe();
    std::string shown = s->pending();
    for (const auto& name : kManyPersons)
        EXPECT_NE(shown.find("    1  =\"" + name + "\"\n"), std::string::npos) << name << "\n" << s->describe();
    EXPECT_EQ(shown.find(" of 15)"), std::string::npos) << s->describe();  // no "person (10 of 15)"
    // :facets FIELD chooses the facets; :facets then lists those.
    ask(*s, ":facets location");
    ASSERT_TRUE(s->expect("location: ")) << s->describe();
    ask(*s, ":facets");
    ASSERT_TRUE(s->expect("Facets over all 1 matching article:\n  location\n")) << s->describe();
    shown = s->pending();
    for (const auto& place : kManyPlaces) EXPECT_NE(shown.find("\"" + place + "\""), std::string::npos) << place;
    EXPECT_EQ(shown.find("  person"), std::string::npos) << s->describe();
    quit(*s);
}

// The seed articles, when ../shared is there.
TEST_F(ShellTest, SeedsCompleteAntToAntonyBlinken) {
    const fs::path shared = shared_dir();
    if (shared.empty() || !fs::is_directory(shared / "seeds")) GTEST_SKIP() << "no ../shared/seeds";
    ScratchDir own;
    const RunResult indexed = index_into(own / "seeds.db", {(shared / "seeds").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    auto s = shell({}, own / "seeds.db");
    prompt(*s);
    s->send("person:Ant\t");
    ASSERT_TRUE(s->expect("person:\"Antony Blinken\"")) << s->describe();
    s->send("\x15person:Antony\t");
    ASSERT_TRUE(s->expect("newsdex> person:\"Antony Blinken\" ")) << s->describe();
    s->send("\r");
    EXPECT_TRUE(s->expect(" match")) << s->describe();
    EXPECT_TRUE(s->expect("Blinken")) << s->describe();
    quit(*s);
}

// ---- --get ID ----

class GetArticleTest : public ShellTest {};

TEST_F(GetArticleTest, TextHasEveryFieldAndTheWholeText) {
    const RunResult r = search_in(db(), {"--get", "s1"}, {.env = {{"COLUMNS", "1000"}}});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err, "");
    const auto lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 17u) << describe(r);
    EXPECT_EQ(lines[0], "Lighthouse keepers return to Port Ellery");
    const std::vector<std::string> fields = {
        "  id               s1",
        "  date             2024-05-02 (day precision, from metadata)",
        "  source           Coast Gazette",
        "  url              https://coastgazette.example/lighthouse",
        "  path             " + (dir() / "articles.jsonl").string() + ":1",
        "  authors          Mira Quenby",
        "  section          regional",
        "  keywords         lighthouses, Port Ellery",
        "  persons          Antonella Brightwater, Gideon Farrowby",
        "  locations        Port Ellery",
        "  countries        -",
        "  organizations    -",
        "  mentioned dates  -",
    };
    for (std::size_t k = 0; k < fields.size(); ++k) EXPECT_EQ(lines[2 + k], fields[k]) << describe(r);
    EXPECT_EQ(lines[16],
              "The harbour lighthouse at Port Ellery has keepers again. Antonella Brightwater, who chairs the "
              "harbour trust, said the lamp would shine from June.");
    EXPECT_EQ(lines[18], "Gideon Farrowby rowed the first crew out.");
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(GetArticleTest, TextWrapsToTheWidth) {
    const RunResult r = search_in(db(), {"--get", "s1"}, {.env = {{"COLUMNS", "40"}}});
    ASSERT_EQ(r.status, 0) << describe(r);
    for (const auto& line : lines_of(r.out))
        if (line.find("path ") == std::string::npos) {
            EXPECT_LE(line.size(), 40u) << line;  // ASCII: bytes are columns
        }
    // The paragraph, rejoined, is whole.
    std::string text;
    for (const auto& line : lines_of(r.out.substr(r.out.find("mentioned dates"))))
        if (!line.empty() && line.find("mentioned dates") == std::string::npos)
            text += (text.empty() ? "" : " ") + line;
    EXPECT_EQ(
        text.rfind("The harbour lighthouse at Port Ellery has keepers again. Antonella Brightwater, who chairs the "
                   "harbour trust, said the lamp would shine from June. Gideon Farrowby",
                   0),
        0u)
        << describe(r);
}

TEST_F(GetArticleTest, JsonIsOneObjectWithAllTheMetadata) {
    const RunResult r = search_in(db(), {"--get", "s1", "--format", "json"});
    ASSERT_EQ(r.status, 0) << describe(r);
    ASSERT_EQ(lines_of(r.out).size(), 1u) << describe(r);
    const json j = json::parse(r.out);
    EXPECT_EQ(j["id"], "s1");
    EXPECT_EQ(j["title"], "Lighthouse keepers return to Port Ellery");
    EXPECT_EQ(j["date"], "2024-05-02");
    EXPECT_EQ(j["date_precision"], "day");
    EXPECT_EQ(j["date_source"], "metadata");
    EXPECT_EQ(j["source"], "Coast Gazette");
    EXPECT_EQ(j["url"], "https://coastgazette.example/lighthouse");
    EXPECT_EQ(j["authors"], json({"Mira Quenby"}));
    EXPECT_EQ(j["section"], "regional");
    EXPECT_EQ(j["keywords"], json({"lighthouses", "Port Ellery"}));  // a comma-separated string, split
    EXPECT_EQ(j["persons"], json({"Antonella Brightwater", "Gideon Farrowby"}));
    EXPECT_EQ(j["locations"], json({"Port Ellery"}));
    EXPECT_EQ(j["countries"], json::array());
    EXPECT_EQ(j["organizations"], json::array());
    EXPECT_TRUE(j["mentioned_dates"].is_array());
    EXPECT_EQ(j["text"],
              "The harbour lighthouse at Port Ellery has keepers again. Antonella Brightwater, who chairs the "
              "harbour trust, said the lamp would shine from June.\n\nGideon Farrowby rowed the first crew out.");
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys.size(), 17u) << r.out;
}

TEST_F(GetArticleTest, AnUnknownIdExitsOne) {
    const RunResult r = search_in(db(), {"--get", "no-such-article"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "newsdex-search: error: no article has the id \"no-such-article\"\n");
    const RunResult j = search_in(db(), {"--get", "no-such-article", "--format", "json"});
    EXPECT_EQ(j.status, 1) << describe(j);
    EXPECT_EQ(j.out, "");
}

TEST_F(GetArticleTest, TakesNoQuery) {
    const RunResult r = search_in(db(), {"--get", "s1", "harbour"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(
        r.err,
        "newsdex-search: error: --get takes an id and no QUERY, --like, --shell or --batch (--format text or json)\n");
}

}  // namespace
}  // namespace newsdex::e2e
