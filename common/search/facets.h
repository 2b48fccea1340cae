// The facet step: exact counts of entity, source, author, section and date
// values over the whole match set (not the page shown), an article naming
// five people counting once for each. See FacetCounting for the two ways.
// Values whose folded forms agree are one value (shown in their most common
// spelling), exactly as the filter terms fold them: the count of a value
// equals the hit count of its drill-down filter.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <xapian.h>

namespace newsdex {

enum class DateGranularity { year, month, week, day };

struct FacetRequest {
    std::string field;  // "person", "location", "country", "org", "source", "author", "section" or "date"
    DateGranularity granularity = DateGranularity::month;  // for "date"
    // Values shown: the top N by count (default 10); for "date" the N most
    // recent buckets (default 0: all of them). 0 means all.
    std::size_t top = 10;
};

// "person", "person:20", "date", "date:month", "date:week:52". On failure,
// the reason.
std::variant<FacetRequest, std::string> parse_facet_spec(std::string_view spec);
std::string_view granularity_name(DateGranularity g);

struct FacetValue {
    std::string value;  // as a filter takes it: "Antony Blinken", "EG", "2024-06"
    std::string label;  // for people: "Egypt" for "EG"; else empty
    Xapian::doccount count = 0;
};

struct FacetResult {
    FacetRequest request;
    // Entities: by count, most first, then by value. Date: buckets in time
    // order, empty ones included, then "imprecise" (dated less precisely
    // than the granularity) and "unknown" (undated).
    std::vector<FacetValue> values;
    std::size_t distinct = 0;  // values with a count (that --facet-match keeps), before top
};

// How a FacetCounter counts: with the facet pack where the index has one for
// every article (one value read per match; facet_pack_spy.h), or with a
// ValueCountMatchSpy per used slot of each field (works through
// xapian-tcpsrv too). Both give the same counts.
enum class FacetCounting { automatic, per_slot };

class FacetPackSpy;

class FacetCounter {
public:
    // match_text: keep only values whose folded value or label contains it
    // (not applied to the date histogram).
    FacetCounter(const Xapian::Database& db, std::vector<FacetRequest> requests, std::string match_text,
                 FacetCounting how = FacetCounting::automatic);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    // Registers the match spies; the counter must outlive get_mset().
    void attach(Xapian::Enquire& enquire) const;
    // After get_mset() examined every match (matches: their number).
    std::vector<FacetResult> results(Xapian::doccount matches) const;

    bool counts_packs() const { return pack_ != nullptr; }

private:
    struct Counted;
    std::vector<std::unique_ptr<Counted>> counted_;
    std::unique_ptr<FacetPackSpy> pack_;  // when counting packs
    std::string match_text_;              // folded
};

}  // namespace newsdex
