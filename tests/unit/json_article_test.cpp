// Unit tests for common/reading/json_article.h: one JSON Lines record -> Article, and
// the exact error messages for records that are rejected.
#include "common/reading/json_article.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/reading/encoding.h"

namespace newsdex {
namespace {

std::string error_of(const std::variant<JsonArticle, JsonArticleError>& r) {
    if (const auto* e = std::get_if<JsonArticleError>(&r)) return e->message;
    return "(no error)";
}

TEST(ParseJsonArticle, FullRecord) {
    const auto r = parse_json_article(
        R"({"id":"wire-0001","title":"Harbour reopens","body":"The harbour reopened on Tuesday.",)"
        R"("date":"2024-06-07","source":"Coastal Gazette","url":"https://news.example.com/h",)"
        R"("author":"Ana Silva","section":"Business","extra":{"ignored":true}})");
    ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
    const auto& ja = std::get<JsonArticle>(r);
    const Article& a = ja.article;
    EXPECT_EQ(a.id, "wire-0001");
    EXPECT_EQ(a.title, "Harbour reopens");
    EXPECT_EQ(a.body, "The harbour reopened on Tuesday.");
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(*a.date, (PublishedDate{2024, 6, 7, DatePrecision::day}));
    EXPECT_EQ(a.source, "Coastal Gazette");
    EXPECT_EQ(a.url, "https://news.example.com/h");
    EXPECT_EQ(a.authors, std::vector<std::string>{"Ana Silva"});
    EXPECT_EQ(a.section, "Business");
    EXPECT_TRUE(ja.date_warning.empty()) << ja.date_warning;
}

struct BodyCase {
    const char* name;
    const char* json;
    const char* body;
};

TEST(ParseJsonArticle, BodyFieldAlternatives) {
    const std::vector<BodyCase> cases = {
        {"body", R"({"body":"From body."})", "From body."},
        {"text", R"({"text":"From text."})", "From text."},
        {"content", R"({"content":"From content."})", "From content."},
        {"body wins over text", R"({"text":"From text.","body":"From body."})", "From body."},
        {"blank body falls back to text", R"({"body":"  ","text":"From text."})", "From text."},
        {"null body falls back to content", R"({"body":null,"content":"From content."})", "From content."},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = parse_json_article(c.json);
        ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
        EXPECT_EQ(std::get<JsonArticle>(r).article.body, c.body);
    }
}

// A list field's cases: the record, and the list it gives.
struct ListCase {
    const char* name;
    const char* json;
    std::vector<std::string> expected;
};

void expect_lists(const std::vector<ListCase>& cases, std::vector<std::string> Article::*field) {
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = parse_json_article(c.json);
        ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
        EXPECT_EQ(std::get<JsonArticle>(r).article.*field, c.expected);
    }
}

TEST(ParseJsonArticle, Authors) {
    expect_lists({{"string", R"({"body":"x","author":"Ana Silva"})", {"Ana Silva"}},
                  {"array", R"({"body":"x","author":["Ana Silva","Ben Okoro"]})", {"Ana Silva", "Ben Okoro"}},
                  {"authors key", R"({"body":"x","authors":["Chen Wu"]})", {"Chen Wu"}},
                  {"empty string", R"({"body":"x","author":""})", {}},
                  {"trimmed, blanks left out", R"({"body":"x","authors":[" Ana Silva ","  ",""]})", {"Ana Silva"}},
                  {"authors, else author", R"({"body":"x","authors":["Chen Wu"],"author":"Ana Silva"})", {"Chen Wu"}},
                  {"null", R"({"body":"x","author":null})", {}},
                  {"absent", R"({"body":"x"})", {}}},
                 &Article::authors);
}

TEST(ParseJsonArticle, Keywords) {
    expect_lists({{"array", R"({"body":"x","keywords":["harbour","strike"]})", {"harbour", "strike"}},
                  {"comma-separated string",
                   R"({"body":"x","keywords":" harbour,strike , ,Kelmouth "})",
                   {"harbour", "strike", "Kelmouth"}},
                  {"tags key", R"({"body":"x","tags":["trams"]})", {"trams"}},
                  {"empty array", R"({"body":"x","keywords":[]})", {}},
                  {"array entries trimmed, blanks left out",
                   R"({"body":"x","keywords":["a","  "," padded "]})",
                   {"a", "padded"}},
                  {"keywords, else tags", R"({"body":"x","keywords":["harbour"],"tags":["trams"]})", {"harbour"}},
                  {"null", R"({"body":"x","keywords":null})", {}},
                  {"absent", R"({"body":"x"})", {}}},
                 &Article::keywords);
}

struct IdCase {
    const char* name;
    const char* json;
    const char* id;
};

TEST(ParseJsonArticle, Ids) {
    const std::vector<IdCase> cases = {
        {"string id", R"({"id":"a-1","body":"x"})", "a-1"},
        {"numeric id kept as text", R"({"id":12345,"body":"x"})", "12345"},
        {"negative numeric id", R"({"id":-7,"body":"x"})", "-7"},
        {"no id", R"({"body":"x"})", ""},
        {"null id", R"({"id":null,"body":"x"})", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = parse_json_article(c.json);
        ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
        EXPECT_EQ(std::get<JsonArticle>(r).article.id, c.id);
    }
}

struct ErrorCase {
    const char* name;
    const char* json;
    const char* message_prefix;
};

TEST(ParseJsonArticle, Errors) {
    const std::vector<ErrorCase> cases = {
        {"malformed", R"({"id":"a","body":"x")", "malformed JSON: "},
        {"not json at all", "hello", "malformed JSON: "},
        {"array", R"([{"body":"x"}])", "expected a JSON object, found array"},
        {"string", R"("just text")", "expected a JSON object, found string"},
        {"number", "42", "expected a JSON object, found number"},
        {"title number", R"({"title":42,"body":"x"})", "field \"title\" must be a string, not number"},
        {"source object", R"({"source":{},"body":"x"})", "field \"source\" must be a string, not object"},
        {"body array", R"({"body":["x"]})", "field \"body\" must be a string, not array"},
        {"fractional id", R"({"id":1.5,"body":"x"})", "field \"id\" must be a string, not number"},
        {"author number", R"({"author":7,"body":"x"})",
         "field \"author\" must be a string or an array of strings, not number"},
        {"author array of numbers", R"({"author":[1],"body":"x"})", "field \"author\" must hold strings, not number"},
        {"keywords number", R"({"keywords":7,"body":"x"})",
         "field \"keywords\" must be a string or an array of strings, not number"},
        {"tags array of objects", R"({"tags":[{}],"body":"x"})", "field \"tags\" must hold strings, not object"},
        {"blank body, no title", R"({"body":" \n\t "})", "no text: "},
        {"blank title and body", R"({"title":" ","body":""})", "no text: "},
        {"empty object", "{}", "no text: "},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = parse_json_article(c.json);
        ASSERT_TRUE(std::holds_alternative<JsonArticleError>(r)) << "parsed, expected an error";
        const std::string message = error_of(r);
        EXPECT_TRUE(message.starts_with(c.message_prefix)) << "message: " << message;
    }
}

TEST(ParseJsonArticle, MalformedJsonMessageHasNoLibraryTag) {
    const std::string message = error_of(parse_json_article(R"({"body": )"));
    ASSERT_TRUE(message.starts_with("malformed JSON: ")) << message;
    EXPECT_EQ(message.find("[json.exception"), std::string::npos) << message;
    EXPECT_GT(message.size(), std::string("malformed JSON: ").size());
}

// Issue 11 (found by fuzzing): nlohmann quotes the token it stopped in, which
// ended inside "é" (two bytes), so the message carried half a character.
TEST(ParseJsonArticle, Issue11MalformedJsonMessageIsValidUtf8) {
    const std::string message = error_of(parse_json_article("{\"title\": \xC3\xA9t\xC3\xA9, \"body\": \"x\"}"));
    EXPECT_EQ(message,
              "malformed JSON: parse error at line 1, column 11: syntax error while parsing value - invalid literal; "
              "last read: '\"title\": \xEF\xBF\xBD'");
    EXPECT_TRUE(is_valid_utf8(message)) << message;
}

// Issue 11 (found by fuzzing): nlohmann reports a number too large for a
// double as out_of_range, not parse_error; it escaped parse_json_article()
// and ended the whole indexing run with exit 3.
TEST(ParseJsonArticle, Issue11NumberOverflowIsAMalformedRecord) {
    EXPECT_EQ(error_of(parse_json_article(R"({"body": "Ferry resumes.", "views": 1e400})")),
              "valid JSON with a number too large to read: number overflow parsing '1e400'");
}

TEST(ParseJsonArticle, ExactMessages) {
    EXPECT_EQ(error_of(parse_json_article("[]")), "expected a JSON object, found array");
    EXPECT_EQ(error_of(parse_json_article(R"({"title":1,"body":"x"})")),
              "field \"title\" must be a string, not number");
    EXPECT_EQ(error_of(parse_json_article(R"({"id":"a"})")),
              "no text: neither a \"title\" nor a body (\"body\", \"text\", \"content\" or \"html\")");
}

// Wire archives hold headline-only briefs: a title is enough for an article.
TEST(ParseJsonArticle, TitleWithoutBodyIsAHeadlineOnlyArticle) {
    for (const char* json :
         {R"({"id":"a","title":"Dock strike ends"})", R"({"title":"Dock strike ends","body":"  "})"}) {
        SCOPED_TRACE(json);
        const auto r = parse_json_article(json);
        ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
        EXPECT_EQ(std::get<JsonArticle>(r).article.title, "Dock strike ends");
        EXPECT_EQ(std::get<JsonArticle>(r).article.body, "");
    }
}

TEST(ParseJsonArticle, BadDateWarnsAndLeavesUndated) {
    struct Case {
        const char* date;
        const char* warning_contains;
    };
    const std::vector<Case> cases = {
        {"31/02/2024", "\"31/02/2024\" is not a valid date"},
        {"03/04/2024", "ambiguous"},
        {"someday", "\"someday\""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.date);
        const auto r = parse_json_article(std::string(R"({"body":"x","date":")") + c.date + "\"}");
        ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
        const auto& ja = std::get<JsonArticle>(r);
        EXPECT_FALSE(ja.article.date.has_value());
        EXPECT_NE(ja.date_warning.find(c.warning_contains), std::string::npos) << ja.date_warning;
        EXPECT_NE(ja.date_warning.find("undated"), std::string::npos) << ja.date_warning;
    }
}

TEST(ParseJsonArticle, DatePrecisionAndBlankDate) {
    const auto month = parse_json_article(R"({"body":"x","date":"June 2024"})");
    ASSERT_TRUE(std::holds_alternative<JsonArticle>(month)) << error_of(month);
    ASSERT_TRUE(std::get<JsonArticle>(month).article.date.has_value());
    EXPECT_EQ(*std::get<JsonArticle>(month).article.date, (PublishedDate{2024, 6, 0, DatePrecision::month}));

    const auto blank = parse_json_article(R"({"body":"x","date":"  "})");
    ASSERT_TRUE(std::holds_alternative<JsonArticle>(blank)) << error_of(blank);
    EXPECT_FALSE(std::get<JsonArticle>(blank).article.date.has_value());
    EXPECT_TRUE(std::get<JsonArticle>(blank).date_warning.empty());
}

TEST(ParseJsonArticle, UnicodeEscapesDecoded) {
    const auto r = parse_json_article(R"({"title":"Caf\u00e9 opens","body":"\u201cYes\u201d"})");
    ASSERT_TRUE(std::holds_alternative<JsonArticle>(r)) << error_of(r);
    EXPECT_EQ(std::get<JsonArticle>(r).article.title, "Caf\xC3\xA9 opens");
    EXPECT_EQ(std::get<JsonArticle>(r).article.body, "\xE2\x80\x9CYes\xE2\x80\x9D");
}

}  // namespace
}  // namespace newsdex
