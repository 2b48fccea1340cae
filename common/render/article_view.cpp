#include "common/render/article_view.h"

#include <sstream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/index/article_id.h"
#include "common/index/entity_explanation.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

using ordered_json = nlohmann::ordered_json;

using ansi::kBold, ansi::kDim, ansi::kReset;
// Labels end before this column; values wrap back to it.
constexpr std::size_t kValueColumn = 19;

// "2024-06-10 (day, from metadata)", "2024-06 (month, inferred)", "undated".
std::string date_line(const Article& a) {
    if (!a.date) return "undated";
    const char* how = a.date_source == DateSource::metadata ? "from metadata"
                      : a.date_source == DateSource::text   ? "from the text"
                                                            : "inferred from dates in the text";
    return a.date->to_iso() + " (" + to_string(a.date->precision) + " precision, " + how + ")";
}

// "  persons          Antony Blinken, Joe Biden, …" with the value wrapped
// under itself ("-" when empty).
void field(std::ostream& out, std::string_view label, const WrapText& value, const TextStyle& style) {
    if (style.color) out << kDim;
    out << "  " << label << std::string(kValueColumn - 2 - label.size(), ' ');
    if (style.color) out << kReset;
    write_lines(out, value.empty() ? WrapText::words("-") : value, kValueColumn, style.width);
}
void field(std::ostream& out, std::string_view label, const std::string& value, const TextStyle& style) {
    field(out, label, WrapText::words(value), style);
}
// A list breaks between names only ("Sami Abu Zuhri" stays on one line).
void field(std::ostream& out, std::string_view label, const std::vector<std::string>& values, const TextStyle& style) {
    field(out, label, WrapText::list(values), style);
}

// The title in bold, wrapped when the style wraps, then a blank line.
void title(std::ostream& out, const Article& a, const TextStyle& style) {
    write_lines(out, WrapText::words(a.title), 0, wrap_width(style), style.color ? kBold : "",
                style.color ? kReset : "");
    out << '\n';
}

}  // namespace

std::optional<Article> find_article(const Xapian::Database& db, const std::string& id) {
    if (const Xapian::docid docid = find_article_document(db, id))
        return schema::decode_article(db.get_document(docid));
    return std::nullopt;
}

void render_article_text(std::ostream& out, const Article& a, const TextStyle& style) {
    title(out, a, style);
    std::vector<std::string> mentioned;
    for (const auto& d : a.mentioned_dates) mentioned.push_back(d.to_iso());
    field(out, "id", display_article_id(a.id), style);
    field(out, "date", date_line(a), style);
    field(out, "source", a.source, style);
    field(out, "url", a.url, style);
    field(out, "path", display_article_id(a.path), style);
    field(out, "authors", a.authors, style);
    field(out, "section", a.section, style);
    field(out, "keywords", a.keywords, style);
    field(out, "persons", a.persons, style);
    field(out, "locations", a.locations, style);
    field(out, "countries", a.countries, style);
    field(out, "organizations", a.organizations, style);
    field(out, "mentioned dates", mentioned, style);
    // The text keeps its paragraphs; each is wrapped on its own.
    std::string_view body = a.body;
    while (!body.empty()) {
        const std::size_t nl = body.find('\n');
        const std::string_view paragraph = body.substr(0, nl);
        body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
        if (paragraph.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        out << '\n';
        write_wrapped(out, std::string(paragraph), 0, style.width);
    }
}

void render_article_json(std::ostream& out, const Article& a) {
    ordered_json j;
    j["id"] = a.id;
    j["title"] = a.title;
    j["date"] = a.date ? ordered_json(a.date->first_day_iso()) : ordered_json(nullptr);
    j["date_precision"] = a.date ? ordered_json(to_string(a.date->precision)) : ordered_json(nullptr);
    j["date_source"] = a.date ? ordered_json(to_string(a.date_source)) : ordered_json(nullptr);
    j["source"] = string_or_null(a.source);
    j["url"] = string_or_null(a.url);
    j["path"] = a.path;
    j["authors"] = a.authors;
    j["section"] = string_or_null(a.section);
    j["keywords"] = a.keywords;
    j["persons"] = a.persons;
    j["locations"] = a.locations;
    j["countries"] = a.countries;
    j["organizations"] = a.organizations;
    ordered_json mentioned = ordered_json::array();
    for (const auto& d : a.mentioned_dates) mentioned.push_back(d.to_iso());
    j["mentioned_dates"] = std::move(mentioned);
    j["text"] = a.body;
    out << json_text(j) << '\n';
}

void render_article_why_text(std::ostream& out, const Article& a, const TextStyle& style) {
    title(out, a, style);
    field(out, "id", display_article_id(a.id), style);
    // One block per value: "person  Antony Blinken", then the rule and the
    // words it rests on, indented under the value.
    for (const auto& e : explain_entities(a)) {
        out << '\n';
        field(out, e.field, WrapText().add(e.value), style);
        std::ostringstream why;
        write_wrapped(why, "why: " + e.rule, kValueColumn, style.width);
        if (!e.text.empty()) write_wrapped(why, "text: " + e.text, kValueColumn, style.width);
        if (style.color) out << kDim;
        out << why.str();
        if (style.color) out << kReset;
    }
}

void render_article_why_json(std::ostream& out, const Article& a) {
    ordered_json j;
    j["id"] = a.id;
    j["title"] = a.title;
    ordered_json why = ordered_json::array();
    for (const auto& e : explain_entities(a))
        why.push_back({{"field", e.field},
                       {"value", e.value},
                       {"rule", e.rule},
                       {"text", e.text.empty() ? ordered_json(nullptr) : ordered_json(e.text)}});
    j["why"] = std::move(why);
    out << json_text(j) << '\n';
}

}  // namespace newsdex
