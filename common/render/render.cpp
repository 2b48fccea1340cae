#include "common/render/render.h"

#include <algorithm>
#include <cmath>

#include <utf8proc.h>

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

// Terminal columns: CJK ideographs take two.
std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    auto left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
        if (len <= 0) len = 1, cp = '?';
        n += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        p += len;
        left -= len;
    }
    return n;
}

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

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

std::string explanation_line(const Hit& hit) {
    std::string line = fmt::format("score {:.3f} =", hit.score);
    double sum = 0;
    for (std::size_t k = 0; k < hit.explanation.size(); ++k) {
        const ScorePart& part = hit.explanation[k];
        line += fmt::format("{} {} {:.3f}", k ? " +" : "",
                            part.term.empty() ? part.clause : schema::describe_term(part.term), part.weight);
        sum += part.weight;
    }
    // They add up unless --sort recent blended in the date.
    if (std::abs(sum - hit.score) > 1e-6) line += fmt::format(" (parts add up to {:.3f} before recency)", sum);
    return line;
}

// Word-wraps `text` at `width` columns after `indent`, marking highlights.
// A word wider than a whole line (CJK text has no spaces) breaks anywhere.
class WrappedWriter {
public:
    WrappedWriter(std::ostream& out, const Snippet& snippet, std::size_t indent, std::size_t width, bool color)
        : out_(out), snippet_(snippet), indent_(indent), width_(width), color_(color) {}

    void write() {
        const std::string& text = snippet_.text;
        out_ << std::string(indent_, ' ');
        column_ = indent_;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t end = text.find(' ', pos);
            if (end == std::string::npos) end = text.size();
            const std::size_t w = display_width(std::string_view(text).substr(pos, end - pos));
            if (column_ > indent_ && column_ + 1 + w > width_) new_line();
            else if (column_ > indent_) put_space();
            for (std::size_t i = pos; i < end;) {
                const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(text[i])), end - i);
                const std::size_t cw = display_width(std::string_view(text).substr(i, len));
                if (column_ + cw > width_ && column_ > indent_) new_line();
                put(i, len);
                column_ += cw;
                i += len;
            }
            pos = end + 1;
        }
        if (bold_) out_ << kReset;
        out_ << '\n';
    }

private:
    void new_line() {
        if (bold_) out_ << kReset;
        out_ << '\n' << std::string(indent_, ' ');
        if (bold_) out_ << kBold;
        column_ = indent_;
    }
    void put_space() {
        if (bold_) out_ << kReset;
        bold_ = false;
        out_ << ' ';
        ++column_;
    }
    // Writes bytes [i, i+len) of the snippet, switching bold at highlight edges.
    void put(std::size_t i, std::size_t len) {
        const bool in_highlight = std::any_of(snippet_.highlights.begin(), snippet_.highlights.end(),
                                              [&](const auto& h) { return h.first <= i && i < h.second; });
        if (color_ && in_highlight != bold_) {
            out_ << (in_highlight ? kBold : kReset);
            bold_ = in_highlight;
        }
        out_.write(snippet_.text.data() + i, static_cast<std::streamsize>(len));
    }

    std::ostream& out_;
    const Snippet& snippet_;
    std::size_t indent_, width_, column_ = 0;
    bool color_, bold_ = false;
};

// "Antony Blinken, Benny Gantz · Cairo, Egypt": who and where, at a glance.
std::string entity_line(const Article& a) {
    auto first = [](const std::vector<std::string>& names, std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < std::min(n, names.size()); ++i) s += (i ? ", " : "") + names[i];
        if (names.size() > n) s += ", \xE2\x80\xA6";
        return s;
    };
    const std::string who = first(a.persons, 4), where = first(a.locations, 4);
    if (who.empty() || where.empty()) return who + where;
    return who + " \xC2\xB7 " + where;
}

std::string date_text(const Article& a) { return a.date ? a.date->to_iso() : "undated"; }

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

void render_entity_facet(std::ostream& out, const FacetResult& f) {
    out << "  " << f.request.field;
    if (f.values.size() < f.distinct) out << fmt::format(" ({} of {})", f.values.size(), f.distinct);
    out << '\n';
    if (f.values.empty()) out << "    (none)\n";
    const std::size_t width = f.values.empty() ? 1 : std::to_string(f.values.front().count).size();
    for (const auto& v : f.values) {
        out << fmt::format("    {:>{}}  {}", v.count, width, as_filter_value(f, v.value));
        if (!v.label.empty()) out << "  " << v.label;
        out << '\n';
    }
}

// A bar chart in time order; "imprecise" and "unknown" only when not empty.
void render_date_facet(std::ostream& out, const FacetResult& f) {
    out << "  date by " << granularity_name(f.request.granularity) << '\n';
    Xapian::doccount most = 1;
    std::size_t label_width = 9;  // "imprecise"
    for (const auto& v : f.values) most = std::max(most, v.count), label_width = std::max(label_width, v.value.size());
    constexpr std::size_t kBarWidth = 40;
    for (const auto& v : f.values) {
        if ((v.value == "imprecise" || v.value == "unknown") && v.count == 0) continue;
        const auto bar = static_cast<std::size_t>(std::ceil(double(v.count) * kBarWidth / most));
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
    if (display_width(line) > style.width) {  // cut at a character boundary, then "…"
        std::size_t cut = 0, columns = 0;
        while (cut < line.size()) {
            const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(line[cut])), line.size() - cut);
            const std::size_t w = display_width(std::string_view(line).substr(cut, len));
            if (columns + w + 1 > style.width) break;
            columns += w;
            cut += len;
        }
        line = line.substr(0, cut) + "\xE2\x80\xA6";
    }
    if (style.color) out << kDim;
    out << line;
    if (style.color) out << kReset;
    out << '\n';
}

void render_facets(std::ostream& out, const SearchResults& r) {
    if (r.facets.empty()) return;
    out << fmt::format("Facets over {}{} matching article{}", r.facets_exact ? "all " : "about ", r.total,
                       r.total == 1 ? "" : "s");
    if (r.facets_sample) out << fmt::format(" (estimated from a sample of {})", r.facets_sample);
    out << ":\n";
    for (const auto& f : r.facets) {
        if (f.request.field == "date") render_date_facet(out, f);
        else render_entity_facet(out, f);
    }
}

}  // namespace

void render_text(std::ostream& out, const SearchResults& r, const TextStyle& style) {
    // The suggestion is the query as typed, respelt: shown escaped, like any
    // echo of user text on a terminal.
    if (!r.missing_shards.empty()) out << "Warning: " << printable(partial_results_note(r.missing_shards)) << ".\n\n";
    for (const auto& note : r.notes) out << "Note: " << printable(note) << ".\n\n";
    if (r.suggestion) out << "Did you mean: " << printable(*r.suggestion) << "\n\n";
    if (r.relaxed) out << "No article has every word; these have some of them.\n\n";
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
        if (!style.facet_summary) render_facets(out, r);
        else if (r.total > 0) render_facet_summary(out, r, style);
        return;
    }
    const std::size_t first = r.hits.front().rank, last = r.hits.back().rank;
    out << match_count(r) << fmt::format(" (showing {}-{}", first, last);
    if (style.timing) out << fmt::format(", {:.1f} ms", r.took_ms);
    out << ")\n\n";
    const std::size_t number_width = std::to_string(last).size();
    const std::size_t indent = number_width + 2;
    for (const auto& hit : r.hits) {
        const Article& a = hit.article;
        out << fmt::format("{:>{}}. ", hit.rank, number_width);
        if (style.color) out << kBold;
        out << a.title;
        if (style.color) out << kReset;
        out << '\n' << std::string(indent, ' ');
        if (style.color) out << kDim;
        out << date_text(a);
        if (!a.source.empty()) out << " \xC2\xB7 " << a.source;
        out << " \xC2\xB7 " << display_article_id(a.id);
        if (hit.collapsed)
            out << fmt::format(" \xC2\xB7 and {} near-duplicate{}", hit.collapsed, hit.collapsed == 1 ? "" : "s");
        if (style.color) out << kReset;
        out << '\n';
        if (const std::string who = entity_line(a); !who.empty()) {
            out << std::string(indent, ' ');
            if (style.color) out << kDim;
            out << who;
            if (style.color) out << kReset;
            out << '\n';
        }
        if (!hit.snippet.text.empty())
            WrappedWriter(out, hit.snippet, indent, std::max<std::size_t>(style.width, indent + 20), style.color)
                .write();
        if (!hit.explanation.empty()) out << std::string(indent, ' ') << explanation_line(hit) << '\n';
        out << '\n';
    }
    if (style.facet_summary) render_facet_summary(out, r, style);
    else render_facets(out, r);
}

void write_wrapped(std::ostream& out, const std::string& text, std::size_t indent, std::size_t width) {
    const Snippet plain{text, {}};
    WrappedWriter(out, plain, indent, std::max<std::size_t>(width, indent + 20), false).write();
}

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
