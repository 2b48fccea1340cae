#include "common/query/query_builder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <sstream>

#include "common/analysis/stemmer.h"
#include "common/base/edit_distance.h"
#include "common/base/printable.h"
#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/countries.h"
#include "common/index/article_id.h"
#include "common/index/schema.h"
#include "common/query/date_filter.h"

namespace newsdex {

namespace {

// Snowball's English stop list (the common core of it). Stop words need not
// match in the default AND mode: "who is the prime minister of israel".
constexpr const char* kStopWords[] = {
    "a",       "about",  "above",   "after", "again",   "against", "all",    "am",    "an",     "and",     "any",
    "are",     "as",     "at",      "be",    "because", "been",    "before", "being", "below",  "between", "both",
    "but",     "by",     "can",     "did",   "do",      "does",    "doing",  "down",  "during", "each",    "few",
    "for",     "from",   "further", "had",   "has",     "have",    "having", "he",    "her",    "here",    "hers",
    "herself", "him",    "himself", "his",   "how",     "i",       "if",     "in",    "into",   "is",      "it",
    "its",     "itself", "me",      "more",  "most",    "my",      "myself", "no",    "nor",    "not",     "of",
    "off",     "on",     "once",    "only",  "or",      "other",   "our",    "ours",  "over",   "own",     "same",
    "she",     "should", "so",      "some",  "such",    "than",    "that",   "the",   "their",  "them",    "then",
    "there",   "these",  "they",    "this",  "those",   "through", "to",     "too",   "under",  "until",   "up",
    "very",    "was",    "we",      "were",  "what",    "when",    "where",  "which", "while",  "who",     "whom",
    "why",     "with",   "you",     "your"};

// Query fields users may type, and the term prefix each searches.
struct TextField {
    const char* name;
    std::string_view prefix;
};
constexpr std::array<TextField, 1> kTextFields = {{{"title", schema::kTitlePrefix}}};

// The hidden field through which the rewritten query reaches AlternateSpellings.
// Users cannot type it: the lexer rejects fields it does not know.
constexpr const char* kAlternatesField = "nxalt";

// Two spellings of one query clause, as query text: "cease-fire" and
// "ceasefire", or "\"cease fire\"" and "\"ceasefire\"".
struct Alternates {
    std::string as_written;
    std::string joined;
};

// The indexer stores the joined form of every hyphenated compound, so a
// clause with a compound, or a two-word phrase, is searched in both
// spellings: "cease-fire", "ceasefire" and "cease fire" find each other.
// QueryParser hands this processor the index of the clause in the table
// QueryBuilder fills while rewriting; each spelling is parsed by a plain
// QueryParser configured like the main one, so tokenising, stemming and
// phrase handling stay Xapian's.
class AlternateSpellings : public Xapian::FieldProcessor {
public:
    AlternateSpellings(const std::vector<Alternates>& table, Xapian::QueryParser& parser)
        : table_(table), parser_(parser) {}

    Xapian::Query operator()(const std::string& index) override {
        const Alternates& alt = table_.at(std::stoul(index));
        constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM;
        return Xapian::Query(Xapian::Query::OP_OR, parser_.parse_query(alt.as_written, kFlags),
                             parser_.parse_query(alt.joined, kFlags));
    }

private:
    const std::vector<Alternates>& table_;
    Xapian::QueryParser& parser_;
};

// "nxwild:N": the N-th wildcard of the query, expanded here against the
// whole index into the synonym of its words. QueryParser's own OP_WILDCARD
// is expanded by Xapian in each shard of an index with that shard's
// statistics, so a wildcard query ranked differently over two shards than
// over one; words named explicitly are weighed with the whole index's.
constexpr const char* kWildcardField = "nxwild";

class WildcardExpansion : public Xapian::FieldProcessor {
public:
    WildcardExpansion(const std::vector<std::string>& patterns, const Xapian::Database& db)
        : patterns_(patterns), db_(db) {}

    Xapian::Query operator()(const std::string& index) override {
        const std::string& pattern = patterns_.at(std::stoul(index));
        std::vector<std::string> words;
        for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern); ++t) words.push_back(*t);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    }

private:
    const std::vector<std::string>& patterns_;
    const Xapian::Database& db_;
};

// ---- Lexing: newsdex checks the query before QueryParser sees it ----

struct Clause {
    enum Kind { op, open, close, term } kind = term;
    char sign = 0;      // '+', '-' or 0
    std::string field;  // "" or a name from kTextFields
    std::string text;   // raw text (without quotes)
    bool quoted = false;
    bool exact = false;  // field:="…": the whole value, not a part of it
    std::size_t position = 0;
    std::string not_a_field;  // "http" of "http://…": searched as a phrase of its words, with a note
    std::string as_written;   // the text before it was made that phrase
};

Clause parenthesis(Clause::Kind kind, std::size_t position) {
    Clause cl;
    cl.kind = kind;
    cl.text = kind == Clause::open ? "(" : ")";
    cl.position = position;
    return cl;
}

bool is_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ" || w.starts_with("NEAR/") ||
           w.starts_with("ADJ/");
}

constexpr std::string_view kCountryField = "country";
constexpr std::string_view kDateField = "date";
constexpr std::string_view kIdField = "id";

bool is_filter_field(std::string_view name) {
    if (name == kCountryField || name == kDateField || name == kIdField) return true;
    return std::any_of(schema::entity_fields().begin(), schema::entity_fields().end(),
                       [&](const schema::EntityField& f) { return f.query_name == name; });
}

bool is_text_field(std::string_view name) {
    return std::any_of(kTextFields.begin(), kTextFields.end(), [&](const TextField& f) { return name == f.name; });
}

std::string known_fields() {
    std::string s;
    for (const auto& f : kTextFields) s += (s.empty() ? "" : ", ") + std::string(f.name) + ":";
    for (const auto& f : schema::entity_fields()) s += ", " + std::string(f.query_name) + ":";
    return s + ", " + std::string(kCountryField) + ":, " + std::string(kDateField) + ":, " + std::string(kIdField) +
           ":";
}

// id:corpus/001.txt, id:"feeds/wire.jsonl:4", id:wire-8812: one article by
// its id, or by the path of its file as the shell names it
// (article_id_readings: a file's id is its absolute path).
class IdFilter : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> terms;
        for (const auto& id : article_id_readings(value.starts_with("=") ? value.substr(1) : value))
            terms.emplace_back(schema::id_term(id));
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
};

// date:2024-06, date:2024-06-01..2024-06-30 (common/query/date_filter.h). Values
// are checked while lexing, so an error here cannot happen; it would match
// nothing rather than throw.
class DateFilter : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        const std::string_view v = value.starts_with("=") ? std::string_view(value).substr(1) : std::string_view(value);
        auto q = date_filter(v);
        if (auto* query = std::get_if<Xapian::Query>(&q)) return *query;
        return Xapian::Query(std::string(schema::kYearPrefix) + "invalid");
    }
};

// person:blinken, person:el-sisi and person:"abu zuhri" match a name with
// those words in that order (a contiguous part of it), person:="Antony
// Blinken" exactly that name (the facet's drill-down); all folded like the
// indexed names. The rewrite marks the exact form with a leading '='
// (QueryParser drops the quotes before calling us).
class EntityFilter : public Xapian::FieldProcessor {
public:
    EntityFilter(const schema::EntityField& field, const Xapian::Database& db) : field_(field), db_(db) {}
    Xapian::Query operator()(const std::string& value) override {
        if (value.starts_with("="))
            return Xapian::Query(std::string(field_.whole_prefix) + entity_key(value.substr(1)));
        const std::string key = entity_key(value);
        std::string part = std::string(field_.word_prefix) + key, whole = std::string(field_.whole_prefix) + key;
        // A part of a name has a word term; a whole name only its
        // whole-name term (schema version 10; up to 9 a word term repeated
        // it, and schemas 5 and 6 had one-word terms only). One term where
        // the other is not in the index: its count of matches is exact.
        if (!db_.term_exists(whole)) return Xapian::Query(std::move(part));
        if (!db_.term_exists(part)) return Xapian::Query(std::move(whole));
        return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(std::move(part)), Xapian::Query(std::move(whole)));
    }

private:
    schema::EntityField field_;
    Xapian::Database db_;
};

// country:EG, country:eg, country:egypt, country:"United Kingdom". A name
// first: "UK" is a name of GB, not a code.
class CountryFilter : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        const std::string_view v = value.starts_with("=") ? std::string_view(value).substr(1) : std::string_view(value);
        if (const auto code = Countries::standard().code_of(v)) return Xapian::Query(schema::country_term(*code));
        if (v.size() == 2) return Xapian::Query(schema::country_term(v));
        return Xapian::Query(schema::country_term(entity_key(v)));  // matches nothing, like an unknown word
    }
};

// The field an unknown name was probably meant to be ("peson" -> "person",
// "Title" -> "title"): one edit away (two for longer names), or "".
std::string nearest_field(std::string_view name) {
    std::vector<std::string_view> names;
    for (const auto& f : kTextFields) names.push_back(f.name);
    for (const auto& f : schema::entity_fields()) names.push_back(f.query_name);
    names.insert(names.end(), {kCountryField, kDateField, kIdField});
    const std::string lower = lower_ascii(name);
    const std::size_t limit = name.size() <= 4 ? 1 : 2;
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (const auto candidate : names)
        if (const std::size_t d = edit_distance(lower, candidate, limit); d < best_distance)
            best = candidate, best_distance = d;
    return std::string(best);
}

bool is_space_at(const std::string& q, std::size_t i) {
    return i >= q.size() || std::isspace(static_cast<unsigned char>(q[i]));
}

// Reads an optional "field:" at q[i]; a known field moves i past the colon.
std::optional<QueryError> lex_field(const std::string& q, std::size_t& i, Clause& cl) {
    std::size_t j = i;
    while (j < q.size() && std::isalpha(static_cast<unsigned char>(q[j]))) ++j;
    if (j == i || j >= q.size() || q[j] != ':') return std::nullopt;
    const std::string name = q.substr(i, j - i);
    const bool known = is_text_field(name) || is_filter_field(name);
    if (is_space_at(q, j + 1)) {
        // "title:" with nothing after it; "note:" is just a word ending in a colon.
        if (known) return QueryError{"\"" + name + ":\" needs a word or a \"phrase\" after it", i};
        return std::nullopt;
    }
    if (!known) {
        // A misspelt field is an error worth a hint; any other "word:" (a
        // pasted URL, "re:", "Gaza:talks") is text, searched with a note.
        if (const std::string meant = nearest_field(name); !meant.empty())
            return QueryError{"unknown field \"" + shortened(name, 40) + ":\" (did you mean " + meant +
                                  ":? known fields: " + known_fields() + ")",
                              i};
        cl.not_a_field = name;
        return std::nullopt;
    }
    cl.field = name;
    i = j + 1;
    if (is_filter_field(name) && i < q.size() && q[i] == '=') cl.exact = true, ++i;  // person:="Antony Blinken"
    // title:="gaza": a quoted word is exact already, so the '=' adds nothing
    // (left in, it was a clause of its own and the title: was lost).
    if (is_text_field(name) && i + 1 < q.size() && q[i] == '=' && q[i + 1] == '"') ++i;
    return std::nullopt;
}

// Reads a "phrase" or a word at q[i] into cl.
std::optional<QueryError> lex_text(const std::string& q, std::size_t& i, Clause& cl) {
    if (i < q.size() && q[i] == '"') {
        const std::size_t close = q.find('"', i + 1);
        if (close == std::string::npos) return QueryError{"unbalanced quote: this '\"' is never closed", i};
        cl.text = q.substr(i + 1, close - i - 1);
        cl.quoted = true;
        i = close + 1;
        return std::nullopt;
    }
    std::size_t end = i;
    while (!is_space_at(q, end) && q[end] != '(' && q[end] != ')' && q[end] != '"') ++end;
    cl.text = q.substr(i, end - i);
    i = end;
    if (!cl.sign && cl.field.empty() && is_operator(cl.text)) cl.kind = Clause::op;
    return std::nullopt;
}

// Operators need operands: "gaza AND", "OR egypt", "a AND OR b", "(AND a)".
std::optional<QueryError> check_operators(const std::vector<Clause>& clauses) {
    for (std::size_t k = 0; k < clauses.size(); ++k) {
        const Clause& c = clauses[k];
        if (c.kind != Clause::op) continue;
        const bool unary = c.text == "NOT";
        const bool left_ok = k > 0 && (clauses[k - 1].kind == Clause::term || clauses[k - 1].kind == Clause::close);
        const Clause* next = k + 1 < clauses.size() ? &clauses[k + 1] : nullptr;
        const bool right_ok = next && (next->kind == Clause::term || next->kind == Clause::open ||
                                       (next->kind == Clause::op && next->text == "NOT" && c.text == "AND"));
        if (!right_ok || (!unary && !left_ok))
            return QueryError{"\"" + c.text + "\" needs " + (unary ? "a word after it" : "a word on each side") +
                                  " (to search for the word itself, write it in lower case)",
                              c.position};
    }
    return std::nullopt;
}

// Whitespace-separated words in a clause's text (a phrase has several), at least one.
std::size_t words_in(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!std::isspace(static_cast<unsigned char>(text[i])) &&
            (i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1]))))
            ++n;
    return std::max<std::size_t>(n, 1);
}

// Unicode spaces (U+00A0 no-break, U+2000-U+200A, U+202F, U+205F, U+3000,
// U+1680: text pasted from web pages has them) as ASCII spaces, byte for
// byte, so that they part words as folding parts them in articles, and
// positions in errors stay where they were.
std::string with_ascii_spaces(std::string q) {
    for (std::size_t i = 0; i + 1 < q.size(); ++i) {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(q[i + k]); };
        std::size_t width = 0;
        if (b(0) == 0xC2 && b(1) == 0xA0) width = 2;
        else if (i + 2 < q.size() && b(0) == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xAF))
            width = 3;
        else if (i + 2 < q.size() &&
                 ((b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) || (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) ||
                  (b(0) == 0xE1 && b(1) == 0x9A && b(2) == 0x80)))
            width = 3;
        for (std::size_t k = 0; k < width; ++k) q[i + k] = ' ';
        if (width) i += width - 1;
    }
    return q;
}

std::variant<std::vector<Clause>, QueryError> lex(const std::string& query) {
    const std::string q = with_ascii_spaces(query);
    std::vector<Clause> out;
    std::vector<std::size_t> open_parens;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (c == '(') {
            open_parens.push_back(i);
            if (open_parens.size() > kMaxQueryNesting)
                return QueryError{"parentheses nested too deep: a query may nest them at most " +
                                      std::to_string(kMaxQueryNesting) + " deep",
                                  i};
            out.push_back(parenthesis(Clause::open, i));
            ++i;
            continue;
        }
        if (c == ')') {
            if (open_parens.empty()) return QueryError{"unbalanced parenthesis: no '(' before this ')'", i};
            open_parens.pop_back();
            out.push_back(parenthesis(Clause::close, i));
            ++i;
            continue;
        }
        Clause cl;
        cl.position = i;
        if ((c == '+' || c == '-') && !is_space_at(q, i + 1)) cl.sign = c, ++i;
        if (auto err = lex_field(q, i, cl)) return *err;
        const std::size_t value_at = i;
        if (auto err = lex_text(q, i, cl)) return *err;
        if (!cl.not_a_field.empty() && i < q.size() && q[i] == '"') {  // foo:"bar baz": one clause
            Clause phrase;
            if (auto err = lex_text(q, i, phrase)) return *err;
            cl.text += phrase.text;
        }
        if (!cl.not_a_field.empty()) {  // "http://www.bbc.co.uk": the words in that order
            cl.as_written = cl.text;
            std::replace_if(
                cl.text.begin(), cl.text.end(), [](char ch) { return ch == ':' || ch == '/'; }, ' ');
            cl.quoted = true;
        }
        if (!cl.field.empty() && cl.text.find_first_not_of(" \t\r\n") == std::string::npos)  // person:""
            return QueryError{"\"" + cl.field + ":\" needs a word or a \"phrase\" after it", cl.position};
        if (cl.field == kDateField) {  // "date:2024-13": said here, with the position
            auto checked = date_filter(cl.text);
            if (auto* err = std::get_if<QueryError>(&checked))
                return QueryError{err->message, value_at + (cl.quoted ? 1 : 0) + err->position};
        }
        if (cl.kind == Clause::term) words += words_in(cl.text);
        if (words > kMaxQueryWords)
            return QueryError{"too many words: a query may have at most " + std::to_string(kMaxQueryWords),
                              cl.position};
        out.push_back(std::move(cl));
    }
    if (!open_parens.empty()) return QueryError{"unbalanced parenthesis: this '(' is never closed", open_parens.back()};
    if (auto err = check_operators(out)) return *err;
    return out;
}

// The index words a wildcard clause stands for, as QueryParser expands it:
// those beginning with the letters the '*' ends, under the field's prefix
// ("talk*" -> "talk", "title:talk*" -> "Stalk", "cease-fire*" -> "fire").
// `whole`: those letters are the clause's whole text (a one-word wildcard,
// which newsdex expands itself). Nothing when the clause has no wildcard.
struct WildcardWord {
    std::string beginning;
    bool whole = false;
};

std::optional<WildcardWord> wildcard_word(const Clause& cl, const std::string& folded) {
    if (cl.quoted) return std::nullopt;
    std::size_t end = folded.size();
    while (end > 0 && folded[end - 1] == '*') --end;
    if (end == folded.size()) return std::nullopt;
    std::size_t start = end;
    const auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c & 0x80; };
    while (start > 0 && word_byte(folded[start - 1])) --start;
    if (start == end) return std::nullopt;  // a '*' on its own is no wildcard
    WildcardWord w{folded.substr(start, end - start), start == 0};
    for (const auto& f : kTextFields)
        if (cl.field == f.name) w.beginning = std::string(f.prefix) + w.beginning;
    return w;
}

// The spelling with every hyphenated compound joined ("cease-fire talks" ->
// "ceasefire talks"); a quoted two-word phrase joins its words. Empty when
// the clause has no other spelling.
std::string joined_spelling(const std::string& folded, bool quoted) {
    if (folded.find('*') != std::string::npos) return "";  // wildcards: leave to QueryParser
    std::vector<std::string> words;
    std::istringstream in(folded);
    for (std::string w; in >> w;) words.push_back(w);
    bool changed = false;
    std::string joined;
    for (const auto& w : words) {
        std::string j = joined_form(w);
        changed |= !j.empty();
        joined += (joined.empty() ? "" : " ") + (j.empty() ? w : j);
    }
    if (!changed && quoted && words.size() == 2 && !contains_cjk(folded)) return words[0] + words[1];
    return changed ? joined : "";
}

}  // namespace

std::string describe_query_error(const std::string& query, const QueryError& error, std::size_t width) {
    std::string out = "query error: " + printable(error.message);
    if (query.empty()) return out;  // --like's unknown id: no query to quote
    // A long query is quoted around the error only, so the message stays
    // three short lines; control characters are escaped, the caret placed
    // under the escaped text.
    // Bytes each side of the position: the indent and two ellipses take 4 columns.
    const std::size_t context = std::clamp<std::size_t>(width > 4 ? (width - 4) / 2 : 0, 10, 40);
    const bool placed = error.position != std::string::npos;
    const std::size_t at = placed ? std::min(error.position, query.size()) : 0;
    const auto boundary = [&](std::size_t i) {  // back to the start of a UTF-8 character
        while (i > 0 && i < query.size() && (static_cast<unsigned char>(query[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    std::size_t from = 0, to = query.size();
    if (query.size() > 2 * context) {
        from = boundary(at > context ? at - context : 0);
        to = boundary(std::min(query.size(), from + 2 * context));
    }
    const std::string before = (from > 0 ? "\xE2\x80\xA6" : "") + printable(query.substr(from, at - from));
    out += "\n  " + before + printable(query.substr(at, to - at)) + (to < query.size() ? "\xE2\x80\xA6" : "");
    if (placed) out += "\n  " + std::string(printable_columns(before), ' ') + "^";
    return out;
}

struct QueryBuilder::Impl {
    Xapian::Database db;
    Xapian::QueryParser parser;
    Xapian::QueryParser spelling_parser;  // parses AlternateSpellings' variants
    Xapian::SimpleStopper stopper{std::begin(kStopWords), std::end(kStopWords)};
    std::vector<Alternates> alternates;  // filled per build()
    std::vector<std::string> wildcards;  // per build(): each wildcard's index words' beginning, prefix included
    // Xapian 1.4's NEAR and ADJ take plain words only, and its recovery from
    // that syntax error dereferences a null query when the words around the
    // operator come from a field processor: "-weather -cease-fire NEAR
    // peace-talks" crashed newsdex-search (found by fuzzing, issue 11). So a
    // query with a proximity operator spells its compounds only as written.
    bool alternates_allowed = true;  // per build()

    // One clause in QueryParser syntax, its words folded like the indexer's.
    std::string rewrite(const Clause& cl) {
        if (cl.kind != Clause::term) return cl.text;
        const std::string sign = cl.sign ? std::string(1, cl.sign) : "";
        if (is_filter_field(cl.field)) {
            // Filters fold in their processor; an exact value is marked '='.
            std::string value = cl.text;
            std::erase(value, '"');
            if (cl.exact) value = "=" + value;
            return sign + cl.field + ":" + (cl.quoted ? "\"" + value + "\"" : value);
        }
        // "=talks": the word exactly as written, not its stem. QueryParser
        // stems no word inside a phrase, so a one-word phrase is exact.
        const bool exact = !cl.quoted && cl.text.size() > 1 && cl.text[0] == '=';
        std::string folded = fold_text(exact ? cl.text.substr(1) : cl.text);
        std::erase(folded, '"');
        if (folded.find_first_not_of(' ') == std::string::npos) return "";
        const std::string field = cl.field.empty() ? "" : cl.field + ":";
        if (exact) return sign + field + "\"" + folded + "\"";
        if (auto w = wildcard_word(cl, folded); w && w->whole && alternates_allowed) {
            wildcards.push_back(std::move(w->beginning));
            return sign + kWildcardField + ":" + std::to_string(wildcards.size() - 1);
        }
        // Xapian 1.4.22's parser fails on CJK after a space and before other
        // text ("gaza 中 talks" is a "parse error"; fixed in Xapian 1.4.25): a
        // CJK word goes in parentheses of its own, or, in a field (where
        // "title:(…)" is no syntax), in quotes.
        const bool cjk = !cl.quoted && contains_cjk(folded);
        const bool phrase = cl.quoted || folded.find(' ') != std::string::npos || (cjk && !cl.field.empty());
        const auto quote = [&](const std::string& t) { return field + (phrase ? "\"" + t + "\"" : t); };
        const std::string joined = alternates_allowed ? joined_spelling(folded, cl.quoted) : "";
        if (joined.empty()) return sign + (cjk && !phrase ? "(" + folded + ")" : quote(folded));
        alternates.push_back({quote(folded), quote(joined)});
        return sign + kAlternatesField + ":" + std::to_string(alternates.size() - 1);
    }

    // Counts the index words the query's wildcards stand for, as QueryParser
    // expands them (the letters the '*' ends, under the field's prefix), up
    // to the limit: the count costs at most kMaxWildcardTerms steps, the
    // search it prevents minutes ("a* OR a* OR …" merges every expansion).
    // "NEAR", or "NEAR/N" with N from 1 to kMaxProximity (Xapian reads
    // "NEAR/0" as a word, and wraps larger numbers around).
    static bool proximity_distance_ok(std::string_view op) {
        const std::size_t slash = op.find('/');
        if (slash == std::string_view::npos) return true;
        const std::string_view n = op.substr(slash + 1);
        unsigned long value = 0;
        const auto [end, error] = std::from_chars(n.data(), n.data() + n.size(), value);
        return error == std::errc() && end == n.data() + n.size() && value >= 1 && value <= kMaxProximity;
    }

    // Xapian 1.4's NEAR and ADJ take plain words only: given a wildcard, its
    // parser falls back to reading the operator as a word ("talk* NEAR
    // harbour" searched "talk* near harbour"), so newsdex refuses it.
    static std::optional<QueryError> check_proximity_operands(const std::vector<Clause>& clauses) {
        const auto proximity = [](const Clause& c) {
            return c.kind == Clause::op && (c.text.starts_with("NEAR") || c.text.starts_with("ADJ"));
        };
        for (std::size_t i = 0; i < clauses.size(); ++i) {
            const Clause& cl = clauses[i];
            const bool group_beside = proximity(cl) &&
                                      ((i > 0 && clauses[i - 1].kind == Clause::close) ||
                                       (i + 1 < clauses.size() && clauses[i + 1].kind == Clause::open));
            if (group_beside)
                return QueryError{"\"" + shortened(cl.text, 40) +
                                      "\" takes words or phrases on each side, not a group in parentheses",
                                  cl.position};
            if (proximity(cl) && !proximity_distance_ok(cl.text))
                return QueryError{"\"" + shortened(cl.text, 40) + "\": NEAR/N and ADJ/N take N from 1 to " +
                                      std::to_string(kMaxProximity) + " (words apart)",
                                  cl.position};
            if (cl.kind != Clause::term || is_filter_field(cl.field) || !wildcard_word(cl, fold_text(cl.text)))
                continue;
            const bool operand = (i > 0 && proximity(clauses[i - 1])) ||
                                 (i + 1 < clauses.size() && proximity(clauses[i + 1]));
            if (operand)
                return QueryError{"\"" + shortened(cl.text, 40) +
                                      "\" is a wildcard next to NEAR or ADJ, which take plain words only (write "
                                      "the words out, or drop the operator)",
                                  cl.position};
        }
        return std::nullopt;
    }

    std::optional<QueryError> check_wildcards(const std::vector<Clause>& clauses) const {
        unsigned total = 0;
        bool earlier = false;
        for (const auto& cl : clauses) {
            if (cl.kind != Clause::term || is_filter_field(cl.field)) continue;
            const auto w = wildcard_word(cl, fold_text(cl.text));
            if (!w) continue;
            for (auto t = db.allterms_begin(w->beginning); t != db.allterms_end(w->beginning); ++t) {
                if (++total <= kMaxWildcardTerms) continue;
                return QueryError{"\"" + shortened(cl.text, 40) + "\"" +
                                      (earlier ? " and the wildcards before it match" : " matches") +
                                      " too many words: a query's wildcards may stand for at most " +
                                      std::to_string(kMaxWildcardTerms) +
                                      " words of the index together (give more letters before the *)",
                                  cl.position};
            }
            earlier = true;
        }
        return std::nullopt;
    }
};

QueryBuilder::QueryBuilder(const Xapian::Database& db) : impl_(std::make_unique<Impl>()) {
    impl_->db = db;
    // The backstop of check_wildcards(): should Xapian expand a wildcard
    // differently, the search fails with a WildcardError (common/search).
    impl_->parser.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                                    Xapian::QueryParser::FLAG_WILDCARD);
    for (auto* qp : {&impl_->parser, &impl_->spelling_parser}) {
        qp->set_database(db);
        qp->set_stemmer(english_stemmer());
        qp->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp->set_stopper(&impl_->stopper);
        for (const auto& f : kTextFields) qp->add_prefix(f.name, std::string(f.prefix));
    }
    // Xapian ORs filters on one field by default ("exclusive"): right for a
    // field with one value an article (source:bbc source:ap, date:2023
    // date:2024), wrong for names, where a drill-down adds a second filter
    // and must narrow (person:="Tony Blair" person:="Gordon Brown").
    for (const auto& f : schema::entity_fields())
        impl_->parser.add_boolean_prefix(std::string(f.query_name), (new EntityFilter(f, db))->release(),
                                         /*exclusive=*/f.one_per_article);
    impl_->parser.add_boolean_prefix(std::string(kCountryField), (new CountryFilter)->release(), /*exclusive=*/false);
    impl_->parser.add_boolean_prefix(std::string(kDateField), (new DateFilter)->release());
    impl_->parser.add_boolean_prefix(std::string(kIdField), (new IdFilter)->release());
    impl_->parser.add_prefix(kAlternatesField,
                             (new AlternateSpellings(impl_->alternates, impl_->spelling_parser))->release());
    impl_->parser.add_prefix(kWildcardField, (new WildcardExpansion(impl_->wildcards, impl_->db))->release());
}

QueryBuilder::~QueryBuilder() = default;

std::vector<FreeTextClause> free_text_clauses(const std::string& text) {
    auto lexed = lex(text);
    if (std::holds_alternative<QueryError>(lexed)) return {};
    std::vector<FreeTextClause> out;
    const Clause* before = nullptr;
    std::vector<bool> excluded_groups;  // per open parenthesis: "NOT (…)" excludes all inside
    for (const auto& cl : std::get<std::vector<Clause>>(lexed)) {
        // An excluded word ("-sport", "NOT sport", "NOT (sport OR weather)")
        // is what the user does not want: respelling it would exclude some
        // other word. A URL searched as text is no misspelling either.
        const bool after_not = before && before->kind == Clause::op && before->text == "NOT";
        const bool in_excluded = !excluded_groups.empty() && excluded_groups.back();
        before = &cl;
        if (cl.kind == Clause::open) excluded_groups.push_back(after_not || in_excluded);
        if (cl.kind == Clause::close && !excluded_groups.empty()) excluded_groups.pop_back();
        if (cl.kind != Clause::term || cl.sign == '-' || after_not || in_excluded || !cl.not_a_field.empty() ||
            is_filter_field(cl.field) || cl.text.find('*') != std::string::npos)
            continue;
        out.push_back({cl.position, fold_text(cl.text)});
    }
    return out;
}

std::vector<std::string> query_notes(const std::string& text) {
    auto lexed = lex(text);
    if (std::holds_alternative<QueryError>(lexed)) return {};
    std::vector<std::string> out;
    for (const auto& cl : std::get<std::vector<Clause>>(lexed))
        if (!cl.not_a_field.empty())
            out.push_back("\"" + shortened(cl.not_a_field, 40) + ":\" is not a field, so \"" +
                          shortened(cl.as_written, 60) + "\" was searched as text");
    return out;
}

std::variant<Xapian::Query, QueryError> QueryBuilder::build(const std::string& text, MatchMode mode) const {
    if (text.size() > kMaxQueryBytes)
        return QueryError{"too long: a query may have at most " + std::to_string(kMaxQueryBytes) +
                              " bytes (this one has " + std::to_string(text.size()) + ")",
                          std::string::npos};
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1) == "*")
        return Xapian::Query::MatchAll;

    auto lexed = lex(text);
    if (auto* err = std::get_if<QueryError>(&lexed)) return *err;
    auto& clauses = std::get<std::vector<Clause>>(lexed);
    if (auto err = Impl::check_proximity_operands(clauses)) return *err;
    if (auto err = impl_->check_wildcards(clauses)) return *err;
    // Only exclusions ("-sport -weather"): QueryParser would drop the signs and
    // search for the very words; newsdex means "everything except these".
    const bool only_excluded = std::all_of(clauses.begin(), clauses.end(),
                                           [](const Clause& c) { return c.kind == Clause::term && c.sign == '-'; });
    if (only_excluded)
        for (auto& c : clauses) c.sign = 0;
    impl_->alternates.clear();
    impl_->wildcards.clear();
    impl_->alternates_allowed = std::none_of(clauses.begin(), clauses.end(), [](const Clause& c) {
        return c.kind == Clause::op && (c.text.starts_with("NEAR") || c.text.starts_with("ADJ"));
    });
    std::string rewritten;
    for (const auto& clause : clauses) {
        const std::string part = impl_->rewrite(clause);
        if (part.empty()) continue;
        if (!rewritten.empty()) rewritten += only_excluded ? " OR " : " ";
        rewritten += part;
    }
    if (rewritten.empty()) return Xapian::Query::MatchAll;

    auto& qp = impl_->parser;
    qp.set_default_op(mode == MatchMode::any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
    try {
        Xapian::Query query = qp.parse_query(rewritten, flags);
        if (only_excluded) return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, query);
        return query;
    } catch (const Xapian::QueryParserError& e) {
        // Xapian's own words ("parse error") would not say whose they are.
        return QueryError{"Xapian's query parser cannot read the query: " + e.get_msg(), std::string::npos};
    }
}

}  // namespace newsdex
