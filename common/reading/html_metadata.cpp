#include "common/reading/html_metadata.h"

#include <algorithm>
#include <deque>
#include <map>

#include <nlohmann/json.hpp>

#include "common/base/strings.h"
#include "common/reading/html_dom.h"
#include "common/reading/scraped_text.h"

namespace newsdex {

namespace {

using nlohmann::json;

// schema.org types whose properties describe the page's own story. A page's
// JSON-LD also describes its outlet, breadcrumbs and videos: those are ignored.
bool is_article_type(const json& type) {
    return type.is_string() &&
           is_one_of(type.get_ref<const std::string&>(),
                     {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                      "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting", "Report"});
}

bool has_article_type(const json& obj) {
    const auto it = obj.find("@type");
    if (it == obj.end()) return false;
    if (it->is_array()) return std::any_of(it->begin(), it->end(), is_article_type);
    return is_article_type(*it);
}

// Every object of a JSON-LD block: the block itself, an array of them, or a
// "@graph" of them, whose members refer to each other by "@id".
void collect_objects(const json& v, std::vector<const json*>& out, int depth = 0) {
    if (depth > 4) return;
    if (v.is_array()) {
        for (const auto& e : v) collect_objects(e, out, depth + 1);
    } else if (v.is_object()) {
        out.push_back(&v);
        if (const auto g = v.find("@graph"); g != v.end()) collect_objects(*g, out, depth + 1);
    }
}

using IdIndex = std::map<std::string, const json*>;

void fill(std::string& field, const std::string& value) {
    if (field.empty()) field = value;
}

void fill(std::vector<std::string>& field, const std::vector<std::string>& value) {
    if (field.empty()) field = value;
}

bool looks_like_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// A person or organisation: "Jane Doe", {"name": "Jane Doe"}, or {"@id": …}
// naming an object elsewhere in the graph.
std::string name_in(const json& v, const IdIndex& ids) {
    if (v.is_string()) return v.get<std::string>();
    if (!v.is_object()) return {};
    if (const auto n = v.find("name"); n != v.end() && n->is_string()) return n->get<std::string>();
    if (const auto id = v.find("@id"); id != v.end() && id->is_string()) {
        const auto target = ids.find(id->get<std::string>());
        if (target != ids.end() && target->second != &v) return name_in(*target->second, ids);
    }
    return {};
}

std::vector<std::string> names_in(const json& v, const IdIndex& ids) {
    std::vector<std::string> out;
    const auto add = [&](const json& one) {
        const std::string name = html::collapse_whitespace(name_in(one, ids));
        // A profile page's address is no name.
        if (name.empty() || looks_like_url(name)) return;
        if (one.is_string()) {
            for (auto& n : split_authors(name)) out.push_back(std::move(n));
        } else {
            out.push_back(name);
        }
    };
    if (v.is_array()) std::for_each(v.begin(), v.end(), add);
    else add(v);
    return out;
}

// A text property: a string, or the first string of an array.
std::string text_in(const json& obj, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (it->is_string()) return html::collapse_whitespace(it->get<std::string>());
    if (it->is_array() && !it->empty() && it->front().is_string())
        return html::collapse_whitespace(it->front().get<std::string>());
    return {};
}

// comma_list() with the white space inside each item collapsed too, as a
// page's markup leaves it.
std::vector<std::string> tidy_list(std::string_view s) {
    std::vector<std::string> out = comma_list(s);
    for (auto& item : out) item = html::collapse_whitespace(item);
    return out;
}

std::vector<std::string> keywords_in(const json& obj) {
    const auto it = obj.find("keywords");
    if (it == obj.end()) return {};
    if (it->is_string()) return tidy_list(it->get<std::string>());
    std::vector<std::string> out;
    if (it->is_array())
        for (const auto& k : *it)
            if (k.is_string() && !k.get<std::string>().empty())
                out.push_back(html::collapse_whitespace(k.get<std::string>()));
    return out;
}

std::string url_in(const json& obj) {
    if (std::string url = text_in(obj, "url"); !url.empty()) return url;
    const auto page = obj.find("mainEntityOfPage");
    if (page == obj.end()) return {};
    if (page->is_string()) return page->get<std::string>();
    if (page->is_object()) return text_in(*page, "@id");
    return {};
}

PageMetadata from_json_ld_object(const json& obj, const IdIndex& ids) {
    PageMetadata m;
    m.title = text_in(obj, "headline");
    m.published = text_in(obj, "datePublished");
    m.modified = text_in(obj, "dateModified");
    if (const auto a = obj.find("author"); a != obj.end()) m.authors = names_in(*a, ids);
    if (const auto p = obj.find("publisher"); p != obj.end()) m.source = html::collapse_whitespace(name_in(*p, ids));
    m.section = text_in(obj, "articleSection");
    m.keywords = keywords_in(obj);
    m.url = url_in(obj);
    if (const auto b = obj.find("articleBody"); b != obj.end() && b->is_string())
        m.article_body = b->get<std::string>();
    return m;
}

// The first article object of the page's JSON-LD blocks. A block that is not
// valid JSON is passed over: the other layers still speak.
PageMetadata read_json_ld(xmlNode* root) {
    std::deque<json> blocks;  // a deque: the pointers below stay valid as it grows
    html::for_each_element(root, [&](xmlNode* n) {
        if (html::is_element(n, "script") &&
            lower_ascii(html::attribute(n, "type")).find("ld+json") != std::string::npos) {
            json parsed = json::parse(html::raw_text(n), nullptr, /*allow_exceptions=*/false);
            if (!parsed.is_discarded()) blocks.push_back(std::move(parsed));
        }
        return true;
    });
    std::vector<const json*> objects;
    for (const auto& b : blocks) collect_objects(b, objects);
    IdIndex ids;
    for (const json* o : objects)
        if (const auto id = o->find("@id"); id != o->end() && id->is_string()) ids.emplace(id->get<std::string>(), o);
    for (const json* o : objects)
        if (has_article_type(*o)) return from_json_ld_object(*o, ids);
    return {};
}

// Open Graph (og:…, article:…) and the plain <meta>/<link>/<title> tags, in
// one pass over the page; each fills a layer of its own.
void read_meta_tags(xmlNode* root, PageMetadata& og, PageMetadata& plain, std::string& title_tag) {
    html::for_each_element(root, [&](xmlNode* n) {
        const std::string_view name = html::name_of(n);
        if (name == "title" && title_tag.empty()) title_tag = html::text_of(n);
        if (name == "link" && lower_ascii(html::attribute(n, "rel")) == "canonical" && plain.url.empty())
            plain.url = html::collapse_whitespace(html::attribute(n, "href"));
        if (name != "meta") return true;
        std::string key = lower_ascii(html::attribute(n, "property"));
        if (key.empty()) key = lower_ascii(html::attribute(n, "name"));
        const std::string value = html::collapse_whitespace(html::attribute(n, "content"));
        if (value.empty()) return false;
        const auto set = [&](std::string& field) {
            if (field.empty()) field = value;
        };
        if (key == "og:title") set(og.title);
        else if (key == "og:site_name") set(og.source);
        else if (key == "og:url") set(og.url);
        else if (key == "article:published_time") set(og.published);
        else if (key == "article:modified_time") set(og.modified);
        else if (key == "article:section") set(og.section);
        else if (key == "article:author" && !looks_like_url(value)) og.authors.push_back(value);
        else if (key == "article:tag") og.keywords.push_back(value);
        else if (key == "author") fill(plain.authors, split_authors(value));
        else if (key == "keywords" || key == "news_keywords") fill(plain.keywords, tidy_list(value));
        return false;
    });
}

// A microdata property's value: its content, datetime or href attribute, else its text.
std::string itemprop_value(const xmlNode* n) {
    for (const char* attr : {"content", "datetime"})
        if (std::string v = html::attribute(n, attr); !v.empty()) return html::collapse_whitespace(v);
    return html::text_of(n);
}

// A person or organisation in microdata: its itemprop="name", else its text.
std::string itemprop_name(xmlNode* n) {
    std::string name;
    html::for_each_element(n, [&](xmlNode* e) {
        const auto words = html::attribute_words(e, "itemprop");
        if (name.empty() && e != n && std::find(words.begin(), words.end(), "name") != words.end())
            name = itemprop_value(e);
        return name.empty();
    });
    return name.empty() ? itemprop_value(n) : name;
}

PageMetadata read_microdata(xmlNode* root) {
    PageMetadata m;
    html::for_each_element(root, [&](xmlNode* n) {
        const std::string prop = html::attribute(n, "itemprop");
        if (prop.empty()) return true;
        const auto set = [&](std::string& field) {
            if (field.empty()) field = itemprop_value(n);
        };
        if (prop == "headline") set(m.title);
        else if (prop == "datePublished") set(m.published);
        else if (prop == "dateModified") set(m.modified);
        else if (prop == "articleSection") set(m.section);
        else if (prop == "keywords") fill(m.keywords, tidy_list(itemprop_value(n)));
        else if (prop == "author") m.authors.push_back(itemprop_name(n));
        else if (prop == "publisher" && m.source.empty()) m.source = itemprop_name(n);
        // A person's or an outlet's own properties (name, url) are not the article's.
        return prop != "author" && prop != "publisher";
    });
    std::erase_if(m.authors, [](const std::string& a) { return a.empty() || looks_like_url(a); });
    return m;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && lower_ascii(s.substr(s.size() - suffix.size())) == lower_ascii(suffix);
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    return s.size() > prefix.size() && lower_ascii(s.substr(0, prefix.size())) == lower_ascii(prefix);
}

std::size_t word_count(std::string_view s) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : s) {
        if (c != ' ' && !in_word) ++words;
        in_word = c != ' ';
    }
    return words;
}

}  // namespace

std::string title_without_outlet(const std::string& title, std::string& outlet) {
    static constexpr std::string_view kSeparators[] = {" | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                       " \xC2\xB7 ", " :: "};
    if (!outlet.empty()) {
        for (const std::string_view sep : kSeparators) {
            const std::string suffix = std::string(sep) + outlet, prefix = outlet + std::string(sep);
            if (ends_with_ignoring_case(title, suffix)) return title.substr(0, title.size() - suffix.size());
            if (starts_with_ignoring_case(title, prefix)) return title.substr(prefix.size());
        }
        return title;
    }
    // No outlet known: a dash is too often part of a headline ("Storm - what
    // we know"), a bar seldom.
    const auto bar = title.rfind(" | ");
    if (bar == std::string::npos || bar == 0) return title;
    const std::string tail(trim(std::string_view(title).substr(bar + 3)));
    if (tail.empty() || tail.size() > 40 || word_count(tail) > 5) return title;
    outlet = tail;
    return std::string(trim(std::string_view(title).substr(0, bar)));
}

PageMetadata read_page_metadata(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    PageMetadata og, plain;
    std::string title_tag;
    read_meta_tags(root, og, plain, title_tag);
    const PageMetadata ld = read_json_ld(root), microdata = read_microdata(root);
    // The outlet the structured layers name, so that "<headline> | <outlet>"
    // is recognised whatever its separator.
    std::string outlet = !ld.source.empty() ? ld.source : !og.source.empty() ? og.source : microdata.source;
    plain.title = title_without_outlet(title_tag, outlet);
    plain.source = outlet;

    PageMetadata m;
    for (const PageMetadata* layer :
         {&ld, static_cast<const PageMetadata*>(&og), &microdata, static_cast<const PageMetadata*>(&plain)}) {
        fill(m.title, layer->title);
        fill(m.source, layer->source);
        fill(m.url, layer->url);
        fill(m.section, layer->section);
        fill(m.published, layer->published);
        fill(m.modified, layer->modified);
        fill(m.authors, layer->authors);
        fill(m.keywords, layer->keywords);
    }
    m.article_body = ld.article_body;
    if (std::string known = m.source; !known.empty())
        m.title = title_without_outlet(m.title, known);  // og:title often carries the suffix too
    return m;
}

}  // namespace newsdex
