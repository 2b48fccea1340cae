// Unit tests for the HTML reader (common/reading/html_article.h and its
// units html_charset.h, html_metadata.h): the test pages in tests/data/html/
// (written for newsdex in the styles of several publishing systems; all text
// invented) with the fields expected of each, hostile pages, charsets, and a
// page in a JSON Lines "html" field.
#include "common/reading/html_article.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/reading/html_charset.h"
#include "common/reading/html_dom.h"
#include "common/reading/html_metadata.h"
#include "common/reading/json_article.h"

namespace newsdex {
namespace {

std::string read_page(const std::string& name) {
    std::ifstream in(std::string(NEWSDEX_SOURCE_DIR) + "/tests/data/html/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

struct PageCase {
    const char* file;
    const char* title;
    const char* date;  // "" when undated
    const char* date_source;
    const char* source;
    const char* url;
    const char* section;
    std::vector<std::string> authors;
    const char* first_paragraph;
    std::size_t paragraphs;
    std::vector<std::string> kept_out;  // boilerplate that must not reach the body
};

// The table of test pages: what newsdex reads from each (docs/input-formats.md, HTML).
const std::vector<PageCase> kPages = {
    {"jsonld-only.html",
     "Harbour pilots vote to strike over night shifts",
     "2024-06-07",
     "metadata",
     "Coastal Gazette",
     "https://gazette.example/business/harbour-pilots-strike",
     "Business",
     {"Ana Silva", "Ben Okoro"},
     "Harbour pilots in Kelmouth voted on Thursday",
     3,
     {"cookies", "Share on social", "moored", "Ferry fares", "Copyright", "dataLayer", "display: flex", "By Ana"}},
    {"opengraph-only.html",
     "Council delays vote on tram extension",
     "2024-03-14",
     "metadata",
     "Northern Ledger",
     "https://ledger.example/politics/tram-vote-delayed",
     "Politics",
     {"Chen Wu"},
     "The city council put off its vote",
     3,
     {"Front page", "Sign up", "Share on", "Mill Street"}},
    {"microdata.html",
     "Lighthouse keepers return to Skerry Point",
     "2023-11-02",
     "metadata",
     "Island Weekly",
     "",
     "Features",
     {"Maria Lund"},
     "Two keepers moved back into the lighthouse",
     2,
     {"lamp room", "Reader one", "Published", "Home"}},
    {"bare.html",
     "Fishing fleet stays in port as storm nears",
     "2024-06-03",
     "text",
     "The Dockside Courier",
     "",
     "",
     {"Tomas Orlek"},
     "The fishing fleet stayed in port on Monday",
     3,
     {"Shipping times", "Privacy", "Updated:", "KELMOUTH", "By Tomas"}},
    {"amp.html",
     "Ferry operator adds winter sailings",
     "2024-01-20",
     "metadata",
     "Island News",
     "https://islandnews.example/transport/ferry-winter-sailings",
     "Transport",
     {"Ana Silva"},
     "The island ferry will sail twice a day",
     2,
     {"Advertisement", "amp-start"}},
    {"liveblog.html",
     "Live: Budget day in the regional assembly",
     "2024-02-28",
     "metadata",
     "Valley Times",
     "",
     "Politics",
     {"Ana Silva", "Priya Nair"},
     "The assembly passed the budget by 31 votes to 24",
     5,
     {"17:45", "08:00", "LIVE", "Share this post", "five charts"}},
    {"hostile-unclosed.html",
     "Mill reopens after flood repairs",
     "",
     "",
     "",
     "",
     "",
     {"Priya Nair"},
     "The old paper mill on the river reopened",
     3,
     {"Home"}},
    {"hostile-wrong-charset.html",
     "Caf\xC3\xA9 owners fight \xE2\x80\x9Ctourist tax\xE2\x80\x9D",
     "",
     "",
     "Riviera Post",
     "",
     "",
     {"Ren\xC3\xA9 Aubert"},
     "Caf\xC3\xA9 owners along the promenade",
     2,
     {}},
};

std::size_t paragraph_count(const std::string& body) {
    std::size_t n = body.empty() ? 0 : 1;
    for (std::size_t at = body.find("\n\n"); at != std::string::npos; at = body.find("\n\n", at + 2)) ++n;
    return n;
}

TEST(HtmlArticle, TestPagesTable) {
    for (const auto& c : kPages) {
        SCOPED_TRACE(c.file);
        const HtmlArticle page = parse_html_page(read_page(c.file));
        const Article& a = page.article;
        EXPECT_EQ(page.error, "");
        EXPECT_EQ(a.title, c.title);
        EXPECT_EQ(a.date ? a.date->to_iso() : "", c.date);
        if (a.date) {
            EXPECT_STREQ(to_string(a.date_source), c.date_source);
        }
        EXPECT_EQ(a.source, c.source);
        EXPECT_EQ(a.url, c.url);
        EXPECT_EQ(a.section, c.section);
        EXPECT_EQ(a.authors, c.authors);
        EXPECT_TRUE(a.body.starts_with(c.first_paragraph)) << a.body;
        EXPECT_EQ(paragraph_count(a.body), c.paragraphs) << a.body;
        for (const auto& junk : c.kept_out) EXPECT_FALSE(contains(a.body, junk)) << junk << " in\n" << a.body;
    }
}

TEST(HtmlArticle, BareMarkupKeepsItsDatelineAndUpdatedLine) {
    const Article a = parse_html_page(read_page("bare.html")).article;
    EXPECT_EQ(a.dateline_place, "KELMOUTH");
}

TEST(HtmlArticle, WrongDeclaredCharsetFallsBackToWindows1252WithWarning) {
    const HtmlArticle page = parse_html_page(read_page("hostile-wrong-charset.html"));
    EXPECT_EQ(page.warnings,
              (std::vector<std::string>{"declared charset \"utf-8\" but not valid UTF-8; read as Windows-1252"}));
    EXPECT_TRUE(contains(page.article.body, "beach cleaning \xE2\x80\x93 and nothing else"));
}

TEST(HtmlArticle, NoBodyTextIsRejected) {
    const HtmlArticle page = parse_html_page(read_page("hostile-no-text.html"));
    EXPECT_EQ(page.error, "no article text");
    EXPECT_FALSE(contains(page.article.body, "commented out"));
}

TEST(HtmlArticle, FiveMegabyteInlineScriptIsSkipped) {
    const std::string page = "<html><head><title>Quay reopens</title><script>var blob = \"" +
                             std::string(5 << 20, 'x') +
                             "\";</script></head><body><article><p>The quay reopened on Monday after the storm "
                             "damage was repaired.</p></article></body></html>";
    const HtmlArticle h = parse_html_page(page);
    EXPECT_EQ(h.error, "");
    EXPECT_EQ(h.article.title, "Quay reopens");
    EXPECT_EQ(h.article.body, "The quay reopened on Monday after the storm damage was repaired.");
}

// libxml2 stops building the tree past 256 levels of nesting: such a page
// loses its text and is rejected, without a crash.
TEST(HtmlArticle, DeeplyNestedMarkupDoesNotOverflowTheStack) {
    std::string page = "<html><body>";
    for (int i = 0; i < 100000; ++i) page += "<div>";
    page += "<p>The ferry sailed on time on Tuesday, the first time in a week.</p></body></html>";
    EXPECT_EQ(parse_html_page(page).error, "no article text");
}

TEST(HtmlArticle, EmptyAndBinaryPagesAreRejected) {
    EXPECT_EQ(parse_html_page("<html><body></body></html>").error, "no article text");
    EXPECT_EQ(parse_html_page(std::string("<html>\0</html>", 14)).error,
              "binary file (contains NUL bytes), not an article");
}

TEST(HtmlArticle, DensityHeuristicPicksTheParagraphBlockOverLinkLists) {
    const HtmlArticle h = parse_html_page(
        "<html><body><div class=\"links\"><p><a href=\"/1\">A long list of links to other stories on the site, "
        "one after the other</a></p></div><div class=\"x\"><p>The tide gauge at the harbour mouth broke during "
        "the storm on Sunday night.</p><p>Engineers expect to replace it within the month, the port said.</p></div>"
        "</body></html>");
    EXPECT_EQ(h.article.body,
              "The tide gauge at the harbour mouth broke during the storm on Sunday night.\n\nEngineers expect to "
              "replace it within the month, the port said.");
}

TEST(HtmlArticle, JsonLdArticleBodyWinsOverDifferentMarkup) {
    const HtmlArticle h = parse_html_page(
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Quay\", "
        "\"articleBody\": \"The clean text.\\nIts second paragraph.\"}</script></head><body><article><p>Teaser "
        "only, subscribe to read the whole story of the quay and much more besides.</p></article></body></html>");
    EXPECT_EQ(h.article.body, "The clean text.\n\nIts second paragraph.");
}

TEST(HtmlArticle, UnreadableMetadataDateIsAWarning) {
    const HtmlArticle h = parse_html_page(
        "<html><head><meta property=\"article:published_time\" content=\"31/02/2024\"><title>Quay</title></head>"
        "<body><p>The quay reopened on Monday after the storm damage was repaired.</p></body></html>");
    EXPECT_FALSE(h.article.date.has_value());
    ASSERT_EQ(h.warnings.size(), 1u);
    EXPECT_TRUE(contains(h.warnings[0], "31/02/2024")) << h.warnings[0];
    EXPECT_TRUE(contains(h.warnings[0], "page metadata")) << h.warnings[0];
}

TEST(HtmlMetadata, TitleWithoutOutlet) {
    struct Case {
        const char* title;
        const char* outlet_in;
        const char* expected;
        const char* outlet_out;
    };
    const std::vector<Case> cases = {
        {"Storm closes harbour | Coastal Gazette", "", "Storm closes harbour", "Coastal Gazette"},
        {"Storm closes harbour - Coastal Gazette", "Coastal Gazette", "Storm closes harbour", "Coastal Gazette"},
        {"Coastal Gazette | Storm closes harbour", "coastal gazette", "Storm closes harbour", "coastal gazette"},
        {"Storm - what we know", "", "Storm - what we know", ""},  // a dash may be the headline's own
        {"Storm | what the harbour master told the council about the closure", "",
         "Storm | what the harbour master told the council about the closure", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.title);
        std::string outlet = c.outlet_in;
        EXPECT_EQ(title_without_outlet(c.title, outlet), c.expected);
        EXPECT_EQ(outlet, c.outlet_out);
    }
}

TEST(HtmlMetadata, JsonLdIsTrustedBeforeOpenGraphAndPlainTags) {
    const std::string page =
        "<html><head><title>Plain title | Plain Outlet</title><meta name=\"author\" content=\"Plain Author\">"
        "<meta name=\"keywords\" content=\"one, two\"><link rel=\"canonical\" href=\"https://plain.example/a\">"
        "<meta property=\"og:title\" content=\"OG title\"><meta property=\"article:section\" content=\"OG "
        "section\"><meta property=\"article:author\" content=\"OG Author\"><script type=\"application/ld+json\">"
        "[{\"@type\": \"WebSite\", \"name\": \"x\"}, {\"@type\": [\"NewsArticle\"], \"headline\": \"LD title\", "
        "\"author\": \"LD Author\", \"keywords\": \"harbour, storm\"}]</script></head><body></body></html>";
    const auto doc = html::parse_document(page, "UTF-8");
    const PageMetadata m = read_page_metadata(doc.get());
    EXPECT_EQ(m.title, "LD title");
    EXPECT_EQ(m.authors, (std::vector<std::string>{"LD Author"}));
    EXPECT_EQ(m.section, "OG section");
    EXPECT_EQ(m.url, "https://plain.example/a");
    EXPECT_EQ(m.source, "Plain Outlet");
    EXPECT_EQ(m.keywords, (std::vector<std::string>{"harbour", "storm"}));
}

TEST(HtmlMetadata, BrokenJsonLdIsPassedOver) {
    const std::string page =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
        "<meta property=\"og:title\" content=\"OG title\"></head><body></body></html>";
    const auto doc = html::parse_document(page, "UTF-8");
    EXPECT_EQ(read_page_metadata(doc.get()).title, "OG title");
}

TEST(HtmlCharset, DeclaredCharset) {
    EXPECT_EQ(declared_charset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
    EXPECT_EQ(declared_charset("<meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1252\">"),
              "windows-1252");
    EXPECT_EQ(declared_charset("<html><head><title>x</title></head>"), "");
}

// Issue 16: the prescan stops at the declaration without building a tree;
// where only the tree can tell (an element after the root element closed
// is placed by what the document holds before it; libxml2 builds nothing
// below 256 levels), it must still find what a walk of the tree finds.
TEST(HtmlCharset, Issue16ScanFindsWhatTheTreeFinds) {
    const auto nested = [](int levels) {
        std::string s;
        for (int k = 0; k < levels; ++k) s += "<div>";
        return s + "<meta charset=\"koi8-r\">";
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"<meta http-equiv=\"Content-Type\" content=\"text/html\"><META CHARSET=' Big5 '>", "big5"},
        {"<html><body><meta charset=\"iso-8859-2\"></body></html>", "iso-8859-2"},
        {"<script><meta charset=\"x\"></script><meta charset=\"y\">", "y"},
        {"<html><head></head></html><meta charset=\"koi8-r\">", "koi8-r"},     // becomes the root's child
        {"<!DOCTYPE html><html></html><meta charset=\"koi8-r\">", ""},         // a sibling of the root
        {"<!-- saved --><html></html><p>x</p><meta charset=\"koi8-r\">", ""},  // likewise
        {"<p>charset is not declared here</p>", ""},
        {nested(100), "koi8-r"},
        {nested(300), ""},
        // A prefixed name becomes a <meta> with children (found by the fuzzer).
        {"<p><x:meta http-equiv=\"Content-Type\" content=\"x\"><meta charset=\"utf-8\">", "utf-8"},
        {"<p><x:meta charset=\"koi8-r\">", "koi8-r"},  // the tree names it by its local part
    };
    for (const auto& [page, charset] : cases) {
        SCOPED_TRACE(page.substr(0, 80));
        EXPECT_EQ(declared_charset(page), charset);
        EXPECT_EQ(declared_charset_by_tree(page), charset);
    }
}

TEST(HtmlCharset, Decoding) {
    struct Case {
        std::string bytes;
        std::string utf8_contains;
        std::string warning;
    };
    const std::vector<Case> cases = {
        {"<meta charset=\"iso-8859-1\"><p>caf\xE9 \x93quoted\x94</p>", "caf\xC3\xA9 \xE2\x80\x9Cquoted", ""},
        {"<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>", "caf\xC3\xA9",
         "declared charset \"iso-8859-1\" but the page is UTF-8; read as UTF-8"},
        {"<p>caf\xE9</p>", "caf\xC3\xA9", "not valid UTF-8; read as Windows-1252"},
        {"\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>", "caf\xC3\xA9", ""},  // the BOM wins
        {"<meta charset=\"koi8-r\"><p>\xED\xCF\xD3\xCB\xD7\xC1</p>", "\xD0\x9C\xD0\xBE\xD1\x81", ""},
        {std::string("\xFF\xFE<\0p\0>\0h\0i\0", 12), "<p>hi", ""},
        {"<meta charset=\"x-no-such\"><p>plain</p>", "plain", "cannot read the declared charset \"x-no-such\""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.bytes);
        const DecodedPage page = decode_html_page(c.bytes);
        EXPECT_TRUE(contains(page.utf8, c.utf8_contains)) << page.utf8;
        EXPECT_EQ(page.warning, c.warning);
    }
}

TEST(HtmlArticle, JsonLinesHtmlField) {
    const auto parsed = parse_json_article(
        R"({"id": "p1", "section": "Harbour", "html": "<html><head><title>Quay reopens | Coastal Gazette</title>)"
        R"(<meta name=\"author\" content=\"Ana Silva\"><meta property=\"article:section\" content=\"Business\">)"
        R"(<meta property=\"article:published_time\" content=\"2024-06-07T09:30:00+01:00\"></head><body><article>)"
        R"(<p>The quay reopened on Monday.</p><p>Ships queued outside.</p></article></body></html>"})");
    ASSERT_TRUE(std::holds_alternative<JsonArticle>(parsed));
    const Article& a = std::get<JsonArticle>(parsed).article;
    EXPECT_EQ(a.title, "Quay reopens");
    EXPECT_EQ(a.body, "The quay reopened on Monday.\n\nShips queued outside.");
    EXPECT_EQ(a.section, "Harbour");  // the record's own field wins
    EXPECT_EQ(a.source, "Coastal Gazette");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Ana Silva"}));
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(a.date->to_iso(), "2024-06-07");
}

}  // namespace
}  // namespace newsdex
