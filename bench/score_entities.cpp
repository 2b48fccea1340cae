// newsdex-score-entities: scores entity extraction against a gold file (see
// docs/entity-guidelines.md): precision, recall and F1 per entity type, and
// publication-date accuracy. Articles are read and indexed exactly as
// newsdex-index does it (into a database in memory), and what the index
// stores is scored.
//
//   newsdex-score-entities --gold tests/gold/corpus.jsonl corpus/
//   newsdex-score-entities --gold tests/gold/bbc-heldout.jsonl ../shared/bbc-news
//
// With --facet-heads, it scores an index's facet heads instead: the most
// frequent person, location and organisation values against judgements of
// them (bench/facet_heads.h): precision where users see it.
//
//   newsdex-score-entities --facet-heads tests/gold/bbc-facet-heads.jsonl --db bbc.db
//
// With --thresholds, it then checks the figures against those checked in for
// the gold set and exits 1 when one is worse: the quality gate that ctest
// runs (tests/quality/, docs/testing.md; bench/quality_gate.h).
//
//   newsdex-score-entities --gold tests/gold/corpus.jsonl --thresholds tests/gold/thresholds.tsv corpus/
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "bench/facet_heads.h"
#include "bench/quality_gate.h"
#include "common/base/text_folding.h"
#include "common/cli/cli.h"
#include "common/entities/entity_extractor.h"
#include "common/entities/gazetteer.h"
#include "common/index/article_index.h"
#include "common/index/document_builder.h"
#include "common/index/person_resolution.h"
#include "common/index/schema.h"
#include "common/reading/corpus_reader.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

const char* const kProgram = "newsdex-score-entities";

// Names compare as the index matches them (entity_key: folded,
// without hyphens and "the", the Arabic article spelt one way).
std::string match_key(const std::string& name) { return entity_key(name); }

struct Counts {
    std::size_t gold = 0, found = 0, correct = 0;
};

// The gold annotates each article alone, in the fullest form the article
// gives; the index names a person as the whole corpus does (person
// resolution, common/index/person_resolution.h). So a found person matches
// a gold entry that is a shorter form of its name: the surname alone
// ("blair" for "tony blair"), initials for the given names ("g cooper" for
// "gareth cooper"), or the name without its middle initials ("george bush"
// for "george w bush"). Whether the corpus chose the right person is what
// the facet-head judgements check (--facet-heads).
bool person_matches(const std::string& found, const std::string& gold) {
    if (found == gold) return true;
    const auto f = person_identity_words(found), g = person_identity_words(gold);
    if (f.size() < 2 || g.empty() || f.back() != g.back()) return false;
    if (g.size() == 1) return true;
    std::vector<std::string> without_initials;
    for (std::size_t i = 0; i < f.size(); ++i)
        if (i == 0 || i + 1 == f.size() || f[i].size() > 1) without_initials.push_back(f[i]);
    if (without_initials == g) return true;
    if (g.size() != f.size()) return false;
    for (std::size_t i = 0; i + 1 < g.size(); ++i)
        if (g[i] != f[i] && !(g[i].size() == 1 && f[i].front() == g[i].front())) return false;
    return true;
}

// Organisations compare by identity: any of a well-known organisation's names
// ("IMF", "International Monetary Fund") stands for it, on both sides.
std::string organization_key(const std::string& name) {
    const Organization* o = Gazetteer::standard().find_organization(name);
    return match_key(o ? o->name : name);
}

// So do places: the gold writes a place as the article spells it
// ("Holland", "Korea"), the index by the gazetteer's name for it
// ("Netherlands", "South Korea"); any of a known place's names stands for it.
std::string location_key(const std::string& name) {
    const Place* p = Gazetteer::standard().find_place(name);
    return match_key(p ? p->name : name);
}

enum class Kind { person, location, country, organization };

// With --errors, each article's misses ("-") and spurious finds ("+") are
// printed, for tuning rules on a development sample (never on held-out gold).
bool g_print_errors = false;

void score(Counts& c, const std::string& id, const char* type, const std::vector<std::string>& found_names,
           const nlohmann::json& gold_names, Kind kind) {
    std::set<std::string> found, gold;
    const bool persons = kind == Kind::person;
    const auto key = [&](const std::string& n) {
        return kind == Kind::organization ? organization_key(n)
               : kind == Kind::location   ? location_key(n)
                                          : match_key(n);
    };
    for (const auto& f : found_names) found.insert(key(f));
    for (const auto& g : gold_names) gold.insert(key(g.get<std::string>()));
    c.gold += gold.size();
    c.found += found.size();
    const auto matches = [&](const std::string& f, const std::string& g) {
        return persons ? person_matches(f, g) : f == g;
    };
    for (const auto& f : found) {
        const bool right = std::any_of(gold.begin(), gold.end(), [&](const std::string& g) { return matches(f, g); });
        if (right) ++c.correct;
        else if (g_print_errors) std::printf("%s\t%s\t+ %s\n", id.c_str(), type, f.c_str());
    }
    if (g_print_errors)
        for (const auto& g : gold)
            if (std::none_of(found.begin(), found.end(), [&](const std::string& f) { return matches(f, g); }))
                std::printf("%s\t%s\t- %s\n", id.c_str(), type, g.c_str());
}

double precision_of(const Counts& c) { return c.found ? double(c.correct) / double(c.found) : 0; }
double recall_of(const Counts& c) { return c.gold ? double(c.correct) / double(c.gold) : 0; }
double f1_of(const Counts& c) {
    const double p = precision_of(c), r = recall_of(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void print_row(const char* type, const Counts& c) {
    std::printf("%-14s %6zu %6zu %8zu %10.3f %7.3f %6.3f\n", type, c.gold, c.found, c.correct, precision_of(c),
                recall_of(c), f1_of(c));
}

// ---- --facet-heads ----

void print_values(const char* what, const std::vector<facet_heads::HeadValue>& values) {
    std::printf("  %s (%zu):", what, values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        std::printf("%s %s (%zu)", i ? "," : "", values[i].value.c_str(), values[i].count);
    std::printf("\n");
}

void print_details(const facet_heads::HeadScore& s) {
    std::printf("\n%s\n", s.field.c_str());
    std::printf("  not entities (%zu):\n", s.not_entities.size());
    for (const auto& [h, g] : s.not_entities)
        std::printf("    %s (%zu)%s%s\n", h.value.c_str(), h.count, g.note.empty() ? "" : ": ", g.note.c_str());
    std::printf("  duplicate groups (%zu):\n", s.duplicates.size());
    for (const auto& group : s.duplicates) {
        std::printf("    %s:", group.same_as.c_str());
        for (std::size_t i = 0; i < group.values.size(); ++i)
            std::printf("%s %s (%zu)", i ? "," : "", group.values[i].value.c_str(), group.values[i].count);
        std::printf("\n");
    }
    if (s.field == "location") {
        std::printf("  wrong countries (%zu of %zu checked):\n", s.wrong_countries.size(), s.countries_checked);
        for (const auto& [h, g] : s.wrong_countries)
            std::printf("    %s (%zu): newsdex %s%s%s, gold %s\n", h.value.c_str(), h.count,
                        h.country.empty() ? "none" : h.country.c_str(), h.other_country.empty() ? "" : " or ",
                        h.other_country.c_str(), g.country->empty() ? "none" : g.country->c_str());
    }
    print_values("unjudged", s.unjudged);
    std::printf("  changed since judged, to look at again (%zu):", s.changed.size());
    for (std::size_t i = 0; i < s.changed.size(); ++i)
        std::printf("%s %s (%zu, judged at %zu)", i ? "," : "", s.changed[i].first.value.c_str(),
                    s.changed[i].first.count, s.changed[i].second.count);
    std::printf("\n");
}

void print_heads_table(const std::vector<facet_heads::HeadScore>& scores, const facet_heads::Gold& gold) {
    std::printf("%-9s %5s %7s %6s %9s %9s %6s %9s %10s %9s %7s\n", "field", "head", "judged", "gold", "entities",
                "precision", "floor", "unjudged", "duplicates", "countries", "target");
    for (const auto& s : scores) {
        char countries[32] = "-";
        if (s.field == "location")
            std::snprintf(countries, sizeof countries, "%zu/%zu", s.countries_checked - s.wrong_countries.size(),
                          s.countries_checked);
        std::printf("%-9s %5zu %7zu %6zu %9zu %9.3f %6.3f %9zu %10zu %9s %7s\n", s.field.c_str(), s.head, s.judged,
                    gold.judged(s.field), s.entities, s.precision(), s.floor(), s.unjudged.size(), s.duplicates.size(),
                    countries, s.target_met() ? "met" : "not met");
    }
    std::printf(
        "\nprecision: entities / judged; floor: entities / head (unjudged counted as no entity);\n"
        "duplicates: groups of head values naming one entity; countries: right / judged (locations);\n"
        "target (issue 12): precision 0.98 or more, no duplicates, every value judged\n");
}

// What the gate checks of the heads. Unjudged values are gated too: precision
// counts judged values only, so a change could otherwise push unjudged junk
// into the head without lowering it.
std::vector<quality_gate::Figure> figures_of(const std::vector<facet_heads::HeadScore>& scores) {
    using quality_gate::Figure;
    std::vector<Figure> figures;
    for (const auto& s : scores) {
        figures.push_back({s.field + ".precision", s.precision(), Figure::Kind::kScore});
        figures.push_back({s.field + ".duplicates", double(s.duplicates.size()), Figure::Kind::kCount});
        figures.push_back({s.field + ".unjudged", double(s.unjudged.size()), Figure::Kind::kCount});
        if (s.countries_checked)
            figures.push_back({s.field + ".countries",
                               double(s.countries_checked - s.wrong_countries.size()) / double(s.countries_checked),
                               Figure::Kind::kScore});
    }
    return figures;
}

// A scoring run: the exit status so far (0: scored) and the figures measured.
struct Scored {
    int status = 0;
    std::vector<quality_gate::Figure> figures;
};

Scored score_facet_heads(const std::string& gold_path, const std::string& db_path, const std::size_t (&sizes)[3]) {
    std::ifstream in(gold_path);
    if (!in) {
        cli::print_error(kProgram, gold_path, "cannot read the judgements");
        return {2, {}};
    }
    std::optional<facet_heads::Gold> gold;
    try {
        gold = facet_heads::Gold::read(in);
    } catch (const std::runtime_error& e) {
        cli::print_error(kProgram, gold_path, e.what());
        return {2, {}};
    }
    Scored scored;
    scored.status = cli::run_reporting_errors(kProgram, db_path, 3, [&] {
        const Xapian::Database db = open_index_for_reading(db_path);
        std::vector<facet_heads::HeadScore> scores;
        for (std::size_t f = 0; f < 3; ++f)
            scores.push_back(facet_heads::score_head(
                facet_heads::kFields[f], facet_heads::read_head(db, facet_heads::kFields[f], sizes[f]), *gold));
        std::printf("facet heads of %s (%u articles) against %s\n\n", db_path.c_str(), db.get_doccount(),
                    gold_path.c_str());
        print_heads_table(scores, *gold);
        for (const auto& s : scores) print_details(s);
        scored.figures = figures_of(scores);
        return 0;
    });
    return scored;
}

// ---- --gold ----

using GoldArticles = std::map<std::string, nlohmann::json>;

std::optional<GoldArticles> read_gold(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    GoldArticles gold;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) {
            auto j = nlohmann::json::parse(line);
            gold[j.at("id").get<std::string>()] = j;
        }
    return gold;
}

// Indexes every article of the input exactly as newsdex-index does
// (analysis, then the corpus-wide passes over all of them) into a database
// in memory, and returns what the index stores for the gold articles, by
// gold id: the values a user who indexed that input sees, since the person
// pass decides from every article ("Vera Drake" is a film across the BBC
// set, not in the 100 articles of a gold file alone).
std::map<std::string, Article> index_gold_articles(const GoldArticles& gold, const std::vector<std::string>& inputs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    // Gold ids are paths below the folder given ("business/072.txt"); a
    // file's newsdex id is its absolute path.
    std::vector<std::string> roots;
    for (const auto& input : inputs) roots.push_back(absolute_source_path(input) + "/");
    auto gold_id = [&](const std::string& id) {
        for (const auto& root : roots)
            if (id.starts_with(root)) return id.substr(root.size());
        return id;
    };
    const CorpusSink sink{[&](Article&& a) {
                              a.id = gold_id(a.id);
                              db.replace_document(schema::id_term(a.id), builder.build(a));
                          },
                          [](const Diagnostic&) {}};
    for (const auto& f : list_input_files(inputs, [](const Diagnostic&) {})) read_input_file(f, sink);
    resolve_persons_across_index(db);
    std::map<std::string, Article> articles;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Article a = schema::decode_article(db.get_document(*it));
        if (gold.count(a.id)) articles[a.id] = std::move(a);
    }
    return articles;
}

struct ArticleScores {
    Counts persons, locations, countries, organizations;
    std::size_t scored = 0, missing = 0;
    std::size_t dated = 0, month_right = 0;  // articles with a gold date; of them, the month (or year) right
    std::size_t undated_gold = 0, dated_anyway = 0;
};

void score_date(ArticleScores& s, const std::string& id, const nlohmann::json& g, const Article& e) {
    if (g.at("date").is_null()) {
        ++s.undated_gold;
        if (e.date) {
            ++s.dated_anyway;
            if (g_print_errors)
                std::printf("%s\tdate\t+ %s (%s)\n", id.c_str(), e.date->to_iso().c_str(), to_string(e.date_source));
        }
        return;
    }
    ++s.dated;
    const std::string want = g.at("date");
    const auto& d = e.date;
    // The month when the gold has one, else the year.
    if (d && d->to_iso().substr(0, std::min<std::size_t>(want.size(), 7)) == want.substr(0, 7)) ++s.month_right;
    else if (g_print_errors)
        std::printf("%s\tdate\t- %s, found %s\n", id.c_str(), want.c_str(), d ? d->to_iso().c_str() : "none");
}

ArticleScores score_articles(const GoldArticles& gold, const std::map<std::string, Article>& articles) {
    ArticleScores s;
    for (const auto& [id, g] : gold) {
        auto it = articles.find(id);
        if (it == articles.end()) {
            ++s.missing;
            continue;
        }
        ++s.scored;
        const Article& e = it->second;
        score(s.persons, id, "person", e.persons, g.at("persons"), Kind::person);
        score(s.locations, id, "location", e.locations, g.at("locations"), Kind::location);
        score(s.countries, id, "country", e.countries, g.at("countries"), Kind::country);
        score(s.organizations, id, "org", e.organizations, g.at("organizations"), Kind::organization);
        score_date(s, id, g, e);
    }
    return s;
}

void print_article_scores(const ArticleScores& s) {
    std::printf("%zu articles scored (%zu in the gold file not found in the input)\n\n", s.scored, s.missing);
    std::printf("%-14s %6s %6s %8s %10s %7s %6s\n", "type", "gold", "found", "correct", "precision", "recall", "F1");
    print_row("persons", s.persons);
    print_row("locations", s.locations);
    print_row("countries", s.countries);
    print_row("organizations", s.organizations);
    std::printf(
        "\ndates: %zu articles with a gold date; publication month (year for year-only gold) right: %zu (%.1f%%)\n",
        s.dated, s.month_right, s.dated ? 100.0 * double(s.month_right) / double(s.dated) : 0.0);
    std::printf("       %zu articles the gold leaves undated; newsdex dated %zu of them\n", s.undated_gold,
                s.dated_anyway);
}

// What the gate checks of a gold set. The month figure exists only for a set
// with gold dates (no BBC article names its day of publication). Gold
// articles missing from the input are counted: scored on a part of its set,
// a figure means something else.
std::vector<quality_gate::Figure> figures_of(const ArticleScores& s) {
    using quality_gate::Figure;
    std::vector<Figure> figures = {{"articles.missing", double(s.missing), Figure::Kind::kCount},
                                   {"persons.f1", f1_of(s.persons)},
                                   {"locations.f1", f1_of(s.locations)},
                                   {"countries.f1", f1_of(s.countries)},
                                   {"organizations.f1", f1_of(s.organizations)},
                                   {"dates.dated_anyway", double(s.dated_anyway), Figure::Kind::kCount}};
    if (s.dated) figures.push_back({"dates.month_right", double(s.month_right) / double(s.dated)});
    return figures;
}

Scored score_gold_set(const std::string& gold_path, const std::vector<std::string>& inputs) {
    std::optional<GoldArticles> gold;
    if (!inputs.empty()) gold = read_gold(gold_path);
    if (!gold) {
        cli::print_error(kProgram, gold_path, "need a readable --gold FILE and at least one INPUT");
        return {2, {}};
    }
    const ArticleScores s = score_articles(*gold, index_gold_articles(*gold, inputs));
    print_article_scores(s);
    return {0, figures_of(s)};
}

// ---- --thresholds ----

std::optional<std::vector<quality_gate::Threshold>> read_thresholds(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        cli::print_error(kProgram, path, "cannot read the thresholds");
        return std::nullopt;
    }
    try {
        return quality_gate::read_thresholds(in);
    } catch (const std::runtime_error& e) {
        cli::print_error(kProgram, path, e.what());
        return std::nullopt;
    }
}

// Checks the figures of the gold set in `gold_path` (named by its file name
// without .jsonl) against their thresholds: 0 all pass, 1 some figure is
// worse (the table and one stderr line per such figure say which), 2 the
// thresholds do not fit the set.
int gate(const std::string& path, const std::vector<quality_gate::Threshold>& thresholds, const std::string& gold_path,
         const std::vector<quality_gate::Figure>& figures) {
    const std::string set = std::filesystem::path(gold_path).stem().string();
    std::vector<quality_gate::Check> checks;
    try {
        checks = quality_gate::check(set, figures, thresholds);
    } catch (const std::runtime_error& e) {
        cli::print_error(kProgram, path, e.what());
        return 2;
    }
    quality_gate::print_table(stdout, set, checks);
    std::fflush(stdout);
    int status = 0;
    for (const auto& c : checks)
        if (!c.passed()) {
            cli::print_error(kProgram, path + ":" + std::to_string(c.threshold.line), quality_gate::failure(set, c));
            status = 1;
        }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    std::string gold_path, heads_path, db_path, thresholds_path;
    std::size_t sizes[3] = {200, 100, 100};  // persons, locations, organisations
    std::vector<std::string> inputs;
    po::options_description options("Options");
    options.add_options()("gold", po::value<std::string>(&gold_path)->value_name("FILE"), "gold JSON Lines file")(
        "errors", po::bool_switch(&g_print_errors),
        "also list each article's misses (-) and spurious finds (+); for development samples only")(
        "facet-heads", po::value<std::string>(&heads_path)->value_name("FILE"),
        "score the facet heads of --db against the judgements in FILE instead")(
        "db", po::value<std::string>(&db_path)->value_name("DIR"), "the index whose facet heads --facet-heads scores")(
        "persons", po::value<std::size_t>(&sizes[0])->value_name("N"), "person values in the head (default 200)")(
        "locations", po::value<std::size_t>(&sizes[1])->value_name("N"), "location values in the head (default 100)")(
        "orgs", po::value<std::size_t>(&sizes[2])->value_name("N"), "organisation values in the head (default 100)")(
        "thresholds", po::value<std::string>(&thresholds_path)->value_name("FILE"),
        "check the figures against the lines of FILE for this gold set (its file name without .jsonl); exit 1 "
        "when one is worse (the quality gate, docs/testing.md)");
    po::variables_map vm;
    const cli::ProgramHelp help{
        kProgram,
        "Usage: newsdex-score-entities --gold FILE [--errors] [--thresholds FILE] INPUT...\n"
        "       newsdex-score-entities --facet-heads FILE --db DIR [--persons N] [--locations N] [--orgs N]\n"
        "                              [--thresholds FILE]\n\n"
        "Scores entity and date extraction on INPUT (read as newsdex-index reads it)\n"
        "against the gold annotations in FILE; or, with --facet-heads, the index's most\n"
        "frequent person, location and organisation facet values against judgements of\n"
        "them (docs/entity-guidelines.md).\n\n",
        "\nExit status: 0 scored (and every figure at its threshold), 1 a figure worse than its\n"
        "threshold, 2 usage error or unreadable gold or thresholds file, 3 unreadable index.\n",
        "(see --help)", 2};
    if (auto code = cli::parse_command_line(argc, argv, help, options, inputs, vm)) return *code;
    std::optional<std::vector<quality_gate::Threshold>> thresholds;
    if (!thresholds_path.empty() && !(thresholds = read_thresholds(thresholds_path))) return 2;
    Scored scored;
    if (!heads_path.empty()) {
        if (db_path.empty() || !inputs.empty() || !gold_path.empty() || g_print_errors) {
            cli::print_error(kProgram, heads_path, "--facet-heads takes --db DIR, and neither --gold nor INPUT");
            return 2;
        }
        scored = score_facet_heads(heads_path, db_path, sizes);
    } else {
        scored = score_gold_set(gold_path, inputs);
    }
    if (scored.status != 0 || !thresholds) return scored.status;
    return gate(thresholds_path, *thresholds, heads_path.empty() ? gold_path : heads_path, scored.figures);
}
