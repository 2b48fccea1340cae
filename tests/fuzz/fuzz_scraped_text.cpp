// Fuzz target: a scraped text article (.txt, .md) as newsdex-index reads it
// (common/reading/corpus_reader.cpp, read_text_article): binary input
// rejected, the bytes decoded (UTF-8, else Windows-1252), parse_scraped_text(),
// then the control-character scrub. Checks that the article's text fields
// are valid UTF-8 and its date a real one (fuzz_checks.h).
#include <cstddef>
#include <cstdint>

#include "common/reading/encoding.h"
#include "common/reading/scraped_text.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    if (contains_nul(bytes)) return 0;  // the reader rejects binary files before parsing
    const DecodedText text = decode_text(bytes);
    NEWSDEX_FUZZ_CHECK(is_valid_utf8(text.utf8));
    const ScrapedArticle scraped = parse_scraped_text(text.utf8);
    const Article& a = scraped.article;
    fuzz::check_article_text(a);
    for (const auto& w : scraped.warnings) NEWSDEX_FUZZ_CHECK(!w.empty() && is_valid_utf8(w));
    // What the reader does next with every field.
    for (const std::string* field : {&a.title, &a.body, &a.source, &a.url, &a.section})
        NEWSDEX_FUZZ_CHECK(is_valid_utf8(without_control_characters(*field)));
    // The title the reader derives for an article without one.
    NEWSDEX_FUZZ_CHECK(is_valid_utf8(derive_title(a.body)));
    return 0;
}
