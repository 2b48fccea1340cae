// Fuzz target: entity extraction (common/entities/entity_extractor.h) and
// publication-date inference (date_inference.h), as the document builder
// runs them on each article. The input is an article: its first line the
// title, the rest the body; a first line "@PLACE" gives a wire dateline
// place first (as "CAIRO (Reuters) -" would). Bytes that are not UTF-8 are
// decoded as Windows-1252, as the readers do, since extraction takes valid
// UTF-8 only. Checks that every name is non-empty valid UTF-8, countries
// are sorted unique ISO codes, and every date is a real one.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/entities/date_inference.h"
#include "common/entities/entity_extractor.h"
#include "common/entities/gazetteer.h"
#include "common/reading/encoding.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

namespace {

// Cuts the first line off `text` and returns it.
std::string take_line(std::string& text) {
    const auto end = text.find('\n');
    std::string line = text.substr(0, end);
    text.erase(0, end == std::string::npos ? text.size() : end + 1);
    return line;
}

bool is_country_code(const std::string& c) {
    return c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0])) &&
           std::isupper(static_cast<unsigned char>(c[1]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Gazetteer& gazetteer = Gazetteer::standard();  // loaded once, outside the measured runs
    const std::string_view bytes = fuzz::as_text(data, size);
    if (contains_nul(bytes)) return 0;  // readers reject binary input
    std::string text = decode_text(bytes).utf8;
    Article a;
    a.title = take_line(text);
    if (a.title.starts_with("@")) {
        a.dateline_place = a.title.substr(1);
        a.title = take_line(text);
    }
    a.body = std::move(text);

    const ArticleEntities e = extract_entities(a, gazetteer);
    for (const auto* list : {&e.locations, &e.persons, &e.organizations})
        for (const auto& name : *list) NEWSDEX_FUZZ_CHECK(!name.empty() && is_valid_utf8(name));
    NEWSDEX_FUZZ_CHECK(std::all_of(e.countries.begin(), e.countries.end(), is_country_code));
    NEWSDEX_FUZZ_CHECK(std::adjacent_find(e.countries.begin(), e.countries.end(), std::greater_equal<>()) ==
                       e.countries.end());
    for (const auto& m : e.date_mentions) {
        if (m.weekday >= 0) NEWSDEX_FUZZ_CHECK(m.weekday <= 6);
        else if (m.year_alone) NEWSDEX_FUZZ_CHECK(m.year_alone >= 1800 && m.year_alone <= 2200);
        else if (m.date.year) fuzz::check_date(m.date);
        else NEWSDEX_FUZZ_CHECK(m.date.month >= 1 && m.date.month <= 12);  // "Oct. 7": no year
    }
    if (const auto inferred = infer_publication_date(e.date_mentions, 0)) fuzz::check_date(*inferred);
    return 0;
}
