#include "common/reading/json_article.h"

#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/base/strings.h"
#include "common/reading/encoding.h"
#include "common/reading/html_article.h"

namespace newsdex {

namespace {

using nlohmann::json;

// Reads an optional string field; a present field of another type is an error.
bool read_string(const json& obj, const char* key, std::string& out, std::string& error) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    if (it->is_string()) {
        out = it->get<std::string>();
        return true;
    }
    // Numeric ids are common in exports; keep them as text.
    if (std::string_view(key) == "id" && it->is_number_integer()) {
        out = it->dump();
        return true;
    }
    error = std::string("field \"") + key + "\" must be a string, not " + it->type_name();
    return false;
}

// An optional array of strings; true when present.
bool read_names(const json& obj, const char* key, std::vector<std::string>& out, bool& present, std::string& error) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    if (!it->is_array()) {
        error = std::string("field \"") + key + "\" must be an array of strings, not " + it->type_name();
        return false;
    }
    for (const auto& v : *it) {
        if (!v.is_string()) {
            error = std::string("field \"") + key + "\" must hold strings, not " + v.type_name();
            return false;
        }
        if (!v.get<std::string>().empty()) out.push_back(v.get<std::string>());
    }
    present = true;
    return true;
}

// A list of names under the first of `keys` that is present: one string
// (split at commas when `at_commas`, as feeds write keywords) or an array of
// strings; each name trimmed, blank ones left out.
bool read_name_list(const json& obj, std::initializer_list<const char*> keys, bool at_commas,
                    std::vector<std::string>& out, std::string& error) {
    for (const char* key : keys) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) continue;
        auto add = [&](std::string_view name) {
            if (const std::string_view n = trim(name); !n.empty()) out.emplace_back(n);
        };
        if (it->is_string()) {
            if (at_commas)
                for (const auto& k : comma_list(it->get<std::string>())) add(k);
            else add(it->get<std::string>());
            return true;
        }
        if (!it->is_array()) {
            error = std::string("field \"") + key + "\" must be a string or an array of strings, not " +
                    it->type_name();
            return false;
        }
        for (const auto& v : *it) {
            if (!v.is_string()) {
                error = std::string("field \"") + key + "\" must hold strings, not " + v.type_name();
                return false;
            }
            add(v.get<std::string>());
        }
        return true;
    }
    return true;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// nlohmann quotes the token it stopped in, and it stops on the first byte of
// a character it cannot take: an unquoted "é" gives "last read: '\"title\":
// \xC3'". Diagnostics are printed as they are, so each byte that starts no
// complete UTF-8 character becomes U+FFFD.
std::string with_replacement_characters(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (is_valid_utf8(s.substr(i, len))) {
            out += s.substr(i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

// A saved page in the "html" field fills what the record's own fields leave
// empty: the record is the feed's word, the page's metadata a guess at it.
bool read_html_field(const json& obj, JsonArticle& out, std::string& error) {
    std::string html;
    if (!read_string(obj, "html", html, error)) return false;
    if (blank(html)) return true;
    HtmlArticle page = parse_html_text(html);
    out.warnings = std::move(page.warnings);
    if (!page.error.empty()) return true;  // a page without text: the record may still have a title
    Article& a = out.article;
    Article& p = page.article;
    a.body = std::move(p.body);
    if (blank(a.title)) a.title = std::move(p.title);
    for (auto [field, value] : {std::pair{&a.source, &p.source}, {&a.url, &p.url}, {&a.section, &p.section}})
        if (field->empty()) *field = std::move(*value);
    if (a.authors.empty()) a.authors = std::move(p.authors);
    if (a.keywords.empty()) a.keywords = std::move(p.keywords);
    a.dateline_place = std::move(p.dateline_place);
    a.dateline_outlet = std::move(p.dateline_outlet);
    a.copyright_year = p.copyright_year;
    if (p.date) {
        a.date = p.date;
        a.date_source = p.date_source;
    }
    return true;
}

}  // namespace

std::variant<JsonArticle, JsonArticleError> parse_json_article(std::string_view line) {
    json obj;
    try {
        obj = json::parse(line);
    } catch (const json::exception& e) {
        // Not only parse_error: a number too large for a double ("1e400")
        // is an out_of_range, and it must cost this line, not the run.
        // nlohmann's text starts with "[json.exception.parse_error.101] parse error at ..."
        std::string what = e.what();
        if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
        what = with_replacement_characters(what);
        // nlohmann quotes the text it read ("last read: '...'"): keep the message one short line.
        constexpr std::size_t kMaxMessage = 160;
        if (what.size() > kMaxMessage) {
            std::size_t cut = kMaxMessage;
            while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
            what = what.substr(0, cut) + "\xE2\x80\xA6";
        }
        // Valid JSON a double cannot hold (RFC 8259 lets a reader refuse it).
        const bool too_large = dynamic_cast<const json::out_of_range*>(&e) != nullptr;
        return JsonArticleError{(too_large ? "valid JSON with a number too large to read: " : "malformed JSON: ") +
                                what};
    }
    if (!obj.is_object()) return JsonArticleError{std::string("expected a JSON object, found ") + obj.type_name()};

    JsonArticle out;
    Article& a = out.article;
    std::string error, date;
    for (const char* body_key : {"body", "text", "content"}) {
        if (!read_string(obj, body_key, a.body, error)) return JsonArticleError{error};
        if (!blank(a.body)) break;
    }
    if (!read_string(obj, "id", a.id, error) || !read_string(obj, "title", a.title, error) ||
        !read_string(obj, "date", date, error) || !read_string(obj, "source", a.source, error) ||
        !read_string(obj, "url", a.url, error) || !read_string(obj, "section", a.section, error) ||
        !read_name_list(obj, {"authors", "author"}, false, a.authors, error) ||
        !read_name_list(obj, {"keywords", "tags"}, true, a.keywords, error) ||
        !read_names(obj, "persons", a.persons, a.entities_tagged, error) ||
        !read_names(obj, "locations", a.locations, a.entities_tagged, error) ||
        !read_names(obj, "countries", a.countries, a.entities_tagged, error) ||
        !read_names(obj, "organizations", a.organizations, a.entities_tagged, error))
        return JsonArticleError{error};
    if (blank(a.body) && !read_html_field(obj, out, error)) return JsonArticleError{error};
    // An id is the feed's own key, one line of output and one field of TSV
    // and TREC runs: one that holds a control character is refused, never
    // changed (stripped, "a\u0001b" would become another record's "ab").
    if (a.id.find_first_of("\t\n\r") != std::string::npos || without_control_characters(a.id) != a.id)
        return JsonArticleError{"field \"id\" holds a control character (a tab, a line break, …)"};
    // A headline-only brief (wire services send many) is an article.
    if (blank(a.body) && blank(a.title))
        return JsonArticleError{
            "no text: neither a \"title\" nor a body (\"body\", \"text\", \"content\" or \"html\")"};
    if (blank(a.body)) a.body.clear();

    if (!blank(date)) {
        auto parsed = parse_date(date);
        if (auto* d = std::get_if<PublishedDate>(&parsed)) {
            a.date = *d;
            a.date_source = DateSource::metadata;
        } else {
            out.date_warning = std::get<DateError>(parsed).message +
                               (a.date ? "; the page's own date is used" : "; the article is indexed undated");
        }
    }
    return out;
}

}  // namespace newsdex
