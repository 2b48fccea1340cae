// Unit tests for common/search/facets.h: reading --facet specs, and counting entity
// facets over a small in-memory index (multi-valued fields, spellings that
// fold alike, the per-field cap) with each count checked against the hit
// count of its drill-down filter.
#include "common/search/facets.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/base/strings.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "common/query/query_builder.h"

namespace newsdex {
namespace {

// ---- parse_facet_spec ----

struct ValidSpec {
    const char* spec;
    const char* field;
    DateGranularity granularity;
    std::size_t top;
};

TEST(ParseFacetSpec, Valid) {
    const auto month = DateGranularity::month;
    const std::vector<ValidSpec> cases = {
        {"person", "person", month, 10},
        {"person:20", "person", month, 20},
        {"person:0", "person", month, 0},
        {"person:1", "person", month, 1},
        {"location:999999", "location", month, 999999},
        {"country", "country", month, 10},
        {"org:3", "org", month, 3},
        {"source", "source", month, 10},
        {"author:5", "author", month, 5},
        {"section", "section", month, 10},
        {"date", "date", month, 0},
        {"date:year", "date", DateGranularity::year, 0},
        {"date:month", "date", month, 0},
        {"date:week", "date", DateGranularity::week, 0},
        {"date:day", "date", DateGranularity::day, 0},
        {"date:week:52", "date", DateGranularity::week, 52},
        {"date:day:0", "date", DateGranularity::day, 0},
        {"date:12", "date", month, 12},  // a count straight after date: months
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.spec);
        const auto r = parse_facet_spec(c.spec);
        ASSERT_TRUE(std::holds_alternative<FacetRequest>(r)) << std::get<std::string>(r);
        const auto& req = std::get<FacetRequest>(r);
        EXPECT_EQ(req.field, c.field);
        EXPECT_EQ(req.top, c.top);
        if (req.field == "date") {
            EXPECT_EQ(req.granularity, c.granularity);
        }
    }
}

struct InvalidSpec {
    const char* spec;
    const char* says;  // part of the reason
};

TEST(ParseFacetSpec, Invalid) {
    const std::vector<InvalidSpec> cases = {
        {"", "unknown facet \"\""},
        {"nosuchfield", "unknown facet \"nosuchfield\""},
        {"Person", "unknown facet \"Person\""},
        {"persons", "unknown facet \"persons\""},
        {"title", "unknown facet \"title\""},
        {"person:x", "cannot read facet \"person:x\""},
        {"person:", "cannot read facet \"person:\""},
        {"person:-1", "cannot read facet \"person:-1\""},
        {"person:+5", "cannot read facet \"person:+5\""},
        {"person:1.5", "cannot read facet \"person:1.5\""},
        {"person:1234567", "cannot read facet \"person:1234567\""},  // more than six digits
        {"person:5:5", "cannot read facet \"person:5:5\""},
        {"person:week", "cannot read facet \"person:week\""},
        {"date:fortnight", "unknown date granularity \"fortnight\""},
        {"date:Month", "unknown date granularity \"Month\""},
        {"date:month:x", "cannot read facet \"date:month:x\""},
        {"date:month:5:5", "cannot read facet \"date:month:5:5\""},
        {"date:month:week", "cannot read facet \"date:month:week\""},
        {"date:5:5", "cannot read facet \"date:5:5\""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.spec);
        const auto r = parse_facet_spec(c.spec);
        ASSERT_TRUE(std::holds_alternative<std::string>(r)) << "accepted";
        const auto& why = std::get<std::string>(r);
        EXPECT_NE(why.find(c.says), std::string::npos) << why;
        EXPECT_EQ(why.find('\n'), std::string::npos) << why;  // one line
    }
    // The reasons say what is accepted.
    const auto field = std::get<std::string>(parse_facet_spec("nosuchfield"));
    for (const char* f : {"person", "location", "country", "org", "source", "author", "section", "date"})
        EXPECT_NE(field.find(f), std::string::npos) << field;
    const auto granularity = std::get<std::string>(parse_facet_spec("date:fortnight"));
    for (const char* g : {"year", "month", "week", "day"})
        EXPECT_NE(granularity.find(g), std::string::npos) << granularity;
}

TEST(ParseFacetSpec, GranularityNamesReadBack) {
    for (const auto g : {DateGranularity::year, DateGranularity::month, DateGranularity::week, DateGranularity::day}) {
        const std::string spec = "date:" + std::string(granularity_name(g));
        const auto r = parse_facet_spec(spec);
        ASSERT_TRUE(std::holds_alternative<FacetRequest>(r)) << spec;
        EXPECT_EQ(std::get<FacetRequest>(r).granularity, g) << spec;
    }
}

// ---- counting over an in-memory index ----

struct Entities {
    std::vector<std::string> persons = {}, locations = {}, countries = {}, organizations = {}, authors = {};
};

// Every counting test runs twice: counting facet packs, and with the
// per-slot spies (the remote path); both must give the same answers.
class FacetCountTest : public testing::TestWithParam<FacetCounting> {
protected:
    FacetCountTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

    void add(const std::string& id, const Entities& e) {
        Article a;
        a.id = id;
        a.title = "Report " + id;
        a.body = "The council met on the harbour front.";
        a.persons = e.persons;
        a.person_mentions = e.persons;
        a.locations = e.locations;
        a.countries = e.countries;
        a.organizations = e.organizations;
        a.authors = e.authors;
        DocumentBuilder builder(/*extract_entities=*/false);
        db_.replace_document(schema::id_term(id), builder.build(a));
        ++added_;
    }

    // The facet of every article, all values.
    FacetResult count(const std::string& field, std::size_t top = 0, const std::string& match = "") {
        db_.commit();
        FacetRequest request;
        request.field = field;
        request.top = top;
        const FacetCounter counter(db_, {request}, match, GetParam());
        EXPECT_EQ(counter.counts_packs(), GetParam() == FacetCounting::automatic);
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query::MatchAll);
        counter.attach(enquire);
        const auto mset = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
        EXPECT_EQ(mset.get_matches_estimated(), added_);
        auto results = counter.results(mset.get_matches_estimated());
        EXPECT_EQ(results.size(), 1u);
        return results.empty() ? FacetResult{} : results.front();
    }

    // value -> count
    static std::map<std::string, Xapian::doccount> as_map(const FacetResult& r) {
        std::map<std::string, Xapian::doccount> m;
        for (const auto& v : r.values) EXPECT_TRUE(m.emplace(v.value, v.count).second) << "twice: " << v.value;
        return m;
    }

    // Hits of the drill-down filter for one value, through the query builder.
    Xapian::doccount drill_down(const std::string& field, const std::string& value) {
        db_.commit();
        const QueryBuilder builder(db_);
        const std::string q = field == "country" ? "country:" + value : field + ":\"" + value + "\"";
        const auto built = builder.build(q, MatchMode::all);
        if (const auto* e = std::get_if<QueryError>(&built)) {
            ADD_FAILURE() << q << ": " << e->message;
            return 0;
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(std::get<Xapian::Query>(built));
        return enquire.get_mset(0, db_.get_doccount()).size();
    }

    Xapian::WritableDatabase db_;
    Xapian::doccount added_ = 0;
};

TEST_P(FacetCountTest, AnArticleCountsOncePerPerson) {
    add("a", {.persons = {"Alice Adams", "Bob Brown", "Carol Clark"}});
    add("b", {.persons = {"Bob Brown", "Alice Adams"}});
    add("c", {.persons = {"Alice Adams", "Alice Adams"}});  // named twice: one value
    add("d", {});
    const FacetResult r = count("person");
    ASSERT_EQ(r.values.size(), 3u);
    EXPECT_EQ(r.values[0].value, "Alice Adams");
    EXPECT_EQ(r.values[0].count, 3u);
    EXPECT_EQ(r.values[1].value, "Bob Brown");
    EXPECT_EQ(r.values[1].count, 2u);
    EXPECT_EQ(r.values[2].value, "Carol Clark");
    EXPECT_EQ(r.values[2].count, 1u);
    EXPECT_EQ(r.distinct, 3u);
    for (const auto& v : r.values) EXPECT_EQ(drill_down("person", v.value), v.count) << v.value;
    // Top N keeps the first N, distinct still counts them all.
    const FacetResult top = count("person", 2);
    ASSERT_EQ(top.values.size(), 2u);
    EXPECT_EQ(top.values[1].value, "Bob Brown");
    EXPECT_EQ(top.distinct, 3u);
}

TEST_P(FacetCountTest, EveryMultiValuedFieldCountsEachValue) {
    add("a", {.persons = {"Alice Adams"},
              .locations = {"Cairo", "Doha", "Gaza"},
              .countries = {"eg", "qa"},
              .organizations = {"United Nations", "Red Crescent"},
              .authors = {"Jane Doe", "John Roe"}});
    add("b",
        {.locations = {"Doha"}, .countries = {"qa"}, .organizations = {"United Nations"}, .authors = {"Jane Doe"}});
    using Counts = std::map<std::string, Xapian::doccount>;
    EXPECT_EQ(as_map(count("location")), (Counts{{"Cairo", 1}, {"Doha", 2}, {"Gaza", 1}}));
    EXPECT_EQ(as_map(count("country")), (Counts{{"EG", 1}, {"QA", 2}}));
    EXPECT_EQ(as_map(count("org")), (Counts{{"United Nations", 2}, {"Red Crescent", 1}}));
    EXPECT_EQ(as_map(count("author")), (Counts{{"Jane Doe", 2}, {"John Roe", 1}}));
    for (const char* field : {"location", "country", "org", "author"})
        for (const auto& v : count(field).values)
            EXPECT_EQ(drill_down(field, v.value), v.count) << field << " " << v.value;
    // Country values carry the country's name.
    for (const auto& v : count("country").values) EXPECT_EQ(v.label, v.value == "EG" ? "Egypt" : "Qatar");
}

TEST_P(FacetCountTest, SpellingsFoldingAlikeAreOneValueShownInTheMostCommonSpelling) {
    add("a", {.persons = {"Antony Blinken"}});
    add("b", {.persons = {"ANTONY BLINKEN"}});
    add("c", {.persons = {"Antony Blinken"}});
    add("d", {.persons = {"antony blinken", "Antony Blinken"}});  // one article, one value
    const FacetResult r = count("person");
    ASSERT_EQ(r.values.size(), 1u);
    EXPECT_EQ(r.values[0].value, "Antony Blinken");
    EXPECT_EQ(r.values[0].count, 4u);
    EXPECT_EQ(r.distinct, 1u);
    EXPECT_EQ(drill_down("person", "Antony Blinken"), 4u);
    EXPECT_EQ(drill_down("person", "ANTONY BLINKEN"), 4u);
}

TEST_P(FacetCountTest, TheCapitalSpellingWinsWhenItIsTheMoreCommon) {
    add("a", {.persons = {"ANTONY BLINKEN"}});
    add("b", {.persons = {"Antony Blinken"}});
    add("c", {.persons = {"ANTONY BLINKEN"}});
    const FacetResult r = count("person");
    ASSERT_EQ(r.values.size(), 1u);
    EXPECT_EQ(r.values[0].value, "ANTONY BLINKEN");
    EXPECT_EQ(r.values[0].count, 3u);
}

TEST_P(FacetCountTest, AccentsAndTheArabicArticleFoldToo) {
    add("a", {.persons = {"Jos\xC3\xA9 \xC3\x81lvarez"}});
    add("b", {.persons = {"Jose Alvarez"}});
    add("c", {.persons = {"Jos\xC3\xA9 \xC3\x81lvarez", "Abdel Fattah El-Sisi"}});
    add("d", {.persons = {"Abdel Fattah al-Sisi"}});
    add("e", {.persons = {"Abdel Fattah al-Sisi"}});
    const auto m = as_map(count("person"));
    EXPECT_EQ(
        m, (std::map<std::string, Xapian::doccount>{{"Jos\xC3\xA9 \xC3\x81lvarez", 3}, {"Abdel Fattah al-Sisi", 3}}));
    for (const auto& [value, n] : m) EXPECT_EQ(drill_down("person", value), n) << value;
}

TEST_P(FacetCountTest, FacetMatchKeepsValuesContainingTheTextFolded) {
    add("a", {.persons = {"Jos\xC3\xA9 \xC3\x81lvarez", "Marta Josefsson", "Ana Ruiz"}, .countries = {"eg", "qa"}});
    const auto values = [&](const std::string& field, const std::string& match) {
        std::set<std::string> out;
        for (const auto& v : count(field, 0, match).values) out.insert(v.value);
        return out;
    };
    using Set = std::set<std::string>;
    EXPECT_EQ(values("person", "JOSE"), (Set{"Jos\xC3\xA9 \xC3\x81lvarez", "Marta Josefsson"}));
    EXPECT_EQ(values("person", "\xC3\xA1lv"), (Set{"Jos\xC3\xA9 \xC3\x81lvarez"}));
    EXPECT_EQ(values("person", "ruiz"), (Set{"Ana Ruiz"}));
    EXPECT_EQ(values("person", "zz"), Set{});
    EXPECT_EQ(values("country", "egy"), (Set{"EG"}));  // the label counts
    EXPECT_EQ(values("country", "qa"), (Set{"QA"}));
    // "person (1 of 1)", not "of 3": the count is of the values the match keeps.
    EXPECT_EQ(count("person", 0, "ruiz").distinct, 1u);
    EXPECT_EQ(count("person", 0, "jose").distinct, 2u);
    EXPECT_EQ(count("person", 1, "jose").distinct, 2u);  // before the top
    EXPECT_EQ(count("person", 0, "").distinct, 3u);
}

// More values than the field's cap: only the first max_values are counted,
// and exactly those are drill-down filter terms.
TEST_P(FacetCountTest, CapOnValuesAgreesWithTheFilterTerms) {
    for (const char* field : {"person", "location", "org", "author", "country"}) {
        SCOPED_TRACE(field);
        db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        added_ = 0;
        const auto* f = schema::find_facet_field(field);
        ASSERT_NE(f, nullptr);
        ASSERT_GT(f->max_values, 1u);
        const unsigned n = f->max_values + 3;
        // Distinct names (country: distinct two-letter codes).
        std::vector<std::string> names;
        for (unsigned i = 0; i < n; ++i) {
            if (std::string(field) == "country") names.push_back({char('A' + i / 26), char('A' + i % 26)});
            else names.push_back("Name Number" + std::to_string(i));
        }
        Entities many, past_cap;
        auto& list = std::string(field) == "person"     ? many.persons
                     : std::string(field) == "location" ? many.locations
                     : std::string(field) == "org"      ? many.organizations
                     : std::string(field) == "author"   ? many.authors
                                                        : many.countries;
        list = names;
        add("many", many);
        // Another article names one of the values past the first article's cap.
        auto& other = std::string(field) == "person"     ? past_cap.persons
                      : std::string(field) == "location" ? past_cap.locations
                      : std::string(field) == "org"      ? past_cap.organizations
                      : std::string(field) == "author"   ? past_cap.authors
                                                         : past_cap.countries;
        const std::string late = names[f->max_values + 1];
        other = {late};
        add("other", past_cap);

        const auto counted = as_map(count(field));
        ASSERT_EQ(counted.size(), f->max_values + 1u);
        for (unsigned i = 0; i < f->max_values; ++i) EXPECT_EQ(counted.count(names[i]), 1u) << names[i];
        EXPECT_EQ(counted.count(names[f->max_values]), 0u);  // past the cap, named nowhere else
        EXPECT_EQ(counted.at(late), 1u);                     // counted for the other article only
        for (const auto& [value, c] : counted) EXPECT_EQ(c, 1u) << value;
        // Drill-downs agree, past the cap too.
        for (unsigned i = 0; i < n; ++i) {
            const std::string& v = names[i];
            const Xapian::doccount want = counted.count(v) ? counted.at(v) : 0;
            EXPECT_EQ(drill_down(field, v), want) << v;
        }
    }
}

// ---- the pack path's own cases ----

// The person facet of every article of db, all values, as value -> count
// in the facet's order; whether the counter read packs.
std::pair<std::vector<std::pair<std::string, Xapian::doccount>>, bool> person_facet(const Xapian::Database& db) {
    FacetRequest request;
    request.field = "person";
    request.top = 0;
    const FacetCounter counter(db, {request}, "");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    const auto mset = enquire.get_mset(0, 0, db.get_doccount());
    const auto results = counter.results(mset.get_matches_estimated());
    std::vector<std::pair<std::string, Xapian::doccount>> got;
    for (const auto& v : results.at(0).values) got.emplace_back(v.value, v.count);
    return {got, counter.counts_packs()};
}

// An index holding hand-made packs: two different values given one key
// hash must be counted apart, never merged; in packs of the current layout
// and of version 1 (an 8-byte key hash and a 4-byte spelling hash a value).
TEST(FacetPackCounting, ValuesSharingAHashAreCountedApart) {
    for (const char version : {schema::kFacetPackVersion, '\x01'}) {
        SCOPED_TRACE(static_cast<int>(version));
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        auto pack = [version](const std::vector<std::string>& persons) {
            std::string group;
            for (const auto& name : persons) {
                group += std::string(version == 1 ? 8 : 4, '\x2A');  // one key hash for every name
                std::uint64_t spelling = stable_hash64(name);
                for (int i = 0; i < 4 && version == 1; ++i, spelling >>= 8) group += static_cast<char>(spelling & 0xFF);
                group += static_cast<char>(name.size());
                group += name;
            }
            return std::string(1, version) + 'p' + static_cast<char>(group.size()) + group;
        };
        const std::vector<std::vector<std::string>> articles = {
            {"Ana Ruiz", "Bo Li"}, {"Bo Li"}, {"ANA RUIZ"}, {"Cy Twombly", "Ana Ruiz"}};
        for (const auto& persons : articles) {
            Xapian::Document doc;
            doc.add_value(schema::kFacetPackSlot, pack(persons));
            db.add_document(doc);
        }
        const auto [got, packs] = person_facet(db);
        EXPECT_TRUE(packs);
        EXPECT_EQ(got, (std::vector<std::pair<std::string, Xapian::doccount>>{
                           {"Ana Ruiz", 3}, {"Bo Li", 2}, {"Cy Twombly", 1}}));
    }
}

// An index where some article has no pack (written before it existed) is
// counted per slot, with every article counted.
TEST(FacetPackCounting, AnArticleWithoutAPackMeansCountingPerSlot) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(/*extract_entities=*/false);
    for (const char* id : {"a", "b", "c"}) {
        Article a;
        a.id = id;
        a.body = "Talks resumed.";
        a.persons = {"Ana Ruiz"};
        Xapian::Document doc = builder.build(a);
        if (std::string(id) == "b") doc.remove_value(schema::kFacetPackSlot);
        db.add_document(doc);
    }
    const auto [got, packs] = person_facet(db);
    EXPECT_FALSE(packs);
    EXPECT_EQ(got, (std::vector<std::pair<std::string, Xapian::doccount>>{{"Ana Ruiz", 3}}));
}

INSTANTIATE_TEST_SUITE_P(BothWays, FacetCountTest, testing::Values(FacetCounting::automatic, FacetCounting::per_slot),
                         [](const testing::TestParamInfo<FacetCounting>& info) {
                             return info.param == FacetCounting::automatic ? "Packs" : "PerSlot";
                         });

}  // namespace
}  // namespace newsdex
