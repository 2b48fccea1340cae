#include "tests/generator/html_pages.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

namespace newsdex::generator {

namespace {

using nlohmann::ordered_json;

// Furniture varies from page to page, but drawing it from the article
// generator's random stream would change every article after the first
// page: choices are a hash (splitmix64) of the article number and a salt.
std::uint64_t mix(std::size_t n, std::uint64_t salt) {
    std::uint64_t z = static_cast<std::uint64_t>(n) * 0x9E3779B97F4A7C15ULL + salt * 0xD1B54A32D192ED03ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::size_t choice(std::size_t n, std::uint64_t salt, std::size_t count) { return mix(n, salt) % count; }

// The k-th of a pool's entries from one chosen for article `n`: a list of
// distinct entries (related stories, comments) for k = 0, 1, …
template <typename T>
const T& choose(const std::vector<T>& pool, std::size_t n, std::uint64_t salt, std::size_t k = 0) {
    return pool[(choice(n, salt, pool.size()) + k) % pool.size()];
}

// Furniture text, all of it made up here. None of it may be mistaken for the
// story: the e2e test compares the text read from the page with the article.
const std::vector<std::string> kRelated = {"Ferry timetable changes for the winter season announced",
                                           "Five things to know before the council budget vote",
                                           "Harbour works delayed again as costs rise by a third",
                                           "Opinion: why the new tram line still matters to the suburbs",
                                           "Weather warning issued for the coast this weekend",
                                           "Schools to stay open during the heating repairs, board says",
                                           "Watch: the week in pictures from around the region",
                                           "Market traders count the cost of the long closure",
                                           "Analysis: what the latest jobs figures really tell us",
                                           "Museum reopens its west wing after a decade of work",
                                           "Readers' letters: parking, potholes and the new bus lanes",
                                           "Quiz of the week: how closely were you following the news?"};
const std::vector<std::string> kCommenters = {"harbourwatcher", "J. Pemberton",  "northside_mum", "old_reader_1958",
                                              "Tomasz K",       "quietcommuter", "Ruth A.",       "factcheck_please"};
const std::vector<std::string> kComments = {
    "Interesting piece, but it leaves out what happened the last time this was tried.",
    "I have lived here for thirty years and have never seen anything like it.",
    "Who is going to pay for all of this in the end? Not the people making the decisions.",
    "Good reporting. More of this please, and fewer stories about celebrities.",
    "The headline does not really match what the article says, in my opinion.",
    "My neighbour was there on the day and says it was far busier than reported.",
    "Another week, another announcement. Let us see if anything actually changes."};
const std::vector<std::string> kCaptions = {
    "The scene on the morning after the announcement.", "Officials arriving for the meeting earlier this week.",
    "A file photograph taken during last year's talks.", "Crowds gathered outside the building on Tuesday.",
    "The view across the city centre from the old bridge."};
const std::vector<std::string> kCookieNotices = {
    "We use cookies to improve your experience and to show you personalised advertising. Accept all cookies?",
    "This site uses cookies and similar technologies to analyse traffic. You can change your choices at any time.",
    "We and our partners store and access information on your device. Manage your privacy settings here."};
const std::vector<std::string> kNavSections = {"World",   "Business", "Politics", "Sport",
                                               "Science", "Tech",     "Culture",  "Health"};
const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// The body's paragraphs, each on one line: a line break inside a paragraph
// (a near-duplicate's added sentence) is white space in a <p>, and so in
// the articleBody a system derives from it.
std::vector<std::string> paragraphs_of(const std::string& body) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < body.size();) {
        const std::size_t end = std::min(body.find("\n\n", start), body.size());
        std::string p = body.substr(start, end - start);
        while (!p.empty() && p.back() == '\n') p.pop_back();
        std::replace(p.begin(), p.end(), '\n', ' ');
        if (!p.empty()) out.push_back(std::move(p));
        start = end + 2;
    }
    return out;
}

// "Harbor Times" -> "www.harbortimes.example": the outlet's domain name.
std::string domain_of(const std::string& source) {
    std::string d;
    for (const char c : source)
        if (c != ' ') d += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return "www." + d + ".example";
}

// "Sulmar talks Cairo end" -> "sulmar-talks-cairo-end"
std::string slug(const std::string& title) {
    std::string s;
    for (const char c : title) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || (c >= 'A' && c <= 'Z')) s += static_cast<char>(alnum ? c : c - 'A' + 'a');
        else if (!s.empty() && s.back() != '-') s += '-';
    }
    if (!s.empty() && s.back() == '-') s.pop_back();
    return s;
}

std::string url_of(const PageArticle& a) {
    return "https://" + domain_of(a.source) + "/" + a.section + "/" + slug(a.title) + "-" + a.id;
}

std::string profile_url(const PageArticle& a, const std::string& author) {
    return "https://" + domain_of(a.source) + "/profiles/" + slug(author);
}

// "2024-06-07" -> "2024-06-07T09:30:00+01:00": publishing systems write a
// time and a zone, which the reader drops (it keeps the local date). Month
// and year dates stay as they are, as precise as the article's truth.
std::string timestamp(const std::string& date, std::size_t n) {
    if (date.size() != 10) return date;
    static const std::vector<std::string> kZones = {"Z", "+01:00", "+02:00", "-05:00", "+05:30", "+00:00"};
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02zu:%02zu:00", choice(n, 1, 24), choice(n, 2, 60));
    return date + buf + choose(kZones, n, 3);
}

// "2024-06-07" -> "June 7, 2024"; "2024-06" -> "June 2024"; "2024" -> "2024".
std::string human_date(const std::string& date) {
    if (date.size() < 7) return date;
    const std::string month = kMonthNames[std::stoi(date.substr(5, 2)) - 1];
    if (date.size() == 7) return month + " " + date.substr(0, 4);
    return month + " " + std::to_string(std::stoi(date.substr(8, 2))) + ", " + date.substr(0, 4);
}

// "Ana Silva and Ben Okoro", as a byline reads.
std::string names_in_prose(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k)
        out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
    return out;
}

std::string capitalised(std::string w) {
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

std::string year_of(const PageArticle& a) { return a.date.empty() ? "2025" : a.date.substr(0, 4); }

// --- The head: styles, scripts and the plain tags every page has. ---

std::string stylesheet(std::size_t n) {
    return "<link rel=\"stylesheet\" href=\"/assets/site." + std::to_string(choice(n, 4, 90) + 10) +
           ".css\">\n<style>\n"
           "body { margin: 0; font-family: Georgia, serif; color: #222; }\n"
           ".site-header, .masthead { background: #0b3d5c; color: #fff; padding: 8px 16px; }\n"
           ".share-bar a, .social-share a { display: inline-block; margin-right: 8px; }\n"
           ".cookie-banner, .cookie-consent { position: fixed; bottom: 0; left: 0; right: 0; z-index: 99; }\n"
           ".related-stories li, .related li { list-style: none; border-top: 1px solid #ddd; }\n"
           "figure figcaption, .caption { font-size: 0.8em; color: #666; }\n"
           "@media (max-width: 600px) { .sidebar { display: none; } }\n"
           "</style>\n";
}

// The analytics and ad-tag scripts of a publishing system: JSON-ish data
// the reader must never take for text.
std::string analytics(const PageArticle& a, std::size_t n) {
    return "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({\"pageType\": \"article\", "
           "\"section\": \"" +
           a.section + "\", \"articleId\": \"" + a.id + "\", \"wordCount\": " + std::to_string(a.body.size() / 6) +
           ", \"paywall\": " + (n % 3 == 0 ? "true" : "false") +
           "});\n"
           "(function (w, d) { var s = d.createElement('script'); s.async = true; "
           "s.src = 'https://tags.example/gtm.js?id=GTM-" +
           std::to_string(1000 + choice(n, 5, 9000)) +
           "'; d.head.appendChild(s); if (w.innerWidth < 600) { d.documentElement.className += ' narrow'; } "
           "})(window, document);</script>\n"
           "<script async src=\"https://ads.example/prebid.js\"></script>\n";
}

// A JSON-LD block, pretty-printed by some systems and not by others; "</"
// is escaped so that no string can close the script.
std::string json_ld_script(const ordered_json& j, std::size_t n) {
    std::string text = n % 2 ? j.dump(2) : j.dump();
    for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos; at += 3) text.replace(at, 2, "<\\/");
    return "<script type=\"application/ld+json\">\n" + text + "\n</script>\n";
}

// --- Page furniture, which the reader must keep out of the text. ---

std::string nav_links() {
    std::string out = "<ul>";
    for (const auto& s : kNavSections) out += "<li><a href=\"/" + slug(s) + "\">" + s + "</a></li>";
    return out + "</ul>";
}

std::string site_header(const PageArticle& a) {
    return "<header class=\"site-header\"><a class=\"logo\" href=\"/\">" + escaped(a.source) +
           "</a>\n<nav class=\"main-nav\">" + nav_links() +
           "</nav>\n<form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\">"
           "<button>Go</button></form></header>\n";
}

std::string cookie_banner(std::size_t n, const std::string& attributes) {
    return "<div " + attributes + "><p>" + choose(kCookieNotices, n, 6) +
           "</p><button>Accept all</button> <button>Manage choices</button></div>\n";
}

std::string share_bar(const std::string& css_class) {
    return "<div class=\"" + css_class +
           "\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> "
           "<a href=\"#\">Email this story to a friend</a> <a href=\"#\">Copy link</a></div>\n";
}

std::string lead_figure(const PageArticle& a, std::size_t n) {
    return "<figure class=\"lead-image\"><img src=\"/img/" + a.id + ".jpg\" alt=\"\" width=\"800\" height=\"450\">" +
           "<figcaption>" + choose(kCaptions, n, 7) + " <span class=\"credit\">Photograph: " + escaped(a.source) +
           "</span></figcaption></figure>\n";
}

// Related stories as <li> links, three to five of them.
std::string related_items(std::size_t n) {
    std::string out;
    for (std::size_t k = 0, count = 3 + choice(n, 8, 3); k < count; ++k) {
        const std::string& headline = choose(kRelated, n, 9, k);
        out += "<li><a href=\"/story/" + slug(headline) + "\">" + headline + "</a></li>";
    }
    return out;
}

// Readers' comments, none to four of them.
std::string comments(std::size_t n, const std::string& attributes) {
    const std::size_t count = choice(n, 10, 5);
    std::string out = "<section " + attributes + "><h3>" + std::to_string(count) +
                      (count == 1 ? " comment" : " comments") + "</h3>\n";
    for (std::size_t k = 0; k < count; ++k)
        out += "<div class=\"comment\"><p class=\"comment-author\">" + choose(kCommenters, n, 11, k) + "</p><p>" +
               choose(kComments, n, 12, k) + "</p></div>\n";
    return out + "<form><textarea name=\"comment\"></textarea><button>Post</button></form></section>\n";
}

std::string ad_slot(std::size_t n) {
    return "<div class=\"ad-slot\" data-slot=\"/2201/news/in-article-" + std::to_string(choice(n, 13, 4)) +
           "\"><span>Advertisement</span></div>\n";
}

std::string site_footer(const PageArticle& a, const std::string& tag) {
    return "<" + tag + " class=\"site-footer\"><nav><a href=\"/about\">About us</a> <a href=\"/contact\">Contact</a> " +
           "<a href=\"/privacy\">Privacy policy</a> <a href=\"/terms\">Terms</a></nav>\n<p>&copy; " + year_of(a) + " " +
           escaped(a.source) + ". All rights reserved.</p></" + tag + ">\n";
}

// The story's paragraphs, with `insert` (an ad slot, a photograph, a
// newsletter box) after the second, or after the last when there are fewer.
std::string story_paragraphs(const PageArticle& a, const std::string& insert, bool close_tags = true) {
    std::string out;
    const std::vector<std::string> paragraphs = paragraphs_of(a.body);
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
        out += "<p>" + escaped(paragraphs[k]) + (close_tags ? "</p>\n" : "\n");
        if (k == std::min<std::size_t>(1, paragraphs.size() - 1)) out += insert;
    }
    return out;
}

std::string page_end() { return "</body>\n</html>\n"; }

// --- The five styles. ---

// articleBody as publishing systems write it: some keep the paragraph
// breaks, others flatten the text to one line (the reader then takes the
// markup's paragraphs, which hold the same text).
std::string article_body_text(const PageArticle& a, std::size_t n) {
    std::string out;
    for (const auto& p : paragraphs_of(a.body)) out += (out.empty() ? "" : n % 4 < 2 ? "\n\n" : " ") + p;
    return out;
}

// The NewsArticle object the JSON-LD styles share; the publisher is each
// style's own.
ordered_json news_article(const PageArticle& a, std::size_t n) {
    ordered_json j;
    j["@type"] = "NewsArticle";
    j["headline"] = a.title;
    if (!a.date.empty()) {
        j["datePublished"] = timestamp(a.date, n);
        j["dateModified"] = j["datePublished"];  // what systems write for a story never edited
    }
    ordered_json authors = ordered_json::array();
    for (const auto& name : a.authors)
        authors.push_back({{"@type", "Person"}, {"name", name}, {"url", profile_url(a, name)}});
    j["author"] = authors.size() == 1 ? authors[0] : authors;
    j["articleSection"] = a.section;
    j["keywords"] = ordered_json::array({a.section, "news"});
    j["image"] = "https://" + domain_of(a.source) + "/img/" + a.id + ".jpg";
    j["mainEntityOfPage"] = {{"@type", "WebPage"}, {"@id", url_of(a)}};
    return j;
}

// A graph of the outlet, the breadcrumbs and the article, which names its
// publisher by "@id".
std::string json_ld_graph(const PageArticle& a, std::size_t n) {
    const std::string org = "https://" + domain_of(a.source) + "/#organization";
    ordered_json article = news_article(a, n);
    article["publisher"] = {{"@id", org}};
    article["articleBody"] = article_body_text(a, n);
    ordered_json crumb = {{"@type", "ListItem"}, {"position", 1}, {"name", capitalised(a.section)}};
    ordered_json graph = ordered_json::array();
    graph.push_back({{"@type", "Organization"}, {"@id", org}, {"name", a.source}});
    graph.push_back({{"@type", "BreadcrumbList"}, {"itemListElement", ordered_json::array({crumb})}});
    graph.push_back(std::move(article));
    return json_ld_script({{"@context", "https://schema.org"}, {"@graph", std::move(graph)}}, n);
}

std::string json_ld_page(const PageArticle& a, std::size_t n) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                       escaped(a.title) + " - " + escaped(a.source) + "</title>\n" + stylesheet(n) + analytics(a, n) +
                       json_ld_graph(a, n) + "</head>\n<body>\n<!-- site header -->\n" + site_header(a) +
                       cookie_banner(n, "class=\"cookie-banner\" role=\"dialog\"") +
                       "<main>\n<article class=\"story\">\n<h1>" + escaped(a.title) + "</h1>\n<p class=\"byline\">By " +
                       escaped(names_in_prose(a.authors)) + "</p>\n";
    // A live blog's way with times: a <time> alone on its line.
    if (!a.date.empty())
        page += "<div class=\"dateline\"><time datetime=\"" + timestamp(a.date, n) + "\">" + human_date(a.date) +
                "</time></div>\n";
    return page + share_bar("share-bar") + lead_figure(a, n) + story_paragraphs(a, ad_slot(n)) +
           "</article>\n<aside class=\"related-stories\"><h2>Related stories</h2><ul>" + related_items(n) +
           "</ul></aside>\n</main>\n" + comments(n, "class=\"comments\" id=\"comments\"") + site_footer(a, "footer") +
           page_end();
}

std::string meta_property(const std::string& property, const std::string& content) {
    return "<meta property=\"" + property + "\" content=\"" + escaped(content) + "\">\n";
}

std::string open_graph_tags(const PageArticle& a, std::size_t n) {
    std::string out = meta_property("og:type", "article") + meta_property("og:title", a.title + " | " + a.source) +
                      meta_property("og:site_name", a.source) + meta_property("og:url", url_of(a)) +
                      meta_property("og:image", "https://" + domain_of(a.source) + "/img/" + a.id + ".jpg");
    if (!a.date.empty()) out += meta_property("article:published_time", timestamp(a.date, n));
    out += meta_property("article:section", a.section);
    for (const auto& name : a.authors) out += meta_property("article:author", name);
    if (!a.authors.empty()) out += meta_property("article:author", profile_url(a, a.authors.front()));
    return out + meta_property("article:tag", a.section) +
           "<meta name=\"twitter:card\" content=\"summary_large_image\">\n";
}

std::string newsletter_box() {
    return "<div class=\"newsletter-signup\"><p>Sign up for our morning briefing and get the day's top stories in "
           "your inbox.</p><form><input type=\"email\"><button>Sign up</button></form></div>\n";
}

std::string open_graph_page(const PageArticle& a, std::size_t n) {
    return "<!doctype html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
           "<title>" +
           escaped(a.title) + " | " + escaped(a.source) + "</title>\n" + open_graph_tags(a, n) + stylesheet(n) +
           analytics(a, n) + "</head>\n<body>\n<div id=\"top-nav\" class=\"navigation\">" + nav_links() + "</div>\n" +
           cookie_banner(n, "class=\"cookie-consent\"") + "<main role=\"main\">\n<h1>" + escaped(a.title) +
           "</h1>\n<div class=\"article-meta\"><span class=\"author\">By " + escaped(names_in_prose(a.authors)) +
           "</span></div>\n" + lead_figure(a, n) + "<div class=\"article-body\">\n" +
           story_paragraphs(a, newsletter_box()) + "</div>\n" + share_bar("social-share") +
           "</main>\n<section class=\"related\"><h2>More on this story</h2><ul>" + related_items(n) +
           "</ul></section>\n" + comments(n, "id=\"comments\"") + site_footer(a, "footer") + page_end();
}

// A photograph inside the story's text, captioned the old way.
std::string captioned_photo(const PageArticle& a, std::size_t n) {
    return "<div class=\"photo\"><img src=\"/img/" + a.id + ".jpg\" alt=\"\"><p class=\"caption\">" +
           choose(kCaptions, n, 7) + "</p></div>\n";
}

std::string microdata_authors(const PageArticle& a) {
    std::vector<std::string> spans;
    for (const auto& name : a.authors)
        spans.push_back(
            "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
            "<span itemprop=\"name\">" +
            escaped(name) + "</span></span>");
    return names_in_prose(spans);
}

std::string microdata_page(const PageArticle& a, std::size_t n) {
    const std::string published = a.date.empty()
                                      ? "By "
                                      : "Published <time itemprop=\"datePublished\" datetime=\"" +
                                            timestamp(a.date, n) + "\">" + human_date(a.date) + "</time> by ";
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + escaped(a.title) +
           "</title>\n" + stylesheet(n) + analytics(a, n) + "</head>\n<body>\n<div id=\"masthead\"><a href=\"/\">" +
           escaped(a.source) + "</a></div>\n<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/" +
           a.section + "\">" + capitalised(a.section) +
           "</a></nav>\n<div itemscope itemtype=\"https://schema.org/NewsArticle\">\n<h1 itemprop=\"headline\">" +
           escaped(a.title) + "</h1>\n<meta itemprop=\"articleSection\" content=\"" + escaped(a.section) +
           "\">\n<p class=\"article-info\">" + published + microdata_authors(a) +
           "</p>\n<span itemprop=\"publisher\" itemscope itemtype=\"https://schema.org/Organization\">"
           "<meta itemprop=\"name\" content=\"" +
           escaped(a.source) + "\"></span>\n<div itemprop=\"articleBody\">\n" +
           story_paragraphs(a, captioned_photo(a, n)) + "</div>\n" + share_bar("sharing-tools") + "</div>\n" +
           cookie_banner(n, "id=\"cookie-notice\" class=\"popup\"") + comments(n, "class=\"comments\"") +
           "<div class=\"related\"><h3>Most read</h3><ol>" + related_items(n) + "</ol></div>\n" +
           site_footer(a, "div") + page_end();
}

// A hand-made site of tables: the outlet only in <title>, the byline and
// the date as lines of text, and, on every other page, paragraphs left
// unclosed (the parser closes them, as browsers do).
std::string bare_page(const PageArticle& a, std::size_t n) {
    std::string page = "<html>\n<head><title>" + escaped(a.title) + " | " + escaped(a.source) +
                       "</title>\n<meta name=\"keywords\" content=\"" + a.section + ", news\">\n" +
                       "<script language=\"JavaScript\">function popup(u) { window.open(u, 'share', "
                       "'width=600,height=400'); return false; }</script>\n" +
                       stylesheet(n) + "</head>\n<body bgcolor=\"#ffffff\">\n<div id=\"header\"><a href=\"/\">" +
                       escaped(a.source) +
                       "</a> | <a href=\"/news\">News</a> | <a href=\"/weather\">Weather</a> | "
                       "<a href=\"/contact\">Contact</a></div>\n<table width=\"100%\"><tr>\n"
                       "<td class=\"left-menu\" valign=\"top\"><a href=\"/local\">Local news</a><br>"
                       "<a href=\"/letters\">Letters</a><br><a href=\"/archive\">Archive</a></td>\n"
                       "<td valign=\"top\">\n<div id=\"content\">\n<p class=\"byline\">By " +
                       escaped(names_in_prose(a.authors)) + "</p>\n";
    if (!a.date.empty()) page += std::string(n % 2 ? "<p>Published: " : "<p>Updated: ") + human_date(a.date) + "</p>\n";
    return page + story_paragraphs(a, captioned_photo(a, n), n % 2 == 0) + share_bar("share") + "</div>\n" +
           comments(n, "id=\"comments\"") + "</td>\n<td class=\"sidebar\" valign=\"top\"><div class=\"related\">" +
           "<b>Related</b><ul>" + related_items(n) + "</ul></div>\n" + ad_slot(n) + "</td>\n</tr></table>\n" +
           site_footer(a, "div") + cookie_banner(n, "id=\"cookie-consent\"") + page_end();
}

std::string amp_json_ld(const PageArticle& a, std::size_t n) {
    ordered_json j = {{"@context", "https://schema.org"}};
    j.update(news_article(a, n));
    j["publisher"] = {{"@type", "Organization"}, {"name", a.source}};
    return json_ld_script(j, n);
}

std::string amp_head(const PageArticle& a, std::size_t n) {
    return "<!doctype html>\n<html \xE2\x9A\xA1 lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n"
           "<script async custom-element=\"amp-social-share\" "
           "src=\"https://cdn.ampproject.org/v0/amp-social-share-0.1.js\"></script>\n<title>" +
           escaped(a.title) + "</title>\n<link rel=\"canonical\" href=\"" + url_of(a) +
           "\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
           "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
           "animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style><noscript><style amp-boilerplate>"
           "body{-webkit-animation:none;animation:none}</style></noscript>\n"
           "<style amp-custom>body { font-family: sans-serif; } .byline { color: #555; }</style>\n" +
           amp_json_ld(a, n) + "</head>\n";
}

std::string amp_page(const PageArticle& a, std::size_t n) {
    std::vector<std::string> links;
    for (const auto& name : a.authors)
        links.push_back("<a rel=\"author\" href=\"" + profile_url(a, name) + "\">" + escaped(name) + "</a>");
    return amp_head(a, n) + "<body>\n<header class=\"amp-header\"><a href=\"/\">" + escaped(a.source) +
           "</a> <button on=\"tap:menu.toggle\">Menu</button></header>\n"
           "<amp-sidebar id=\"menu\" layout=\"nodisplay\"><nav>" +
           nav_links() + "</nav></amp-sidebar>\n<amp-consent id=\"consent\" layout=\"nodisplay\">" +
           cookie_banner(n, "class=\"consent-ui\"") + "</amp-consent>\n<article>\n<h1>" + escaped(a.title) +
           "</h1>\n<p class=\"byline\">By " + names_in_prose(links) +
           "</p>\n<amp-social-share type=\"twitter\" width=\"40\" height=\"40\"></amp-social-share>\n"
           "<figure><amp-img src=\"/img/" +
           a.id + ".jpg\" width=\"800\" height=\"450\" layout=\"responsive\" alt=\"\"></amp-img><figcaption>" +
           choose(kCaptions, n, 7) + "</figcaption></figure>\n" +
           story_paragraphs(a,
                            "<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" data-slot=\"/2201/amp\">"
                            "<div placeholder>Advertisement loading</div></amp-ad>\n") +
           "</article>\n<section class=\"related\"><h2>More stories</h2><ul>" + related_items(n) + "</ul></section>\n" +
           site_footer(a, "footer") + page_end();
}

}  // namespace

PageStyle page_style(std::size_t n) { return static_cast<PageStyle>(n % 5); }

std::string html_page(const PageArticle& a, std::size_t n) {
    switch (page_style(n)) {
        case PageStyle::json_ld: return json_ld_page(a, n);
        case PageStyle::open_graph: return open_graph_page(a, n);
        case PageStyle::microdata: return microdata_page(a, n);
        case PageStyle::bare: return bare_page(a, n);
        case PageStyle::amp: return amp_page(a, n);
    }
    return {};
}

}  // namespace newsdex::generator
