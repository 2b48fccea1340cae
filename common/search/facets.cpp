#include "common/search/facets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/countries.h"
#include "common/index/schema.h"
#include "common/search/facet_pack_spy.h"

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
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;  // per-slot counting: one per slot in use
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
    std::string usage = "use FIELD[:N] with FIELD one of ";
    for (const auto& f : schema::facet_fields()) usage += std::string(f.name) + ", ";
    usage += "or date[:year|month|week|day][:N]";
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

FacetCounter::FacetCounter(const Xapian::Database& db, std::vector<FacetRequest> requests, std::string match_text,
                           FacetCounting how)
    : match_text_(fold_text(match_text)) {
    // The pack only when every article has one: an index written before it
    // (or updated only in part since) is counted per slot.
    const Xapian::doccount articles = db.get_doccount();
    const bool packed = how == FacetCounting::automatic && articles > 0 &&
                        db.get_value_freq(schema::kFacetPackSlot) == articles;
    std::string codes;
    for (auto& r : requests) {
        auto c = std::make_unique<Counted>();
        const auto* field = r.field == kDateField ? nullptr : schema::find_facet_field(r.field);
        if (packed) {
            codes += field ? field->pack_code : schema::kDatePackCode;
        } else if (!field) {
            c->spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot));
        } else {
            // Only the slots some article uses: most articles name few people.
            for (unsigned n = 0; n < field->max_values && db.get_value_freq(field->first_slot + n) > 0; ++n)
                c->spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field->first_slot + n));
        }
        c->request = std::move(r);
        counted_.push_back(std::move(c));
    }
    if (packed) pack_ = std::make_unique<FacetPackSpy>(codes);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) const {
    if (pack_) enquire.add_matchspy(pack_.get());
    for (const auto& c : counted_)
        for (const auto& spy : c->spies) enquire.add_matchspy(spy.get());
}

namespace {

// One field's values as the per-slot spies counted them, summed over the
// slots and merged by folded name, as the pack spy counts them.
std::vector<EntityCount> slot_counts(const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>& spies) {
    std::map<std::string, EntityCount> by_key;
    for (const auto& spy : spies)
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            EntityCount& c = by_key[entity_key(*it)];
            c.count += it.get_termfreq();
            c.spellings[*it] += it.get_termfreq();
        }
    std::vector<EntityCount> out;
    for (auto& [key, c] : by_key) out.push_back(std::move(c));
    return out;
}

// Each value as its most common spelling (ties: the smallest), viewing
// `counts`.
std::vector<ValueCount> best_spellings(const std::vector<EntityCount>& counts) {
    std::vector<ValueCount> out;
    for (const auto& c : counts) {
        const auto best = std::min_element(c.spellings.begin(), c.spellings.end(), [](const auto& a, const auto& b) {
            return shown_before(a.first, a.second, b.first, b.second);
        });
        out.push_back({best->first, c.count});
    }
    return out;
}

// One value per folded name, most counted first (ties: by value), the
// first `top` (0: all) of those that contain `match` (folded; empty: all);
// `matching`: how many contain it. Only the values shown are copied: a
// facet over a large result has tens of thousands of values and shows ten.
std::vector<FacetValue> entity_values(std::vector<ValueCount> counts, std::string_view field, std::size_t top,
                                      const std::string& match, std::size_t& matching) {
    const auto label_of = [&](std::string_view value) {
        return field == "country" ? Countries::standard().name(std::string(value)) : std::string();
    };
    if (!match.empty())
        std::erase_if(counts, [&](const ValueCount& v) {
            return fold_text(v.value).find(match) == std::string::npos &&
                   fold_text(label_of(v.value)).find(match) == std::string::npos;
        });
    matching = counts.size();
    const auto first = [](const ValueCount& a, const ValueCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    const std::size_t shown = top && top < counts.size() ? top : counts.size();
    std::partial_sort(counts.begin(), counts.begin() + static_cast<long>(shown), counts.end(), first);
    std::vector<FacetValue> out;
    for (std::size_t k = 0; k < shown; ++k)
        out.push_back({std::string(counts[k].value), label_of(counts[k].value), counts[k].count});
    return out;
}

std::vector<FacetValue> date_histogram(const std::vector<EntityCount>& dates, DateGranularity g, std::size_t top,
                                       Xapian::doccount matches) {
    std::map<sys_days, Xapian::doccount> buckets;
    Xapian::doccount dated = 0, imprecise = 0;
    for (const auto& date : dates)
        for (const auto& [value, count] : date.spellings) {
            dated += count;
            if (auto b = bucket_of(value, g)) buckets[*b] += count;
            else imprecise += count;
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
        const auto* field = schema::find_facet_field(c->request.field);
        if (!field) {
            const std::vector<EntityCount> dates = pack_ ? pack_->counts(schema::kDatePackCode) : slot_counts(c->spies);
            r.values = date_histogram(dates, c->request.granularity, c->request.top, matches);
            r.distinct = static_cast<std::size_t>(
                std::count_if(r.values.begin(), r.values.end() - 2, [](const FacetValue& v) { return v.count > 0; }));
        } else {
            const std::vector<EntityCount> from_slots = pack_ ? std::vector<EntityCount>() : slot_counts(c->spies);
            std::vector<ValueCount> values = pack_ ? pack_->value_counts(field->pack_code) : best_spellings(from_slots);
            r.values = entity_values(std::move(values), c->request.field, c->request.top, match_text_, r.distinct);
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace newsdex
