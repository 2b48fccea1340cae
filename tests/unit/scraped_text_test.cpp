// Unit tests for common/reading/scraped_text.h on small hand-written articles: header
// block, titles, datelines, date token, copyright and "Updated:" lines,
// boilerplate and line endings. All article text here is invented.
#include "common/reading/scraped_text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string iso(const std::optional<PublishedDate>& d) { return d ? d->to_iso() : "(undated)"; }

TEST(ParseScrapedText, HeaderBlock) {
    const auto r = parse_scraped_text(
        "Title: Harbour cranes halted by storm\n"
        "Date: 2024-06-07\n"
        "Source: Coastal Gazette\n"
        "URL: https://news.example.com/harbour-cranes\n"
        "Author: Ana Silva and Ben Okoro\n"
        "Section: Business\n"
        "Keywords: storms, port of Kelmouth\n"
        "\n"
        "The port of Kelmouth stopped loading ships on Friday as gusts grew stronger.\n"
        "Crane operators said work would resume once the wind eased.\n");
    const Article& a = r.article;
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(a.title, "Harbour cranes halted by storm");
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(*a.date, (PublishedDate{2024, 6, 7, DatePrecision::day}));
    EXPECT_EQ(a.source, "Coastal Gazette");
    EXPECT_EQ(a.url, "https://news.example.com/harbour-cranes");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Ana Silva", "Ben Okoro"}));
    EXPECT_EQ(a.section, "Business");
    EXPECT_EQ(a.keywords, (std::vector<std::string>{"storms", "port of Kelmouth"}));
    EXPECT_EQ(a.body,
              "The port of Kelmouth stopped loading ships on Friday as gusts grew stronger.\n"
              "Crane operators said work would resume once the wind eased.");
    EXPECT_TRUE(a.id.empty());
    EXPECT_TRUE(a.path.empty());
}

struct AuthorCase {
    const char* header;
    std::vector<std::string> expected;
};

TEST(ParseScrapedText, AuthorLists) {
    const std::vector<AuthorCase> cases = {
        {"Author: Ana Silva", {"Ana Silva"}},
        {"Author: Ana Silva and Ben Okoro", {"Ana Silva", "Ben Okoro"}},
        {"Authors: Ana Silva, Ben Okoro & Chen Wu", {"Ana Silva", "Ben Okoro", "Chen Wu"}},
        {"Byline: By Ana Silva", {"Ana Silva"}},
        {"Author: Alexandra Brandt", {"Alexandra Brandt"}},  // "and" inside a name is not a separator
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.header);
        const auto r = parse_scraped_text(std::string("Title: Quay works\n") + c.header +
                                          "\n\nThe quay works finished ahead of schedule this week.\n");
        EXPECT_EQ(r.article.authors, c.expected);
    }
}

TEST(ParseScrapedText, ShortFirstLineIsTitle) {
    const auto r = parse_scraped_text(
        "Storm closes harbour\n"
        "\n"
        "The port of Kelmouth closed on Friday as the wind rose to gale force.\n");
    EXPECT_EQ(r.article.title, "Storm closes harbour");
    EXPECT_EQ(r.article.body, "The port of Kelmouth closed on Friday as the wind rose to gale force.");
    EXPECT_FALSE(r.article.date.has_value());
    EXPECT_EQ(r.article.source, "");
}

TEST(ParseScrapedText, MarkdownHeadingIsTitle) {
    const auto r = parse_scraped_text("# Storm closes harbour\n\nThe port closed on Friday as the wind rose.\n");
    EXPECT_EQ(r.article.title, "Storm closes harbour");
    EXPECT_EQ(r.article.body, "The port closed on Friday as the wind rose.");
}

TEST(ParseScrapedText, NoTitleLineDerivesTitleFromFirstSentence) {
    const auto r = parse_scraped_text(
        "The port of Kelmouth closed on Friday as the wind rose to gale force. Ships waited offshore.\n"
        "Officials expect to reopen it on Monday.\n");
    EXPECT_EQ(r.article.title, "The port of Kelmouth closed on Friday as the wind rose to gale force");
    // The first line stays in the body: it was not a title line.
    EXPECT_TRUE(r.article.body.starts_with("The port of Kelmouth closed on Friday")) << r.article.body;
    EXPECT_TRUE(contains(r.article.body, "Officials expect to reopen it on Monday."));
}

struct DeriveTitleCase {
    const char* name;
    std::string body;
    std::size_t max_chars;
    std::string expected;
};

TEST(DeriveTitle, Table) {
    const std::vector<DeriveTitleCase> cases = {
        {"short body unchanged", "Harbour reopens", 110, "Harbour reopens"},
        {"first sentence, full stop dropped", "The harbour reopened on Monday morning. Ships queued for hours.", 110,
         "The harbour reopened on Monday morning"},
        {"question mark kept", "Will the harbour reopen this week? Officials say yes.", 110,
         "Will the harbour reopen this week?"},
        {"first line only", "Harbour reopens after storm\nSecond line of text.", 110, "Harbour reopens after storm"},
        {"surrounding space trimmed", "  \n Harbour reopens  ", 110, "Harbour reopens"},
        {"cut at word boundary", "alpha beta gamma delta epsilon", 14, "alpha beta" + kEllipsis},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(derive_title(c.body, c.max_chars), c.expected);
    }
}

TEST(DeriveTitle, LongSentenceIsCutAtWordBoundaryWithEllipsis) {
    const std::string sentence =
        "Dock workers across the three northern harbours of the Kelmouth estuary voted on Tuesday evening to "
        "continue their strike over pay and night shifts for at least another fortnight";
    ASSERT_GT(sentence.size(), 110u);
    const std::string title = derive_title(sentence + ". They met again later.");
    ASSERT_TRUE(title.ends_with(kEllipsis)) << title;
    EXPECT_LE(title.size(), 110u) << title;
    const std::string kept = title.substr(0, title.size() - kEllipsis.size());
    EXPECT_GE(kept.size(), 55u) << title;
    ASSERT_TRUE(sentence.starts_with(kept)) << title;
    // The cut falls between words: the sentence continues with a space.
    EXPECT_EQ(sentence[kept.size()], ' ') << title;
    EXPECT_NE(kept.back(), ' ');
}

TEST(DeriveTitle, LongWordIsCutOnUtf8Boundary) {
    // No space to cut at: the cut must not split a multi-byte character.
    std::string word;
    for (int k = 0; k < 60; ++k) word += "\xC3\xA9";  // é é é ...
    const std::string title = derive_title(word, 20);
    ASSERT_TRUE(title.ends_with(kEllipsis)) << title;
    const std::string kept = title.substr(0, title.size() - kEllipsis.size());
    EXPECT_LE(title.size(), 20u);
    EXPECT_EQ(kept.size() % 2, 0u) << "cut inside a two-byte character";
}

TEST(ParseScrapedText, LeadingDateTokenWithOutlet) {
    const auto r = parse_scraped_text(
        " date 2024-06-07 (Some Wire) -- Harbour workers voted on Tuesday to end the strike.\n"
        "The vote passed by a wide margin.\n");
    const Article& a = r.article;
    EXPECT_EQ(iso(a.date), "2024-06-07");
    EXPECT_EQ(a.source, "Some Wire");
    EXPECT_EQ(a.dateline_place, "");
    EXPECT_EQ(a.body, "Harbour workers voted on Tuesday to end the strike.\nThe vote passed by a wide margin.");
    EXPECT_FALSE(contains(a.title, "date")) << a.title;
    EXPECT_FALSE(contains(a.title, "Some Wire")) << a.title;
    EXPECT_TRUE(a.title.starts_with("Harbour workers voted")) << a.title;
}

TEST(ParseScrapedText, DateTokenBeforeTitleLine) {
    const auto r = parse_scraped_text("date 2024-06-07 Harbour reopens\n\nThe harbour reopened on Tuesday.\n");
    EXPECT_EQ(iso(r.article.date), "2024-06-07");
    EXPECT_EQ(r.article.title, "Harbour reopens");
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday.");
}

TEST(ParseScrapedText, HeaderDateWinsOverDateToken) {
    const auto r = parse_scraped_text(
        "Date: 2024-06-08\n\ndate 2024-06-07 (Some Wire) -- Harbour workers voted to end the strike.\n");
    EXPECT_EQ(iso(r.article.date), "2024-06-08");
    EXPECT_EQ(r.article.source, "Some Wire");
    EXPECT_EQ(r.article.body, "Harbour workers voted to end the strike.");
}

TEST(ParseScrapedText, PlaceAndAgencyDateline) {
    const auto r = parse_scraped_text(
        "Lawmakers agree on budget\n"
        "\n"
        "WASHINGTON (Agency) - Lawmakers agreed on a budget late on Thursday.\n"
        "The vote was close.\n");
    const Article& a = r.article;
    EXPECT_EQ(a.title, "Lawmakers agree on budget");
    EXPECT_EQ(a.source, "Agency");
    EXPECT_EQ(a.dateline_place, "WASHINGTON");
    EXPECT_EQ(a.body, "Lawmakers agreed on a budget late on Thursday.\nThe vote was close.");
}

TEST(ParseScrapedText, DatelineOnFirstLineIsNotTitle) {
    const auto r = parse_scraped_text(
        "KELMOUTH (Agency) - Ferry services resumed on Sunday. Passengers returned in large numbers.\n"
        "Operators added extra sailings.\n");
    const Article& a = r.article;
    EXPECT_EQ(a.source, "Agency");
    EXPECT_EQ(a.dateline_place, "KELMOUTH");
    EXPECT_TRUE(a.body.starts_with("Ferry services resumed on Sunday.")) << a.body;
    EXPECT_EQ(a.title, "Ferry services resumed on Sunday");
}

struct DatelineCase {
    const char* line;
    const char* source;
    const char* place;
};

TEST(ParseScrapedText, DatelineForms) {
    const std::vector<DatelineCase> cases = {
        {"KELMOUTH, Mar. 21, 2024 (Agency) - ", "Agency", "KELMOUTH"},
        {"KELMOUTH, June 3 (Agency) \xE2\x80\x94 ", "Agency", "KELMOUTH"},
        {"NEW PORT (Harbour Wire) -- ", "Harbour Wire", "NEW PORT"},
        {"(Some Wire) -- ", "Some Wire", ""},
        {"KELMOUTH, Feb 26 - ", "", "KELMOUTH"},
        {"KELMOUTH, Jan. 9, 2024 \xE2\x80\x94 ", "", "KELMOUTH"},
        {"K\xC3\x9CLMOUTH, 22 October 2023 \xE2\x80\x93 ", "", "K\xC3\x9CLMOUTH"},
    };
    const std::string text = "Ferry services resumed on Sunday after the storm.";
    for (const auto& c : cases) {
        SCOPED_TRACE(c.line);
        const auto r = parse_scraped_text(std::string("Ferries resume\n\n") + c.line + text + "\nMore later.\n");
        EXPECT_EQ(r.article.source, c.source);
        EXPECT_EQ(r.article.dateline_place, c.place);
        EXPECT_EQ(r.article.body, text + "\nMore later.");
    }
}

// A place dateline with a full date is the filing day: the publication date
// (source "text"); without a year it gives no date.
TEST(ParseScrapedText, PlaceDatelineWithAYearDatesTheArticle) {
    const auto dated = parse_scraped_text("Ferries resume\n\nKELMOUTH, 22 October 2023 \xE2\x80\x93 Ferries ran.\n");
    ASSERT_TRUE(dated.article.date.has_value());
    EXPECT_EQ(*dated.article.date, (PublishedDate{2023, 10, 22, DatePrecision::day}));
    EXPECT_EQ(dated.article.date_source, DateSource::text);
    const auto yearless = parse_scraped_text("Ferries resume\n\nKELMOUTH, Feb 26 - Ferries ran.\n");
    EXPECT_FALSE(yearless.article.date.has_value());
}

TEST(ParseScrapedText, CopyrightLineGivesSourceAndLeavesBody) {
    const auto r = parse_scraped_text(
        "Markets steady\n"
        "\n"
        "Shares were little changed on Monday in quiet trading.\n"
        "\n"
        "\xC2\xA9"
        "2024 Example Wire L.P.\n");
    EXPECT_EQ(r.article.source, "Example Wire");
    EXPECT_EQ(r.article.body, "Shares were little changed on Monday in quiet trading.");
    EXPECT_FALSE(contains(r.article.body, "Example Wire"));
}

TEST(ParseScrapedText, CopyrightYearOutsideNewsYearsIsNoYear) {
    for (const char* year : {"0001", "9999"}) {
        SCOPED_TRACE(year);
        const auto r = parse_scraped_text(std::string("Markets steady\n\nShares were little changed.\n\xC2\xA9") +
                                          year + " Example Wire L.P.\n");
        EXPECT_EQ(r.article.copyright_year, 0);
        EXPECT_EQ(r.article.source, "Example Wire");  // still a notice: it names the outlet
    }
    const auto r = parse_scraped_text(
        "Markets steady\n\nShares were little changed.\n\xC2\xA9"
        "2024 Example Wire L.P.\n");
    EXPECT_EQ(r.article.copyright_year, 2024);
}

struct CopyrightCase {
    const char* line;
    const char* source;
};

TEST(ParseScrapedText, CopyrightHolderForms) {
    const std::vector<CopyrightCase> cases = {
        {"\xC2\xA9"
         "2024 Example Wire L.P.",
         "Example Wire"},
        {"\xC2\xA9 2024 Coastline Press Ltd", "Coastline Press"},
        {"Copyright 2024 Harbour Times Inc. All rights reserved.", "Harbour Times"},
        {"(c) 2024 Northern Courier", "Northern Courier"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.line);
        const auto r =
            parse_scraped_text(std::string("Markets steady\n\nShares were little changed.\n") + c.line + "\n");
        EXPECT_EQ(r.article.source, c.source);
        EXPECT_EQ(r.article.body, "Shares were little changed.");
    }
}

TEST(ParseScrapedText, DatelineOutletWinsOverCopyright) {
    const auto r = parse_scraped_text(
        "Markets steady\n\nKELMOUTH (Agency) - Shares were little changed.\n\xC2\xA9"
        "2024 Example Wire L.P.\n");
    EXPECT_EQ(r.article.source, "Agency");
}

TEST(ParseScrapedText, UpdatedLineGivesDateAndLeavesBody) {
    const auto r = parse_scraped_text(
        "Harbour reopens\n"
        "Updated: June 11, 2024, 6:28 AM\n"
        "\n"
        "The harbour reopened on Tuesday after a week of repairs.\n");
    EXPECT_EQ(r.article.title, "Harbour reopens");
    ASSERT_TRUE(r.article.date.has_value());
    EXPECT_EQ(*r.article.date, (PublishedDate{2024, 6, 11, DatePrecision::day}));
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday after a week of repairs.");
    EXPECT_TRUE(r.warnings.empty());
}

TEST(ParseScrapedText, HeaderDateWinsOverUpdatedLine) {
    const auto r = parse_scraped_text(
        "Date: 2024-06-07\n\nHarbour reopens\nUpdated: June 11, 2024, 6:28 AM\n\nThe harbour reopened.\n");
    EXPECT_EQ(iso(r.article.date), "2024-06-07");
    EXPECT_EQ(r.article.body, "The harbour reopened.");
}

TEST(ParseScrapedText, UpdatedLineFirstIsNotTitle) {
    const auto r = parse_scraped_text(
        "Updated: June 11, 2024, 6:28 AM\n"
        "\n"
        "The harbour reopened on Tuesday after a week of repairs.\n");
    EXPECT_EQ(iso(r.article.date), "2024-06-11");
    EXPECT_FALSE(contains(r.article.title, "Updated")) << r.article.title;
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday after a week of repairs.");
}

TEST(ParseScrapedText, CopyrightYearRange) {
    const auto r =
        parse_scraped_text("Markets steady\n\nShares were little changed.\n\xC2\xA9 2020-2024 Example Wire\n");
    EXPECT_EQ(r.article.source, "Example Wire");
    EXPECT_EQ(r.article.body, "Shares were little changed.");
}

TEST(ParseScrapedText, SentencesStartingWithKeywordsStayInBody) {
    const std::vector<std::string> sentences = {
        "Copyright lawsuits against software firms multiplied this year, lawyers said.",
        "(c) any vessel over 40 metres must carry a pilot, the new rule says.",
        "Advertisement spending rose sharply in the spring, agencies said.",
        // A year in a sentence opening like an "Updated" line is no date line.
        "Updated figures from 2023 show ferry use rose by a third.",
        "Published on Monday, the 2024 review found delays.",
    };
    for (const auto& sentence : sentences) {
        SCOPED_TRACE(sentence);
        const auto r =
            parse_scraped_text("Harbour rules\n\nThe council met on Monday.\n" + sentence + "\nIt ended late.\n");
        EXPECT_EQ(r.article.body, "The council met on Monday.\n" + sentence + "\nIt ended late.");
        EXPECT_EQ(r.article.source, "");
        EXPECT_TRUE(r.warnings.empty()) << r.warnings[0];
    }
}

// The date ends an outlet dateline's place, after a state's abbreviation
// too; unreadable with its year, it is a warning.
TEST(ParseScrapedText, DatelineDateAfterAStateAndUnreadableDates) {
    auto r = parse_scraped_text(
        "Port expands\n\nSAN DIEGO, Calif., March 21, 2024 (GLOBE NEWSWIRE) -- The port said it would expand.\n");
    EXPECT_EQ(iso(r.article.date), "2024-03-21");
    EXPECT_EQ(r.article.dateline_place, "SAN DIEGO");
    EXPECT_TRUE(r.warnings.empty()) << r.warnings[0];
    r = parse_scraped_text("Port expands\n\nWASHINGTON, Feb. 30, 2024 (AP) - The port said it would expand.\n");
    EXPECT_FALSE(r.article.date.has_value());
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_TRUE(contains(r.warnings[0], "(the dateline); the date is not used")) << r.warnings[0];
    r = parse_scraped_text("Port expands\n\nUpdated: June 31, 2024, 6:28 AM\n\nThe port said it would expand.\n");
    EXPECT_FALSE(r.article.date.has_value());
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.article.body, "The port said it would expand.");
}

TEST(ParseScrapedText, BoilerplateLinesRemoved) {
    const auto r = parse_scraped_text(
        "Harbour strike ends\n"
        "\n"
        "Live updates: harbour strike day five\n"
        "Dock workers returned to work on Wednesday.\n"
        "Catch all the Business News and Market Updates on Example Daily.\n"
        "Download the Example Daily app to get daily market updates.\n"
        "The union said talks would continue.\n"
        "More stories like this are available on x.com\n"
        "MoreLess\n");
    EXPECT_EQ(r.article.title, "Harbour strike ends");
    EXPECT_EQ(r.article.body, "Dock workers returned to work on Wednesday.\nThe union said talks would continue.");
}

// Issue 15: a link to another story ("Earlier: <headline>") is not text; a
// sentence that starts with the word is.
TEST(ParseScrapedText, LinksToOtherStoriesRemoved) {
    const auto r = parse_scraped_text(
        "Harbour strike ends\n\n"
        "Dock workers returned to work on Wednesday.\n"
        "Earlier: Harbour Board Mulls Pay Deal That Splits Union\n"
        "Watch: Dockers Leave The Picket Line\n"
        "Earlier: the union had rejected two offers.\n"
        "The union said talks would continue.\n");
    EXPECT_EQ(r.article.body,
              "Dock workers returned to work on Wednesday.\nEarlier: the union had rejected two offers.\n"
              "The union said talks would continue.");
}

TEST(ParseScrapedText, BoilerplateRuleNeedsItsKeyword) {
    // "Download the ..." is boilerplate only when it mentions an app.
    const auto r = parse_scraped_text(
        "Harbour strike ends\n\nDownload the full report from the council website.\nDock workers returned.\n");
    EXPECT_TRUE(contains(r.article.body, "Download the full report")) << r.article.body;
}

TEST(ParseScrapedText, CrlfLineEndings) {
    const auto r = parse_scraped_text(
        "Title: Harbour reopens\r\n"
        "Date: 2024-06-07\r\n"
        "Source: Coastal Gazette\r\n"
        "\r\n"
        "The harbour reopened on Tuesday.\r\n"
        "\r\n"
        "Ships queued outside.\r\n");
    EXPECT_EQ(r.article.title, "Harbour reopens");
    EXPECT_EQ(iso(r.article.date), "2024-06-07");
    EXPECT_EQ(r.article.source, "Coastal Gazette");
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday.\n\nShips queued outside.");
    EXPECT_FALSE(contains(r.article.body, "\r"));
}

TEST(ParseScrapedText, ParagraphsKeepOneBlankLine) {
    const auto r =
        parse_scraped_text("Harbour reopens\n\nFirst paragraph.\n\n\n\nSecond paragraph.\nSame paragraph.\n\n");
    EXPECT_EQ(r.article.body, "First paragraph.\n\nSecond paragraph.\nSame paragraph.");
}

TEST(ParseScrapedText, InvalidHeaderDateWarnsAndLeavesUndated) {
    const auto r = parse_scraped_text("Title: Harbour reopens\nDate: 31/02/2024\n\nThe harbour reopened on Tuesday.\n");
    EXPECT_FALSE(r.article.date.has_value()) << iso(r.article.date);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_TRUE(r.warnings[0].starts_with("\"31/02/2024\" is not a valid date")) << r.warnings[0];
    EXPECT_TRUE(contains(r.warnings[0], "undated")) << r.warnings[0];
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday.");
}

TEST(ParseScrapedText, HeaderSourceWinsOverDateline) {
    const auto r = parse_scraped_text(
        "Title: Ferries resume\nSource: Harbour Times\n\nKELMOUTH (Agency) - Ferry services resumed on Sunday.\n");
    EXPECT_EQ(r.article.source, "Harbour Times");
    EXPECT_EQ(r.article.dateline_place, "KELMOUTH");
    EXPECT_EQ(r.article.body, "Ferry services resumed on Sunday.");
}

TEST(ParseScrapedText, AgencyNamedInBodyIsNotSource) {
    const auto r = parse_scraped_text(
        "Storm damage assessed\n\nThe mayor told Reuters the damage was severe.\nRepairs (Reuters) will take weeks.\n");
    EXPECT_EQ(r.article.source, "");
    EXPECT_EQ(r.article.dateline_place, "");
    EXPECT_EQ(r.article.body, "The mayor told Reuters the damage was severe.\nRepairs (Reuters) will take weeks.");
}

TEST(ParseScrapedText, HeaderOnlyGivesEmptyBody) {
    const auto r = parse_scraped_text("Title: Nothing here\nDate: 2024-06-07\n");
    EXPECT_EQ(r.article.body, "");
    EXPECT_EQ(r.article.title, "Nothing here");
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

TEST(ParseScrapedText, UpdatedLineWithTimeZone) {
    for (const char* zone : {"IST", "ET", "CET", "(JST)", "GMT+1"}) {
        SCOPED_TRACE(zone);
        const auto r = parse_scraped_text(std::string("Harbour reopens\nUpdated: June 11, 2024, 6:28 AM ") + zone +
                                          "\n\nThe harbour reopened on Tuesday.\n");
        ASSERT_TRUE(r.article.date.has_value());
        EXPECT_EQ(*r.article.date, (PublishedDate{2024, 6, 11, DatePrecision::day}));
        EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday.");
    }
}

// std::regex recurses per character; these once overflowed the stack.
TEST(ParseScrapedText, LongWhiteSpaceRunsDoNotCrash) {
    const std::string spaces(200000, ' ');
    auto r = parse_scraped_text(spaces + "x harbour news\n");
    EXPECT_EQ(r.article.body, "x harbour news");
    r = parse_scraped_text("Title: Quay\nAuthor: Ana" + spaces + "Silva\n\nThe quay works finished.\n");
    EXPECT_EQ(r.article.authors, std::vector<std::string>{"Ana" + spaces + "Silva"});
    r = parse_scraped_text(" date" + spaces + "2024-06-07 The quay works finished.\n");
    ASSERT_TRUE(r.article.date.has_value());
    EXPECT_EQ(r.article.body, "The quay works finished.");
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

TEST(ParseScrapedText, BylineGivesAuthorsAndLeavesBody) {
    auto r = parse_scraped_text("Harbour reopens\n\nBy Jane Doe and John Roe\n\nThe harbour reopened on Tuesday.\n");
    EXPECT_EQ(r.article.title, "Harbour reopens");
    EXPECT_EQ(r.article.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
    EXPECT_EQ(r.article.body, "The harbour reopened on Tuesday.");
    // A first-line byline is not the title.
    r = parse_scraped_text("By Ana Silva\nThe harbour reopened on Tuesday after repairs lasting a week.\n");
    EXPECT_EQ(r.article.authors, std::vector<std::string>{"Ana Silva"});
    EXPECT_NE(r.article.title, "By Ana Silva");
    // A sentence that starts with "By" is no byline.
    r = parse_scraped_text("Harbour reopens\n\nBy the end of the week the harbour had reopened.\n");
    EXPECT_TRUE(r.article.authors.empty());
    EXPECT_EQ(r.article.body, "By the end of the week the harbour had reopened.");
    // Metadata wins over a byline.
    r = parse_scraped_text("Author: Ben Okoro\n\nBy Jane Doe\n\nThe harbour reopened.\n");
    EXPECT_EQ(r.article.authors, std::vector<std::string>{"Ben Okoro"});
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

// Issue 12: hard-wrapped wire copy is read as paragraphs (common/reading/hard_wrap.h).
TEST(ParseScrapedText, HardWrappedWireCopyIsReadAsParagraphs) {
    const std::string wire =
        "FERRY FARES TO RISE FOUR PCT IN APRIL\n\n"
        "OSAKA, Jan 9 - Kelmouth Ferry Company said on Friday its President Ana\n"
        "Ruiz would lift fares by four percent from April, the first rise in six\n"
        "years.\n\n"
        "Ruiz told reporters the rise would pay for two new vessels ordered\n"
        "from a yard in the north, and that timetables would stay as they\n"
        "are.\n\n"
        "(c) 2024 Kelmouth Wire\n";
    const Article a = parse_scraped_text(wire).article;
    EXPECT_EQ(a.body,
              "Kelmouth Ferry Company said on Friday its President Ana Ruiz would lift fares by four percent from "
              "April, the first rise in six years.\n\nRuiz told reporters the rise would pay for two new vessels "
              "ordered from a yard in the north, and that timetables would stay as they are.");
    EXPECT_EQ(a.title, "FERRY FARES TO RISE FOUR PCT IN APRIL");
    EXPECT_EQ(a.dateline_place, "OSAKA");
    EXPECT_EQ(a.source, "Kelmouth Wire");
}

TEST(ParseScrapedText, TextThatIsNotHardWrappedKeepsItsLines) {
    // Short paragraphs, one a line: sentences end at the line ends.
    const std::string body =
        "The harbour authority said talks with the unions had collapsed.\n"
        "Union leaders said they would meet the minister again next week.\n"
        "Dock workers stayed at home on Wednesday as the strike went on.\n"
        "Ships waited off the coast for a second day, port officials said.";
    EXPECT_EQ(parse_scraped_text("Harbour strike goes on\n\n" + body + "\n").article.body, body);
}

}  // namespace
}  // namespace newsdex
