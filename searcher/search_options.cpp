#include "searcher/search_options.h"

#include <boost/program_options.hpp>

#include "common/base/time_spec.h"
#include "common/cli/cli.h"

namespace po = boost::program_options;

namespace newsdex {

namespace {

// The man page is made from --help by help2man (scripts/make-man-page.cmake),
// which reads this layout: "  or:  " usage lines, two columns with two
// spaces between them, a continuation indented to the second column. The
// examples come last: docs/man/newsdex-search.h2m replaces them in the man page
// (help2man would run them together), and with them whatever followed.
const char* const kUsage = R"(Usage: newsdex-search [OPTIONS] QUERY...
  or:  newsdex-search [OPTIONS] [--shell [QUERY...]]
  or:  newsdex-search --get ID [--why] [--format json]

Searches a newsdex index. Results are ranked by BM25; equal scores are
ordered newest first, then by id. All words must match by default (stop
words such as "the" or "who" need not); --any ranks articles matching any
word. * matches every article. With no QUERY on a terminal (or with
--shell), an interactive shell: plain lines are queries, :help lists its
commands (:next, :open N, :facets, :filter, :sort, :stats, :quit...), Tab
completes commands, fields and names from the index (person:Ant<Tab>);
history in $XDG_STATE_HOME/newsdex/history (~/.local/state/newsdex/history).

Query syntax:
  ceasefire talks        both words (stemmed: "talks" finds "talk")
  "cease fire"           a phrase; a two-word phrase also finds "ceasefire"
  cease-fire             finds cease-fire, ceasefire and "cease fire"
  gaza OR egypt          either word; also NOT, AND, NEAR and (groups)
  +must -exclude         a word that must match, a word that must not
  negotiat*              the words that start with negotiat
  title:blinken          a word in the title
  person:gantz           a word of the name; the filters are person:, location:,
                         country:, org:, source:, author:, section: and
                         keyword:
  person:"Benny Gantz"   the whole name
  date:2024-06           a year, month or day; date:2024-06-01..2024-06-30,
                         date:2024-06.. and date:..2024-06-30 are ranges
  -- -sport              a query that starts with "-" goes after --

Examples:
  newsdex-search ceasefire
  newsdex-search --facet person --facet date:month hostages
  newsdex-search --format json -n 20 '"Philadelphi corridor"'
  newsdex-search --since 24h --sort newest hostages
  newsdex-search --batch saved.txt --state saved.state --jobs 2
  newsdex-search --get text/world/doha-ceasefire-talks-open.txt
  newsdex-search --get text/world/doha-ceasefire-talks-open.txt --why
  printf 'hamas\n:next\n' | newsdex-search --shell

)";

const char* const kExitCodes = R"(
Exit status:
  0  articles found
  1  no article matches
  2  usage or query error, or output could not be written
  3  index error: missing, unreadable, or a schema this version does not read,
     or a shard of it cannot be reached (named; --allow-partial searches the rest)
  134, 135, 136, 139  a crash (a bug): stderr shows where
With --batch:
  0  every query ran (with or without hits)
  1  some queries failed (an error line each; the others ran)
  2  usage error: bad option, unreadable batch file, corrupt --state file,
     or output or state could not be written
  3  index error, as above
With --get:
  0  the article was printed
  1  no article has that id
With --shell:
  0  it ended (:quit, Ctrl-D, end of input; errors inside it are messages)
  2  usage error
  3  the index cannot be opened
)";

}  // namespace

std::optional<int> parse_search_command_line(int argc, char** argv, SearchOptions& opt) {
    po::options_description options("Options");
    options.add_options()("limit,n", po::value<long long>(&opt.limit)->default_value(10)->value_name("N"),
                          "show N results")(
        "offset", po::value<long long>(&opt.offset)->default_value(0)->value_name("N"),
        "skip the first N results (paging)")("any", "match articles with any of the words (OR), ranked")(
        "format", po::value<std::string>(&opt.format)->default_value("text")->value_name("FMT"),
        "text, json (one object, see docs/json-format.md) or jsonl (one hit per line); with --batch: json (the "
        "default), tsv or trec (docs/batch-format.md)")("timing", po::bool_switch(&opt.timing),
                                                        "add took_ms to JSON output")(
        "allow-partial", po::bool_switch(&opt.allow_partial),
        "when --db names shards (a stub file of glass PATH and remote HOST:PORT lines, docs/scaling.md) and some "
        "cannot be reached, search the others: a warning, and \"partial\": true with the missing shards in JSON")(
        "collapse", po::bool_switch(&opt.request.collapse),
        "one hit per story: near-duplicate articles fold into the best-ranked one, which says how many")(
        "explain", po::bool_switch(&opt.request.explain),
        "show each query term's share of every hit's score (approximate for phrases and wildcards)")(
        "like", po::value<std::string>(&opt.request.like_id)->value_name("ID"),
        "articles similar to the article with this id (QUERY, if given, filters them)")(
        "get", po::value<std::string>(&opt.get_id)->value_name("ID"),
        "print the article with this id, whole, with all its metadata (text or --format json)")(
        "why", po::bool_switch(&opt.why),
        "with --get: why the article has each person, place, country, organisation and date: the rule and the "
        "words it rests on (docs/overrides.md shows how to correct one)")(
        "shell", po::bool_switch(&opt.shell),
        "an interactive query shell (the default when no QUERY is given and standard input is a terminal); "
        "QUERY, if given, is its first query")(
        "sort", po::value<std::string>(&opt.sort)->default_value("relevance")->value_name("ORDER"),
        "relevance, newest, oldest, or recent (relevance halved every --half-life days of age)")(
        "half-life", po::value<double>(&opt.request.half_life_days)->default_value(30)->value_name("DAYS"),
        "for --sort recent: age that halves a score, counted back from the newest article")(
        "facet", po::value<std::vector<std::string>>(&opt.facets)->composing()->value_name("FIELD[:N]"),
        "count values over all matches: person, location, country, org, source, author, section, keyword "
        "(top N, "
        "default 10, 0 for all), or date[:year|month|week|day][:N] (a histogram; N most recent buckets); "
        "repeatable")("facet-match", po::value<std::string>(&opt.request.facet_match)->value_name("TEXT"),
                      "keep only facet values containing TEXT (case and accents ignored)")(
        "facet-sample", po::value<long long>(&opt.facet_sample)->value_name("N"),
        "with more than about N matches, count facets over a fixed sample of about N of them and scale the counts "
        "(marked as estimates); default: count every match")(
        "color", po::value<std::string>(&opt.color)->default_value("auto")->value_name("WHEN"),
        "highlight with bold: auto (terminal, no NO_COLOR), always, never");
    options.add(cli::index_location_options(opt.db));
    options.add(batch_command_line_options(opt.batch));
    po::variables_map vm;
    const cli::ProgramHelp help{kSearchProgram, kUsage, kExitCodes,
                                "(to search for a word starting with -, put the query after --)", cli::kSearchUsage};
    if (auto code = cli::parse_command_line(argc, argv, help, options, opt.words, vm)) return code;
    // From here on an empty id, file or time means the option was not given.
    if (auto why = cli::empty_option_value(vm, {{"get", "an article id"},
                                                {"like", "an article id"},
                                                {"batch", "a file (- for standard input)"},
                                                {"state", "a file"},
                                                {"since", "a time"}})) {
        cli::print_error(kSearchProgram, "", *why);
        return cli::kSearchUsage;
    }
    if (opt.format != "text" && opt.format != "json" && opt.format != "jsonl" && opt.format != "tsv" &&
        opt.format != "trec") {
        cli::print_error(kSearchProgram, "",
                         "unknown --format \"" + opt.format + "\": use text, json or jsonl (tsv or trec with --batch)");
        return cli::kSearchUsage;
    }
    if (opt.color != "auto" && opt.color != "always" && opt.color != "never") {
        cli::print_error(kSearchProgram, "", "unknown --color \"" + opt.color + "\": use auto, always or never");
        return cli::kSearchUsage;
    }
    for (const auto& [name, value] : {std::pair{"--limit", opt.limit}, std::pair{"--offset", opt.offset},
                                      std::pair{"--facet-sample", opt.facet_sample}}) {
        if (value < 0 || value > kMaxResultCount) {
            cli::print_error(kSearchProgram, "",
                             std::string(name) + " must be between 0 and " + std::to_string(kMaxResultCount));
            return cli::kSearchUsage;
        }
    }
    const auto order = parse_sort_order(opt.sort);
    if (!order) {
        cli::print_error(kSearchProgram, "", "unknown --sort \"" + opt.sort + "\": use " + kSortOrderNames);
        return cli::kSearchUsage;
    }
    opt.request.sort = *order;
    if (!(opt.request.half_life_days > 0 && opt.request.half_life_days < 1e6)) {
        cli::print_error(kSearchProgram, "", "--half-life must be a number of days above 0");
        return cli::kSearchUsage;
    }
    for (const auto& spec : opt.facets) {
        auto parsed = parse_facet_spec(spec);
        if (auto* why = std::get_if<std::string>(&parsed)) {
            cli::print_error(kSearchProgram, "", "--facet " + spec + ": " + *why);
            return cli::kSearchUsage;
        }
        opt.request.facets.push_back(std::get<FacetRequest>(parsed));
    }
    opt.request.limit = static_cast<std::size_t>(opt.limit);
    opt.request.offset = static_cast<std::size_t>(opt.offset);
    opt.request.facet_sample = static_cast<std::size_t>(opt.facet_sample);
    if (vm.count("any")) opt.request.mode = MatchMode::any;
    for (const auto& w : opt.words) opt.request.query += (opt.request.query.empty() ? "" : " ") + w;
    if (auto why = check_batch_command_line(opt.batch, opt.format, !vm["format"].defaulted(), !opt.words.empty(),
                                            opt.request, now_utc())) {
        cli::print_error(kSearchProgram, "", *why);
        return cli::kSearchUsage;
    }
    if (!opt.get_id.empty() && (!opt.words.empty() || opt.shell || !opt.request.like_id.empty() ||
                                !opt.batch.options.input.empty() || (opt.format != "text" && opt.format != "json"))) {
        cli::print_error(kSearchProgram, "",
                         "--get takes an id and no QUERY, --like, --shell or --batch (--format text or json)");
        return cli::kSearchUsage;
    }
    if (opt.why && opt.get_id.empty()) {
        cli::print_error(kSearchProgram, "", "--why explains one article: give its id with --get ID");
        return cli::kSearchUsage;
    }
    if (opt.shell && (opt.format != "text" || !opt.batch.options.input.empty())) {
        cli::print_error(kSearchProgram, "", "--shell shows text: --format and --batch are for scripts");
        return cli::kSearchUsage;
    }
    // No query on a terminal: a person wants to explore, not a list of everything.
    opt.shell = opt.shell || (opt.words.empty() && opt.request.like_id.empty() && opt.get_id.empty() &&
                              opt.format == "text" && opt.batch.options.input.empty() && cli::stdin_is_terminal());
    // The shell's page size is :limit's, and its queries are typed: a
    // starting --like would be dropped by the first of them.
    if (opt.shell && (opt.limit < 1 || opt.limit > 10000)) {
        cli::print_error(kSearchProgram, "", "--shell pages 1 to 10000 hits: -n " + std::to_string(opt.limit));
        return cli::kSearchUsage;
    }
    if (opt.shell && !opt.request.like_id.empty()) {
        cli::print_error(kSearchProgram, "",
                         "--like is no shell setting: in the shell, :like N finds articles like hit N");
        return cli::kSearchUsage;
    }
    return std::nullopt;
}

}  // namespace newsdex
