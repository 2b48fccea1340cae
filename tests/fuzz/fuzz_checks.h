// What every fuzz target checks besides crashes: the promises a parser's
// output makes to the stages after it. A broken promise aborts, so libFuzzer
// saves the input as a crash (scripts/fuzz reports it) like any other bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/reading/article.h"
#include "common/reading/encoding.h"
#include "common/reading/published_date.h"

namespace newsdex::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    std::abort();
}

#define NEWSDEX_FUZZ_CHECK(cond) ((cond) ? void() : ::newsdex::fuzz::fail(#cond, __FILE__, __LINE__))

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A date a parser hands on is a real one, within the years parse_date()
// accepts, and its fields agree with its precision: the index stores it as
// terms and sortable values that assume all of this.
inline void check_date(const PublishedDate& d) {
    NEWSDEX_FUZZ_CHECK(d.year >= 1800 && d.year <= 2200);
    switch (d.precision) {
        case DatePrecision::year: NEWSDEX_FUZZ_CHECK(d.month == 0 && d.day == 0); break;
        case DatePrecision::month: NEWSDEX_FUZZ_CHECK(d.month >= 1 && d.month <= 12 && d.day == 0); break;
        case DatePrecision::day: NEWSDEX_FUZZ_CHECK(is_valid_day(d.year, d.month, d.day)); break;
    }
}

// Every text field of an article is valid UTF-8: the reader's control
// character scrub, fold_text() and the JSON output all require it.
inline void check_article_text(const Article& a) {
    for (const std::string* field : {&a.id, &a.title, &a.body, &a.source, &a.url, &a.section, &a.dateline_place})
        NEWSDEX_FUZZ_CHECK(is_valid_utf8(*field));
    for (const auto* list : {&a.authors, &a.keywords, &a.persons, &a.locations, &a.countries, &a.organizations})
        for (const auto& name : *list) NEWSDEX_FUZZ_CHECK(is_valid_utf8(name));
    if (a.date) check_date(*a.date);
}

}  // namespace newsdex::fuzz
