// Fuzz target: a JSON Lines file as newsdex-index reads it
// (common/reading/corpus_reader.cpp, read_json_lines): line by line, a
// trailing CR dropped, blank lines skipped, NUL bytes rejected, each line
// decoded (UTF-8, else Windows-1252) and given to parse_json_article().
// Checks that an accepted article has body text, valid UTF-8 fields and a
// real date, and that a rejection says why in valid UTF-8 (diagnostics are
// printed as they are).
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "common/reading/encoding.h"
#include "common/reading/json_article.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

namespace {

void read_line(std::string_view raw) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.find_first_not_of(" \t") == std::string_view::npos || contains_nul(raw)) return;
    const DecodedText line = decode_text(raw);
    const auto parsed = parse_json_article(line.utf8);
    if (const auto* err = std::get_if<JsonArticleError>(&parsed)) {
        NEWSDEX_FUZZ_CHECK(!err->message.empty() && is_valid_utf8(err->message));
        return;
    }
    const JsonArticle& ja = std::get<JsonArticle>(parsed);
    // An article has text: a body, or a title alone (a headline-only brief).
    NEWSDEX_FUZZ_CHECK(ja.article.body.find_first_not_of(" \t\r\n") != std::string::npos ||
                       ja.article.title.find_first_not_of(" \t\r\n") != std::string::npos);
    NEWSDEX_FUZZ_CHECK(is_valid_utf8(ja.date_warning));
    fuzz::check_article_text(ja.article);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest = fuzz::as_text(data, size);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        read_line(rest.substr(0, end));
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    return 0;
}
