// --facet, --facet-match and date: filters end to end.
//
// A small corpus written here (text files with header blocks and JSON Lines)
// has dates on the calendar's edges: month ends, a leap day, a year change,
// an ISO week that belongs to the next year, a month-precision date, a
// year-precision date and undated articles. Every expected histogram and hit
// set is computed from the corpus definition below by a model written for
// these tests (its own calendar arithmetic, its own ISO week rule), never
// from newsdex's code. The bundled corpus checks that each entity facet
// count equals the hit count of its drill-down filter.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "helpers.h"
#include "indexed_corpus.h"

namespace newsdex::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ---------------------------------------------------------------------------
// The dated corpus.

struct Doc {
    std::string id;    // text: the file name (the id of a file under the input root); JSON Lines: "id"
    std::string date;  // "", "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    std::string source;
    std::string section;
    std::vector<std::string> authors;
    bool text;  // a .txt file with a header block, else a JSON Lines record
};

const std::vector<Doc>& docs() {
    static const std::vector<Doc> d = {
        {"dec31.txt", "2023-12-31", "Harbour Times", "World", {"Jos\xC3\xA9 \xC3\x81lvarez"}, true},
        {"jan01.txt", "2024-01-01", "Harbour Times", "Business", {"Ana Ruiz"}, true},
        {"jan31.txt", "2024-01-31", "Coast Wire", "World", {"Jose Martin", "Ana Ruiz"}, true},
        {"feb01.txt", "2024-02-01", "Coast Wire", "World", {"Marta Josefsson"}, true},
        {"month-feb.txt", "2024-02", "Harbour Times", "Business", {"Jos\xC3\xA9 \xC3\x81lvarez"}, true},
        {"year-2024.txt", "2024", "Coast Wire", "World", {"Zo\xC3\xAB Quinn"}, true},
        {"undated.txt", "", "Harbour Times", "World", {}, true},
        {"feb10", "2024-02-10", "Coast Wire", "Business", {}, false},
        {"leap", "2024-02-29", "Harbour Times", "World", {"Ana Ruiz"}, false},
        {"leap-2", "2024-02-29", "Le R\xC3\xA9veil", "World", {}, false},
        {"mar01", "2024-03-01", "Le R\xC3\xA9veil", "Business", {}, false},
        {"dec29", "2024-12-29", "Coast Wire", "World", {"JOS\xC3\x89 \xC3\x81LVAREZ"}, false},
        {"dec30", "2024-12-30", "Harbour Times", "World", {}, false},
        {"undated-2", "", "Coast Wire", "Business", {}, false},
    };
    return d;
}

// No word of these bodies is a date, so no undated article gets an inferred one.
const char* const kBody = "The harbour council met to discuss the dredging plan for the inner basin.";

std::string text_file(const Doc& d) {
    std::string s = "title: Harbour council report\n";
    if (!d.date.empty()) s += "date: " + d.date + "\n";
    s += "source: " + d.source + "\nsection: " + d.section + "\n";
    if (!d.authors.empty()) {
        s += "author: ";
        for (std::size_t i = 0; i < d.authors.size(); ++i) s += (i ? ", " : "") + d.authors[i];
        s += "\n";
    }
    return s + "\n" + kBody + "\n";
}

std::string jsonl_line(const Doc& d) {
    json j;
    j["id"] = d.id;
    j["title"] = "Harbour council report";
    if (!d.date.empty()) j["date"] = d.date;
    j["source"] = d.source;
    j["section"] = d.section;
    if (!d.authors.empty()) j["authors"] = d.authors;
    j["body"] = kBody;
    return j.dump() + "\n";
}

// ---------------------------------------------------------------------------
// The model: calendar arithmetic of its own.

struct Ymd {
    int y = 0, m = 0, d = 0;
    auto operator<=>(const Ymd&) const = default;
};

bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : kDays[m - 1];
}

Ymd next_day(Ymd t) {
    if (++t.d > days_in_month(t.y, t.m)) t.d = 1, ++t.m;
    if (t.m > 12) t.m = 1, ++t.y;
    return t;
}

// 1 = Monday … 7 = Sunday (Sakamoto's method).
int iso_weekday(Ymd t) {
    static const int k[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = t.y;
    if (t.m < 3) --y;
    const int w = (y + y / 4 - y / 100 + y / 400 + k[t.m - 1] + t.d) % 7;  // 0 = Sunday
    return w == 0 ? 7 : w;
}

int day_of_year(Ymd t) {
    int n = t.d;
    for (int m = 1; m < t.m; ++m) n += days_in_month(t.y, m);
    return n;
}

int iso_weeks_in(int y) {
    const auto p = [](int x) { return (x + x / 4 - x / 100 + x / 400) % 7; };
    return p(y) == 4 || p(y - 1) == 3 ? 53 : 52;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string iso(Ymd t) { return std::to_string(t.y) + "-" + two(t.m) + "-" + two(t.d); }

// ISO 8601 week by the ordinal-day rule: week = (ordinal - weekday + 10) / 7.
std::string iso_week(Ymd t) {
    int y = t.y;
    int w = (day_of_year(t) - iso_weekday(t) + 10) / 7;
    if (w < 1) w = iso_weeks_in(--y);
    else if (w > iso_weeks_in(y)) w = 1, ++y;
    return std::to_string(y) + "-W" + two(w);
}

enum class Precision { none, year, month, day };

Precision precision_of(const std::string& date) {
    switch (date.size()) {
        case 0: return Precision::none;
        case 4: return Precision::year;
        case 7: return Precision::month;
        default: return Precision::day;
    }
}

// The first and the last day of the period a date string covers.
std::pair<Ymd, Ymd> period_of(const std::string& date) {
    const int y = std::stoi(date.substr(0, 4));
    switch (precision_of(date)) {
        case Precision::year: return {{y, 1, 1}, {y, 12, 31}};
        case Precision::month: {
            const int m = std::stoi(date.substr(5, 2));
            return {{y, m, 1}, {y, m, days_in_month(y, m)}};
        }
        default: {
            const Ymd t{y, std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2))};
            return {t, t};
        }
    }
}

// The histogram bucket of a date, or nullopt when the date is coarser.
std::optional<std::string> bucket_of(const std::string& date, const std::string& granularity) {
    const Precision p = precision_of(date);
    if (granularity == "year") return date.substr(0, 4);
    if (granularity == "month") return p >= Precision::month ? std::optional(date.substr(0, 7)) : std::nullopt;
    if (p != Precision::day) return std::nullopt;
    return granularity == "day" ? date : iso_week(period_of(date).first);
}

using Histogram = std::vector<std::pair<std::string, long>>;

// Buckets from the earliest to the latest counted one, the empty ones in
// between included, then "imprecise" and "unknown"; the last `top` buckets
// only when top > 0.
Histogram expected_histogram(const std::vector<const Doc*>& matched, const std::string& granularity,
                             std::size_t top = 0) {
    std::map<std::string, long> counts;
    std::optional<Ymd> first, last;
    long imprecise = 0, unknown = 0;
    for (const Doc* d : matched) {
        if (d->date.empty()) {
            ++unknown;
            continue;
        }
        const auto b = bucket_of(d->date, granularity);
        if (!b) {
            ++imprecise;
            continue;
        }
        ++counts[*b];
        const Ymd start = period_of(d->date).first;
        if (!first || start < *first) first = start;
        if (!last || start > *last) last = start;
    }
    Histogram h;
    if (first)
        for (Ymd t = *first; t <= *last; t = next_day(t)) {
            const std::string b = *bucket_of(iso(t), granularity);
            if (h.empty() || h.back().first != b) h.emplace_back(b, counts.count(b) ? counts[b] : 0);
        }
    if (top && h.size() > top) h.erase(h.begin(), h.end() - static_cast<long>(top));
    h.emplace_back("imprecise", imprecise);
    h.emplace_back("unknown", unknown);
    return h;
}

// The articles a date: filter value matches: date:P those dated within P at
// least as precisely as P; date:A..B those whose whole period lies within
// [first day of A, last day of B].
std::vector<const Doc*> expected_matches(const std::string& value, const std::vector<Doc>& corpus = docs()) {
    std::vector<const Doc*> out;
    const auto dots = value.find("..");
    for (const Doc& d : corpus) {
        if (d.date.empty()) continue;
        bool match;
        if (dots == std::string::npos) {
            match = d.date.size() >= value.size() && d.date.compare(0, value.size(), value) == 0;
        } else {
            const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
            const auto [first, last] = period_of(d.date);
            match = (from.empty() || first >= period_of(from).first) && (to.empty() || last <= period_of(to).second);
        }
        if (match) out.push_back(&d);
    }
    return out;
}

std::set<std::string> ids_of(const std::vector<const Doc*>& matched) {
    std::set<std::string> ids;
    for (const Doc* d : matched) ids.insert(d->id);
    return ids;
}

std::vector<const Doc*> all_docs() {
    std::vector<const Doc*> out;
    for (const Doc& d : docs()) out.push_back(&d);
    return out;
}

// The model checks itself against facts of the calendar.
TEST(FacetModel, CalendarFacts) {
    EXPECT_EQ(iso_week({2024, 12, 30}), "2025-W01");  // a Monday: its Thursday is in 2025
    EXPECT_EQ(iso_week({2024, 12, 29}), "2024-W52");
    EXPECT_EQ(iso_week({2023, 12, 31}), "2023-W52");  // a Sunday
    EXPECT_EQ(iso_week({2024, 1, 1}), "2024-W01");    // a Monday
    EXPECT_EQ(iso_week({2021, 1, 3}), "2020-W53");    // 2020 had 53 ISO weeks
    EXPECT_EQ(iso_weekday({2024, 2, 29}), 4);         // a Thursday
    EXPECT_EQ(next_day({2024, 2, 28}), (Ymd{2024, 2, 29}));
    EXPECT_EQ(next_day({2023, 2, 28}), (Ymd{2023, 3, 1}));
    EXPECT_EQ(next_day({2023, 12, 31}), (Ymd{2024, 1, 1}));
}

// ---------------------------------------------------------------------------
// Helpers over the binaries.

// --format json with the given options and query; fails the test unless the
// exit status is 0 (hits) or 1 (none) and the output is JSON.
json search_with(const fs::path& db, std::vector<std::string> options, const std::string& query,
                 std::size_t limit = 1000) {
    std::vector<std::string> args{"--format", "json", "-n", std::to_string(limit)};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back("--");
    args.push_back(query);
    const RunResult r = search_in(db, args);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << describe(r);
    EXPECT_EQ(r.status == 0, !r.out.empty() && r.out.find("\"total\":0,") == std::string::npos) << describe(r);
    json j = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << describe(r);
    return j.is_object() ? j : json::object();
}

Histogram histogram_of(const json& result, const std::string& key) {
    Histogram h;
    if (!result.contains("facets") || !result["facets"].contains(key)) {
        ADD_FAILURE() << "no facet " << key << " in " << result.dump();
        return h;
    }
    for (const auto& v : result["facets"][key]) h.emplace_back(v["value"].get<std::string>(), v["count"].get<long>());
    return h;
}

std::string show(const Histogram& h) {
    std::string s;
    for (const auto& [name, n] : h) s += name + "=" + std::to_string(n) + " ";
    return s;
}

// The corpus above as files: the text articles one file each, the others
// lines of one JSON Lines feed, all under news/.
struct DatedNews {
    static constexpr const char* kDatabase = "db";
    static std::string prepare(const fs::path& dir, std::vector<std::string>& args) {
        std::string feed;
        for (const Doc& d : docs()) {
            if (d.text) write_file(dir / "news" / d.id, text_file(d));
            else feed += jsonl_line(d);
        }
        write_file(dir / "news" / "feed.jsonl", feed);
        args = {(dir / "news").string()};
        return "";
    }
};

class DatedCorpus : public IndexedCorpusTest<DatedNews> {};

// The premise of the other tests: each article is indexed with the date (and
// precision) written, and the undated ones stay undated.
TEST_F(DatedCorpus, ArticlesCarryTheDatesWritten) {
    EXPECT_EQ(lines_of(indexing().err).size(), 1u) << describe(indexing());  // the summary, no warning
    const json all = search_with(db(), {}, "*");
    ASSERT_EQ(all["total"], docs().size());
    std::map<std::string, json> by_id;
    for (const auto& h : all["hits"]) by_id[short_id(h["id"].get<std::string>())] = h;
    for (const Doc& d : docs()) {
        SCOPED_TRACE(d.id);
        ASSERT_TRUE(by_id.count(d.id));
        const json& h = by_id[d.id];
        if (d.date.empty()) {
            EXPECT_TRUE(h["date"].is_null()) << h.dump();
            EXPECT_TRUE(h["date_precision"].is_null()) << h.dump();
            continue;
        }
        EXPECT_EQ(h["date"], iso(period_of(d.date).first));
        const char* precision = precision_of(d.date) == Precision::day     ? "day"
                                : precision_of(d.date) == Precision::month ? "month"
                                                                           : "year";
        EXPECT_EQ(h["date_precision"], precision);
    }
}

TEST_F(DatedCorpus, HistogramsOverEveryArticle) {
    const json r = search_with(
        db(), {"--facet", "date:day", "--facet", "date:week", "--facet", "date:month", "--facet", "date:year"}, "*", 0);
    EXPECT_EQ(r["facets_exact"], true);
    for (const std::string g : {"day", "week", "month", "year"}) {
        SCOPED_TRACE(g);
        const Histogram want = expected_histogram(all_docs(), g);
        const Histogram got = histogram_of(r, "date:" + g);
        EXPECT_EQ(got, want) << "got:  " << show(got) << "\nwant: " << show(want);
    }
    // The same histograms requested one at a time, and with a page of hits.
    for (const std::string g : {"day", "week", "month", "year"})
        EXPECT_EQ(histogram_of(search_with(db(), {"--facet", "date:" + g}, "*"), "date:" + g),
                  expected_histogram(all_docs(), g))
            << g;
}

// A few facts the model must agree with, written out by hand.
TEST_F(DatedCorpus, HistogramEdgesByHand) {
    // 2024-12-30 is a Monday in ISO week 2025-W01; 2024-12-29 a Sunday in 2024-W52.
    EXPECT_EQ(histogram_of(search_with(db(), {"--facet", "date:week"}, "date:2024-12-29..2024-12-30"), "date:week"),
              (Histogram{{"2024-W52", 1}, {"2025-W01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    // Sunday 2023-12-31 closes 2023-W52; Monday 2024-01-01 opens 2024-W01.
    const json change = search_with(db(), {"--facet", "date:week", "--facet", "date:year"},
                                    "date:2023-12-31..2024-01-01");
    EXPECT_EQ(histogram_of(change, "date:week"),
              (Histogram{{"2023-W52", 1}, {"2024-W01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    EXPECT_EQ(histogram_of(change, "date:year"),
              (Histogram{{"2023", 1}, {"2024", 1}, {"imprecise", 0}, {"unknown", 0}}));
    // Month ends.
    EXPECT_EQ(histogram_of(search_with(db(), {"--facet", "date:month"}, "date:2024-01-31..2024-02-01"), "date:month"),
              (Histogram{{"2024-01", 1}, {"2024-02", 1}, {"imprecise", 0}, {"unknown", 0}}));
    // The leap day has two articles, the day after it one.
    EXPECT_EQ(histogram_of(search_with(db(), {"--facet", "date:day"}, "date:2024-02-29..2024-03-01"), "date:day"),
              (Histogram{{"2024-02-29", 2}, {"2024-03-01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    // February by day: 29 buckets from the 1st to the 29th, with the empty
    // days kept; the month-precision article is imprecise.
    const Histogram feb = histogram_of(search_with(db(), {"--facet", "date:day"}, "date:2024-02"), "date:day");
    ASSERT_EQ(feb.size(), 29u + 2u) << show(feb);
    EXPECT_EQ(feb.front(), (std::pair<std::string, long>{"2024-02-01", 1}));
    EXPECT_EQ(feb[1], (std::pair<std::string, long>{"2024-02-02", 0}));
    EXPECT_EQ(feb[9], (std::pair<std::string, long>{"2024-02-10", 1}));
    EXPECT_EQ(feb[28], (std::pair<std::string, long>{"2024-02-29", 2}));
    EXPECT_EQ(feb[29], (std::pair<std::string, long>{"imprecise", 1}));
    EXPECT_EQ(feb[30], (std::pair<std::string, long>{"unknown", 0}));
    // By month the year-precision article is the only imprecise one; by year none is.
    const json all = search_with(db(), {"--facet", "date:month", "--facet", "date:year"}, "*", 0);
    const Histogram months = histogram_of(all, "date:month");
    ASSERT_GE(months.size(), 2u);
    EXPECT_EQ(months[months.size() - 2], (std::pair<std::string, long>{"imprecise", 1}));
    EXPECT_EQ(months.back(), (std::pair<std::string, long>{"unknown", 2}));
    EXPECT_EQ(histogram_of(all, "date:year"), (Histogram{{"2023", 1}, {"2024", 11}, {"imprecise", 0}, {"unknown", 2}}));
}

TEST_F(DatedCorpus, HistogramsOverFilteredMatches) {
    for (const std::string filter :
         {"2024-02", "2024", "2024-02-01..2024-02-29", "2024-02-10..", "..2024-01", "2024-12-30", "2023"}) {
        const json r = search_with(
            db(), {"--facet", "date:day", "--facet", "date:week", "--facet", "date:month", "--facet", "date:year"},
            "date:" + filter);
        for (const std::string g : {"day", "week", "month", "year"}) {
            SCOPED_TRACE("date:" + filter + " by " + g);
            const Histogram want = expected_histogram(expected_matches(filter), g);
            const Histogram got = histogram_of(r, "date:" + g);
            EXPECT_EQ(got, want) << "got:  " << show(got) << "\nwant: " << show(want);
        }
    }
    // Undated articles only: no bucket, everything unknown.
    const json r = search_with(db(), {"--facet", "date:month"}, "harbour -date:1800..2200");
    EXPECT_EQ(histogram_of(r, "date:month"), (Histogram{{"imprecise", 0}, {"unknown", 2}}));
}

TEST_F(DatedCorpus, TopNKeepsTheMostRecentBuckets) {
    for (const auto& [g, n] : std::vector<std::pair<std::string, std::size_t>>{
             {"month", 3}, {"day", 5}, {"week", 1}, {"year", 1}, {"month", 100}}) {
        const std::string spec = "date:" + g + ":" + std::to_string(n);
        SCOPED_TRACE(spec);
        const json r = search_with(db(), {"--facet", spec}, "*");
        EXPECT_EQ(histogram_of(r, "date:" + g), expected_histogram(all_docs(), g, n));
    }
    // "date:N" is the month histogram's N most recent buckets.
    EXPECT_EQ(histogram_of(search_with(db(), {"--facet", "date:2"}, "*"), "date:month"),
              expected_histogram(all_docs(), "month", 2));
}

TEST_F(DatedCorpus, DateFiltersMatchTheModel) {
    const std::vector<std::string> filters = {
        "2023-12-31",
        "2024-01-01",
        "2024-01-31",
        "2024-02-01",
        "2024-02-10",
        "2024-02-29",
        "2024-03-01",
        "2024-12-30",
        "2024-06-15",
        "2023-12",
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-12",
        "2023",
        "2024",
        "2025",
        "2024-02-01..2024-02-29",
        "2024-02-10..2024-02-29",
        "2024-02..2024-02",
        "2024-01-31..2024-02-01",
        "2024-02-29..2024-03-01",
        "2023-12-31..2024-01-01",
        "2024-02-29..2024-02-29",
        "2024-02-10..2024-02-10",
        "2024-01-31..2024-01-31",
        "2024-02..2024-02-15",
        "2024-01-15..2024-02",
        "2024-02-29..2024-02",
        "2024..2024",
        "2024-01..2024-12",
        "2024-01-01..2024-12-30",
        "2024-02..",
        "2024-02-01..",
        "2024-02-02..",
        "2024..",
        "2024-12-30..",
        "2025..",
        "..2024-01",
        "..2024-01-31",
        "..2023-12-31",
        "..2024-02",
        "..2024-02-28",
        "..2024",
        "..2023",
    };
    for (const auto& f : filters) {
        SCOPED_TRACE("date:" + f);
        EXPECT_EQ(hit_ids(search_with(db(), {}, "date:" + f)), ids_of(expected_matches(f)));
        // The same filter beside a word every article has.
        EXPECT_EQ(hit_ids(search_with(db(), {}, "harbour date:" + f)), ids_of(expected_matches(f)));
    }
}

TEST_F(DatedCorpus, MonthPrecisionArticleMatchesOnlyWholeMonthPeriods) {
    const std::string month = "month-feb.txt", year = "year-2024.txt";
    for (const std::string f : {"2024-02", "2024", "2024-02-01..2024-02-29", "2024-02..2024-02", "2024-02..",
                                "..2024-02", "2024-01-31..2024-03-01"}) {
        EXPECT_TRUE(hit_ids(search_with(db(), {}, "date:" + f)).count(month)) << "date:" << f;
    }
    for (const std::string f :
         {"2024-02-10", "2024-02-01", "2024-02-29", "2024-02-10..2024-02-29", "2024-02-01..2024-02-01",
          "2024-02-01..2024-02-28", "2024-02-02..", "..2024-02-28", "2024-01", "2023"}) {
        EXPECT_FALSE(hit_ids(search_with(db(), {}, "date:" + f)).count(month)) << "date:" << f;
    }
    // The year-precision article: its year and ranges covering the whole year only.
    for (const std::string f : {"2024", "2024..2024", "2024-01..2024-12", "2024-01-01..", "..2024-12-31"})
        EXPECT_TRUE(hit_ids(search_with(db(), {}, "date:" + f)).count(year)) << "date:" << f;
    for (const std::string f : {"2024-01", "2024-01-01", "2024-01-01..2024-12-30", "2024-01-02..", "..2024-11"})
        EXPECT_FALSE(hit_ids(search_with(db(), {}, "date:" + f)).count(year)) << "date:" << f;
}

// ISO years of 53 weeks (2020, 2026) and century years (1900 is not a leap
// year, 2000 is), in an index of their own.
TEST(DateFacetCalendar, FiftyThreeWeekYearsAndCenturies) {
    const std::vector<Doc> corpus = {
        {"w1", "2020-12-27", "Coast Wire", "World", {}, false}, {"w2", "2020-12-28", "Coast Wire", "World", {}, false},
        {"w3", "2021-01-03", "Coast Wire", "World", {}, false}, {"w4", "2021-01-04", "Coast Wire", "World", {}, false},
        {"w5", "2026-12-31", "Coast Wire", "World", {}, false}, {"w6", "2027-01-01", "Coast Wire", "World", {}, false},
        {"w7", "2027-01-04", "Coast Wire", "World", {}, false}, {"c1", "1900-02-28", "Coast Wire", "World", {}, false},
        {"c2", "1900-03-01", "Coast Wire", "World", {}, false}, {"c3", "2000-02-28", "Coast Wire", "World", {}, false},
        {"c4", "2000-03-01", "Coast Wire", "World", {}, false},
    };
    ScratchDir dir;
    std::string feed;
    for (const Doc& d : corpus) feed += jsonl_line(d);
    write_file(dir / "feed.jsonl", feed);
    const RunResult indexed = index_into(dir / "db", {(dir / "feed.jsonl").string()});
    ASSERT_EQ(indexed.status, 0) << describe(indexed);
    for (const std::string filter : {"2020-12-27..2021-01-04", "2026-12-28..2027-01-04", "1900-02-28..1900-03-01",
                                     "2000-02-28..2000-03-01", "1900", "2000-02..2000-03", "2020..2021"}) {
        const json r = search_with(dir / "db", {"--facet", "date:day", "--facet", "date:week", "--facet", "date:month"},
                                   "date:" + filter);
        EXPECT_EQ(hit_ids(r), ids_of(expected_matches(filter, corpus))) << filter;
        for (const std::string g : {"day", "week", "month"}) {
            SCOPED_TRACE("date:" + filter + " by " + g);
            const Histogram want = expected_histogram(expected_matches(filter, corpus), g);
            const Histogram got = histogram_of(r, "date:" + g);
            EXPECT_EQ(got, want) << "got:  " << show(got) << "\nwant: " << show(want);
        }
    }
    // By hand: 2020-W53 runs from Monday 2020-12-28 to Sunday 2021-01-03;
    // 2027-01-01 is in 2026-W53; 1900 has no February 29, 2000 has one.
    const fs::path db = dir / "db";
    EXPECT_EQ(histogram_of(search_with(db, {"--facet", "date:week"}, "date:2020-12-27..2021-01-04"), "date:week"),
              (Histogram{{"2020-W52", 1}, {"2020-W53", 2}, {"2021-W01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    EXPECT_EQ(histogram_of(search_with(db, {"--facet", "date:week"}, "date:2026-12-28..2027-01-04"), "date:week"),
              (Histogram{{"2026-W53", 2}, {"2027-W01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    EXPECT_EQ(histogram_of(search_with(db, {"--facet", "date:day"}, "date:1900-02-28..1900-03-01"), "date:day"),
              (Histogram{{"1900-02-28", 1}, {"1900-03-01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    EXPECT_EQ(histogram_of(search_with(db, {"--facet", "date:day"}, "date:2000-02-28..2000-03-01"), "date:day"),
              (Histogram{{"2000-02-28", 1}, {"2000-02-29", 0}, {"2000-03-01", 1}, {"imprecise", 0}, {"unknown", 0}}));
    const RunResult no_leap = search_in(db, {"date:1900-02-29"});
    EXPECT_EQ(no_leap.status, 2) << describe(no_leap);
    EXPECT_NE(no_leap.err.find("1900-02-29 is not a day of the calendar"), std::string::npos) << describe(no_leap);
    const RunResult leap = search_in(db, {"date:2000-02-29"});
    EXPECT_EQ(leap.status, 1) << describe(leap);  // a valid day with no article
}

// ---------------------------------------------------------------------------
// --facet-match on the dated corpus's authors and sources.

// Case and the accents this corpus uses, folded away.
std::string fold(std::string s) {
    static const std::vector<std::pair<std::string, std::string>> kAccents = {{"\xC3\xA9", "e"}, {"\xC3\x89", "e"},
                                                                              {"\xC3\xA1", "a"}, {"\xC3\x81", "a"},
                                                                              {"\xC3\xAB", "e"}, {"\xC3\x8B", "e"}};
    for (const auto& [from, to] : kAccents)
        for (std::size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Expected facet values: spellings folding alike are one value, shown in its
// most common spelling; by count, then value.
Histogram expected_values(const std::string& field, const std::string& match) {
    std::map<std::string, std::map<std::string, long>> spellings;  // folded -> spelling -> articles
    for (const Doc& d : docs()) {
        std::vector<std::string> names;
        if (field == "author") names = d.authors;
        else names = {field == "source" ? d.source : d.section};
        std::set<std::string> seen;
        for (const auto& n : names)
            if (seen.insert(fold(n)).second) ++spellings[fold(n)][n];
    }
    Histogram out;
    for (const auto& [key, by_spelling] : spellings) {
        if (key.find(fold(match)) == std::string::npos) continue;
        long total = 0;
        std::pair<std::string, long> best{"", -1};
        for (const auto& [s, n] : by_spelling) {
            total += n;
            if (n > best.second) best = {s, n};
        }
        out.emplace_back(best.first, total);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return out;
}

TEST_F(DatedCorpus, EntityFacetsOfOwnCorpus) {
    const json r = search_with(db(), {"--facet", "author:0", "--facet", "source:0", "--facet", "section:0"}, "*");
    for (const std::string f : {"author", "source", "section"})
        EXPECT_EQ(histogram_of(r, f), expected_values(f, "")) << f;
    // Two spellings of one name are one value, shown as the more common one.
    const Histogram authors = histogram_of(r, "author");
    EXPECT_NE(std::find(authors.begin(), authors.end(), std::pair<std::string, long>{"Jos\xC3\xA9 \xC3\x81lvarez", 3}),
              authors.end())
        << show(authors);
    for (const auto& [name, n] : authors) EXPECT_NE(name, "JOS\xC3\x89 \xC3\x81LVAREZ");
}

TEST_F(DatedCorpus, FacetMatchKeepsValuesContainingTheText) {
    for (const std::string m :
         {"jos\xC3\xA9", "JOSE", "\xC3\x81LV", "alv", "zoe", "ZO\xC3\x8B", "re", "R\xC3\x89", "ruiz", "xyz"}) {
        SCOPED_TRACE("--facet-match '" + m + "'");
        const json r = search_with(db(),
                                   {"--facet", "author:0", "--facet", "source:0", "--facet", "section:0", "--facet",
                                    "date:year", "--facet-match", m},
                                   "*", 0);
        for (const std::string f : {"author", "source", "section"}) {
            const Histogram want = expected_values(f, m);
            EXPECT_EQ(histogram_of(r, f), want) << f << ": want " << show(want);
        }
        // Not applied to the date histogram.
        EXPECT_EQ(histogram_of(r, "date:year"), expected_histogram(all_docs(), "year"));
    }
    // Top N applies to the values kept: the one Zoë Quinn article is last by
    // count, yet author:1 with the match shows it.
    for (const std::string m : {"zoe", "jose", "re"}) {
        Histogram want = expected_values("author", m);
        want.resize(std::min<std::size_t>(1, want.size()));
        const json r = search_with(db(), {"--facet", "author:1", "--facet-match", m}, "*", 0);
        EXPECT_EQ(histogram_of(r, "author"), want) << m;
    }
    // Sanity of the cases above: they keep some values and drop others.
    EXPECT_EQ(expected_values("author", "JOSE").size(), 3u);
    EXPECT_EQ(expected_values("author", "zoe").size(), 1u);
    EXPECT_TRUE(expected_values("author", "xyz").empty());
}

// ---------------------------------------------------------------------------
// Usage and query errors.

TEST_F(DatedCorpus, BadFacetSpecsAreUsageErrors) {
    struct Case {
        std::string spec, says;
    };
    for (const Case& c :
         {Case{"nosuchfield", "unknown facet \"nosuchfield\""},
          Case{"date:fortnight", "unknown date granularity \"fortnight\""},
          Case{"person:x", "cannot read facet \"person:x\""}, Case{"person:5:5", "cannot read facet \"person:5:5\""},
          Case{"date:week:x", "cannot read facet \"date:week:x\""}}) {
        const RunResult r = search_in(db(), {"--facet", c.spec, "harbour"});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.out, "") << describe(r);
        EXPECT_EQ(r.err.rfind("newsdex-search: error: --facet " + c.spec + ": " + c.says, 0), 0u) << describe(r);
        EXPECT_EQ(lines_of(r.err).size(), 1u) << describe(r);
        EXPECT_EQ(r.err.back(), '\n') << describe(r);
    }
}

TEST_F(DatedCorpus, MalformedDatesExitTwoWithACaret) {
    const std::string formats = " (dates are YYYY, YYYY-MM or YYYY-MM-DD)";
    struct Case {
        std::string query, message, at;  // the caret goes under the first character of `at`
    };
    const std::vector<Case> cases = {
        {"date:2024-13", "there is no month 13" + formats, "13"},
        {"date:2024-02-30", "2024-02-30 is not a day of the calendar" + formats, "30"},
        {"date:2023-02-29", "2023-02-29 is not a day of the calendar" + formats, "29"},
        {"date:2024-06..2024-05", "the range ends before it starts", ".."},
        {"date:..", "a date range needs a date on at least one side of \"..\"", ".."},
        {"date:june", "\"june\" is not a date" + formats, "june"},
        {"harbour date:2024-13", "there is no month 13" + formats, "13"},
        {"date:2024-06..2024-13", "there is no month 13" + formats, "13"},
        {"date:\"2024-13\"", "there is no month 13" + formats, "13"},
        {"(date:2024-13)", "there is no month 13" + formats, "13"},
        {"date:2024-00", "there is no month 00" + formats, "00"},
        {"date:2024-02-00", "2024-02-00 is not a day of the calendar" + formats, "00"},
        {"date:20240101", "\"20240101\" is not a date" + formats, "2024"},
        {"date:\"2024-06..2024-05\"", "the range ends before it starts", ".."},
        {"harbour date:2024..2023", "the range ends before it starts", ".."},
    };
    for (const auto& c : cases) {
        const std::size_t column = c.query.find(c.at);
        ASSERT_NE(column, std::string::npos) << c.query;
        const RunResult r = search_in(db(), {c.query});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_EQ(r.out, "") << describe(r);
        EXPECT_EQ(r.err, "newsdex-search: query error: " + c.message + "\n  " + c.query + "\n  " +
                             std::string(column, ' ') + "^\n")
            << describe(r);
    }
}

// ---------------------------------------------------------------------------
// The bundled corpus: every facet value drills down to exactly its count.

class BundledCorpusFacets : public IndexedCorpusTest<BundledCorpus> {};

const std::vector<std::string> kEntityFacets = {"source", "section", "author", "person", "location", "country", "org"};

std::vector<std::string> all_values_options() {
    std::vector<std::string> o;
    for (const auto& f : kEntityFacets) o.insert(o.end(), {"--facet", f + ":0"});
    return o;
}

// As the text output shows it: field:="value", exactly that name.
std::string drill_down(const std::string& field, const std::string& value) {
    return field == "country" ? "country:" + value : field + ":=\"" + value + "\"";
}

TEST_F(BundledCorpusFacets, EveryValueDrillsDownToItsCount) {
    const long everything = search_with(db(), {}, "*", 0)["total"].get<long>();
    for (const std::string query : {"*", "talks"}) {
        SCOPED_TRACE("query " + query);
        const json r = search_with(db(), all_values_options(), query, 0);
        EXPECT_EQ(r["facets_exact"], true);
        if (query != "*") {
            EXPECT_LT(r["total"].get<long>(), everything);  // a real restriction
        }
        for (const auto& field : kEntityFacets) {
            SCOPED_TRACE("--facet " + field);
            const Histogram values = histogram_of(r, field);
            ASSERT_FALSE(values.empty()) << r.dump();
            for (const auto& [value, count] : values) {
                if (value.find('"') != std::string::npos) {
                    ADD_FAILURE() << "cannot write a drill-down for " << value;
                    continue;
                }
                const std::string filter = drill_down(field, value);
                const std::string q = query == "*" ? filter : query + " " + filter;
                EXPECT_EQ(search_with(db(), {}, q, 0)["total"].get<long>(), count) << q;
            }
        }
    }
}

// Counts agree with the entity lists of the hits themselves (a spelling
// compared without case: the bundled corpus spells each name one way).
TEST_F(BundledCorpusFacets, CountsAgreeWithTheHitLists) {
    const std::map<std::string, std::string> hit_field = {{"source", "source"},     {"author", "authors"},
                                                          {"person", "persons"},    {"location", "locations"},
                                                          {"country", "countries"}, {"org", "organizations"}};
    for (const std::string query : {"*", "talks"}) {
        const json r = search_with(db(), all_values_options(), query);
        ASSERT_EQ(r["hits"].size(), r["total"].get<std::size_t>());
        for (const auto& [field, list] : hit_field) {
            SCOPED_TRACE(query + " --facet " + field);
            for (const auto& [value, count] : histogram_of(r, field)) {
                // A copy for the lambda: clang before 16 cannot capture a structured binding.
                const std::string wanted = fold(value);
                long listing = 0;
                for (const auto& h : r["hits"]) {
                    const json names = h[list].is_array() ? h[list] : json::array({h[list]});
                    listing += std::any_of(names.begin(), names.end(), [&](const json& n) {
                        return n.is_string() && fold(n.get<std::string>()) == wanted;
                    });
                }
                EXPECT_EQ(listing, count) << value;
            }
        }
    }
}

TEST_F(BundledCorpusFacets, OrderTopNAndPagingIndependence) {
    const json all = search_with(db(), all_values_options(), "*", 0);
    const json paged = search_with(db(), all_values_options(), "*", 3);
    EXPECT_EQ(all["facets"], paged["facets"]);  // counts over all matches, not the page
    for (const auto& field : kEntityFacets) {
        SCOPED_TRACE(field);
        const Histogram values = histogram_of(all, field);
        for (std::size_t i = 1; i < values.size(); ++i) {
            const auto& [a, na] = values[i - 1];
            const auto& [b, nb] = values[i];
            EXPECT_TRUE(na > nb || (na == nb && a < b)) << a << " " << na << " before " << b << " " << nb;
        }
        // Default: the first ten; field:3 the first three.
        const auto first = [&](std::size_t n) {
            return Histogram(values.begin(), values.begin() + static_cast<long>(std::min(n, values.size())));
        };
        EXPECT_EQ(histogram_of(search_with(db(), {"--facet", field}, "*", 0), field), first(10));
        EXPECT_EQ(histogram_of(search_with(db(), {"--facet", field + ":3"}, "*", 0), field), first(3));
    }
}

TEST_F(BundledCorpusFacets, CountriesCarryNamesAndMatchOnThem) {
    const json all = search_with(db(), {"--facet", "country:0"}, "*", 0);
    ASSERT_TRUE(all["facets"]["country"].is_array());
    json want = json::array();
    bool has_egypt = false;
    for (const auto& v : all["facets"]["country"]) {
        ASSERT_TRUE(v.contains("name")) << v.dump();
        ASSERT_TRUE(v["name"].is_string()) << v.dump();
        if (v["value"] == "EG") {
            has_egypt = true;
            EXPECT_EQ(v["name"], "Egypt");
        }
        if (fold(v["name"].get<std::string>()).find("egypt") != std::string::npos ||
            fold(v["value"].get<std::string>()).find("egypt") != std::string::npos)
            want.push_back(v);
    }
    ASSERT_TRUE(has_egypt) << all.dump();
    EXPECT_EQ(search_with(db(), {"--facet", "country:0", "--facet-match", "EGYPT"}, "*", 0)["facets"]["country"], want);
    // Other facets' keys are absent when not asked for.
    EXPECT_EQ(all["facets"].size(), 1u);
}

}  // namespace
}  // namespace newsdex::e2e
