// Fuzz target: a saved web page as newsdex-index reads it
// (common/reading/corpus_reader.cpp, read_html_article): parse_html_page()
// on the raw bytes (byte-order mark, declared charset, libxml2's parser,
// the metadata layers, the article text, the plain-text rules); and, when
// the bytes are UTF-8, parse_html_text() as a JSON Lines record's "html"
// field is read. Checks that an accepted page has body text, valid UTF-8
// fields and a real date, that a rejection and every warning say something
// in valid UTF-8 (diagnostics are printed as they are), and that the
// charset prescan, which stops at the declaration without building a tree,
// finds what a walk of the whole tree finds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/reading/encoding.h"
#include "common/reading/html_article.h"
#include "common/reading/html_charset.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

namespace {

void check_page(const HtmlArticle& page) {
    for (const auto& w : page.warnings) NEWSDEX_FUZZ_CHECK(!w.empty() && is_valid_utf8(w));
    if (!page.error.empty()) {
        NEWSDEX_FUZZ_CHECK(is_valid_utf8(page.error));
        return;
    }
    const Article& a = page.article;
    NEWSDEX_FUZZ_CHECK(!a.body.empty());
    fuzz::check_article_text(a);
    // What the reader does next with every field (corpus_reader.cpp, emit()).
    for (const std::string* field : {&a.title, &a.body, &a.source, &a.url, &a.section})
        NEWSDEX_FUZZ_CHECK(is_valid_utf8(without_control_characters(*field)));
    for (const auto* list : {&a.authors, &a.keywords})
        for (const auto& name : *list) NEWSDEX_FUZZ_CHECK(is_valid_utf8(without_control_characters(name)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    const std::string_view head = bytes.substr(0, 4096);  // what decode_html_page() prescans
    NEWSDEX_FUZZ_CHECK(declared_charset(head) == declared_charset_by_tree(head));
    check_page(parse_html_page(bytes));
    if (is_valid_utf8(bytes)) check_page(parse_html_text(bytes));  // a JSON string may hold NUL too
    return 0;
}
