// Times as people write them and as newsdex prints them: the argument of
// --since (an ISO 8601 date or time, or an age such as 24h counted back from
// now) and the ISO 8601 UTC form of first-indexed times in hits and in
// batch state files ("2026-12-01T08:30:00.123456Z"). Pure functions, no
// clock: callers pass `now`, so tests are exact.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace newsdex {

// A point in time as newsdex keeps it (first-indexed times, --since): UTC,
// microseconds.
using IndexedTime = std::chrono::sys_time<std::chrono::microseconds>;

// "2026-12-01" (midnight UTC), "2026-12-01T08:00", "2026-12-01T08:00:00",
// each optionally with a fraction of a second (up to 9 digits, kept to the
// microsecond) and "Z" or an offset ("+02:00"); no zone means UTC. A space
// may stand for the "T". Nothing when the text is not such a time or names
// an impossible one (2026-02-30, 24:00).
std::optional<IndexedTime> parse_iso_time(std::string_view text);

// --since: an ISO time as above, or N followed by s, m, h, d or w (seconds,
// minutes, hours, days, weeks; N up to 7 digits) before `now`. On failure,
// the reason, ready to follow "--since TEXT: ".
std::variant<IndexedTime, std::string> parse_since(std::string_view text, IndexedTime now);

// "2026-12-01T08:30:00.123456Z": always six fraction digits, so the text is
// fixed-width and sorts like the time.
std::string iso_utc(IndexedTime t);

// The clock, to the microsecond.
IndexedTime now_utc();

}  // namespace newsdex
