// Unit tests for newsdex-index's maintenance modes, without a process:
// indexer/index_check.h (one document against its record; a whole index
// written by an IndexingRun, then damaged through Xapian), index_stats.h,
// compaction.h and maintenance.h (leftovers of interrupted compactions).
#include "indexer/index_check.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/index/article_index.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "indexer/compaction.h"
#include "indexer/index_stats.h"
#include "indexer/indexing_run.h"
#include "indexer/maintenance.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

// ---- one document against its record ----

Article sample_article() {
    Article a;
    a.id = "/archive/world/talks.txt";
    a.path = a.source_file = a.id;
    a.title = "Envoys meet in Cairo";
    a.body = "Negotiators from Egypt and Qatar met Antony Blinken in Cairo on Monday to discuss the ceasefire.";
    a.date = PublishedDate{2024, 6, 7, DatePrecision::day};
    a.source = "Coastal Gazette";
    a.content_hash = "0123456789abcdef";
    return a;
}

// The document as newsdex-index stores it: built, stamped with a
// first-indexed time, and its record read back.
struct StoredDocument {
    Xapian::Document doc;
    Article record;
};

StoredDocument stored(const Article& a) {
    Xapian::Document doc = DocumentBuilder().build(a);
    doc.add_value(schema::kFirstIndexedSlot, schema::first_indexed_value(IndexedTime{}));
    return {doc, schema::decode_article(doc)};
}

std::string reasons(const std::vector<DocumentProblem>& problems) {
    std::string all;
    for (const auto& p : problems) all += p.kind + ": " + p.reason + "\n";
    return all;
}

TEST(CheckDocument, ADocumentAsTheIndexerWritesItHasNoProblem) {
    for (auto date : std::vector<std::optional<PublishedDate>>{
             PublishedDate{2024, 6, 7, DatePrecision::day}, PublishedDate{2024, 6, 0, DatePrecision::month},
             PublishedDate{2024, 0, 0, DatePrecision::year}, std::nullopt}) {
        Article a = sample_article();
        a.date = date;
        const StoredDocument s = stored(a);
        ASSERT_FALSE(s.record.persons.empty()) << "extraction ran, so the facet and filter checks have work";
        EXPECT_EQ(reasons(check_document(s.doc, s.record)), "") << (date ? date->to_iso() : "undated");
    }
}

// The document as analysis revisions up to 15 wrote it: every record field
// (nulls for an undated article; the lists the pack holds and the content
// hash and source file too, as up to schema version 9), slot 2 for every article with
// persons, slot 3 likewise, a word term for each whole name, a version 1
// facet pack, the signature in hex.
Xapian::Document as_revision_15_wrote_it(Xapian::Document doc, const Article& record) {
    auto json = nlohmann::ordered_json::parse(doc.get_data());
    nlohmann::ordered_json full = nlohmann::ordered_json::object();
    const std::map<std::string_view, const std::vector<std::string>*> lists = {
        {"authors", &record.authors},
        {"keywords", &record.keywords},
        {"persons", &record.persons},
        {"person_mentions", &record.person_mentions},
        {"locations", &record.locations},
        {"countries", &record.countries},
        {"organizations", &record.organizations}};
    for (const auto& field : schema::record_fields()) {
        const std::string key(field.name);
        if (json.contains(key)) full[key] = json[key];
        else if (lists.count(key)) full[key] = *lists.at(key);
        else if (key == "mentioned_dates") full[key] = nlohmann::ordered_json::array();
        else if (key == "content_hash") full[key] = record.content_hash;
        else if (key == "source_file") full[key] = record.source_file;
        else if (key.starts_with("date")) full[key] = nullptr;
        else full[key] = "";
    }
    doc.set_data(full.dump());
    doc.add_value(schema::kPersonMentionsSlot, schema::join_lines(record.person_mentions));
    doc.add_value(schema::kPersonsSlot, schema::join_lines(record.persons));
    std::vector<std::string> whole_name_words;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (const auto& f : schema::entity_fields())
            if ((*t).starts_with(f.whole_prefix))
                whole_name_words.push_back(std::string(f.word_prefix) + (*t).substr(f.whole_prefix.size()));
    for (const auto& t : whole_name_words) doc.add_boolean_term(t);
    std::string pack(1, '\x01');
    const std::string current = doc.get_value(schema::kFacetPackSlot);
    schema::FacetPackReader reader(current);
    schema::FacetPackEntry e;
    for (char code = 0; reader.next_field(code);) {
        std::string group;
        while (reader.next_value(e)) {
            for (const auto& [n, bytes] :
                 {std::pair{stable_hash64(entity_key(e.value)), 8}, {stable_hash64(e.value), 4}})
                for (int i = 0; i < bytes; ++i) group += static_cast<char>((n >> (8 * i)) & 0xFF);
            group += static_cast<char>(e.value.size());
            group += e.value;
        }
        pack += code;
        pack += static_cast<char>(group.size());
        pack += group;
    }
    doc.add_value(schema::kFacetPackSlot, pack);
    std::string hex;
    char buf[3];
    for (const char c : doc.get_value(schema::kShingleSignatureSlot)) {
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
        hex += buf;
    }
    doc.add_value(schema::kShingleSignatureSlot, hex);
    return doc;
}

// An index analysed before revision 16 is no damaged index: --check finds
// nothing wrong in it, but still finds what is wrong.
TEST(CheckDocument, ADocumentAsRevision15WroteItHasNoProblem) {
    for (auto date :
         std::vector<std::optional<PublishedDate>>{PublishedDate{2024, 6, 7, DatePrecision::day}, std::nullopt}) {
        Article a = sample_article();
        a.date = date;
        const StoredDocument s = stored(a);
        Xapian::Document old = as_revision_15_wrote_it(stored(a).doc,
                                                       s.record);  // a document of its own: Documents share
        ASSERT_NE(old.get_data(), s.doc.get_data());
        ASSERT_EQ(old.get_value(schema::kFacetPackSlot)[0], '\x01');
        const Article record = schema::decode_article(old);
        EXPECT_EQ(reasons(check_document(old, record)), "") << old.get_data();
        old.set_data(std::string(old.get_data()).replace(old.get_data().find("Coastal"), 7, "Coastel"));
        EXPECT_NE(reasons(check_document(old, schema::decode_article(old))), "");
        // Persons given by the record but none found in the text: revision 15
        // wrote an empty person_mentions and no slot 2.
        Xapian::Document given = as_revision_15_wrote_it(stored(a).doc, s.record);
        auto json = nlohmann::ordered_json::parse(given.get_data());
        json["person_mentions"] = nlohmann::ordered_json::array();
        given.set_data(json.dump());
        given.remove_value(schema::kPersonMentionsSlot);
        EXPECT_EQ(reasons(check_document(given, schema::decode_article(given))), "") << given.get_data();
    }
}

TEST(CheckDocument, NamesWhatIsWrong) {
    struct Case {
        const char* damage;
        std::function<void(Xapian::Document&)> apply;
        const char* expected;  // one line of reasons()
    };
    const Article a = sample_article();
    const std::vector<Case> cases = {
        {"date slot removed", [](Xapian::Document& d) { d.remove_value(schema::kDateSlot); },
         "date: slot 0 (date) is missing, expected \"20240607\""},
        {"period of another day", [](Xapian::Document& d) { d.add_value(schema::kDateLastDaySlot, "20240608"); },
         "date: slot 5 (last day of the date) is \"20240608\", expected \"20240607\""},
        {"day term gone", [](Xapian::Document& d) { d.remove_term("D20240607"); },
         "date: missing date term \"D20240607\""},
        {"tie-break key of another id",
         [](Xapian::Document& d) { d.add_value(schema::kTieBreakSlot, "79759392/archive/other.txt"); },
         "sort keys: slot 1 (tie-break key) is \"79759392/archive/other.txt\", expected "
         "\"79759392/archive/world/talks.txt\""},
        {"second id term", [](Xapian::Document& d) { d.add_boolean_term(schema::id_term("/archive/other.txt")); },
         "id term: unexpected id term \"Q/archive/other.txt\""},
        {"source-file term gone", [&](Xapian::Document& d) { d.remove_term(schema::source_file_term(a.source_file)); },
         "source file: missing source-file term \"XF/archive/world/talks.txt\""},
        {"first-indexed time garbled", [](Xapian::Document& d) { d.add_value(schema::kFirstIndexedSlot, "yesterday"); },
         "first-indexed time: slot 9 (first-indexed time) is \"yesterday\", not 17 digits"},
        {"content hash gone", [](Xapian::Document& d) { d.remove_value(schema::kContentHashSlot); },
         "content hash: slot 10 (content hash) is missing"},
        {"content hash garbled", [](Xapian::Document& d) { d.add_value(schema::kContentHashSlot, "0123"); },
         "content hash: slot 10 (content hash) is \"0123\", not 16 hex digits"},
        {"facet value changed", [](Xapian::Document& d) { d.add_value(500, "Other Paper"); },
         "facets: slot 500 (source facet value 1) is \"Other Paper\", expected \"Coastal Gazette\""},
        {"filter term gone", [](Xapian::Document& d) { d.remove_term("XScoastal gazette"); },
         "filter terms: missing filter term \"XScoastal gazette\""},
        {"unknown slot", [](Xapian::Document& d) { d.add_value(42, "x"); },
         "unknown slots: slot 42 holds a value, but newsdex writes no such slot"},
        {"unknown prefix", [](Xapian::Document& d) { d.add_boolean_term("Kfoo"); },
         "unknown terms: terms with a prefix newsdex does not write: \"Kfoo\""},
        {"record with a month for a day",
         [](Xapian::Document& d) {
             std::string data = d.get_data();
             data.replace(data.find("\"date_precision\":\"day\""), 22, "\"date_precision\":\"month\"");
             d.set_data(data);
         },
         "record: record field \"date_precision\" is \"month\", expected \"day\""},
        // A record of today's form must be exactly today's: an empty field is
        // accepted only in the old full form.
        {"empty field in today's record",
         [](Xapian::Document& d) {
             std::string data = d.get_data();
             d.set_data(data.insert(data.size() - 1, ",\"url\":\"\""));
         },
         "record: the record has a field newsdex does not write: \"url\""},
        {"facet pack of an unknown version",
         [](Xapian::Document& d) {
             std::string pack = d.get_value(schema::kFacetPackSlot);
             pack[0] = '\x07';
             d.add_value(schema::kFacetPackSlot, pack);
         },
         "facets: slot 12 (facet pack) has an unknown version (7)"},
    };
    for (const auto& c : cases) {
        StoredDocument s = stored(a);
        c.apply(s.doc);
        const std::string found = reasons(check_document(s.doc, schema::decode_article(s.doc)));
        EXPECT_NE(found.find(std::string(c.expected) + "\n"), std::string::npos) << c.damage << ":\n" << found;
    }
}

// ---- a whole index ----

// Three articles (two dated, one not) indexed by an IndexingRun into a
// folder of the test's own.
class MaintenanceTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        dir_ = fs::temp_directory_path() / ("newsdex-maintenance-" + test + "-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        ASSERT_TRUE(fs::create_directories(dir_ / "corpus"));
        write("harbour.txt", "title: Harbour strike\ndate: 2024-06-03\n\nDock workers in Lisbon stopped work.\n");
        write("ferry.txt", "title: Ferry delays\ndate: 2024-06-10\n\nThe Oslo ferry ran late, Anna Berg said.\n");
        write("notes.txt", "Undated notes\n\nA note with no date in it at all, about Oslo.\n");
        IndexingOptions o;
        o.db_path = db();
        o.inputs = {(dir_ / "corpus").string()};
        o.shards = shards();
        std::ostringstream messages;
        ASSERT_EQ(IndexingRun(o, messages, "newsdex-index").run().total, 3u) << messages.str();
    }
    void TearDown() override { fs::remove_all(dir_); }
    // One database, whose document ids the tests name; ShardedMaintenanceTest has three shards.
    virtual std::size_t shards() const { return 1; }

    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / "corpus" / name) << text; }
    std::string db() const { return (dir_ / "news.db").string(); }
    std::string id_of(const std::string& name) const {
        return (fs::canonical(dir_ / "corpus") / name).generic_string();
    }

    // Runs the check; returns its messages.
    std::string check(CheckSummary& summary, std::size_t shown_per_kind = 20) {
        CheckOptions o;
        o.db_path = db();
        o.shown_per_kind = shown_per_kind;
        std::ostringstream messages;
        summary = check_index(o, messages, "newsdex-index");
        return messages.str();
    }
    // Changes the index through Xapian, as a bug or a stray tool might.
    void damage(const std::function<void(Xapian::WritableDatabase&)>& change) {
        Xapian::WritableDatabase w(db(), Xapian::DB_OPEN);
        change(w);
        w.commit();
    }
    Xapian::docid docid_of(const std::string& name) {
        const Xapian::Database r(db());
        return *r.postlist_begin(schema::id_term(id_of(name)));
    }

    fs::path dir_;
};

TEST_F(MaintenanceTest, CheckPassesOnAFreshIndex) {
    CheckSummary s;
    const std::string messages = check(s);
    EXPECT_EQ(s.articles, 3u);
    EXPECT_EQ(s.problems, 0u);
    EXPECT_EQ(messages, "newsdex-index: " + db() + ": checked 3 articles: OK\n");
}

TEST_F(MaintenanceTest, CheckNamesTheArticleAndTheProblem) {
    const Xapian::docid docid = docid_of("ferry.txt");
    damage([&](Xapian::WritableDatabase& w) {
        Xapian::Document d = w.get_document(docid);
        d.remove_value(schema::kOldestFirstSlot);
        w.replace_document(docid, d);
    });
    CheckSummary s;
    const std::string messages = check(s);
    EXPECT_EQ(s.problems, 1u);
    EXPECT_EQ(messages, "newsdex-index: " + db() + ": error: article " + id_of("ferry.txt") +
                            ": slot 8 (oldest-first key) is missing, expected \"20240610" + id_of("ferry.txt") +
                            "\"\nnewsdex-index: " + db() + ": checked 3 articles: 1 problem\n");
}

TEST_F(MaintenanceTest, CheckFindsAnIdStoredTwice) {
    const Xapian::docid docid = docid_of("harbour.txt");
    damage([&](Xapian::WritableDatabase& w) { w.add_document(w.get_document(docid)); });
    CheckSummary s;
    const std::string messages = check(s);
    EXPECT_EQ(s.articles, 4u);
    EXPECT_EQ(s.problems, 1u) << messages;
    EXPECT_NE(messages.find("error: article " + id_of("harbour.txt") + ": stored twice, in documents " +
                            std::to_string(docid) + " and 4\n"),
              std::string::npos)
        << messages;
}

TEST_F(MaintenanceTest, CheckRefusesAnotherSchemaAndUnknownMetadata) {
    damage([](Xapian::WritableDatabase& w) {
        w.set_metadata(std::string(schema::kSchemaVersionKey), "4");
        w.set_metadata("newsdex.colour", "blue");
    });
    CheckSummary s;
    const std::string messages = check(s);
    EXPECT_EQ(s.problems, 2u);
    EXPECT_EQ(s.articles, 0u) << "the documents of another schema are not checked";
    EXPECT_NE(messages.find(": error: metadata key \"newsdex.colour\" is not one newsdex writes\n"), std::string::npos)
        << messages;
    EXPECT_NE(messages.find(": error: schema version 4, but this newsdex reads schema version " +
                            std::to_string(schema::kSchemaVersion)),
              std::string::npos)
        << messages;
    EXPECT_NE(messages.find(": articles not checked (the schema version is not this newsdex's): 2 problems\n"),
              std::string::npos)
        << messages;
}

TEST_F(MaintenanceTest, CheckShowsTheFirstProblemsOfAKindAndCountsTheRest) {
    damage([](Xapian::WritableDatabase& w) {
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            Xapian::Document d = w.get_document(*it);
            d.remove_value(schema::kContentHashSlot);
            w.replace_document(*it, d);
        }
    });
    CheckSummary s;
    const std::string messages = check(s, /*shown_per_kind=*/1);
    EXPECT_EQ(s.problems, 3u);
    std::size_t shown = 0;
    for (std::size_t at = messages.find("(content hash) is missing"); at != std::string::npos;
         at = messages.find("(content hash) is missing", at + 1))
        ++shown;
    EXPECT_EQ(shown, 1u) << messages;
    EXPECT_NE(messages.find(": error: 2 more problems of this kind (content hash) not shown\n"), std::string::npos)
        << messages;
}

TEST_F(MaintenanceTest, CheckRefusesAnIndexBeingWritten) {
    const WritableArticleIndex writer(db());
    CheckSummary s;
    try {
        check(s);
        FAIL() << "a locked index was checked";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("the index is being written"), std::string::npos) << e.what();
    }
}

TEST_F(MaintenanceTest, StatsCountArticlesDatesAndEntities) {
    const IndexStats s = gather_index_stats(db());
    EXPECT_EQ(s.articles, 3u);
    EXPECT_EQ(s.oldest, "2024-06-03");
    EXPECT_EQ(s.newest, "2024-06-10");
    EXPECT_EQ(s.undated, 1u);
    EXPECT_TRUE(s.last_run.has_value());
    EXPECT_FALSE(s.passes_pending);
    EXPECT_GT(s.distinct_terms, 20u);
    EXPECT_EQ(s.bytes_on_disk, index_size_on_disk(db()));
    ASSERT_EQ(s.top.size(), 4u);
    EXPECT_EQ(s.top[1].request.field, "location");
    ASSERT_FALSE(s.top[1].values.empty());
    EXPECT_EQ(s.top[1].values[0].value, "Oslo");
    EXPECT_EQ(s.top[1].values[0].count, 2u);

    std::ostringstream json;
    print_stats_json(s, json);
    EXPECT_NE(json.str().find("\"dates\":{\"oldest\":\"2024-06-03\",\"newest\":\"2024-06-10\",\"undated\":1}"),
              std::string::npos)
        << json.str();
    EXPECT_NE(json.str().find("{\"value\":\"Oslo\",\"count\":2}"), std::string::npos) << json.str();
}

TEST_F(MaintenanceTest, CompactionKeepsEveryArticleAndTheMetadata) {
    const Xapian::Database before(db());
    const std::string last_run = before.get_metadata(std::string(schema::kLastRunKey));
    const CompactionSummary s = compact_index(db());
    EXPECT_EQ(s.articles, 3u);
    EXPECT_GT(s.bytes_before, 0u);
    EXPECT_EQ(s.bytes_after, index_size_on_disk(db()));
    const Xapian::Database after = open_index_for_reading(db());
    EXPECT_EQ(after.get_doccount(), 3u);
    EXPECT_EQ(after.get_metadata(std::string(schema::kLastRunKey)), last_run);
    EXPECT_EQ(*after.postlist_begin(schema::id_term(id_of("ferry.txt"))), docid_of("ferry.txt"));
    EXPECT_TRUE(compaction_siblings(db(), "compacting").empty());
    EXPECT_TRUE(compaction_siblings(db(), "old").empty());
    CheckSummary checked;
    check(checked);
    EXPECT_EQ(checked.problems, 0u);
}

TEST_F(MaintenanceTest, CompactionWaitsForNoWriterAndRemovesCrashedCopies) {
    const fs::path crashed = compaction_sibling(db(), "compacting", 999999);
    fs::create_directories(crashed);
    {
        const WritableArticleIndex writer(db());
        EXPECT_THROW(compact_index(db()), IndexError);
        EXPECT_TRUE(fs::exists(crashed)) << "nothing is touched while another process writes";
    }
    const CompactionSummary s = compact_index(db());
    ASSERT_EQ(s.leftovers_removed.size(), 1u);
    EXPECT_EQ(s.leftovers_removed[0], crashed);
    EXPECT_FALSE(fs::exists(crashed));
}

TEST_F(MaintenanceTest, SwapByRenamesPutsTheCopyInPlace) {
    const fs::path copy = compaction_sibling(db(), "compacting", 1);
    Xapian::Database(db()).compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    ASSERT_TRUE(swap_into_place(db(), copy, SwapMethod::renames));
    EXPECT_FALSE(fs::exists(copy));
    EXPECT_TRUE(compaction_siblings(db(), "old").empty());
    EXPECT_EQ(open_index_for_reading(db()).get_doccount(), 3u);
}

TEST_F(MaintenanceTest, AnIndexLeftBetweenTheTwoRenamesIsNamed) {
    const fs::path old = compaction_sibling(db(), "old", 4321);
    fs::rename(db(), old);
    const std::string expected =
        "no index here, but " + old.string() +
        " holds it as it was before a compaction that was interrupted; put it back with: mv '" + old.string() + "' '" +
        db() + "'";
    for (const auto& mode : std::vector<std::function<void()>>{[&] { require_index(db()); },
                                                               [&] { refuse_interrupted_compaction(db()); }}) {
        try {
            mode();
            FAIL() << "no error";
        } catch (const IndexError& e) {
            EXPECT_EQ(e.what(), expected);
        }
    }
    EXPECT_NO_THROW(refuse_interrupted_compaction(db() + "-other")) << "another index's name is not this one's";
}

TEST(HumanSize, PicksAUnit) {
    EXPECT_EQ(human_size(96), "96 bytes");
    EXPECT_EQ(human_size(1536), "1.5 KiB");
    EXPECT_EQ(human_size(45u << 20), "45 MiB");
}

}  // namespace
}  // namespace newsdex
