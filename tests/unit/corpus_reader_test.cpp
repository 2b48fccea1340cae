// Unit tests for common/reading/corpus_reader.h on files written to a fresh temporary
// directory: walk order, skipped entries, ids, JSON Lines diagnostics and the
// rejection of empty, binary and missing inputs.
#include "common/reading/corpus_reader.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

namespace fs = std::filesystem;

// A directory under the system temp dir, unique per test, removed at the end.
class CorpusReaderTest : public testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        root_ = fs::temp_directory_path() / ("newsdex-unit-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(stamp) + "-" + std::to_string(counter++));
        ASSERT_TRUE(fs::create_directories(root_)) << root_;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }

    // Writes `bytes` to root/rel, creating parent folders; returns the path.
    std::string write(const std::string& rel, const std::string& bytes) {
        const fs::path p = root_ / rel;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << bytes;
        out.close();
        EXPECT_TRUE(out) << "cannot write " << p;
        return p.string();
    }

    std::string root() const { return root_.string(); }

    struct Collected {
        std::vector<Article> articles;
        std::vector<Diagnostic> diagnostics;
        std::size_t errors = 0;
    };

    static Collected read(const InputFile& file) {
        Collected c;
        CorpusSink sink{[&](Article&& a) { c.articles.push_back(std::move(a)); },
                        [&](const Diagnostic& d) { c.diagnostics.push_back(d); }};
        c.errors = read_input_file(file, sink);
        return c;
    }

    static std::vector<InputFile> list(const std::vector<std::string>& inputs,
                                       std::vector<Diagnostic>* diags = nullptr) {
        return list_input_files(inputs, [&](const Diagnostic& d) {
            if (diags) diags->push_back(d);
            else ADD_FAILURE() << "unexpected diagnostic: " << d.path << ": " << d.message;
        });
    }

    // Ids are absolute paths: shown here relative to the test's folder.
    std::string rel(const std::string& id) const {
        const std::string base = fs::canonical(root_).generic_string() + "/";
        return id.starts_with(base) ? id.substr(base.size()) : id;
    }
    std::vector<std::string> ids(const std::vector<InputFile>& files) const {
        std::vector<std::string> out;
        for (const auto& f : files) out.push_back(rel(f.source_file));
        return out;
    }

    fs::path root_;
};

const std::string kArticle = "Harbour reopens\n\nThe harbour reopened on Tuesday after repairs.\n";

TEST_F(CorpusReaderTest, WalkOrderIsByteOrderOfRelativePaths) {
    // Created in an order unlike the expected one.
    for (const char* rel : {"z.txt", "c.md", "b/x.txt", "a/b.txt", "a.txt", "a-b.txt", "B.txt", "noext"})
        write(rel, kArticle);
    const auto files = list({root()});
    EXPECT_EQ(ids(files),
              (std::vector<std::string>{"B.txt", "a-b.txt", "a.txt", "a/b.txt", "b/x.txt", "c.md", "noext", "z.txt"}));
    for (const auto& f : files) {
        SCOPED_TRACE(f.source_file);
        EXPECT_TRUE(fs::exists(f.path)) << f.path;
        EXPECT_TRUE(fs::equivalent(f.path, f.source_file)) << f.path;
    }
}

TEST_F(CorpusReaderTest, WalkSkipsHiddenEntriesAndOtherExtensions) {
    write("keep.txt", kArticle);
    write("feed.jsonl", R"({"id":"f1","body":"x"})"
                        "\n");
    write("feed2.ndjson", R"({"id":"f2","body":"x"})"
                          "\n");
    write("notes.MD", kArticle);
    write(".hidden.txt", kArticle);
    write(".git/config.txt", kArticle);
    write("sub/.cache/inner.txt", kArticle);
    write("page.html", "<p>a saved page</p>");
    write("page2.HTM", "<p>a saved page</p>");
    write("data.json", R"({"body":"x"})");
    write("image.png", "png");
    const auto files = list({root()});
    EXPECT_EQ(ids(files), (std::vector<std::string>{"feed.jsonl", "feed2.ndjson", "keep.txt", "notes.MD", "page.html",
                                                    "page2.HTM"}));
}

TEST_F(CorpusReaderTest, IsArticleFileName) {
    struct Case {
        const char* name;
        bool expected;
    };
    const std::vector<Case> cases = {
        {"a.txt", true},  {"a.md", true},  {"a.TXT", true},   {"a.jsonl", true}, {"a.ndjson", true},   {"README", true},
        {"a.html", true}, {"a.HTM", true}, {"a.json", false}, {"a.pdf", false},  {"a.txt.bak", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(is_article_file_name(c.name), c.expected);
    }
}

TEST_F(CorpusReaderTest, AFileHasOneIdHoweverItIsNamed) {
    write("b/x.txt", kArticle);
    write("b/c/y.txt", kArticle);
    // The folder given does not change the id: it is the absolute path.
    const auto sub = list({(root_ / "b").string()});
    EXPECT_EQ(ids(sub), (std::vector<std::string>{"b/c/y.txt", "b/x.txt"}));
    const auto all = list({root()});
    ASSERT_EQ(ids(all), (std::vector<std::string>{"b/c/y.txt", "b/x.txt"}));
    EXPECT_EQ(sub[1].source_file, all[1].source_file);
    EXPECT_TRUE(fs::path(all[1].source_file).is_absolute()) << all[1].source_file;
    // Nor does naming it alone, with a detour, or relative to another working directory.
    EXPECT_EQ(list({(root_ / "b/c/../x.txt").string()})[0].source_file, all[1].source_file);
    const auto cwd = fs::current_path();
    fs::current_path(root_ / "b");
    const auto relative = list({"x.txt"});
    fs::current_path(cwd);
    EXPECT_EQ(relative[0].source_file, all[1].source_file);

    const auto c = read(all[1]);
    ASSERT_EQ(c.articles.size(), 1u);
    EXPECT_EQ(c.articles[0].id, all[1].source_file);
    EXPECT_EQ(c.articles[0].source_file, all[1].source_file);
    EXPECT_TRUE(fs::equivalent(c.articles[0].path, root_ / "b/x.txt")) << c.articles[0].path;
    EXPECT_EQ(c.articles[0].title, "Harbour reopens");
    EXPECT_EQ(c.errors, 0u);
}

TEST_F(CorpusReaderTest, TwoFoldersFilesOfOneNameGetTwoIds) {
    write("business/001.txt", kArticle);
    write("tech/001.txt", kArticle);
    const auto files = list({(root_ / "business").string(), (root_ / "tech").string()});
    EXPECT_EQ(ids(files), (std::vector<std::string>{"business/001.txt", "tech/001.txt"}));
}

TEST_F(CorpusReaderTest, AFileNamedTwiceIsListedOnce) {
    const std::string path = write("b/x.txt", kArticle);
    EXPECT_EQ(ids(list({root(), path, (root_ / "b").string()})), std::vector<std::string>{"b/x.txt"});
}

TEST_F(CorpusReaderTest, FileGivenDirectlyIsReadWhateverItsName) {
    const std::string path = write("b/x.txt", kArticle);
    const auto files = list({path});
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(rel(files[0].source_file), "b/x.txt");
    EXPECT_EQ(files[0].path, path);
    // Named directly, any extension is read.
    const std::string html = write("page.html", kArticle);
    EXPECT_EQ(ids(list({html})), std::vector<std::string>{"page.html"});

    const auto c = read(files[0]);
    ASSERT_EQ(c.articles.size(), 1u);
    EXPECT_EQ(rel(c.articles[0].id), "b/x.txt");
    EXPECT_FALSE(c.articles[0].content_hash.empty());
}

TEST_F(CorpusReaderTest, InputsKeepTheOrderGiven) {
    const std::string z = write("z.txt", kArticle);
    write("d/a.txt", kArticle);
    const auto files = list({z, (root_ / "d").string(), "-"});
    EXPECT_EQ(ids(files), (std::vector<std::string>{"z.txt", "d/a.txt", "-"}));
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[2].path, "-");
}

TEST_F(CorpusReaderTest, JsonLinesIdsAndLineNumbers) {
    write("feeds/wire.jsonl", R"({"id":"w-1","title":"First","body":"First body."})"
                              "\n"
                              R"({"title":"Second","body":"Second body."})"
                              "\n"
                              "\n"
                              R"({"body":"Third body has no title. It has two sentences."})"
                              "\n");
    const auto files = list({root()});
    ASSERT_EQ(ids(files), std::vector<std::string>{"feeds/wire.jsonl"});
    const auto c = read(files[0]);
    EXPECT_EQ(c.errors, 0u);
    EXPECT_TRUE(c.diagnostics.empty());
    ASSERT_EQ(c.articles.size(), 3u);
    EXPECT_EQ(c.articles[0].id, "w-1");
    EXPECT_EQ(rel(c.articles[1].id), "feeds/wire.jsonl:2");
    EXPECT_EQ(rel(c.articles[2].id), "feeds/wire.jsonl:4");  // blank lines still count
    EXPECT_EQ(c.articles[0].path, files[0].source_file + ":1");
    EXPECT_EQ(c.articles[2].path, files[0].source_file + ":4");
    // A record without a title gets one derived from its body.
    EXPECT_EQ(c.articles[2].title, "Third body has no title");
}

TEST_F(CorpusReaderTest, MalformedJsonLineIsReportedAndOthersStillRead) {
    const std::string path = write("feed.jsonl", R"({"id":"ok-1","body":"One."})"
                                                 "\n"
                                                 R"({"id":"bad","body":)"
                                                 "\n"
                                                 R"(["not","an","object"])"
                                                 "\n"
                                                 R"({"id":"ok-4","body":"Four.","date":"31/02/2024"})"
                                                 "\n");
    const auto files = list({path});
    ASSERT_EQ(files.size(), 1u);
    const auto c = read(files[0]);
    EXPECT_EQ(c.errors, 2u);
    ASSERT_EQ(c.articles.size(), 2u);
    EXPECT_EQ(c.articles[0].id, "ok-1");
    EXPECT_EQ(c.articles[1].id, "ok-4");
    EXPECT_FALSE(c.articles[1].date.has_value());
    ASSERT_EQ(c.diagnostics.size(), 3u);
    EXPECT_EQ(c.diagnostics[0].severity, Severity::error);
    EXPECT_EQ(c.diagnostics[0].line, 2);
    EXPECT_EQ(c.diagnostics[0].path, path);
    EXPECT_TRUE(c.diagnostics[0].message.starts_with("malformed JSON: ")) << c.diagnostics[0].message;
    EXPECT_EQ(c.diagnostics[1].severity, Severity::error);
    EXPECT_EQ(c.diagnostics[1].line, 3);
    EXPECT_EQ(c.diagnostics[1].message, "expected a JSON object, found array");
    EXPECT_EQ(c.diagnostics[2].severity, Severity::warning);
    EXPECT_EQ(c.diagnostics[2].line, 4);
    EXPECT_TRUE(c.diagnostics[2].message.starts_with("\"31/02/2024\" is not a valid date")) << c.diagnostics[2].message;
    const std::string formatted = format_diagnostic("newsdex-index", c.diagnostics[0]);
    EXPECT_TRUE(formatted.starts_with("newsdex-index: " + path + ":2: error: malformed JSON: ")) << formatted;
}

TEST_F(CorpusReaderTest, JsonLinesWithCrlf) {
    const std::string path = write("feed.jsonl", "{\"body\":\"One.\"}\r\n{\"body\":\"Two.\"}\r\n");
    const auto c = read(list({path})[0]);
    EXPECT_EQ(c.errors, 0u);
    ASSERT_EQ(c.articles.size(), 2u);
    EXPECT_EQ(rel(c.articles[1].id), "feed.jsonl:2");
    EXPECT_EQ(c.articles[1].body, "Two.");
}

struct RejectCase {
    const char* name;
    std::string bytes;
    const char* message_contains;
};

TEST_F(CorpusReaderTest, RejectedFiles) {
    const std::vector<RejectCase> cases = {
        {"empty", "", "empty file"},
        {"only white space", " \n\t\r\n ", "empty file"},
        {"NUL byte", std::string("Harbour") + '\0' + "reopens\n\nThe harbour reopened.\n", "binary"},
        {"header but no text", "Title: Harbour reopens\nDate: 2024-06-07\n", "no article text"},
    };
    int n = 0;
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path = write("reject" + std::to_string(n++) + ".txt", c.bytes);
        const auto files = list({path});
        ASSERT_EQ(files.size(), 1u);
        const auto r = read(files[0]);
        EXPECT_EQ(r.errors, 1u);
        EXPECT_TRUE(r.articles.empty());
        ASSERT_EQ(r.diagnostics.size(), 1u);
        EXPECT_EQ(r.diagnostics[0].severity, Severity::error);
        EXPECT_EQ(r.diagnostics[0].path, path);
        EXPECT_EQ(r.diagnostics[0].line, 0);
        EXPECT_NE(r.diagnostics[0].message.find(c.message_contains), std::string::npos) << r.diagnostics[0].message;
    }
}

TEST_F(CorpusReaderTest, BomOnlyFileIsEmpty) {
    for (const std::string bytes : {"\xEF\xBB\xBF", "\xEF\xBB\xBF\n \n"}) {
        SCOPED_TRACE(testing::Message() << bytes.size() << " bytes");
        const std::string path = write("bom-only.txt", bytes);
        const auto r = read(list({path})[0]);
        EXPECT_EQ(r.errors, 1u);
        EXPECT_TRUE(r.articles.empty());
        ASSERT_EQ(r.diagnostics.size(), 1u);
        EXPECT_EQ(r.diagnostics[0].message, "empty file");
    }
}

TEST_F(CorpusReaderTest, EmptyFileMessageIsExact) {
    const std::string path = write("empty.txt", "");
    const auto r = read(list({path})[0]);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].message, "empty file");
}

TEST_F(CorpusReaderTest, Windows1252FileIsDecodedWithOneWarning) {
    const std::string path = write("cafe.txt",
                                   "Caf\xe9 reopens\n\nThe caf\xe9 reopened on Monday \x93"
                                   "at last\x94.\n");
    const auto r = read(list({path})[0]);
    EXPECT_EQ(r.errors, 0u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].severity, Severity::warning);
    EXPECT_EQ(r.diagnostics[0].path, path);
    EXPECT_NE(r.diagnostics[0].message.find("Windows-1252"), std::string::npos) << r.diagnostics[0].message;
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].title, "Caf\xC3\xA9 reopens");
    EXPECT_EQ(r.articles[0].body,
              "The caf\xC3\xA9 reopened on Monday \xE2\x80\x9C"
              "at last\xE2\x80\x9D.");
}

TEST_F(CorpusReaderTest, Utf8FileWithBomHasNoWarning) {
    const std::string path = write("bom.txt",
                                   "\xEF\xBB\xBF"
                                   "Caf\xC3\xA9 reopens\n\nThe caf\xC3\xA9 reopened.\n");
    const auto r = read(list({path})[0]);
    EXPECT_TRUE(r.diagnostics.empty());
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].title, "Caf\xC3\xA9 reopens");
}

// A scraper's leftovers: HTML character references in plain text are the
// characters they stand for, in the title and the body.
TEST_F(CorpusReaderTest, CharacterReferencesInTextAreDecoded) {
    const std::string path = write("refs.txt", "Jos&#233; Manuel Barroso visits\n\nAT&amp;T and R&D staff met him.\n");
    const auto r = read(list({path})[0]);
    EXPECT_TRUE(r.diagnostics.empty());
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].title, "Jos\xC3\xA9 Manuel Barroso visits");
    EXPECT_EQ(r.articles[0].body, "AT&T and R&D staff met him.");
}

TEST_F(CorpusReaderTest, TextFileStartingWithBraceIsReadAsJson) {
    const std::string path = write("record.txt", R"({"id":"j1","body":"From JSON."})");
    const auto r = read(list({path})[0]);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].id, "j1");
    EXPECT_EQ(r.articles[0].body, "From JSON.");
}

TEST_F(CorpusReaderTest, MissingInputIsReported) {
    const std::string missing = (root_ / "does-not-exist.txt").string();
    std::vector<Diagnostic> diags;
    write("real.txt", kArticle);
    const auto files = list({missing, (root_ / "real.txt").string()}, &diags);
    EXPECT_EQ(ids(files), std::vector<std::string>{"real.txt"});
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].severity, Severity::error);
    EXPECT_EQ(diags[0].path, missing);
    EXPECT_EQ(diags[0].message, "no such file or directory");
}

TEST_F(CorpusReaderTest, FileRemovedAfterListingIsAnError) {
    const std::string path = write("gone.txt", kArticle);
    const auto files = list({path});
    fs::remove(path);
    const auto r = read(files[0]);
    EXPECT_EQ(r.errors, 1u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_TRUE(r.diagnostics[0].message.starts_with("cannot open")) << r.diagnostics[0].message;
}

}  // namespace
}  // namespace newsdex
