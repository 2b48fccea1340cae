// Unit tests for common/index/schema.h: id terms, the tie-break key, the stored
// record, and that docs/index-format.md lists exactly the schema's entries.
#include "common/index/schema.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/reading/encoding.h"

#ifndef NEWSDEX_SOURCE_DIR
#error "NEWSDEX_SOURCE_DIR must be defined by the build"
#endif

namespace newsdex {
namespace {

constexpr std::size_t kXapianMaxTermBytes = 245;

TEST(IdTerm, ShortIdsArePrefixedVerbatim) {
    const std::vector<std::string> ids = {"a",     "world/talks-01.txt", "feeds/wire.jsonl:12",
                                          "12345", "caf\xC3\xA9.txt",    std::string(200, 'x')};
    for (const auto& id : ids) {
        SCOPED_TRACE(id);
        EXPECT_EQ(schema::id_term(id), "Q" + id);
    }
}

TEST(IdTerm, LongIdsStayShortAndDistinct) {
    const std::string base(300, 'x');
    const std::vector<std::string> ids = {
        std::string(201, 'x'), base, base + "a", base + "b", std::string(5000, 'x'), std::string(240, 'x') + "tail"};
    std::set<std::string> terms;
    for (const auto& id : ids) {
        SCOPED_TRACE(testing::Message() << "id of " << id.size() << " bytes");
        const std::string term = schema::id_term(id);
        EXPECT_LE(term.size(), kXapianMaxTermBytes);
        EXPECT_TRUE(term.starts_with("Q" + id.substr(0, 150))) << term;
        EXPECT_EQ(schema::id_term(id), term) << "not deterministic";
        terms.insert(term);
    }
    EXPECT_EQ(terms.size(), ids.size()) << "two long ids share an id term";
}

TEST(IdTerm, LongIdCutOnUtf8Boundary) {
    // 199 ASCII bytes then two-byte characters: byte 200 falls inside one.
    std::string id(199, 'x');
    for (int k = 0; k < 40; ++k) id += "\xC3\xA9";
    const std::string term = schema::id_term(id);
    EXPECT_LE(term.size(), kXapianMaxTermBytes);
    EXPECT_TRUE(is_valid_utf8(term)) << term;
}

struct Keyed {
    std::optional<PublishedDate> date;
    std::string id;
};

std::string label(const Keyed& k) { return (k.date ? k.date->to_iso() : std::string("undated")) + " " + k.id; }

TEST(TieBreakKey, NewestFirstThenIdAscendingUndatedLast) {
    const auto day = [](int y, int m, int d) {
        return std::optional<PublishedDate>(PublishedDate{y, m, d, DatePrecision::day});
    };
    // In the expected order.
    const std::vector<Keyed> expected = {
        {day(2025, 1, 1), "z"}, {day(2024, 6, 10), "b"}, {day(2024, 6, 7), "a"},   {day(2024, 6, 7), "ab"},
        {day(2024, 6, 7), "b"}, {day(2024, 5, 31), "a"}, {day(2023, 12, 31), "a"}, {day(1800, 1, 1), "a"},
        {std::nullopt, "a"},    {std::nullopt, "b"},
    };
    std::vector<Keyed> sorted(expected.rbegin(), expected.rend());
    std::stable_sort(sorted.begin(), sorted.end(), [](const Keyed& x, const Keyed& y) {
        return schema::tie_break_key(x.date, x.id) < schema::tie_break_key(y.date, y.id);
    });
    std::vector<std::string> got, want;
    for (const auto& k : sorted) got.push_back(label(k));
    for (const auto& k : expected) want.push_back(label(k));
    EXPECT_EQ(got, want);
}

TEST(TieBreakKey, CoarserPrecisionSortsAsStartOfPeriodOrEarlier) {
    const PublishedDate day{2024, 6, 7, DatePrecision::day};
    const PublishedDate month{2024, 6, 0, DatePrecision::month};
    const PublishedDate year{2024, 0, 0, DatePrecision::year};
    const PublishedDate older{2023, 12, 31, DatePrecision::day};
    // A month- or year-precision date is never newer than a day inside it,
    // and always newer than the previous year.
    EXPECT_LT(schema::tie_break_key(day, "a"), schema::tie_break_key(month, "a"));
    EXPECT_LT(schema::tie_break_key(month, "a"), schema::tie_break_key(year, "a"));
    EXPECT_LT(schema::tie_break_key(year, "a"), schema::tie_break_key(older, "a"));
}

TEST(DateTerms, PerPrecision) {
    EXPECT_EQ(schema::date_terms({2024, 6, 7, DatePrecision::day}),
              (std::vector<std::string>{"Y2024", "M202406", "D20240607"}));
    EXPECT_EQ(schema::date_terms({2024, 6, 0, DatePrecision::month}), (std::vector<std::string>{"Y2024", "M202406"}));
    EXPECT_EQ(schema::date_terms({2024, 0, 0, DatePrecision::year}), (std::vector<std::string>{"Y2024"}));
}

Article full_article() {
    Article a;
    a.id = "feeds/wire.jsonl:3";
    a.title = "Caf\xC3\xA9 \xE2\x80\x9Creopens\xE2\x80\x9D";
    a.body = "First paragraph.\n\nSecond \"quoted\" paragraph with a \\ backslash.";
    a.date = PublishedDate{2024, 6, 7, DatePrecision::day};
    a.source = "Coastal Gazette";
    a.url = "https://news.example.com/cafe?x=1&y=2";
    a.path = "corpus/feeds/wire.jsonl:3";
    a.authors = {"Ana Silva", "Ben Okoro"};
    a.section = "Business";
    a.dateline_place = "KELMOUTH";  // not stored
    return a;
}

void expect_same_record(const Article& back, const Article& a) {
    EXPECT_EQ(back.id, a.id);
    EXPECT_EQ(back.title, a.title);
    EXPECT_EQ(back.body, a.body);
    EXPECT_EQ(back.date, a.date);
    EXPECT_EQ(back.source, a.source);
    EXPECT_EQ(back.url, a.url);
    EXPECT_EQ(back.path, a.path);
    EXPECT_EQ(back.authors, a.authors);
    EXPECT_EQ(back.section, a.section);
}

TEST(Record, RoundTrip) {
    struct Case {
        const char* name;
        Article article;
    };
    std::vector<Case> cases;
    cases.push_back({"full", full_article()});
    Article month = full_article();
    month.date = PublishedDate{2024, 6, 0, DatePrecision::month};
    cases.push_back({"month precision", month});
    Article year = full_article();
    year.date = PublishedDate{2024, 0, 0, DatePrecision::year};
    cases.push_back({"year precision", year});
    Article undated = full_article();
    undated.date.reset();
    undated.authors.clear();
    undated.url.clear();
    cases.push_back({"undated, no authors", undated});
    Article minimal;
    minimal.id = "x";
    cases.push_back({"minimal", minimal});
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string data = schema::encode_record(c.article);
        expect_same_record(schema::decode_article(data, schema::facet_pack(c.article), c.article.content_hash),
                           c.article);
    }
}

TEST(Record, FieldsInDocumentedOrder) {
    Article a = full_article();  // every field holding something
    // Two spellings of one name in each list: the pack holds one, so the
    // record keeps the lists.
    a.authors = {"Ana Silva", "ANA SILVA"};
    a.keywords = {"harbour", "Harbour"};
    a.persons = {"Ana Silva", "ana silva"};
    a.person_mentions = {"Silva"};
    a.locations = {"Kelmouth", "KELMOUTH"};
    a.countries = {"GB", "gb"};
    a.organizations = {"Harbour Board", "HARBOUR BOARD"};
    a.mentioned_dates = {PublishedDate{2024, 6, 1, DatePrecision::day}};
    a.source_file = "/corpus/feeds/wire.jsonl";
    a.content_hash = "0123456789abcdef";
    const std::string data = schema::encode_record(a);
    std::size_t last = 0;
    for (const auto& field : schema::record_fields()) {
        SCOPED_TRACE(std::string(field.name));
        const auto pos = data.find("\"" + std::string(field.name) + "\":");
        if (field.name == schema::kRecordContentHash) {  // slot 10 holds it (schema version 10)
            EXPECT_EQ(pos, std::string::npos) << data;
            continue;
        }
        ASSERT_NE(pos, std::string::npos) << data;
        EXPECT_GE(pos, last) << data;
        last = pos;
    }
    EXPECT_NE(data.find("\"date_precision\":\"day\""), std::string::npos) << data;
}

// Empty fields and the date fields of an undated article are left out, and
// the persons as extracted where they are the persons as resolved; all read
// back as they were.
TEST(Record, EmptyFieldsAreLeftOutAndReadBack) {
    Article a;
    a.id = "x";
    a.title = "Talks";
    a.persons = {"Ana Silva"};
    a.person_mentions = a.persons;
    const std::string data = schema::encode_record(a);
    EXPECT_EQ(data, R"({"id":"x","title":"Talks"})");  // the persons are the pack's
    Article back = schema::decode_article(data, schema::facet_pack(a), "");
    EXPECT_EQ(back.persons, a.persons);
    EXPECT_EQ(back.person_mentions, a.persons);
    EXPECT_FALSE(back.date);
    EXPECT_TRUE(back.url.empty() && back.authors.empty() && back.locations.empty());
    a.person_mentions.clear();  // persons the record gave, none the text did
    back = schema::decode_article(schema::encode_record(a), schema::facet_pack(a), "");
    EXPECT_TRUE(back.person_mentions.empty());
    EXPECT_EQ(back.persons, a.persons);
    // A record written before analysis revision 16: every field, nulls.
    back = schema::decode_record(
        R"({"id":"y","title":"T","date":null,"date_precision":null,"source":"","url":"","path":"/p","authors":[],)"
        R"("section":"","keywords":[],"text":"Body.","date_source":null,"persons":["Bo Li"],"person_mentions":["Li"],)"
        R"("locations":[],"countries":[],"organizations":[],"mentioned_dates":[],"source_file":"/p","content_hash":""})");
    EXPECT_EQ(back.id, "y");
    EXPECT_FALSE(back.date);
    EXPECT_EQ(back.persons, std::vector<std::string>{"Bo Li"});
    EXPECT_EQ(back.person_mentions, std::vector<std::string>{"Li"});
    EXPECT_EQ(back.body, "Body.");
}

// A list the facet pack holds as it is stays out of the record; one it
// cannot (past the field's cap, two spellings of one name) stays in it,
// and both read back exactly. The content hash is slot 10's.
TEST(Record, ListsThePackHoldsAreReadFromIt) {
    Article a;
    a.id = "x";
    a.locations = {"Kelmouth", "Cairo"};
    a.organizations = {"Harbour Board", "HARBOUR BOARD"};
    for (int n = 0; n < 70; ++n) a.persons.push_back("Person " + std::to_string(n));
    a.person_mentions = a.persons;
    a.content_hash = "0123456789abcdef";
    const std::string data = schema::encode_record(a);
    EXPECT_EQ(data.find("\"locations\""), std::string::npos) << data;
    EXPECT_NE(data.find("\"organizations\""), std::string::npos) << data;
    EXPECT_NE(data.find("\"persons\""), std::string::npos) << data;
    EXPECT_EQ(data.find("content_hash"), std::string::npos) << data;
    const Article back = schema::decode_article(data, schema::facet_pack(a), a.content_hash);
    EXPECT_EQ(back.locations, a.locations);
    EXPECT_EQ(back.organizations, a.organizations);
    EXPECT_EQ(back.persons, a.persons);
    EXPECT_EQ(back.content_hash, a.content_hash);
    // The record alone: what it leaves to the values is empty.
    EXPECT_TRUE(schema::decode_record(data).locations.empty());
    // Slot 3 likewise: only for the persons the pack cannot hold.
    EXPECT_EQ(schema::persons_value(a), schema::join_lines(a.persons));
    a.persons.resize(3);
    EXPECT_EQ(schema::persons_value(a), "");
}

// The source file is left out where the path names it (its line number
// cut), kept where it does not, and read back as it was either way.
TEST(Record, SourceFileLeftOutWhereThePathNamesIt) {
    struct Case {
        const char* path;
        const char* source_file;
        bool left_out;
    };
    for (const Case c : {Case{"/feeds/wire.jsonl:12", "/feeds/wire.jsonl", true}, Case{"/a/b.txt", "/a/b.txt", true},
                         Case{"-:3", "-", true}, Case{"/a/x.jsonl:5:10", "/a/x.jsonl:5", true},
                         Case{"/a/b.txt:12", "/a/b.txt:12", false},  // a file so named
                         Case{"/a/b.txt", "", false}}) {
        SCOPED_TRACE(c.path);
        Article a;
        a.id = "x";
        a.path = c.path;
        a.source_file = c.source_file;
        const std::string data = schema::encode_record(a);
        EXPECT_EQ(data.find("source_file") == std::string::npos, c.left_out) << data;
        EXPECT_EQ(schema::decode_record(data).source_file, c.source_file);
    }
}

// Slot 2 only where the names as extracted differ from the resolved ones.
TEST(Record, PersonMentionsValueOnlyWhereItDiffers) {
    Article a;
    EXPECT_EQ(schema::person_mentions_value(a), "");
    a.persons = a.person_mentions = {"Ana Silva", "Bo Li"};
    EXPECT_EQ(schema::person_mentions_value(a), "");
    a.person_mentions = {"Silva", "Bo Li"};
    EXPECT_EQ(schema::person_mentions_value(a), "Silva\nBo Li");
    a.person_mentions.clear();  // persons from the record or the overrides alone
    EXPECT_EQ(schema::person_mentions_value(a), schema::kNoPersonMentions);
}

// A field of another JSON type than newsdex writes reads as empty; a
// list keeps its strings only.
TEST(Record, FieldsOfOtherTypesReadAsEmpty) {
    const Article a = schema::decode_record(
        R"({"id":"x","title":7,"text":null,"persons":["Ana Silva",3,{"a":1},"Bo Li"],"locations":"Cairo",)"
        R"("unknown":{"nested":[1,2]},"section":"World"})");
    EXPECT_EQ(a.id, "x");
    EXPECT_EQ(a.title, "");
    EXPECT_EQ(a.body, "");
    EXPECT_EQ(a.persons, (std::vector<std::string>{"Ana Silva", "Bo Li"}));
    EXPECT_TRUE(a.locations.empty());
    EXPECT_EQ(a.section, "World");
}

TEST(Record, DecodeRejectsForeignData) {
    for (const char* data : {"", "not json", "[]", "42", "{}", R"({"title":"no id"})", R"({"id":"x"} trailing)",
                             "{\"id\":\"\xff\"}", R"({"id":"x")"}) {
        SCOPED_TRACE(data);
        EXPECT_THROW(schema::decode_record(data), std::runtime_error);
    }
}

TEST(SchemaTables, NamesMatchConstants) {
    std::vector<std::string> prefixes;
    for (const auto& e : schema::term_prefixes()) prefixes.emplace_back(e.name);
    EXPECT_EQ(prefixes,
              (std::vector<std::string>{"Q",  "S",   "Z",  "Y",   "M",  "D",   "XP", "XWP", "XL", "XWL", "XO", "XWO",
                                        "XS", "XWS", "XA", "XWA", "XK", "XWK", "XT", "XWT", "XC", "XF",  "XB"}));
    std::vector<std::string> slots;
    for (const auto& e : schema::value_slots()) slots.emplace_back(e.name);
    // The single slots in number order, each once, then the facet slot
    // ranges; no two share a slot.
    std::vector<std::string> expected;
    std::set<Xapian::valueno> used;
    for (const Xapian::valueno v : schema::kSingleSlots) {
        expected.push_back(std::to_string(v));
        EXPECT_TRUE(used.insert(v).second) << "slot " << v;
    }
    EXPECT_TRUE(std::is_sorted(std::begin(schema::kSingleSlots), std::end(schema::kSingleSlots)));
    EXPECT_EQ(expected.back(), std::to_string(schema::kFacetPackSlot));
    for (const auto& f : schema::facet_fields()) {
        const Xapian::valueno last = f.first_slot + f.max_values - 1;
        expected.push_back(f.max_values == 1 ? std::to_string(f.first_slot)
                                             : std::to_string(f.first_slot) + "-" + std::to_string(last));
        for (Xapian::valueno v = f.first_slot; v <= last; ++v)
            EXPECT_TRUE(used.insert(v).second) << f.name << " slot " << v;
    }
    EXPECT_EQ(slots, expected);
    ASSERT_EQ(schema::metadata_keys().size(), 3u);
    EXPECT_EQ(schema::metadata_keys()[0].name, schema::kSchemaVersionKey);
    EXPECT_EQ(schema::metadata_keys()[1].name, schema::kLastRunKey);
    EXPECT_EQ(schema::metadata_keys()[2].name, schema::kPassesPendingKey);
    for (const auto& table :
         {schema::term_prefixes(), schema::value_slots(), schema::metadata_keys(), schema::record_fields()}) {
        std::set<std::string_view> names;
        for (const auto& e : table) {
            EXPECT_FALSE(e.meaning.empty()) << e.name;
            EXPECT_TRUE(names.insert(e.name).second) << "duplicate entry " << e.name;
        }
    }
}

TEST(FacetValues, OnePerFoldedNameCappedAndSharedWithTheFilterTerms) {
    Article a;
    a.id = "x";
    a.persons = {"Antony Blinken", "ANTONY BLINKEN", "Abdel Fattah El-Sisi", "Abdel Fattah al-Sisi"};
    a.countries = {"eg", "EG", "qa"};
    const auto& person = *schema::find_facet_field("person");
    EXPECT_EQ(schema::facet_values(a, person), (std::vector<std::string>{"Antony Blinken", "Abdel Fattah El-Sisi"}));
    EXPECT_EQ(schema::facet_values(a, *schema::find_facet_field("country")), (std::vector<std::string>{"EG", "QA"}));
    // Past the cap a name is neither a facet value nor a filter term.
    a.persons.clear();
    for (unsigned n = 0; n < person.max_values + 5; ++n) a.persons.push_back("Person Number" + std::to_string(n));
    EXPECT_EQ(schema::facet_values(a, person).size(), person.max_values);
    const auto terms = schema::filter_terms(a);
    const auto has = [&](const std::string& t) { return std::find(terms.begin(), terms.end(), t) != terms.end(); };
    EXPECT_TRUE(has("XPperson number" + std::to_string(person.max_values - 1)));
    EXPECT_FALSE(has("XPperson number" + std::to_string(person.max_values)));
    EXPECT_EQ(schema::find_facet_field("date"), nullptr);  // the date facet reads the date slot
}

// ---- the facet pack ----

std::vector<std::pair<char, std::string>> read_pack(std::string_view pack, bool* malformed = nullptr) {
    std::vector<std::pair<char, std::string>> out;
    schema::FacetPackReader reader(pack);
    schema::FacetPackEntry e;
    char code = 0;
    while (reader.next_field(code))
        while (reader.next_value(e)) {
            EXPECT_EQ(e.key_hash, static_cast<std::uint32_t>(stable_hash64(entity_key(e.value)))) << e.value;
            out.emplace_back(code, std::string(e.value));
        }
    if (malformed) *malformed = reader.malformed();
    return out;
}

TEST(FacetPack, HoldsTheDateAndEveryFacetSlotValue) {
    Article a;
    a.id = "x";
    a.date = PublishedDate{2024, 6, 7, DatePrecision::day};
    a.persons = {"Antony Blinken", "ANTONY BLINKEN", "Abdel Fattah el-Sisi"};  // the second folds as the first
    a.locations = {"Cairo"};
    a.countries = {"eg"};
    a.organizations = {"Hamas"};
    a.source = "Reuters";
    a.authors = {"Ana Ruiz"};
    a.section = "World";
    const auto entries = read_pack(schema::facet_pack(a));
    std::vector<std::pair<char, std::string>> want{{'d', "20240607"}};
    for (const auto& f : schema::facet_fields())
        for (const auto& v : schema::facet_values(a, f)) want.emplace_back(f.pack_code, v);
    EXPECT_EQ(entries, want);
    EXPECT_EQ(entries[1], (std::pair<char, std::string>{'p', "Antony Blinken"}));
}

TEST(FacetPack, LongValuesAndAnEmptyArticle) {
    Article a;
    a.organizations = {std::string(200, 'a') + " Corporation", std::string(20000, 'b')};
    const auto entries = read_pack(schema::facet_pack(a));
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].second, a.organizations[0]);
    EXPECT_EQ(entries[1].second, a.organizations[1]);
    // An article with no facet value still has a pack: its version byte.
    EXPECT_EQ(schema::facet_pack(Article{}), std::string(1, schema::kFacetPackVersion));
    EXPECT_TRUE(read_pack(schema::facet_pack(Article{})).empty());
}

// Indexes written before analysis revision 16 hold version 1 packs (an
// 8-byte key hash and a 4-byte spelling hash a value): a newer build counts
// them with the same key hashes as the packs it writes.
TEST(FacetPack, ReadsVersionOnePacks) {
    auto little_endian = [](std::uint64_t n, int bytes) {
        std::string out;
        for (int i = 0; i < bytes; ++i, n >>= 8) out += static_cast<char>(n & 0xFF);
        return out;
    };
    std::string group;
    for (const std::string value : {"Ana Ruiz", "Bo Li"})
        group += little_endian(stable_hash64(entity_key(value)), 8) + little_endian(stable_hash64(value), 4) +
                 static_cast<char>(value.size()) + value;
    const std::string v1 = std::string("\x01p") + static_cast<char>(group.size()) + group;
    bool malformed = true;
    EXPECT_EQ(read_pack(v1, &malformed),
              (std::vector<std::pair<char, std::string>>{{'p', "Ana Ruiz"}, {'p', "Bo Li"}}));
    EXPECT_FALSE(malformed);
    Article a;
    a.persons = {"Ana Ruiz", "Bo Li"};
    EXPECT_EQ(read_pack(schema::facet_pack(a)), read_pack(v1));
    EXPECT_LT(schema::facet_pack(a).size(), v1.size());
}

TEST(FacetPack, MalformedPacksStopWithoutReadingPastTheEnd) {
    Article a;
    a.persons = {"Ana Ruiz", "Bo Li"};
    const std::string pack = schema::facet_pack(a);
    for (std::size_t cut = 0; cut < pack.size(); ++cut) {  // every truncation
        bool malformed = false;
        const auto entries = read_pack(std::string_view(pack).substr(0, cut), &malformed);
        EXPECT_TRUE(entries.empty()) << cut;  // the group is cut, so none of it is read
        // Whole: the version byte alone (no group yet), or all of it.
        const bool whole = cut == 1 || cut == pack.size();
        EXPECT_EQ(malformed, !whole) << cut;
    }
    bool malformed = false;
    EXPECT_TRUE(read_pack("\x03" + pack.substr(1), &malformed).empty());  // an unknown version
    EXPECT_TRUE(malformed);
    std::string huge = pack.substr(0, 2) + std::string(5, '\xFF');  // a group length past any value
    EXPECT_TRUE(read_pack(huge, &malformed).empty());
    EXPECT_TRUE(malformed);
    // A value longer than its group: version, code, group length, 4 hash
    // bytes, then the first value's length.
    std::string overlong = pack;
    overlong[7] = '\x7F';
    EXPECT_TRUE(read_pack(overlong, &malformed).empty());
    EXPECT_TRUE(malformed);
}

// An article's shard is part of the format: an index written by one build
// must be found by the next (docs/index-format.md, Layout).
TEST(Shards, AnIdsShardIsTheDocumentedHashAndSpreadsEvenly) {
    // Pinned (worked out by hand from docs/index-format.md): indexes written
    // so far depend on them.
    EXPECT_EQ(schema::shard_of("/news/a.txt", 2), 0u);
    EXPECT_EQ(schema::shard_of("gen-0000001", 3), 2u);
    EXPECT_EQ(schema::shard_of("reuters-17", 7), 6u);
    EXPECT_EQ(schema::shard_of("anything", 1), 0u);
    std::vector<int> per_shard(3);
    for (int k = 0; k < 3000; ++k) ++per_shard[schema::shard_of("/archive/" + std::to_string(k) + ".txt", 3)];
    for (int count : per_shard) EXPECT_NEAR(count, 1000, 100);
    // Not the sample buckets' hash: a bucket's articles spread over every shard.
    std::set<std::size_t> shards_of_bucket;
    for (int k = 0; k < 3000; ++k) {
        const std::string id = "/archive/" + std::to_string(k) + ".txt";
        if (schema::sample_bucket_term(id) == schema::sample_bucket_term(0u))
            shards_of_bucket.insert(schema::shard_of(id, 2));
    }
    EXPECT_EQ(shards_of_bucket.size(), 2u);
    EXPECT_EQ(schema::shard_folder_name(0), "shard-00");
    EXPECT_EQ(schema::shard_folder_name(12), "shard-12");
}

TEST(DatePeriod, DaysMonthsYearsAndLeapFebruary) {
    EXPECT_EQ(schema::date_period({2024, 6, 7, DatePrecision::day}),
              (std::pair<std::string, std::string>{"20240607", "20240607"}));
    EXPECT_EQ(schema::date_period({2024, 6, 0, DatePrecision::month}),
              (std::pair<std::string, std::string>{"20240601", "20240630"}));
    EXPECT_EQ(schema::date_period({2024, 2, 0, DatePrecision::month}),
              (std::pair<std::string, std::string>{"20240201", "20240229"}));
    EXPECT_EQ(schema::date_period({2023, 2, 0, DatePrecision::month}),
              (std::pair<std::string, std::string>{"20230201", "20230228"}));
    EXPECT_EQ(schema::date_period({2024, 12, 0, DatePrecision::month}),
              (std::pair<std::string, std::string>{"20241201", "20241231"}));
    EXPECT_EQ(schema::date_period({2024, 0, 0, DatePrecision::year}),
              (std::pair<std::string, std::string>{"20240101", "20241231"}));
}

TEST(EntityTerms, WholeNameAndEveryRunOfWordsFolded) {
    const auto& person = schema::entity_fields()[0];
    ASSERT_EQ(person.query_name, "person");
    EXPECT_EQ(
        schema::entity_terms(person, "Abdel Fattah El-Sisi"),
        (std::vector<std::string>{"XPabdel fattah al sisi", "XWPabdel", "XWPabdel fattah", "XWPabdel fattah al",
                                  "XWPfattah", "XWPfattah al", "XWPfattah al sisi", "XWPal", "XWPal sisi", "XWPsisi"}));
    EXPECT_EQ(schema::entity_terms(person, "Jos\xC3\xA9 \xC3\x81lvarez"),
              (std::vector<std::string>{"XPjose alvarez", "XWPjose", "XWPalvarez"}));
    // The whole name has its whole-name term only (schema version 10).
    EXPECT_EQ(schema::entity_terms(person, "Blinken"), (std::vector<std::string>{"XPblinken"}));
    EXPECT_TRUE(schema::entity_terms(person, "  ").empty());
    EXPECT_EQ(schema::country_term("EG"), "XCeg");
}

TEST(FilterTerms, EveryEntityTypeSourceAndAuthors) {
    Article a;
    a.persons = {"Antony Blinken"};
    a.locations = {"Cairo"};
    a.countries = {"EG"};
    a.organizations = {"State Department"};
    a.source = "Meridian Wire";
    a.authors = {"Ana Silva"};
    const auto terms = schema::filter_terms(a);
    for (const char* t : {"XPantony blinken", "XWPblinken", "XLcairo", "XCeg", "XOstate department", "XWOdepartment",
                          "XSmeridian wire", "XWSwire", "XAana silva", "XWAsilva"})
        EXPECT_TRUE(std::find(terms.begin(), terms.end(), t) != terms.end()) << t;
    for (const char* t : {"XWPantony blinken", "XWLcairo", "XWSmeridian wire"})  // whole names: their own terms
        EXPECT_TRUE(std::find(terms.begin(), terms.end(), t) == terms.end()) << t;
    EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end()));
}

// ---- docs/index-format.md mirrors schema.h ----

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Backticked names in the first cell of each table row, per section heading
// (the heading's text, lower-cased). A section runs to the next heading of the
// same or a higher level, so its subsections count as part of it.
std::map<std::string, std::vector<std::string>> first_column_names(std::istream& in) {
    std::map<std::string, std::vector<std::string>> out;
    std::vector<std::pair<std::size_t, std::string>> open_sections;  // (level, name), outermost first
    std::string line;
    bool in_code = false;
    while (std::getline(in, line)) {
        if (line.starts_with("```")) {
            in_code = !in_code;
            continue;
        }
        if (in_code) continue;
        if (line.starts_with("#")) {
            const std::size_t level = line.find_first_not_of('#');
            if (level == std::string::npos) continue;
            while (!open_sections.empty() && open_sections.back().first >= level) open_sections.pop_back();
            open_sections.emplace_back(level, lower(trim(line.substr(level))));
            out[open_sections.back().second];
            continue;
        }
        const std::string t = trim(line);
        if (open_sections.empty() || !t.starts_with("|")) continue;
        const auto bar = t.find('|', 1);
        const std::string cell = t.substr(1, bar == std::string::npos ? std::string::npos : bar - 1);
        for (std::size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open)) {
            const auto close = cell.find('`', open + 1);
            if (close == std::string::npos) break;
            for (const auto& [level, name] : open_sections)
                out[name].push_back(cell.substr(open + 1, close - open - 1));
            open = close + 1;
        }
    }
    return out;
}

std::multiset<std::string> names_of(std::span<const schema::Entry> entries) {
    std::multiset<std::string> out;
    for (const auto& e : entries) out.emplace(e.name);
    return out;
}

TEST(IndexFormatDoc, TablesListExactlyTheSchemaEntries) {
    const std::string path = std::string(NEWSDEX_SOURCE_DIR) + "/docs/index-format.md";
    std::ifstream in(path);
    ASSERT_TRUE(in) << "cannot open " << path;
    const auto sections = first_column_names(in);
    struct Expected {
        const char* heading;
        std::span<const schema::Entry> entries;
    };
    const std::vector<Expected> expected = {
        {"Term prefixes", schema::term_prefixes()},
        {"Value slots", schema::value_slots()},
        {"Metadata keys", schema::metadata_keys()},
        {"Stored record fields", schema::record_fields()},
    };
    for (const auto& e : expected) {
        SCOPED_TRACE(std::string("section \"") + e.heading + "\" of " + path);
        const auto it = sections.find(lower(e.heading));
        ASSERT_NE(it, sections.end()) << "no heading named \"" << e.heading << "\"";
        const std::multiset<std::string> documented(it->second.begin(), it->second.end());
        const std::multiset<std::string> in_code = names_of(e.entries);
        std::string missing, extra;
        for (const auto& n : in_code)
            if (!documented.count(n)) missing += " `" + n + "`";
        for (const auto& n : documented)
            if (!in_code.count(n)) extra += " `" + n + "`";
        EXPECT_EQ(documented, in_code) << "in schema.h but not documented:" << (missing.empty() ? " none" : missing)
                                       << "; documented but not in schema.h:" << (extra.empty() ? " none" : extra)
                                       << " (or listed twice)";
    }
}

TEST(IndexFormatDoc, ParserReadsTables) {
    // The helper above must itself work, or the doc test proves nothing.
    std::istringstream doc(
        "# Title\n\nIntro with `ignored` names.\n\n## Term prefixes\n\n| prefix | meaning |\n|---|---|\n"
        "| `Q` | id |\n| `S` | title, see `ZS` |\n\n### Notes\n\n| `X` | still in the section |\n\n"
        "```\n| `C` | in a code block |\n```\n\n## Value slots\n\n| slot | meaning |\n|--|--|\n| `0` | date |\n");
    const auto sections = first_column_names(doc);
    ASSERT_TRUE(sections.count("term prefixes"));
    EXPECT_EQ(sections.at("term prefixes"), (std::vector<std::string>{"Q", "S", "X"}));
    ASSERT_TRUE(sections.count("value slots"));
    EXPECT_EQ(sections.at("value slots"), std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace newsdex
