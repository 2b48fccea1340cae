// Hostile input on the query side (issue 11): 100 KB queries, thousands of
// terms, control characters, unbalanced syntax, binary junk in a batch file.
// Each case runs the real newsdex-search with a time limit and a cap on its
// address space, and must end by itself with the documented exit status and
// one clear error (one JSON error object per bad line in a batch, which
// then goes on), never a signal, a hang, unbounded memory or a raw control
// character on the terminal. Big inputs are generated here, never committed.
#include <cctype>
#include <random>

#include "helpers.h"
#include "indexed_corpus.h"
#include "pty_session.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Every case takes milliseconds; a case still running after this is a hang.
constexpr std::chrono::seconds kTimeLimit{5};
// A batch of a megabyte of lines is thousands of searches: about 2 s alone,
// and twice that or more while other tests load the machine (one such run
// passed the 5 s limit). A hang guard, not a speed check.
constexpr std::chrono::seconds kBatchTimeLimit{30};
// Far above what a search of this index needs (tens of megabytes), far below
// what the unbounded cases took before (gigabytes).
constexpr std::size_t kMemoryLimit = std::size_t{1} << 30;

// The bundled corpus, and 600 articles sharing out 12,000 distinct words
// zq0..zq11999 (article k holds zq{k}, zq{k+600}, zq{k+1200}…): wildcards
// that expand to more words than a query may use (zq*) or fewer (zq1*, 3,111
// words), and a query of 1,000 words that every one of them matches.
constexpr int kWideArticles = 600, kWideWords = 12000;

struct HostileCorpus {
    static constexpr const char* kDatabase = "hostile.db";
    static std::string prepare(const fs::path& dir, std::vector<std::string>& args) {
        for (int k = 0; k < kWideArticles; ++k) {
            std::string words;
            for (int w = k; w < kWideWords; w += kWideArticles) words += "zq" + std::to_string(w) + " ";
            write_file(dir / "wide" / ("w" + std::to_string(k) + ".txt"), "Wide vocabulary\n\n" + words + "\n");
        }
        args = {(source_dir() / "corpus").string(), (dir / "wide").string()};
        return "";
    }
};

std::string repeated(const std::string& piece, std::size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += piece;
    out.resize(bytes);
    return out;
}

// "t0 t1 t2 …" joined by `separator`.
std::string distinct_terms(std::size_t n, const std::string& separator) {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += (k ? separator : "") + "t" + std::to_string(k);
    return out;
}

// C0 control bytes but the newline: what JSON must escape, and ESC among them.
bool has_c0_controls(const std::string& s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return true;
    return false;
}

// Bytes a terminal would act on: C0 controls but the newline, DEL, and the
// C1 controls' UTF-8 form (U+0080..U+009F).
bool has_control_bytes(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

// The process ended by itself, within the time limit, not by a signal.
void expect_survived(const RunResult& r) {
    EXPECT_FALSE(r.timed_out) << "still running at its time limit: " << describe(r);
    EXPECT_LT(r.status, 128) << "killed by a signal: " << describe(r);
}

// A one-shot query error: exit 2, nothing on stdout, the message on one
// line, then at most the quoted query and the caret, short and escaped.
void expect_query_error(const RunResult& r, const std::string& message) {
    expect_survived(r);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.out, "") << describe(r);
    const auto lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty()) << describe(r);
    EXPECT_EQ(lines[0], "newsdex-search: query error: " + message) << describe(r);
    EXPECT_LE(lines.size(), 3u) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "error").size(), 1u) << describe(r);
    EXPECT_FALSE(has_control_bytes(r.err)) << describe(r);
    for (const auto& l : lines) EXPECT_LE(l.size(), 400u) << describe(r);
}

// A usage error: exit 2, one line.
void expect_usage_error(const RunResult& r, const std::string& line) {
    expect_survived(r);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.out, "") << describe(r);
    EXPECT_EQ(r.err, line + "\n") << describe(r);
}

// Each stdout line of a JSON batch, parsed (a line that is not JSON fails).
std::vector<json> batch_answers(const RunResult& r) {
    std::vector<json> out;
    for (const auto& l : lines_of(r.out)) {
        out.push_back(json::parse(l, nullptr, false));
        EXPECT_FALSE(out.back().is_discarded()) << "not JSON: " << l.substr(0, 200);
    }
    return out;
}

void expect_error_answer(const json& answer, const std::string& id, const std::string& error) {
    EXPECT_EQ(answer.value("type", ""), "error") << answer.dump().substr(0, 300);
    EXPECT_EQ(answer.value("id", ""), id) << answer.dump().substr(0, 300);
    EXPECT_EQ(answer.value("error", ""), error) << answer.dump().substr(0, 300);
}

void expect_hits_answer(const json& answer, const std::string& id) {
    EXPECT_EQ(answer.value("type", ""), "result") << answer.dump().substr(0, 300);
    EXPECT_EQ(answer.value("id", ""), id) << answer.dump().substr(0, 300);
    EXPECT_GT(answer.value("total", 0), 0) << answer.dump().substr(0, 300);
}

class HostileQueryTest : public IndexedCorpusTest<HostileCorpus> {
protected:
    static RunOptions limited(std::string stdin_text = "", std::chrono::seconds timeout = kTimeLimit) {
        RunOptions o;
        o.stdin_text = std::move(stdin_text);
        o.timeout = timeout;
        o.memory_limit = kMemoryLimit;
        return o;
    }
    static RunResult search(std::vector<std::string> args, std::string stdin_text = "") {
        return search_in(db(), std::move(args), limited(std::move(stdin_text)));
    }
    // The query after "--", so one starting with "-" is no option.
    static RunResult query(const std::string& q, std::vector<std::string> options = {}) {
        options.push_back("--");
        options.push_back(q);
        return search(std::move(options));
    }
    // A batch file of these bytes, run with the JSON output.
    static RunResult batch(const std::string& bytes, std::vector<std::string> options = {}) {
        const fs::path file = dir() / "batch.txt";
        write_file(file, bytes);
        std::vector<std::string> args{"--batch", file.string(), "-n", "1"};
        args.insert(args.end(), options.begin(), options.end());
        RunResult r = search_in(db(), std::move(args), limited("", kBatchTimeLimit));
        fs::remove(file);
        return r;
    }
};

// ---- One-shot queries ----

TEST_F(HostileQueryTest, AHundredKilobyteQueryIsTooLong) {
    expect_query_error(query(repeated("ceasefire talks ", 100 * 1024)),
                       "too long: a query may have at most 10000 bytes (this one has 102400)");
}

TEST_F(HostileQueryTest, FiveThousandTermsAreTooLongAloneOrJoinedByOrAndAnd) {
    for (const std::string separator : {" ", " OR ", " AND "}) {
        SCOPED_TRACE(separator);
        const std::string q = distinct_terms(5000, separator);
        expect_query_error(query(q), "too long: a query may have at most 10000 bytes (this one has " +
                                         std::to_string(q.size()) + ")");
        expect_query_error(query(q, {"--any"}), "too long: a query may have at most 10000 bytes (this one has " +
                                                    std::to_string(q.size()) + ")");
    }
}

TEST_F(HostileQueryTest, MoreThanAThousandWordsAreTooMany) {
    const RunResult r = query(distinct_terms(1001, " "));
    expect_query_error(r, "too many words: a query may have at most 1000");
    // The quote is cut around the word past the limit, the caret under it.
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 3u) << describe(r);
    EXPECT_TRUE(lines[1].ends_with(" t1000")) << describe(r);
    EXPECT_EQ(lines[2], std::string(2 + 1 + 40, ' ') + "^") << describe(r);  // after "…" and 40 bytes
    const RunResult at_limit = query(distinct_terms(1000, " "));
    expect_survived(at_limit);
    EXPECT_EQ(at_limit.status, 1) << describe(at_limit);
    EXPECT_EQ(at_limit.err, "") << describe(at_limit);
}

TEST_F(HostileQueryTest, TenThousandParenthesesNestTooDeep) {
    const RunResult r = query(std::string(10000, '('));
    expect_query_error(r, "parentheses nested too deep: a query may nest them at most 100 deep");
    // 100 deep is allowed, and answers.
    const RunResult deep = query(std::string(100, '(') + "ceasefire" + std::string(100, ')'));
    expect_survived(deep);
    EXPECT_EQ(deep.status, 0) << describe(deep);
    // Nesting with an operator at every level, which Xapian cannot flatten.
    std::string alternating = "ceasefire";
    for (int k = 0; k < 101; ++k) alternating = "(" + alternating + (k % 2 ? " OR talks)" : " AND hostages)");
    expect_query_error(query(alternating), "parentheses nested too deep: a query may nest them at most 100 deep");
}

TEST_F(HostileQueryTest, UnbalancedSyntaxIsOneErrorWithItsPosition) {
    const std::pair<const char*, const char*> cases[] = {
        {"\"cease fire", "unbalanced quote: this '\"' is never closed"},
        {"(ceasefire", "unbalanced parenthesis: this '(' is never closed"},
        {"ceasefire)", "unbalanced parenthesis: no '(' before this ')'"},
        {"((ceasefire) OR \"talks", "unbalanced quote: this '\"' is never closed"},
        {")))(((", "unbalanced parenthesis: no '(' before this ')'"},
        {"ceasefire AND", "\"AND\" needs a word on each side (to search for the word itself, write it in lower case)"},
    };
    for (const auto& [q, message] : cases) {
        SCOPED_TRACE(q);
        const RunResult r = query(q);
        expect_query_error(r, message);
        EXPECT_EQ(lines_of(r.err).size(), 3u) << describe(r);  // quote and caret
    }
}

TEST_F(HostileQueryTest, FieldFiltersWithEmptyOrHugeValues) {
    // An empty value, quoted or not, is the same error (it matched nothing, silently).
    for (const std::string empty : {"person:", "person:\"\"", "person:\"  \"", "person:="})
        expect_query_error(query(empty), "\"person:\" needs a word or a \"phrase\" after it");
    expect_query_error(query("title:\"\""), "\"title:\" needs a word or a \"phrase\" after it");
    expect_query_error(query("person:" + std::string(100 * 1024, 'x')),
                       "too long: a query may have at most 10000 bytes (this one has 102407)");
    expect_query_error(query("person:\"" + repeated("x ", 2002) + "\""),
                       "too many words: a query may have at most 1000");
    // Under the limits, a 9,000-byte value is a filter that matches nothing.
    for (const std::string field : {"person:", "title:", "id:", "country:", "org:"}) {
        const RunResult r = query(field + std::string(9000, 'x'));
        expect_survived(r);
        EXPECT_EQ(r.status, 1) << describe(r);
        EXPECT_EQ(r.err, "") << describe(r);
    }
}

TEST_F(HostileQueryTest, DatesWithGarbage) {
    const std::string formats = " (dates are YYYY, YYYY-MM or YYYY-MM-DD)";
    expect_query_error(query("date:2024..zzzz"), "\"zzzz\" is not a date" + formats);
    expect_query_error(query("date:99999999999999999999"), "\"99999999999999999999\" is not a date" + formats);
    expect_query_error(query("date:2024-13"), "there is no month 13" + formats);
    expect_query_error(query("date:.."), "a date range needs a date on at least one side of \"..\"");
    // A long value is quoted cut short.
    expect_query_error(query("date:" + std::string(5000, '7')),
                       "\"" + std::string(40, '7') + "\xE2\x80\xA6\" is not a date" + formats);
    for (const char* q : {"date:0000", "date:9999-12-31..", "date:0001-01-01..9999-12-31 ceasefire"}) {
        const RunResult r = query(q);
        expect_survived(r);
        EXPECT_LE(r.status, 1) << describe(r);
        EXPECT_EQ(r.err, "") << describe(r);
    }
}

TEST_F(HostileQueryTest, WildcardsThatStandForTooManyWords) {
    expect_query_error(query("zq*"),
                       "\"zq*\" matches too many words: a query's wildcards may stand for at most 10000 "
                       "words of the index together (give more letters before the *)");
    // 3,111 words each: four of them pass the limit together.
    std::string four = "zq1*";
    for (int k = 1; k < 4; ++k) four += " OR zq1*";
    expect_query_error(query(four),
                       "\"zq1*\" and the wildcards before it match too many words: a query's wildcards "
                       "may stand for at most 10000 words of the index together (give more letters "
                       "before the *)");
    // A thousand "a*" took 17 seconds before the limit.
    std::string thousand = "a*";
    for (int k = 1; k < 1000; ++k) thousand += " OR a*";
    const RunResult many = query(thousand);
    expect_survived(many);
    EXPECT_EQ(many.status, 2) << describe(many);
    EXPECT_NE(many.err.find("\"a*\" and the wildcards before it match too many words"), std::string::npos)
        << describe(many);
    for (const char* q : {"zq1*", "a*", "* ceasefire *", "ceasefire *", "a* b* c* d* e*", "title:*", "**"}) {
        const RunResult r = query(q);
        expect_survived(r);
        EXPECT_LE(r.status, 1) << describe(r);
        EXPECT_EQ(r.err, "") << describe(r);
    }
}

TEST_F(HostileQueryTest, ExplainingAThousandWordsOnAPageOfHundredsOfHits) {
    // One pass per term and hit took 600,000 passes here (over 5 s).
    std::string words;
    for (int k = 0; k < 1000; ++k) words += "zq" + std::to_string(k) + " ";
    const RunResult r = query(words, {"--any", "--explain", "-n", "1000", "--format", "json"});
    expect_survived(r);
    EXPECT_EQ(r.status, 0) << describe(r);
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(j.is_object()) << describe(r);
    ASSERT_EQ(j["hits"].size(), std::size_t{kWideArticles}) << describe(r);
    for (const auto& hit : j["hits"]) {
        ASSERT_TRUE(hit.contains("explain")) << hit.dump().substr(0, 300);
        EXPECT_GE(hit["explain"].size(), 1u) << hit.dump().substr(0, 300);
    }
}

TEST_F(HostileQueryTest, ControlCharactersAreShownEscaped) {
    const RunResult quote = query("\"\x1b[31mred");
    expect_query_error(quote, "unbalanced quote: this '\"' is never closed");
    EXPECT_EQ(lines_of(quote.err).at(1), "  \"\\x1B[31mred") << describe(quote);
    const RunResult title = query("(\x1b]0;pwned\x07 ceasefire");
    expect_query_error(title, "unbalanced parenthesis: this '(' is never closed");
    EXPECT_EQ(lines_of(title.err).at(1), "  (\\x1B]0;pwned\\x07 ceasefire") << describe(title);
    // The caret stands under the escaped text: after "\r" (two columns).
    const RunResult caret = query("\r\"");
    expect_query_error(caret, "unbalanced quote: this '\"' is never closed");
    EXPECT_EQ(lines_of(caret.err).at(2), "    ^") << describe(caret);
    // Control characters between words separate them, like spaces.
    for (const char* q : {"ceasefire\x01talks", "ceasefire\r", "\x1b[31m ceasefire", "ceasefire\x7f"}) {
        const RunResult r = query(q, {"--color", "never"});
        expect_survived(r);
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_FALSE(has_control_bytes(r.out)) << describe(r);
    }
    // "Did you mean" echoes the query: escaped too.
    const RunResult respelt = query("\x1b[31m ceasfire", {"--color", "never"});
    expect_survived(respelt);
    EXPECT_NE(respelt.out.find("Did you mean: \\x1B[31m ceasefire\n"), std::string::npos) << describe(respelt);
    EXPECT_FALSE(has_control_bytes(respelt.out)) << describe(respelt);
}

TEST_F(HostileQueryTest, InvalidUtf8IsShownEscaped) {
    const RunResult r = query("\"\xff\xfe \xe4\xb8");
    expect_query_error(r, "unbalanced quote: this '\"' is never closed");
    EXPECT_EQ(lines_of(r.err).at(1), "  \"\\xFF\\xFE \\xE4\\xB8") << describe(r);
    const RunResult runs = query("ceasefire \xff\xc0\x80");
    expect_survived(runs);
    EXPECT_EQ(runs.status, 0) << describe(runs);
}

TEST_F(HostileQueryTest, CjkBetweenWordsIsNoParseError) {
    // Random bytes found it: Xapian 1.4.22 calls this a parse error.
    const RunResult r = query("ceasefire \xe4\xb8\xad talks", {"--any"});
    expect_survived(r);
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.err, "") << describe(r);
}

TEST_F(HostileQueryTest, OptionsWithHugeNumbers) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"-n", "1000000000", "ceasefire"},
                                               {"-n", "2147483647", "--format", "json", "ceasefire"},
                                               {"--offset", "2147483647", "-n", "2147483647", "ceasefire"},
                                               {"--sort", "recent", "--offset", "2147483647", "ceasefire"},
                                               {"--sort", "recent", "-n", "2147483647", "ceasefire"},
                                               {"--facet", "person:999999", "--facet", "date:day:999999", "ceasefire"},
                                               {"--half-life", "999999", "--sort", "recent", "ceasefire"}}) {
        const RunResult r = search(args);
        expect_survived(r);
        EXPECT_EQ(r.status, 0) << describe(r);
        EXPECT_EQ(r.err, "") << describe(r);
    }
    expect_usage_error(search({"-n", "99999999999", "ceasefire"}),
                       "newsdex-search: error: --limit must be between 0 and 2147483647");
    expect_usage_error(search({"--offset", "-1", "ceasefire"}),
                       "newsdex-search: error: --offset must be between 0 and 2147483647");
    expect_usage_error(
        search({"-n", "999999999999999999999999", "ceasefire"}),
        "newsdex-search: error: the argument ('999999999999999999999999') for option '--limit' is invalid (see --help)");
    const RunResult facet = search({"--facet", "person:999999999", "ceasefire"});
    expect_survived(facet);
    EXPECT_EQ(facet.status, 2) << describe(facet);
    EXPECT_EQ(lines_of(facet.err).size(), 1u) << describe(facet);
    EXPECT_EQ(facet.err.rfind("newsdex-search: error: --facet person:999999999: cannot read facet", 0), 0u)
        << describe(facet);
}

TEST_F(HostileQueryTest, OptionValuesAreShownEscaped) {
    expect_usage_error(search({"--sort", "\x1b[31mx", "ceasefire"}),
                       "newsdex-search: error: unknown --sort \"\\x1B[31mx\": use relevance, newest, oldest or recent");
    const RunResult get = search({"--get", "\x1b[2J"});
    expect_survived(get);
    EXPECT_EQ(get.status, 1) << describe(get);
    EXPECT_EQ(get.err, "newsdex-search: error: no article has the id \"\\x1B[2J\"\n") << describe(get);
    const RunResult like = search({"--like", "\x1b[2J"});
    expect_survived(like);
    EXPECT_EQ(like.status, 2) << describe(like);
    EXPECT_EQ(like.err, "newsdex-search: query error: no article has the id \"\\x1B[2J\"\n") << describe(like);
}

// ---- Batch mode: an error object per bad line, and the batch goes on ----

TEST_F(HostileQueryTest, BatchOfRandomBytesAnswersEveryLineThenTheGoodOne) {
    std::mt19937 random(11);  // fixed: the same megabyte every run
    std::string bytes(1 << 20, '\0');
    for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
    bytes += "\nceasefire\n";
    // The lines batch mode reads: not blank, not a # comment, once trimmed.
    std::size_t queries = 0;
    for (std::size_t from = 0; from < bytes.size();) {
        const std::size_t end = std::min(bytes.find('\n', from), bytes.size());
        std::size_t b = from, e = end;
        while (b < e && std::isspace(static_cast<unsigned char>(bytes[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(bytes[e - 1]))) --e;
        queries += b < e && bytes[b] != '#';
        from = end + 1;
    }
    const RunResult r = batch(bytes);
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto answers = batch_answers(r);
    ASSERT_EQ(answers.size(), queries) << describe(r);
    std::size_t errors = 0;
    for (const auto& a : answers) {
        EXPECT_TRUE(a.value("type", "") == "result" || a.value("type", "") == "error") << a.dump().substr(0, 300);
        errors += a.value("type", "") == "error";
    }
    EXPECT_GT(errors, 0u);
    const std::size_t last_line = lines_of(bytes).size();
    expect_hits_answer(answers.back(), std::to_string(last_line));
    EXPECT_FALSE(has_c0_controls(r.out)) << "JSON escapes them";
    // stderr: the summary only.
    EXPECT_EQ(lines_of(r.err).size(), 1u) << describe(r);
    EXPECT_NE(r.err.find(std::to_string(queries) + " queries, " + std::to_string(errors) + " errors"),
              std::string::npos)
        << describe(r);
}

TEST_F(HostileQueryTest, ATenMegabyteLineIsOneErrorLine) {
    // Held whole and searched, this line took a minute and 10 GB.
    const std::string huge = repeated("gaza talks ceasefire hostages ", 10 * 1024 * 1024);
    const RunResult r = batch("ceasefire\n" + huge + "\ngaza\n");
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto answers = batch_answers(r);
    ASSERT_EQ(answers.size(), 3u) << describe(r);
    expect_hits_answer(answers[0], "1");
    expect_error_answer(answers[1], "2", "the line is 10485760 bytes long: a batch line may have at most 65536 bytes");
    expect_hits_answer(answers[2], "3");
}

TEST_F(HostileQueryTest, BatchLinesWithNulAndControlCharacters) {
    const std::string bytes = std::string("ceasefire\0talks\n", 16) + std::string("\"\0\n", 3) +
                              "{\"id\":\"esc\",\"query\":\"\\u001b[31m(\"}\n" + "\x1b[31m\"\n" + "ceasefire\n";
    const RunResult r = batch(bytes);
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto answers = batch_answers(r);
    ASSERT_EQ(answers.size(), 5u) << describe(r);
    expect_hits_answer(answers[0], "1");
    expect_error_answer(answers[1], "2", "query error: unbalanced quote: this '\"' is never closed (at byte 0)");
    expect_error_answer(answers[2], "esc", "query error: unbalanced parenthesis: this '(' is never closed (at byte 5)");
    expect_error_answer(answers[3], "4", "query error: unbalanced quote: this '\"' is never closed (at byte 5)");
    expect_hits_answer(answers[4], "5");
    EXPECT_FALSE(has_c0_controls(r.out)) << "JSON escapes them";
}

TEST_F(HostileQueryTest, BatchLinesPastTheQueryLimitsAreErrorLines) {
    std::string deep = "ceasefire";  // 40,000 levels crashed the whole batch (SIGSEGV)
    for (int k = 0; k < 40000; ++k) deep = "(" + deep + (k % 2 ? " OR b)" : " AND c)");
    std::string nested = "ceasefire";
    for (int k = 0; k < 150; ++k) nested = "(" + nested + (k % 2 ? " OR b)" : " AND c)");
    const std::string lines[] = {
        json{{"id", "long"}, {"query", std::string(20000, 'x')}}.dump(),
        distinct_terms(1001, " "),
        nested,
        deep,
        std::string(40000, '('),  // under the line limit, over the query limit
        "zq*",
        "ceasefire",
    };
    std::string bytes;
    for (const auto& l : lines) bytes += l + "\n";
    const RunResult r = batch(bytes);
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto answers = batch_answers(r);
    ASSERT_EQ(answers.size(), 7u) << describe(r);
    expect_error_answer(answers[0], "long",
                        "query error: too long: a query may have at most 10000 bytes (this one has 20000)");
    expect_error_answer(answers[1], "2",
                        "query error: too many words: a query may have at most 1000 (at byte " +
                            std::to_string(distinct_terms(1000, " ").size() + 1) + ")");
    expect_error_answer(
        answers[2], "3",
        "query error: parentheses nested too deep: a query may nest them at most 100 deep (at byte 100)");
    expect_error_answer(answers[3], "4",
                        "the line is " + std::to_string(deep.size()) +
                            " bytes long: a batch line may have at most 65536 bytes");
    expect_error_answer(answers[4], "5",
                        "query error: too long: a query may have at most 10000 bytes (this one has 40000)");
    EXPECT_EQ(answers[5].value("type", ""), "error");
    EXPECT_NE(answers[5].value("error", "").find("\"zq*\" matches too many words"), std::string::npos);
    expect_hits_answer(answers[6], "7");
}

TEST_F(HostileQueryTest, DeeplyNestedJsonLinesAreErrorLines) {
    // JSON nested 30,000 deep, within the line limit: a recursive parser or
    // destructor would overflow the stack.
    const std::string arrays = "{\"query\":\"x\",\"facets\":" + std::string(30000, '[') + std::string(30000, ']') + "}";
    std::string objects = "{\"id\":\"deep\",\"query\":\"x\",\"extra\":";
    for (int k = 0; k < 6000; ++k) objects += "{\"a\":";
    objects += "1" + std::string(6000, '}') + "}";
    const RunResult r = batch(arrays + "\n" + objects + "\n{" + std::string(60000, '[') + "\nceasefire\n");
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    const auto answers = batch_answers(r);
    ASSERT_EQ(answers.size(), 4u) << describe(r);
    expect_error_answer(answers[0], "1", "\"facets\" must be an array of facet specs such as \"person:5\"");
    expect_error_answer(answers[1], "deep", "unknown key \"extra\": use id, query, limit, offset, facets, sort or any");
    EXPECT_EQ(answers[2].value("type", ""), "error");
    EXPECT_EQ(answers[2].value("error", "").rfind("malformed JSON: ", 0), 0u) << answers[2].dump();
    expect_hits_answer(answers[3], "4");
}

TEST_F(HostileQueryTest, TsvBatchErrorsOnStderrAreEscaped) {
    const RunResult r = batch("\"\x1b[31m\nceasefire\n", {"--format", "tsv", "-q"});
    expect_survived(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(r.err, "newsdex-search: " + (dir() / "batch.txt").string() +
                         ":1: error: query 1: query error: unbalanced quote: this '\"' is never closed (at byte 0)\n")
        << describe(r);
    EXPECT_FALSE(r.out.empty()) << describe(r);
    for (const auto& l : lines_of(r.out)) EXPECT_EQ(l.rfind("2\t", 0), 0u) << l;
}

// ---- The shell ----

TEST_F(HostileQueryTest, PipedShellSurvivesHostileLines) {
    const std::string input = "\"\x1b[31mred\n" + repeated("ceasefire ", 100 * 1024) + "\n:sort \x1b[31mx\n" +
                              std::string(10000, '(') + "\n" + "ceasefire\n:quit\n";
    const RunResult r = search({"--shell", "--color", "never"}, input);
    expect_survived(r);
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_FALSE(has_control_bytes(r.err)) << describe(r);
    const auto errors = lines_of(r.err);
    ASSERT_GE(errors.size(), 4u) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "stdin:1: query error: unbalanced quote").size(), 1u) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "  \"\\x1B[31mred").size(), 1u) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "stdin:2: query error: too long: a query may have at most 10000 bytes").size(),
              1u)
        << describe(r);
    EXPECT_EQ(lines_containing(r.err, "stdin:3: unknown sort order \"\\x1B[31mx\"").size(), 1u) << describe(r);
    EXPECT_EQ(lines_containing(r.err, "stdin:4: query error: parentheses nested too deep").size(), 1u) << describe(r);
    EXPECT_NE(r.out.find("articles match"), std::string::npos) << describe(r);
}

TEST_F(HostileQueryTest, ShellOnATerminalShowsWhatWasTypedEscaped) {
    ScratchDir home;
    RunOptions o;
    o.env = {{"TERM", "dumb"},
             {"HOME", home.path().string()},
             {"XDG_STATE_HOME", (home / "state").string()},
             {"NO_COLOR", "1"},
             {"LANG", "C.UTF-8"}};
    PtySession s({search_bin(), "--db", db().string(), "--shell"}, o);
    const auto prompt = [&] {
        ASSERT_TRUE(s.expect("newsdex> ")) << s.describe();
        ASSERT_TRUE(s.wait_for_raw_mode()) << s.describe();
    };
    // Ctrl-V then ESC types a real ESC into the line.
    prompt();
    s.send("\"\x16\x1b[31mred\r");
    EXPECT_TRUE(s.expect("query error: unbalanced quote: this '\"' is never closed")) << s.describe();
    EXPECT_TRUE(s.expect("\"\\x1B[31mred")) << s.describe();
    // A query over the limit, typed in pieces (the terminal echoes each).
    prompt();
    const std::string long_query = repeated("ceasefire ", 10500);
    for (std::size_t at = 0; at < long_query.size(); at += 2048) {
        s.send(std::string_view(long_query).substr(at, 2048));
        s.pending();
    }
    s.send("\r");
    EXPECT_TRUE(s.expect("query error: too long: a query may have at most 10000 bytes (this one has 10499)"))
        << s.describe();
    prompt();
    s.send("ceasefire\r");
    EXPECT_TRUE(s.expect("articles match")) << s.describe();
    prompt();
    s.send(":quit\r");
    EXPECT_EQ(s.wait(), 0) << s.describe();
    EXPECT_EQ(s.raw().find("\x1b[31m"), std::string::npos) << "the typed ESC came back raw: " << s.describe();
}

}  // namespace
}  // namespace newsdex::e2e
