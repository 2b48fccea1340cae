// Fuzz target: the date parsers. parse_date() (common/reading/published_date.h)
// reads every date of the input: headers, JSON "date" fields, "Updated:"
// lines. A date it accepts must be a real one and read back as itself from
// its ISO form, which the index stores. The input's first line also goes
// to the --since parsers (common/base/time_spec.h), whose times must
// round-trip through iso_utc() the same way (batch state files rely on it).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "common/base/time_spec.h"
#include "common/reading/published_date.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto parsed = parse_date(text);
    if (const auto* d = std::get_if<PublishedDate>(&parsed)) {
        fuzz::check_date(*d);
        const auto again = parse_date(d->to_iso());
        NEWSDEX_FUZZ_CHECK(std::holds_alternative<PublishedDate>(again) && std::get<PublishedDate>(again) == *d);
        NEWSDEX_FUZZ_CHECK(d->first_day_iso().size() == 10);
        NEWSDEX_FUZZ_CHECK(d->compact().size() == 4 + (d->month ? 2 : 0) + (d->day ? 2 : 0));
    } else {
        NEWSDEX_FUZZ_CHECK(!std::get<DateError>(parsed).message.empty());
    }

    const std::string_view line = text.substr(0, text.find('\n'));
    if (const auto t = parse_iso_time(line)) {
        const auto again = parse_iso_time(iso_utc(*t));
        NEWSDEX_FUZZ_CHECK(again && *again == *t);
    }
    // A fixed "now", so a run is reproducible: 2026-01-01T00:00:00Z.
    const IndexedTime now{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
    const auto since = parse_since(line, now);
    if (const auto* reason = std::get_if<std::string>(&since)) NEWSDEX_FUZZ_CHECK(!reason->empty());
    return 0;
}
