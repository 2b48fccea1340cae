#include "common/search/facets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/countries.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::string_view kDateField = "date";
constexpr std::size_t kDefaultTop = 10;

std::optional<DateGranularity> granularity_from(std::string_view name) {
    if (name == "year") return DateGranularity::year;
    if (name == "month") return DateGranularity::month;
    if (name == "week") return DateGranularity::week;
    if (name == "day") return DateGranularity::day;
    return std::nullopt;
}

std::optional<std::size_t> count_from(std::string_view s) {
    if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return static_cast<std::size_t>(std::stoul(std::string(s)));
}

std::vector<std::string_view> split_colons(std::string_view s) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto colon = s.find(':');
        parts.push_back(s.substr(0, colon));
        if (colon == std::string_view::npos) return parts;
        s.remove_prefix(colon + 1);
    }
}

// ---- date buckets ----

sys_days day_of(int y, int m, int d) {
    return sys_days{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                    std::chrono::day{static_cast<unsigned>(d)}};
}

// The first day of the bucket holding a day.
sys_days bucket_start(sys_days d, DateGranularity g) {
    const year_month_day ymd{d};
    switch (g) {
        case DateGranularity::year: return sys_days{ymd.year() / std::chrono::January / 1};
        case DateGranularity::month: return sys_days{ymd.year() / ymd.month() / 1};
        case DateGranularity::week: return d - days{std::chrono::weekday{d}.iso_encoding() - 1};  // Monday
        case DateGranularity::day: return d;
    }
    return d;
}

sys_days next_bucket(sys_days start, DateGranularity g) {
    const year_month_day ymd{start};
    switch (g) {
        case DateGranularity::year: return sys_days{(ymd.year() + std::chrono::years{1}) / std::chrono::January / 1};
        case DateGranularity::month: return sys_days{(ymd.year() / ymd.month() + std::chrono::months{1}) / 1};
        case DateGranularity::week: return start + days{7};
        case DateGranularity::day: return start + days{1};
    }
    return start + days{1};
}

// "2024", "2024-06", "2024-W23" (ISO 8601 week), "2024-06-07".
std::string bucket_name(sys_days start, DateGranularity g) {
    const year_month_day ymd{start};
    char buf[16];
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    switch (g) {
        case DateGranularity::year: std::snprintf(buf, sizeof buf, "%04d", y); break;
        case DateGranularity::month: std::snprintf(buf, sizeof buf, "%04d-%02u", y, m); break;
        case DateGranularity::day: std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d); break;
        case DateGranularity::week: {
            const sys_days thursday = start + days{3};
            const year_month_day t{thursday};
            const auto week = (thursday - sys_days{t.year() / std::chrono::January / 1}).count() / 7 + 1;
            std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(t.year()), static_cast<int>(week));
            break;
        }
    }
    return buf;
}

// A date slot value ("20240607", "202406", "2024") as the first day of its
// bucket; nullopt when the date is less precise than the granularity.
std::optional<sys_days> bucket_of(const std::string& compact, DateGranularity g) {
    const int y = std::stoi(compact.substr(0, 4));
    if (compact.size() >= 8)
        return bucket_start(day_of(y, std::stoi(compact.substr(4, 2)), std::stoi(compact.substr(6, 2))), g);
    if (compact.size() >= 6 && (g == DateGranularity::month || g == DateGranularity::year))
        return bucket_start(day_of(y, std::stoi(compact.substr(4, 2)), 1), g);
    if (g == DateGranularity::year) return bucket_start(day_of(y, 1, 1), g);
    return std::nullopt;
}

}  // namespace

struct FacetCounter::Counted {
    FacetRequest request;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;  // one per slot in use
};

std::string_view granularity_name(DateGranularity g) {
    switch (g) {
        case DateGranularity::year: return "year";
        case DateGranularity::month: return "month";
        case DateGranularity::week: return "week";
        case DateGranularity::day: return "day";
    }
    return "month";
}

std::variant<FacetRequest, std::string> parse_facet_spec(std::string_view spec) {
    const auto parts = split_colons(spec);
    FacetRequest r;
    r.field = std::string(parts[0]);
    const std::string usage =
        "use FIELD[:N] with FIELD one of person, location, country, org, source, author, "
        "section, or date[:year|month|week|day][:N]";
    if (r.field == kDateField) {
        r.top = 0;
        std::size_t next = 1;
        if (parts.size() > 1 && !count_from(parts[1])) {
            const auto g = granularity_from(parts[1]);
            if (!g) return "unknown date granularity \"" + std::string(parts[1]) + "\": use year, month, week or day";
            r.granularity = *g;
            next = 2;
        }
        if (parts.size() > next) {
            const auto n = count_from(parts[next]);
            if (!n || parts.size() > next + 1) return "cannot read facet \"" + std::string(spec) + "\": " + usage;
            r.top = *n;
        }
        return r;
    }
    if (!schema::find_facet_field(r.field)) return "unknown facet \"" + r.field + "\": " + usage;
    r.top = kDefaultTop;
    if (parts.size() > 1) {
        const auto n = count_from(parts[1]);
        if (!n || parts.size() > 2) return "cannot read facet \"" + std::string(spec) + "\": " + usage;
        r.top = *n;
    }
    return r;
}

FacetCounter::FacetCounter(const Xapian::Database& db, std::vector<FacetRequest> requests, std::string match_text)
    : match_text_(fold_text(match_text)) {
    for (auto& r : requests) {
        auto c = std::make_unique<Counted>();
        if (r.field == kDateField) {
            c->spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot));
        } else {
            const auto* field = schema::find_facet_field(r.field);
            // Only the slots some article uses: most articles name few people.
            for (unsigned n = 0; n < field->max_values && db.get_value_freq(field->first_slot + n) > 0; ++n)
                c->spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field->first_slot + n));
        }
        c->request = std::move(r);
        counted_.push_back(std::move(c));
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) const {
    for (const auto& c : counted_)
        for (const auto& spy : c->spies) enquire.add_matchspy(spy.get());
}

namespace {

// Summed over the field's slots, one value per folded name, shown in its most
// common spelling (ties: the smallest).
std::vector<FacetValue> entity_values(const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>& spies,
                                      std::string_view field) {
    struct Merged {
        Xapian::doccount count = 0;
        std::map<std::string, Xapian::doccount> spellings;
    };
    std::map<std::string, Merged> by_key;
    for (const auto& spy : spies)
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            Merged& m = by_key[entity_key(*it)];
            m.count += it.get_termfreq();
            m.spellings[*it] += it.get_termfreq();
        }
    std::vector<FacetValue> out;
    for (const auto& [key, m] : by_key) {
        const auto best = std::max_element(m.spellings.begin(), m.spellings.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        FacetValue v{best->first, "", m.count};
        if (field == "country") v.label = Countries::standard().name(v.value);
        out.push_back(std::move(v));
    }
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
}

std::vector<FacetValue> date_histogram(const Xapian::ValueCountMatchSpy& spy, DateGranularity g, std::size_t top,
                                       Xapian::doccount matches) {
    std::map<sys_days, Xapian::doccount> buckets;
    Xapian::doccount dated = 0, imprecise = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        dated += it.get_termfreq();
        if (auto b = bucket_of(*it, g)) buckets[*b] += it.get_termfreq();
        else imprecise += it.get_termfreq();
    }
    std::vector<FacetValue> out;
    if (!buckets.empty())
        for (sys_days b = buckets.begin()->first; b <= buckets.rbegin()->first; b = next_bucket(b, g)) {
            const auto found = buckets.find(b);
            out.push_back({bucket_name(b, g), "", found == buckets.end() ? 0 : found->second});
        }
    if (top && out.size() > top) out.erase(out.begin(), out.end() - static_cast<long>(top));  // the most recent
    out.push_back({"imprecise", "", imprecise});
    out.push_back({"unknown", "", matches - dated});
    return out;
}

}  // namespace

std::vector<FacetResult> FacetCounter::results(Xapian::doccount matches) const {
    std::vector<FacetResult> out;
    for (const auto& c : counted_) {
        FacetResult r;
        r.request = c->request;
        if (c->request.field == kDateField) {
            r.values = date_histogram(*c->spies.front(), c->request.granularity, c->request.top, matches);
            r.distinct = static_cast<std::size_t>(
                std::count_if(r.values.begin(), r.values.end() - 2, [](const FacetValue& v) { return v.count > 0; }));
        } else {
            r.values = entity_values(c->spies, c->request.field);
            r.distinct = r.values.size();
            if (!match_text_.empty())
                std::erase_if(r.values, [&](const FacetValue& v) {
                    return fold_text(v.value).find(match_text_) == std::string::npos &&
                           fold_text(v.label).find(match_text_) == std::string::npos;
                });
            if (c->request.top && r.values.size() > c->request.top) r.values.resize(c->request.top);
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace newsdex
