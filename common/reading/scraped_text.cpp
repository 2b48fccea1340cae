#include "common/reading/scraped_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"
#include "common/reading/hard_wrap.h"

namespace newsdex {

namespace {

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            lines.push_back(std::move(cur));
            cur.clear();
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) lines.push_back(std::move(cur));
    return lines;
}

// ---- Header block: "key: value" lines with keys newsdex knows ----

struct Header {
    std::string title, date, source, url, authors, section, keywords;
};

bool take_header_line(std::string_view line, Header& h) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon > 12) return false;
    const std::string key = lower_ascii(trim(line.substr(0, colon)));
    const std::string value(trim(line.substr(colon + 1)));
    if (key == "title" || key == "headline") h.title = value;
    else if (key == "date" || key == "published") h.date = value;
    else if (key == "source" || key == "outlet") h.source = value;
    else if (key == "url" || key == "link") h.url = value;
    else if (key == "author" || key == "authors" || key == "byline") h.authors = value;
    else if (key == "section") h.section = value;
    else if (key == "keywords" || key == "tags") h.keywords = value;
    else return false;
    return true;
}

// ---- Lines that are metadata or boilerplate, not article text ----

// A date written with its year ("June 31, 2024", "Feb. 30, 2024"): one that
// does not parse is a mistake worth a warning, not words of the text.
bool has_a_year(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i)
        if (std::all_of(text.begin() + i, text.begin() + i + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
            (i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4]))) &&
            (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]))))
            return true;
    return false;
}

// "June 31, 2024", "31 June 2024", "Mon, 31 June 2024", "2024-06-31": a
// month's name or a digit first, after a weekday's name if one opens it
// ("Monday, the 2024 review" is text).
bool starts_like_a_date(std::string_view text) {
    text = trim(text);
    const auto next_word = [&text] {
        const std::size_t end = std::min(text.find_first_of(" ,."), text.size());
        const std::string_view word = text.substr(0, end);
        const std::size_t next = text.find_first_not_of(" ,.", end);
        text = next == std::string_view::npos ? std::string_view() : text.substr(next);
        return word;
    };
    std::string_view word = next_word();
    if (!word.empty() && weekday_number(word, /*abbreviations=*/true) >= 0) word = next_word();
    return !word.empty() && (std::isdigit(static_cast<unsigned char>(word[0])) || month_number(word));
}

// "Updated: June 11, 2024, 6:28 AM", "Published: 7 June 2024": the line's
// date, or why a dated line's date cannot be read ("June 31, 2024"); nothing
// for any other line ("Published on Monday, the report…" is text).
struct UpdatedLine {
    std::optional<PublishedDate> date;
    std::string error;
};

std::optional<UpdatedLine> updated_line(std::string_view line) {
    const std::string low = lower_ascii(line.substr(0, std::min<std::size_t>(line.size(), 20)));
    for (const char* prefix :
         {"updated:", "updated ", "last updated:", "last updated ", "published:", "published on "}) {
        if (low.starts_with(prefix)) {
            const std::string_view rest = line.substr(std::string_view(prefix).size());
            auto parsed = parse_date(rest);
            if (auto* d = std::get_if<PublishedDate>(&parsed)) return UpdatedLine{*d, ""};
            if (starts_like_a_date(rest) && has_a_year(rest.substr(0, 40)))
                return UpdatedLine{std::nullopt, std::get<DateError>(parsed).message};
            return std::nullopt;  // "Updated figures from 2023 show…" is text
        }
    }
    return std::nullopt;
}

struct Copyright {
    int year = 0;
    std::string holder;  // "Bloomberg L.P."
};

// "©2024 Bloomberg L.P.", "© 2020-2024 Coastline Press Ltd", "Copyright 2024 Reuters".
// "(c)" and "Copyright" need a year after them: "Copyright lawsuits rose" and
// "(c) any vessel over 40 metres" are sentences, not notices.
std::optional<Copyright> copyright_line(std::string_view line) {
    if (line.size() > 160) return std::nullopt;
    std::string_view rest;
    bool symbol = false;
    if (line.starts_with("\xC2\xA9")) rest = line.substr(2), symbol = true;
    else if (lower_ascii(line.substr(0, 3)) == "(c)") rest = line.substr(3);
    else if (lower_ascii(line.substr(0, 10)) == "copyright ") rest = line.substr(10);
    else return std::nullopt;
    rest = trim(rest);
    if (rest.starts_with("\xC2\xA9")) rest = trim(rest.substr(2)), symbol = true;
    static const std::regex kYears(R"(^(\d{4})(?:\s*(?:-|\xE2\x80\x93|\xE2\x80\x94)\s*(\d{4}))?\b)");
    Copyright c;
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(rest.begin(), rest.end(), m, kYears)) {
        c.year = std::stoi(m[2].matched ? m[2].str() : m[1].str());  // a range: the latest year
        if (!is_plausible_year(c.year)) c.year = 0;                  // "©0001": a notice, but no year
        rest = trim(rest.substr(static_cast<std::size_t>(m.length(0))));
    } else if (!symbol || line.size() > 100) {
        return std::nullopt;
    }
    c.holder = std::string(rest);
    return c;
}

// Promotions and navigation that scrapers pick up. Matched on the start of a
// lower-cased line; the second string, when set, must also occur in it.
struct BoilerplateRule {
    const char* starts_with;
    const char* contains;  // or kWholeLine: the line is exactly starts_with; or kHeadline
};
constexpr const char* kWholeLine = "";
// A link to another story ("Earlier: Netanyahu Mulls Coalition Deal"): the
// rest of the line is a headline, not a sentence (no full stop at its end),
// so "Earlier: the minister said so." stays text.
constexpr const char* kHeadline = "\x01";
constexpr std::array<BoilerplateRule, 20> kBoilerplate = {{
    {"earlier:", kHeadline},
    {"watch:", kHeadline},
    {"listen:", kHeadline},
    {"live updates:", nullptr},
    {"live updates ", nullptr},
    {"catch all the ", "news"},
    {"download the ", "app"},
    {"more stories like this are available on", nullptr},
    {"sign up for ", "newsletter"},
    {"subscribe to ", "newsletter"},
    {"get the latest ", "newsletter"},
    {"moreless", kWholeLine},
    {"advertisement", kWholeLine},
    {"read more:", nullptr},
    {"also read:", nullptr},
    {"related:", nullptr},
    {"follow us on ", nullptr},
    {"click here to ", nullptr},
    {"share this article", nullptr},
    {"this article was originally published", nullptr},
}};

bool is_boilerplate(std::string_view line) {
    if (line.size() > 300) return false;
    const std::string low = lower_ascii(line);
    for (const auto& rule : kBoilerplate) {
        if (!low.starts_with(rule.starts_with)) continue;
        if (rule.contains == kWholeLine) {
            if (low.size() == std::string_view(rule.starts_with).size()) return true;
            continue;
        }
        if (rule.contains == kHeadline) {
            const std::string_view rest =
                trim(std::string_view(line).substr(std::string_view(rule.starts_with).size()));
            if (!rest.empty() && !is_sentence_end(rest.back())) return true;
            continue;
        }
        if (rule.contains == nullptr || low.find(rule.contains) != std::string::npos) return true;
    }
    return false;
}

// "Bloomberg L.P." -> "Bloomberg": legal suffixes say nothing about the outlet.
std::string outlet_from_holder(std::string holder) {
    static const std::regex kTail(
        R"((,?\s*(All rights reserved\.?|L\.P\.|LP|Ltd\.?|Limited|Inc\.?|LLC|plc|PLC|GmbH|S\.A\.|Co\.))+\s*$)");
    holder = std::regex_replace(holder, kTail, "");
    return std::string(trim(holder));
}

// ---- Datelines at the start of the text ----

struct Dateline {
    std::string outlet;
    std::string place;
    std::optional<PublishedDate> date;  // "WASHINGTON, Mar. 21, 2024 (…)"
    std::size_t length = 0;             // bytes to drop from the start of the paragraph
    std::string date_error;             // a date with its year that cannot be read ("Feb. 30, 2024")
};

// The dateline's date when it is a whole day; why not, when it has a year.
void read_dateline_date(std::string_view text, Dateline& d) {
    auto parsed = parse_date(text);
    if (auto* date = std::get_if<PublishedDate>(&parsed); date && date->precision == DatePrecision::day) d.date = *date;
    else if (!date && has_a_year(text)) d.date_error = std::get<DateError>(parsed).message;
}

std::optional<Dateline> leading_dateline(std::string_view para) {
    // "(Bloomberg) -- ", "WASHINGTON (Reuters) - ", "BRUSSELS, June 3 (AP) — "
    static const std::regex kOutletDateline(
        R"(^([A-Z][A-Z .'\-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?\s*)?\(([A-Z][A-Za-z0-9 .&'\-]{1,40})\)\s*(?:--|-|\xE2\x80\x94|\xE2\x80\x93|:)\s*)");
    // "SALVADOR, Feb 26 - ", "OSAKA, Jan. 9, 2024 — ", "ZÜRICH, 22 October 2023 – " (no outlet; the
    // place in capitals, any letters but lower-case ASCII, so "ZÜRICH" too)
    static const std::regex kPlaceDateline(
        R"(^([A-Z][^,a-z\n]{1,40}), ([A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8} \d{4})\s*(?:--|-|\xE2\x80\x94|\xE2\x80\x93)\s*)");
    const std::string head(para.substr(0, std::min<std::size_t>(para.size(), 160)));
    std::smatch m;
    if (std::regex_search(head, m, kOutletDateline)) {
        std::string place = m[1].matched ? std::string(trim(m[1].str())) : "";
        Dateline d{m[2].str(), "", std::nullopt, static_cast<std::size_t>(m.length(0)), ""};
        // The date ends the place ("SAN DIEGO, Calif., March 21, 2024"):
        // the place is what comes before it, up to its first comma.
        static const std::regex kTrailingDate(R"(,? ([A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)$)");
        std::smatch date;
        if (std::regex_search(place, date, kTrailingDate)) {
            read_dateline_date(date[1].str(), d);
            place.resize(static_cast<std::size_t>(date.position(0)));
        }
        d.place = place.substr(0, place.find(','));
        return d;
    }
    if (std::regex_search(head, m, kPlaceDateline)) {
        // A date with its year is the day the report was filed: evidence
        // of publication, unlike a date the story mentions.
        Dateline d{"", std::string(trim(m[1].str())), std::nullopt, static_cast<std::size_t>(m.length(0)), ""};
        read_dateline_date(m[2].str(), d);
        return d;
    }
    return std::nullopt;
}

// ---- Title ----

// A headline: short, and not ending like a sentence or a clause.
bool looks_like_title(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 160) return false;
    const char last = line.back();
    return last != '.' && last != ',' && last != ';' && last != ':';
}

// "date 2024-06-07 (Bloomberg) -- ..." at the very start (seen in scraped
// feeds). Scanned by hand: std::regex recurses per character and a long
// run of white space would overflow the stack.
std::optional<std::string> take_leading_date_token(std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || lower_ascii(std::string_view(line).substr(i, 4)) != "date") return std::nullopt;
    std::size_t j = i + 4;
    const std::size_t digits = line.find_first_not_of(" \t", j);
    if (digits == j || digits == std::string::npos || digits + 10 > line.size()) return std::nullopt;
    const std::string date = line.substr(digits, 10);
    const bool iso = std::all_of(date.begin(), date.end(), [k = 0](char c) mutable {
        const int at = k++;
        return (at == 4 || at == 7) ? c == '-' : std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (!iso || (digits + 10 < line.size() && std::isalnum(static_cast<unsigned char>(line[digits + 10]))))
        return std::nullopt;
    const std::size_t rest = line.find_first_not_of(" \t", digits + 10);
    line.erase(0, rest == std::string::npos ? line.size() : rest);
    return date;
}

}  // namespace

std::vector<std::string> split_authors(std::string_view s) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string a(trim(current));
        if (lower_ascii(a).starts_with("by ")) a = std::string(trim(std::string_view(a).substr(3)));
        if (!a.empty()) out.push_back(a);
        current.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool word_and = lower_ascii(s.substr(i, 5)) == " and ";
        if (c == ',' || c == ';' || c == '&' || word_and) {
            flush();
            if (word_and) i += 3;
            continue;
        }
        current += c;
    }
    flush();
    return out;
}

std::optional<std::vector<std::string>> byline_authors(std::string_view line) {
    line = trim(line);
    if (line.size() > 120 || lower_ascii(line.substr(0, 3)) != "by ") return std::nullopt;
    // Every name: one to four capitalised words; "and", commas and "&" between names.
    std::vector<std::string> names = split_authors(line.substr(3));
    if (names.empty()) return std::nullopt;
    for (const auto& n : names) {
        std::size_t words = 0;
        for (std::size_t i = 0; i < n.size();) {
            const std::size_t end = std::min(n.find(' ', i), n.size());
            if (end == i) {
                ++i;
                continue;
            }
            if (!std::isupper(static_cast<unsigned char>(n[i]))) return std::nullopt;
            ++words;
            i = end;
        }
        if (words < 1 || words > 4) return std::nullopt;
    }
    return names;
}

namespace {

void set_date(ScrapedArticle& out, const std::string& value) {
    auto parsed = parse_date(value);
    if (auto* d = std::get_if<PublishedDate>(&parsed)) out.article.date = *d;
    else out.warnings.push_back(std::get<DateError>(parsed).message + "; the article is indexed undated");
}

std::string join_body(const std::vector<std::string>& lines) {
    std::string body;
    int blank_run = 0;
    for (const auto& l : lines) {
        const std::string_view t = trim(l);
        if (t.empty()) {
            if (!body.empty()) ++blank_run;
            continue;
        }
        if (!body.empty()) body += blank_run ? "\n\n" : "\n";
        blank_run = 0;
        body += std::string(t);
    }
    return body;
}

}  // namespace

std::string derive_title(std::string_view body, std::size_t max_chars) {
    body = trim(body);
    std::size_t end = body.find('\n');
    if (end == std::string_view::npos) end = body.size();
    // First sentence: a full stop, ? or ! followed by a space.
    for (std::size_t i = 0; i + 1 < end; ++i) {
        if ((body[i] == '.' || body[i] == '?' || body[i] == '!') && body[i + 1] == ' ' && i > 20) {
            end = i + (body[i] == '.' ? 0 : 1);
            break;
        }
    }
    std::string_view first = trim(body.substr(0, end));
    if (first.size() <= max_chars) return std::string(first);
    std::size_t cut = first.rfind(' ', max_chars - 3);
    if (cut == std::string_view::npos || cut < max_chars / 2) {
        cut = max_chars - 3;
        while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    }
    return std::string(trim(first.substr(0, cut))) + "\xE2\x80\xA6";
}

ScrapedArticle parse_scraped_text(std::string_view text) {
    ScrapedArticle out;
    Article& a = out.article;
    std::vector<std::string> lines = split_lines(text);
    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;

    Header header;
    while (i < lines.size() && take_header_line(lines[i], header)) ++i;

    std::string date_text = header.date;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i < lines.size()) {
        if (auto token = take_leading_date_token(lines[i]); token && date_text.empty()) date_text = *token;
    }

    // Hard-wrapped text (wire copy, mail archives) is joined into paragraphs
    // first, so every rule below, and analysis, sees whole paragraphs. A
    // dateline, a copyright, "Updated:" or boilerplate line starts one.
    const std::span<const std::string> rest(lines.begin() + static_cast<long>(i), lines.end());
    if (const std::size_t width = hard_wrap_width(rest)) {
        lines = join_wrapped_lines(rest, width, [](std::string_view line) {
            // A dateline opens on a capital or "(": most lines are spared its regular expressions.
            const bool may_be_dateline = (line.front() >= 'A' && line.front() <= 'Z') || line.front() == '(';
            return (may_be_dateline && leading_dateline(line)) || copyright_line(line) || updated_line(line) ||
                   is_boilerplate(line);
        });
        i = 0;
    }

    // Metadata and boilerplate lines go first, so none of them becomes the title.
    std::optional<PublishedDate> updated;
    std::optional<Copyright> copyright;
    std::vector<std::string> body_lines;
    for (; i < lines.size(); ++i) {
        const std::string_view line = trim(lines[i]);
        if (auto u = updated_line(line)) {
            if (!u->error.empty())
                out.warnings.push_back(u->error + " (an \"Updated:\" or \"Published:\" line); the date is not used");
            else if (!updated) updated = u->date;
            continue;
        }
        if (auto c = copyright_line(line)) {
            copyright = c;
            continue;
        }
        if (is_boilerplate(line)) continue;
        body_lines.push_back(lines[i]);
    }

    a.title = header.title;
    const auto first = std::find_if(body_lines.begin(), body_lines.end(),
                                    [](const std::string& l) { return !trim(l).empty(); });
    if (a.title.empty() && first != body_lines.end()) {
        std::string candidate(trim(*first));
        if (candidate.starts_with("# ")) candidate = std::string(trim(std::string_view(candidate).substr(2)));
        const bool more_text = std::any_of(first + 1, body_lines.end(),
                                           [](const std::string& l) { return !trim(l).empty(); });
        if (more_text && !leading_dateline(candidate) && !byline_authors(candidate) && looks_like_title(candidate)) {
            a.title = candidate;
            body_lines.erase(body_lines.begin(), first + 1);
        }
    }

    std::optional<PublishedDate> dateline_date;
    for (auto& line : body_lines) {
        if (trim(line).empty()) continue;
        std::string t(trim(line));
        if (auto d = leading_dateline(t)) {
            a.dateline_outlet = d->outlet;
            dateline_date = d->date;
            if (!d->date_error.empty()) out.warnings.push_back(d->date_error + " (the dateline); the date is not used");
            a.dateline_place = d->place;
            line = t.substr(d->length);
        }
        break;
    }

    // A byline among the first three lines: the authors, when metadata names none.
    for (std::size_t k = 0, seen = 0; k < body_lines.size() && seen < 3; ++k) {
        if (trim(body_lines[k]).empty()) continue;
        ++seen;
        if (auto names = byline_authors(body_lines[k])) {
            if (header.authors.empty())
                header.authors = body_lines[k].substr(body_lines[k].find_first_not_of(" \t") + 3);
            body_lines.erase(body_lines.begin() + static_cast<long>(k));
            break;
        }
    }
    a.body = join_body(body_lines);
    if (a.title.empty()) a.title = derive_title(a.body);
    a.url = header.url;
    a.section = header.section;
    a.authors = split_authors(header.authors);
    a.keywords = comma_list(header.keywords);
    a.source = !header.source.empty()       ? header.source
               : !a.dateline_outlet.empty() ? a.dateline_outlet
               : copyright                  ? outlet_from_holder(copyright->holder)
                                            : "";
    if (!date_text.empty()) set_date(out, date_text);
    if (!a.date && (updated || dateline_date)) {
        a.date = updated ? updated : dateline_date;
        a.date_source = DateSource::text;
    }
    if (copyright) a.copyright_year = copyright->year;
    return out;
}

}  // namespace newsdex
