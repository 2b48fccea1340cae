#include "common/render/render.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/base/printable.h"
#include "common/base/time_spec.h"
#include "common/index/article_id.h"
#include "common/index/index_shards.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

using ordered_json = nlohmann::ordered_json;

using ansi::kBold, ansi::kDim, ansi::kReset;

// Scores rounded to 6 decimals: stable, readable bytes for scripts.
double rounded(double score) { return std::round(score * 1e6) / 1e6; }

ordered_json hit_json(const Hit& hit) {
    const Article& a = hit.article;
    ordered_json j;
    j["rank"] = hit.rank;
    j["id"] = a.id;
    j["score"] = rounded(hit.score);
    j["title"] = a.title;
    j["date"] = a.date ? ordered_json(a.date->first_day_iso()) : ordered_json(nullptr);
    j["date_precision"] = a.date ? ordered_json(to_string(a.date->precision)) : ordered_json(nullptr);
    j["source"] = string_or_null(a.source);
    j["url"] = string_or_null(a.url);
    j["path"] = a.path;
    j["indexed_at"] = hit.indexed_at ? ordered_json(iso_utc(*hit.indexed_at)) : ordered_json(nullptr);
    j["authors"] = a.authors;
    j["section"] = string_or_null(a.section);
    j["keywords"] = a.keywords;
    j["date_source"] = a.date ? ordered_json(to_string(a.date_source)) : ordered_json(nullptr);
    j["persons"] = a.persons;
    j["locations"] = a.locations;
    j["countries"] = a.countries;
    j["organizations"] = a.organizations;
    j["snippet"] = hit.snippet.text;
    ordered_json spans = ordered_json::array();
    for (const auto& [b, e] : hit.snippet.highlights) spans.push_back({b, e});
    j["highlights"] = std::move(spans);
    if (hit.collapsed) j["collapsed"] = hit.collapsed;
    if (!hit.explanation.empty()) {
        ordered_json parts = ordered_json::array();
        for (const auto& part : hit.explanation) {
            ordered_json p;
            if (part.term.empty()) p["clause"] = part.clause, p["terms"] = part.terms;
            else p["term"] = part.term;
            p["weight"] = rounded(part.weight);
            parts.push_back(std::move(p));
        }
        j["explain"] = std::move(parts);
    }
    return j;
}

// Between metadata items: " · ". A line that breaks there ends with " ·".
constexpr std::string_view kDotGlue = " \xC2\xB7 ";

// "score 0.153 = blinken (stem) 0.079 + hostag (stem) 0.073": each part
// kept whole on a line.
WrapText explanation_line(const Hit& hit) {
    WrapText line;
    line.add(fmt::format("score {:.3f} =", hit.score));
    double sum = 0;
    for (std::size_t k = 0; k < hit.explanation.size(); ++k) {
        const ScorePart& part = hit.explanation[k];
        line.add(
            fmt::format("{} {:.3f}", part.term.empty() ? part.clause : schema::describe_term(part.term), part.weight),
            k ? " + " : " ");
        sum += part.weight;
    }
    // They add up unless --sort recent blended in the date.
    if (std::abs(sum - hit.score) > 1e-6) line.add_words(fmt::format("(parts add up to {:.3f} before recency)", sum));
    return line;
}

// Bytes [span.begin, span.end) of a snippet, bold over its highlights.
void write_highlighted(std::ostream& out, const Snippet& snippet, LineSpan span, bool color) {
    const std::string_view text = snippet.text;
    auto highlighted = [&](std::size_t i) {
        return color && std::any_of(snippet.highlights.begin(), snippet.highlights.end(),
                                    [&](const auto& h) { return h.first <= i && i < h.second; });
    };
    for (std::size_t from = span.begin; from < span.end;) {
        const bool bold = highlighted(from);
        std::size_t to = from + 1;
        while (to < span.end && highlighted(to) == bold) ++to;
        if (bold) out << kBold << text.substr(from, to - from) << kReset;
        else out << text.substr(from, to - from);
        from = to;
    }
}

// The snippet word-wrapped under the indent (which its first line gets too).
void write_snippet(std::ostream& out, const Snippet& snippet, std::size_t indent, std::size_t width, bool color) {
    const WrapText text = WrapText::words(snippet.text);
    for (const LineSpan& line : text.lines(indent, width)) {
        out << std::string(indent, ' ');
        write_highlighted(out, snippet, line, color);
        out << '\n';
    }
}

// "Antony Blinken, Benny Gantz · Cairo, Egypt": who and where, at a glance,
// four names of each at most.
WrapText entity_line(const Article& a) {
    WrapText line;
    auto add_names = [&line](const std::vector<std::string>& names, std::string_view first_glue) {
        for (std::size_t i = 0; i < std::min<std::size_t>(4, names.size()); ++i)
            line.add(names[i], i ? ", " : first_glue);
        if (names.size() > 4) line.add("\xE2\x80\xA6", ", ");
    };
    add_names(a.persons, "");
    add_names(a.locations, kDotGlue);
    return line;
}

// "Ana Silva, Ben Okoro", three names at most.
std::string first_names(const std::vector<std::string>& names, std::size_t most) {
    std::string out;
    for (std::size_t i = 0; i < std::min(most, names.size()); ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > most) out += ", \xE2\x80\xA6";
    return out;
}

// "2024-06-10 · Reuters · World · by Ana Silva · corpus/002.txt · and 2
// near-duplicates": when, who published it, where and by whom, its id.
WrapText metadata_line(const Hit& hit) {
    const Article& a = hit.article;
    WrapText line;
    line.add(a.date ? a.date->to_iso() : "undated").add(a.source, kDotGlue).add(a.section, kDotGlue);
    if (!a.authors.empty()) line.add("by " + first_names(a.authors, 3), kDotGlue);
    line.add(display_article_id(a.id), kDotGlue);
    if (hit.collapsed)
        line.add(fmt::format("and {} near-duplicate{}", hit.collapsed, hit.collapsed == 1 ? "" : "s"), kDotGlue);
    return line;
}

// "12 articles match", "About 10,000 …", "5 stories match" when collapsed.
std::string match_count(const SearchResults& r) {
    const bool one = r.total == 1;
    const char* noun = r.stories ? (one ? "story" : "stories") : (one ? "article" : "articles");
    return fmt::format("{}{} {} match{}", r.total_exact ? "" : "About ", r.total, noun, one ? "es" : "");
}

// The key of a facet in JSON: the field, or "date:month" for a histogram.
std::string facet_key(const FacetRequest& r) {
    return r.field == "date" ? "date:" + std::string(granularity_name(r.granularity)) : r.field;
}

// As its drill-down filter takes it: exact, so only that name matches
// (org:="BBC" is that organisation; org:bbc also finds "BBC Sport").
std::string as_filter_value(const FacetResult& f, const std::string& v) {
    return f.request.field == "country" ? v : "=\"" + v + "\"";
}

// "    12  "Antony Blinken"": the count, then the value (and a country's
// name), which wraps under itself.
void render_entity_facet(std::ostream& out, const FacetResult& f, const TextStyle& style) {
    out << "  " << f.request.field;
    if (f.values.size() < f.distinct) out << fmt::format(" ({} of {})", f.values.size(), f.distinct);
    out << '\n';
    if (f.values.empty()) out << "    (none)\n";
    const std::size_t width = f.values.empty() ? 1 : std::to_string(f.values.front().count).size();
    for (const auto& v : f.values) {
        out << fmt::format("    {:>{}}  ", v.count, width);
        write_lines(out, WrapText().add(as_filter_value(f, v.value)).add(v.label, "  "), 4 + width + 2,
                    wrap_width(style));
    }
}

// A bar chart in time order; "imprecise" and "unknown" only when not empty.
// The longest bar is 40 blocks, fewer when that would pass the width.
void render_date_facet(std::ostream& out, const FacetResult& f, const TextStyle& style) {
    out << "  date by " << granularity_name(f.request.granularity) << '\n';
    Xapian::doccount most = 1;
    std::size_t label_width = 9;  // "imprecise"
    for (const auto& v : f.values) most = std::max(most, v.count), label_width = std::max(label_width, v.value.size());
    const std::size_t before_bar = 4 + label_width + 2 + std::to_string(most).size() + 1;
    const std::size_t width = wrap_width(style);
    const std::size_t bar_width = std::clamp<std::size_t>(width > before_bar ? width - before_bar : 1, 1, 40);
    for (const auto& v : f.values) {
        if ((v.value == "imprecise" || v.value == "unknown") && v.count == 0) continue;
        const auto bar = static_cast<std::size_t>(std::ceil(double(v.count) * bar_width / most));
        std::string blocks;
        for (std::size_t k = 0; k < bar; ++k) blocks += "\xE2\x96\x88";  // U+2588 full block
        out << fmt::format("    {:<{}}  {:>{}} {}\n", v.value, label_width, v.count, std::to_string(most).size(),
                           blocks);
    }
}

// "person: Antony Blinken 5 · Joe Biden 5 … | date: 2024-06 2 · 2024-05 1":
// the top values of every facet on one line, cut to the width (the shell).
std::string facet_summary(const SearchResults& r, std::size_t shown) {
    std::string line;
    for (const auto& f : r.facets) {
        std::vector<const FacetValue*> values;
        if (f.request.field == "date") {  // the most recent non-empty buckets
            for (auto v = f.values.rbegin(); v != f.values.rend(); ++v)
                if (v->count > 0 && v->value != "imprecise" && v->value != "unknown") values.push_back(&*v);
        } else {
            for (const auto& v : f.values) values.push_back(&v);
        }
        if (values.empty()) continue;
        std::string part = (line.empty() ? "" : " | ") + f.request.field + ":";
        for (std::size_t k = 0; k < std::min(shown, values.size()); ++k)
            part += fmt::format("{} {} {}", k ? " \xC2\xB7" : "", values[k]->value, values[k]->count);
        if (values.size() > shown || f.distinct > shown) part += " \xE2\x80\xA6";
        line += part;
    }
    return line;
}

void render_facet_summary(std::ostream& out, const SearchResults& r, const TextStyle& style) {
    // Three values a field, two when that does not fit, then cut.
    std::string line = facet_summary(r, 3);
    if (display_width(line) > style.width) line = facet_summary(r, 2);
    if (line.empty()) return;
    if (display_width(line) > style.width)  // cut at a character boundary, then "…"
        line = std::string(fitting_start(line, style.width - 1)) + "\xE2\x80\xA6";
    if (style.color) out << kDim;
    out << line;
    if (style.color) out << kReset;
    out << '\n';
}

void render_facets(std::ostream& out, const SearchResults& r, const TextStyle& style) {
    if (r.facets.empty()) return;
    std::string heading = fmt::format("Facets over {}{} matching article{}", r.facets_exact ? "all " : "about ",
                                      r.total, r.total == 1 ? "" : "s");
    if (r.facets_sample) heading += fmt::format(" (estimated from a sample of {})", r.facets_sample);
    write_lines(out, WrapText::words(heading + ":"), 0, wrap_width(style));
    for (const auto& f : r.facets) {
        if (f.request.field == "date") render_date_facet(out, f, style);
        else render_entity_facet(out, f, style);
    }
}

// A note before the results ("Did you mean: …"), then a blank line.
void render_note(std::ostream& out, const std::string& note, const TextStyle& style) {
    write_lines(out, WrapText::words(note), 0, wrap_width(style));
    out << '\n';
}

// "12. Title", the metadata line, who and where, the snippet, the score's
// parts: every line after the first under the title's indent.
void render_hit(std::ostream& out, const Hit& hit, std::size_t number_width, const TextStyle& style) {
    const std::size_t indent = number_width + 2, width = wrap_width(style);
    const std::string_view bold = style.color ? kBold : "", dim = style.color ? kDim : "",
                           reset = style.color ? kReset : "";
    const std::string margin(indent, ' ');
    out << fmt::format("{:>{}}. ", hit.rank, number_width);
    write_lines(out, WrapText::words(hit.article.title), indent, width, bold, reset);
    out << margin;
    write_lines(out, metadata_line(hit), indent, width, dim, reset);
    if (const WrapText who = entity_line(hit.article); !who.empty()) {
        out << margin;
        write_lines(out, who, indent, width, dim, reset);
    }
    if (!hit.article.keywords.empty()) {
        out << margin;
        write_lines(out, WrapText::words("keywords: " + first_names(hit.article.keywords, 8)), indent, width, dim,
                    reset);
    }
    if (!hit.article.url.empty()) {
        out << margin;
        write_lines(out, WrapText().add(hit.article.url), indent, width, dim, reset);
    }
    write_snippet(out, hit.snippet, indent, line_width(indent, style.width), style.color);
    if (!hit.explanation.empty()) {
        out << margin;
        write_lines(out, explanation_line(hit), indent, width);
    }
    out << '\n';
}

}  // namespace

void render_text(std::ostream& out, const SearchResults& r, const TextStyle& style) {
    // The suggestion is the query as typed, respelt: shown escaped, like any
    // echo of user text on a terminal.
    if (!r.missing_shards.empty())
        render_note(out, "Warning: " + printable(partial_results_note(r.missing_shards)) + ".", style);
    for (const auto& note : r.notes) render_note(out, "Note: " + printable(note) + ".", style);
    if (r.suggestion) render_note(out, "Did you mean: " + printable(*r.suggestion), style);
    if (r.relaxed) render_note(out, "No article has every word; these have some of them.", style);
    if (r.hits.empty()) {
        if (r.total == 0)
            out << "No articles match" << (style.timing ? fmt::format(" ({:.1f} ms)", r.took_ms) : "") << ".\n";
        else {
            // Matches but none on this page: "-n 0" asks for the count alone;
            // an offset past the last match says where the results end.
            out << match_count(r);
            if (r.offset >= r.total) out << fmt::format(" (none from {} on)", r.offset + 1);
            out << (r.facets.empty() ? "\n" : "\n\n");
        }
        // The shell's one-line summary has nothing to say of no matches.
        if (!style.facet_summary) render_facets(out, r, style);
        else if (r.total > 0) render_facet_summary(out, r, style);
        return;
    }
    const std::size_t first = r.hits.front().rank, last = r.hits.back().rank;
    out << match_count(r) << fmt::format(" (showing {}-{}", first, last);
    if (style.timing) out << fmt::format(", {:.1f} ms", r.took_ms);
    out << ")\n\n";
    for (const auto& hit : r.hits) render_hit(out, hit, std::to_string(last).size(), style);
    if (style.facet_summary) render_facet_summary(out, r, style);
    else render_facets(out, r, style);
}

std::size_t wrap_width(const TextStyle& style) { return style.wrap ? style.width : kNoWrap; }

ordered_json result_json(const SearchResults& r, bool with_timing, ordered_json j) {
    j["query"] = r.query;
    j["total"] = r.total;
    j["total_exact"] = r.total_exact;
    ordered_json hits = ordered_json::array();
    for (const auto& hit : r.hits) hits.push_back(hit_json(hit));
    j["hits"] = std::move(hits);
    ordered_json facets = ordered_json::object();
    for (const auto& f : r.facets) {
        ordered_json values = ordered_json::array();
        for (const auto& v : f.values) {
            ordered_json value;
            value["value"] = v.value;
            if (f.request.field == "country") value["name"] = v.label;
            value["count"] = v.count;
            values.push_back(std::move(value));
        }
        facets[facet_key(f.request)] = std::move(values);
    }
    j["facets"] = std::move(facets);
    j["facets_exact"] = r.facets_exact;
    if (r.facets_sample) j["facets_sample"] = r.facets_sample;
    j["suggestion"] = r.suggestion ? ordered_json(*r.suggestion) : ordered_json(nullptr);
    j["relaxed"] = r.relaxed;
    j["notes"] = r.notes;
    j["partial"] = !r.missing_shards.empty();
    if (!r.missing_shards.empty()) j["missing_shards"] = r.missing_shards;
    if (with_timing) j["took_ms"] = std::round(r.took_ms * 1000) / 1000;
    return j;
}

ordered_json string_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

std::string json_text(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

void render_json(std::ostream& out, const SearchResults& r, bool with_timing) {
    out << json_text(result_json(r, with_timing)) << '\n';
}

void render_jsonl(std::ostream& out, const SearchResults& r) {
    for (const auto& hit : r.hits) out << json_text(hit_json(hit)) << '\n';
}

}  // namespace newsdex
