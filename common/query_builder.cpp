#include "common/query_builder.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/text_folding.h"

namespace newsdex {

namespace {

// Snowball's English stop list (the common core of it). Stop words need not
// match in the default AND mode: "who is the prime minister of israel".
constexpr const char* kStopWords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "itself", "me", "more", "most", "my", "myself", "no", "nor", "not", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "over", "own", "same", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "with", "you", "your"};

// Query fields users may type, and the term prefix each searches.
struct TextField {
    const char* name;
    std::string_view prefix;
};
constexpr std::array<TextField, 1> kTextFields = {{{"title", schema::kTitlePrefix}}};

// Hidden field names the rewritten query uses to reach AlternateSpellings.
// Users cannot type them: the lexer rejects fields it does not know.
constexpr const char* kPhraseField = "nxphrase";
constexpr const char* kWordField = "nxword";

// "cease fire" or "cease-fire" -> (phrase "cease fire") OR "ceasefire": the
// indexer stores the joined form of every hyphenated compound, so this finds
// all three spellings. In word mode the joined form is stemmed, like any
// unquoted word; in phrase mode it is exact.
class AlternateSpellings : public Xapian::FieldProcessor {
public:
    AlternateSpellings(std::string prefix, bool stem_joined)
        : prefix_(std::move(prefix)), stem_joined_(stem_joined), stemmer_(english_stemmer()) {}

    Xapian::Query operator()(const std::string& text) override {
        std::vector<std::string> parts;
        std::string cur;
        for (char c : text + " ") {
            if (c == '_' || c == ' ' || c == '-') {
                if (!cur.empty()) parts.push_back(prefix_ + cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (parts.empty()) return Xapian::Query::MatchNothing;
        if (parts.size() == 1) return Xapian::Query(stem_joined_ ? stemmed(parts[0]) : parts[0]);
        Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end());
        std::string joined = prefix_;
        for (const auto& p : parts) joined += p.substr(prefix_.size());
        return Xapian::Query(Xapian::Query::OP_OR, phrase, Xapian::Query(stem_joined_ ? stemmed(joined) : joined));
    }

private:
    std::string stemmed(const std::string& term) const {
        return std::string(schema::kStemPrefix) + prefix_ + stemmer_(term.substr(prefix_.size()));
    }
    std::string prefix_;
    bool stem_joined_;
    Xapian::Stem stemmer_;
};

// ---- Lexing: newsdex checks the query before QueryParser sees it ----

struct Clause {
    enum Kind { op, open, close, term } kind = term;
    char sign = 0;           // '+', '-' or 0
    std::string field;       // "" or a name from kTextFields
    std::string text;        // raw text (without quotes)
    bool quoted = false;
    std::size_t position = 0;
};

bool is_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ" ||
           w.starts_with("NEAR/") || w.starts_with("ADJ/");
}

const TextField* find_field(std::string_view name) {
    for (const auto& f : kTextFields)
        if (name == f.name) return &f;
    return nullptr;
}

std::string known_fields() {
    std::string s;
    for (const auto& f : kTextFields) s += (s.empty() ? "" : ", ") + std::string(f.name) + ":";
    return s;
}

std::variant<std::vector<Clause>, QueryError> lex(const std::string& q) {
    std::vector<Clause> out;
    std::vector<std::size_t> open_parens;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
        if (c == '(') { open_parens.push_back(i); out.push_back({Clause::open, 0, "", "(", false, i}); ++i; continue; }
        if (c == ')') {
            if (open_parens.empty()) return QueryError{"unbalanced parenthesis: no '(' before this ')'", i};
            open_parens.pop_back();
            out.push_back({Clause::close, 0, "", ")", false, i});
            ++i;
            continue;
        }
        Clause cl;
        cl.position = i;
        if ((c == '+' || c == '-') && i + 1 < q.size() && !std::isspace(static_cast<unsigned char>(q[i + 1]))) {
            cl.sign = c;
            ++i;
        }
        // A field name: ASCII letters then ':' then something.
        std::size_t j = i;
        while (j < q.size() && std::isalpha(static_cast<unsigned char>(q[j]))) ++j;
        if (j > i && j + 1 < q.size() && q[j] == ':' && !std::isspace(static_cast<unsigned char>(q[j + 1]))) {
            const std::string name = q.substr(i, j - i);
            if (!find_field(name))
                return QueryError{"unknown field \"" + name + ":\" (known fields: " + known_fields() + ")", i};
            cl.field = name;
            i = j + 1;
        }
        if (i < q.size() && q[i] == '"') {
            const std::size_t close = q.find('"', i + 1);
            if (close == std::string::npos) return QueryError{"unbalanced quote: this '\"' is never closed", i};
            cl.text = q.substr(i + 1, close - i - 1);
            cl.quoted = true;
            i = close + 1;
        } else {
            std::size_t end = i;
            while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != '(' &&
                   q[end] != ')' && q[end] != '"')
                ++end;
            cl.text = q.substr(i, end - i);
            i = end;
            if (!cl.sign && cl.field.empty() && is_operator(cl.text)) cl.kind = Clause::op;
        }
        out.push_back(std::move(cl));
    }
    if (!open_parens.empty()) return QueryError{"unbalanced parenthesis: this '(' is never closed", open_parens.back()};
    return out;
}

// The words of folded text split at spaces and hyphens, if every one of them
// is made of letters and digits only (QueryParser hands a field processor
// just such a run); empty otherwise.
std::vector<std::string> plain_words(const std::string& folded) {
    std::vector<std::string> words(1);
    for (char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '-') {
            if (!words.back().empty()) words.emplace_back();
        } else if (std::isalnum(u) || u >= 0x80) {
            words.back() += c;
        } else {
            return {};
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

// QueryParser reads a field processor's value up to the first character
// that is not a word character; '_' is one, and never survives folding as
// part of a real word in an indexed phrase, so it carries the word breaks.
std::string as_processor_value(const std::vector<std::string>& words) {
    std::string value;
    for (const auto& w : words) value += (value.empty() ? "" : "_") + w;
    return value;
}

// One clause in the QueryParser syntax, words folded like the indexer's.
std::string rewrite(const Clause& cl) {
    if (cl.kind != Clause::term) return cl.text;
    std::string folded = fold_text(cl.text);
    std::erase(folded, '"');
    if (folded.find_first_not_of(' ') == std::string::npos) return "";
    const bool title = cl.field == "title";
    const std::string sign = cl.sign ? std::string(1, cl.sign) : "";
    const std::string field = cl.field.empty() ? "" : cl.field + ":";
    const auto words = plain_words(folded);
    const bool spaced = folded.find(' ') != std::string::npos;
    if (cl.quoted || spaced) {
        if (words.size() == 2) return sign + (title ? "t" : "") + kPhraseField + ":" + as_processor_value(words);
        return sign + field + "\"" + folded + "\"";
    }
    if (words.size() >= 2) return sign + (title ? "t" : "") + kWordField + ":" + as_processor_value(words);
    return sign + field + folded;
}

}  // namespace

std::string describe_query_error(const std::string& query, const QueryError& error) {
    return "query error: " + error.message + "\n  " + query + "\n  " + std::string(error.position, ' ') + "^";
}

struct QueryBuilder::Impl {
    Xapian::QueryParser parser;
    Xapian::SimpleStopper stopper{std::begin(kStopWords), std::end(kStopWords)};
};

QueryBuilder::QueryBuilder(const Xapian::Database& db) : impl_(std::make_unique<Impl>()) {
    auto& qp = impl_->parser;
    qp.set_database(db);
    qp.set_stemmer(english_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(&impl_->stopper);
    for (const auto& f : kTextFields) qp.add_prefix(f.name, std::string(f.prefix));
    qp.add_prefix(kPhraseField, (new AlternateSpellings("", false))->release());
    qp.add_prefix(kWordField, (new AlternateSpellings("", true))->release());
    qp.add_prefix(std::string("t") + kPhraseField, (new AlternateSpellings(std::string(schema::kTitlePrefix), false))->release());
    qp.add_prefix(std::string("t") + kWordField, (new AlternateSpellings(std::string(schema::kTitlePrefix), true))->release());
}

QueryBuilder::~QueryBuilder() = default;

std::variant<Xapian::Query, QueryError> QueryBuilder::build(const std::string& text, MatchMode mode) const {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1) == "*")
        return Xapian::Query::MatchAll;

    auto lexed = lex(text);
    if (auto* err = std::get_if<QueryError>(&lexed)) return *err;
    auto& clauses = std::get<std::vector<Clause>>(lexed);
    // Only exclusions ("-sport -weather"): QueryParser would drop the signs and
    // search for the very words; newsdex means "everything except these".
    const bool only_excluded = std::all_of(clauses.begin(), clauses.end(),
                                           [](const Clause& c) { return c.kind == Clause::term && c.sign == '-'; });
    if (only_excluded)
        for (auto& c : clauses) c.sign = 0;
    std::string rewritten;
    for (const auto& clause : clauses) {
        const std::string part = rewrite(clause);
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
        return QueryError{e.get_msg(), 0};
    }
}

}  // namespace newsdex
