#include "searcher/query_shell.h"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "common/base/printable.h"
#include "common/base/strings.h"
#include "common/cli/cli.h"
#include "common/cli/version.h"
#include "common/index/article_index.h"
#include "common/index/index_shards.h"
#include "common/index/schema.h"
#include "common/render/article_view.h"
#include "common/render/render.h"
#include "searcher/line_editor.h"
#include "searcher/pager.h"

namespace newsdex {

namespace {

// Writers commit while the shell reads: a search that finds its revision
// gone reopens and runs again, this many times at most.
constexpr int kSearchAttempts = 3;

struct CommandHelp {
    const char* usage;
    const char* what;
};

const char* const kHelpIntro = "Type a query to search (docs/query-language.md), or a command:";
const CommandHelp kCommandHelp[] = {
    {":next, :prev", "the next or the previous page"},
    {":open N", "hit N (the number shown beside it) with all its metadata and full text"},
    {":explain N", "each query term's share of hit N's score"},
    {":like N", "articles similar to hit N (:next pages them)"},
    {":facets", "every value of the chosen facets, counted over all the matches"},
    {":facets FIELD[:N]...",
     "choose the facets summarised under the hits: person, location, country, org, source, "
     "author, section, keyword, date[:year|month|week|day]; none for none"},
    {":sort [ORDER]", "show or set the order: relevance, newest, oldest or recent"},
    {":limit [N]", "show or set the page size"},
    {":filter CLAUSE", "add a filter every following query keeps (:filter location:cairo)"},
    {":filters", "list the filters"},
    {":clear", "remove every filter"},
    {":stats", "the index: articles, dates, top sources, schema, path"},
    {":help", "this list"},
    {":quit", "leave (Ctrl-D too)"},
};
const char* const kHelpNotes[] = {
    "help, quit and exit work without the colon too, and clear clears the screen (as Ctrl-L does); to search for "
    "one of these words, put it in quotes: \"help\".",
    "Tab completes commands, field names and names from the index (person:Ant<Tab>). Long output goes through "
    "$NEWSDEX_PAGER or $PAGER (less); PAGER=cat turns that off.",
};
// Where the help's descriptions start.
constexpr std::size_t kHelpColumn = 24;

// The help, each description wrapped under itself.
std::string help_text(std::size_t width) {
    std::ostringstream out;
    write_lines(out, WrapText::words(kHelpIntro), 0, width);
    for (const auto& c : kCommandHelp) {
        const std::string usage = std::string("  ") + c.usage;
        out << usage << std::string(kHelpColumn - std::min(usage.size(), kHelpColumn - 2), ' ');
        write_lines(out, WrapText::words(c.what), kHelpColumn, width);
    }
    for (const char* note : kHelpNotes) write_lines(out, WrapText::words(note), 0, width);
    return out.str();
}

// The words a person at a terminal types without the colon (psql takes
// help, quit and exit so too), and what they run; "clear" clears the
// screen, as it does in a Unix shell.
struct BareCommand {
    std::string_view word;
    const char* command;  // nothing: clear the screen
    const char* note;     // said the first time
};
const BareCommand kBareCommands[] = {
    {"help", ":help", "(help is the command :help here"},
    {"quit", ":quit", "(quit is the command :quit here"},
    {"exit", ":quit", "(exit is the command :quit here"},
    {"clear", nullptr, "(clear clears the screen here; :clear removes the filters"},
};

const char* const kDot = " \xC2\xB7 ";

const std::vector<std::string> kCommandNames = {":clear", ":explain", ":facets", ":filter", ":filters",
                                                ":help",  ":like",    ":limit",  ":next",   ":open",
                                                ":prev",  ":quit",    ":sort",   ":stats"};

// A rank or a count as typed; past what an index can hold (a doccount is 32
// bits: 4294967297 would be taken as 1) it is no number.
std::optional<std::size_t> parse_number(std::string_view s) {
    s = trim(s);
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n > std::numeric_limits<Xapian::doccount>::max())
        return std::nullopt;
    return n;
}

}  // namespace

struct QueryShell::Session {
    ShellSettings settings;
    std::ostream& out;
    std::ostream& err;
    OpenedIndex index;
    Xapian::Database& db = index.db;
    std::unique_ptr<ArticleSearcher> searcher;
    Completer completer;
    Pager pager;
    std::set<std::string_view> bare_words_told;  // bare commands whose note was given
    SearchRequest request;                       // the current search; request.query is the user's text
    bool searched = false;                       // request holds a search that ran
    SearchResults last;                          // its page
    std::size_t line = 0;

    Session(ShellSettings s, std::ostream& o, std::ostream& e)
        : settings(std::move(s)), out(o), err(e), index(open_index_shards(settings.db_path, settings.allow_partial)),
          searcher(new_searcher()), completer(db, kCommandNames), pager(settings.pager, out, err, settings.program) {
        request = settings.defaults;
        if (request.facets.empty())
            for (const char* spec : {"person", "location", "date:month"})
                request.facets.push_back(std::get<FacetRequest>(parse_facet_spec(spec)));
    }

    TextStyle style() const {
        TextStyle s{settings.color, cli::terminal_width()};
        s.timing = true;
        s.facet_summary = true;
        s.wrap = settings.wrap;
        return s;
    }

    // Writes `lines` wrapped to the terminal, when the shell wraps.
    void say(const WrapText& lines, std::size_t indent = 0) { write_lines(out, lines, indent, wrap_width(style())); }
    // What is not a search's result (a setting shown, a filter added, a
    // note) goes to standard error: with the results redirected to a file,
    // the file gets only them (docs/cli.md).
    std::ostream& told() {
        out.flush();
        return err;
    }
    void tell(const WrapText& lines, std::size_t indent = 0) {
        write_lines(told(), lines, indent, wrap_width(style()));
    }

    // A message for the user; piped, it names the program and the line.
    // Messages quote what was typed: each of their lines is shown with its
    // control characters escaped, so a pasted ESC sequence cannot drive the
    // terminal. At a terminal the first line wraps; the others (a query
    // quoted, a caret under it) must keep their columns.
    void problem(const std::string& message) {
        out.flush();
        if (!settings.interactive) err << settings.program << ": stdin:" << line << ": ";
        for (std::size_t from = 0, to; from <= message.size(); from = to + 1) {
            to = std::min(message.find('\n', from), message.size());
            const std::string text = printable(std::string_view(message).substr(from, to - from));
            if (from == 0 && settings.interactive) write_lines(err, WrapText::words(text), 0, wrap_width(style()));
            else err << text << '\n';
        }
    }

    std::unique_ptr<ArticleSearcher> new_searcher() const {
        return std::make_unique<ArticleSearcher>(db, index.missing);
    }

    // Sees what writers committed since; a fresh searcher when it changed.
    void refresh() {
        if (db.reopen()) searcher = new_searcher();
    }

    std::optional<SearchResults> search(const SearchRequest& r) {
        for (int attempt = 1;; ++attempt) {
            try {
                refresh();  // over a closed connection this throws NetworkError too
                const auto started = std::chrono::steady_clock::now();
                auto outcome = searcher->search(r);
                if (auto* error = std::get_if<QueryError>(&outcome)) {
                    problem(describe_query_error(r.query, *error,
                                                 settings.wrap ? cli::terminal_width() : kQuotedQueryWidth));
                    return std::nullopt;
                }
                auto& results = std::get<SearchResults>(outcome);
                // The whole search, the "any word" rerun included.
                results.took_ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
                return std::move(results);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kSearchAttempts) throw;
                db.reopen();
                searcher = new_searcher();
            } catch (const Xapian::NetworkError&) {
                // A remote shard's connection closed (xapian-tcpsrv drops
                // one idle for a minute) or its server restarted: the
                // shards are opened again, a shard that cannot be is named
                // (or left out with --allow-partial).
                if (attempt == kSearchAttempts) throw;
                index = open_index_shards(settings.db_path, settings.allow_partial);
                searcher = new_searcher();
            }
        }
    }

    // Runs `r` (at its offset) and shows the page; only then is it the
    // current search, so a mistyped query leaves the last one in place.
    void show_page(SearchRequest r) {
        auto results = search(r);
        if (!results) return;
        request = std::move(r);
        searched = true;
        last = std::move(*results);
        if (!request.like_id.empty()) say(WrapText::words("Articles like " + request.like_id + ":"));
        if (!request.filters.empty()) {
            // One filter never breaks: "location:cairo" stays whole.
            WrapText all;
            for (const auto& f : request.filters) all.add(printable(f));
            out << "Filters: ";
            say(all, 9);
        }
        render_text(out, last, style());
    }

    // A changed setting: shown at once when there is a search to show.
    void apply(SearchRequest r) {
        if (searched) show_page(std::move(r));
        else request = std::move(r);
    }

    void query(const std::string& text) {
        SearchRequest r = request;
        r.query = text;
        r.like_id.clear();
        r.offset = 0;
        show_page(std::move(r));
    }

    bool need_search() {
        if (searched) return true;
        problem("no search yet: type a query first");
        return false;
    }

    // Hit N of the current search (its rank, as shown beside it).
    std::optional<Hit> hit(std::string_view arg, std::string_view command) {
        const auto n = parse_number(arg);
        if (!n || *n == 0) {
            problem(std::string(command) + " takes the number shown beside a hit: " + std::string(command) + " 1");
            return std::nullopt;
        }
        if (!need_search()) return std::nullopt;
        for (const auto& h : last.hits)
            if (h.rank == *n) return h;
        SearchRequest one = request;
        one.offset = *n - 1;
        one.limit = 1;
        one.facets.clear();
        auto results = search(one);
        if (!results) return std::nullopt;
        if (results->hits.empty()) {
            problem(fmt::format("there is no hit {}: the search has {}", *n, results->total));
            return std::nullopt;
        }
        return results->hits.front();
    }

    void next() {
        if (!need_search()) return;
        if (request.offset + request.limit >= last.total) {
            problem("this is the last page");
            return;
        }
        SearchRequest r = request;
        r.offset += r.limit;
        show_page(std::move(r));
    }

    void prev() {
        if (!need_search()) return;
        if (request.offset == 0) {
            problem("this is the first page");
            return;
        }
        SearchRequest r = request;
        r.offset = r.offset > r.limit ? r.offset - r.limit : 0;
        show_page(std::move(r));
    }

    void open(std::string_view arg) {
        auto h = hit(arg, ":open");
        if (!h) return;
        std::ostringstream text;
        render_article_text(text, h->article, style());
        pager.show(text.str());
    }

    void explain(std::string_view arg) {
        const auto n = parse_number(arg);
        if (!hit(arg, ":explain")) return;
        SearchRequest one = request;
        one.offset = *n - 1;
        one.limit = 1;
        one.explain = true;
        one.facets.clear();
        if (auto results = search(one)) {
            std::ostringstream text;
            render_text(text, *results, style());
            pager.show(text.str());
        }
    }

    void like(std::string_view arg) {
        auto h = hit(arg, ":like");
        if (!h) return;
        SearchRequest r = request;
        r.query.clear();
        r.like_id = h->article.id;
        r.offset = 0;
        show_page(std::move(r));
    }

    // :facets: every value of each chosen facet, one block each (paged).
    void full_facets() {
        if (!need_search()) return;
        if (request.facets.empty()) {
            problem("no facets chosen: :facets person location date:month");
            return;
        }
        SearchRequest counting = request;
        counting.offset = 0;
        counting.limit = 0;
        for (auto& f : counting.facets) f.top = 0;  // all of them
        auto results = search(counting);
        if (!results) return;
        TextStyle blocks = style();
        blocks.timing = blocks.facet_summary = false;
        std::ostringstream text;
        render_text(text, *results, blocks);
        pager.show(text.str());
    }

    void facets(std::string_view arg) {
        if (trim(arg).empty()) return full_facets();
        std::vector<FacetRequest> chosen;
        for (const auto& spec : split_words(arg)) {
            if (spec == "none") continue;
            auto parsed = parse_facet_spec(spec);
            if (auto* why = std::get_if<std::string>(&parsed)) {
                problem("facet " + spec + ": " + *why);
                return;
            }
            chosen.push_back(std::get<FacetRequest>(parsed));
        }
        SearchRequest r = request;
        r.facets = std::move(chosen);
        apply(std::move(r));
    }

    void sort(std::string_view arg) {
        const std::string name(trim(arg));
        if (name.empty()) {
            told() << "sort: " << to_string(request.sort) << '\n';
            return;
        }
        const auto order = parse_sort_order(name);
        if (!order) {
            problem("unknown sort order \"" + name + "\": use " + kSortOrderNames);
            return;
        }
        SearchRequest r = request;
        r.sort = *order;
        r.offset = 0;
        apply(std::move(r));
    }

    void limit(std::string_view arg) {
        if (trim(arg).empty()) {
            told() << "page size: " << request.limit << '\n';
            return;
        }
        const auto n = parse_number(arg);
        if (!n || *n == 0 || *n > 10000) {
            problem(":limit takes a page size from 1 to 10000");
            return;
        }
        SearchRequest r = request;
        r.limit = *n;
        r.offset -= r.offset % r.limit;
        apply(std::move(r));
    }

    void filter(std::string_view arg) {
        const std::string clause(trim(arg));
        if (clause.empty() || clause.find(':') == std::string::npos) {
            problem(":filter takes a field:value clause, such as :filter location:cairo");
            return;
        }
        // Checked now, so a bad filter never spoils the queries after it.
        SearchRequest probe;
        probe.query = clause;
        probe.limit = 0;
        if (!search(probe)) return;
        SearchRequest r = request;
        r.filters.push_back(clause);
        r.offset = 0;
        told() << "Filter added; " << r.filters.size() << " in use.\n";
        apply(std::move(r));
    }

    void list_filters() {
        if (request.filters.empty()) told() << "No filters.\n";
        for (std::size_t k = 0; k < request.filters.size(); ++k)
            told() << "  " << k + 1 << ". " << printable(request.filters[k]) << '\n';
    }

    void clear() {
        const std::size_t n = request.filters.size();
        SearchRequest r = request;
        r.filters.clear();
        r.offset = 0;
        told() << (n == 1 ? "1 filter removed.\n" : fmt::format("{} filters removed.\n", n));
        if (n) apply(std::move(r));  // the page shown is the unfiltered search's
    }

    void stats() {
        refresh();
        std::ostream& to = told();
        to << "Index: " << printable(settings.db_path) << '\n';
        to << "  schema version " << db.get_metadata(std::string(schema::kSchemaVersionKey)) << '\n';
        to << "  " << db.get_doccount() << " articles\n";
        // Each end at its precision: a year-dated article is "2024", not 2024-01-01.
        const auto [oldest, newest] = publication_date_span(db);
        if (oldest.empty()) to << "  no dated articles\n";
        else to << "  dated from " << oldest << " to " << newest << '\n';
        SearchRequest all;
        all.limit = 0;
        all.facets.push_back(std::get<FacetRequest>(parse_facet_spec("source:5")));
        if (auto results = search(all); results && !results->facets.empty()) {
            WrapText sources;
            for (const auto& v : results->facets.front().values)
                sources.add(fmt::format("{} {}", v.value, v.count), kDot);
            to << "  top sources: ";
            tell(sources.empty() ? WrapText::words("(none)") : sources, 15);
        }
    }

    static std::vector<std::string> split_words(std::string_view s) {
        std::vector<std::string> words;
        std::size_t pos = 0;
        while (pos < s.size()) {
            const std::size_t b = s.find_first_not_of(" \t", pos);
            if (b == std::string_view::npos) break;
            const std::size_t e = std::min(s.find_first_of(" \t", b), s.size());
            words.emplace_back(s.substr(b, e - b));
            pos = e;
        }
        return words;
    }

    bool command(std::string_view line_text) {
        const std::size_t space = line_text.find_first_of(" \t");
        const std::string name(line_text.substr(0, space));
        const std::string_view arg = space == std::string_view::npos ? std::string_view() : line_text.substr(space + 1);
        if (name == ":quit" || name == ":q" || name == ":exit") return false;
        if (name == ":help" || name == ":h" || name == ":?") pager.show(help_text(wrap_width(style())));
        else if (name == ":next") next();
        else if (name == ":prev") prev();
        else if (name == ":open") open(arg);
        else if (name == ":explain") explain(arg);
        else if (name == ":like") like(arg);
        else if (name == ":facets") facets(arg);
        else if (name == ":sort") sort(arg);
        else if (name == ":limit") limit(arg);
        else if (name == ":filter") filter(arg);
        else if (name == ":filters") list_filters();
        else if (name == ":clear") clear();
        else if (name == ":stats") stats();
        else problem("unknown command \"" + name + "\" (:help lists the commands)");
        return true;
    }

    // A line that is one of kBareCommands' words alone, at a terminal: runs
    // it and says so the first time. Nothing for any other line (a query).
    // Piped lines are always queries, so scripts are read as before.
    std::optional<bool> bare_command(std::string_view text) {
        if (!settings.interactive) return std::nullopt;
        for (const auto& bare : kBareCommands) {
            if (text != bare.word) continue;
            bool go_on = true;
            if (bare.command) go_on = command(bare.command);
            else if (settings.wrap) out << "\x1b[H\x1b[2J";  // home, erase the screen
            if (bare_words_told.insert(bare.word).second)
                tell(WrapText::words(
                    fmt::format("{}; to search for the word, put it in quotes: \"{}\")", bare.note, bare.word)));
            return go_on;
        }
        return std::nullopt;
    }

    // "newsdex 0.1.0 · news.db · 2225 articles", then how to get help and
    // leave: what a person sees first.
    void banner(std::ostream& to) const {
        const Xapian::doccount articles = db.get_doccount();
        WrapText line;
        line.add(fmt::format("newsdex {}", kVersion))
            .add(printable(settings.db_path), kDot)
            .add(fmt::format("{} article{}", articles, articles == 1 ? "" : "s"), kDot);
        const std::size_t width = cli::terminal_width();
        write_lines(to, line, 0, width);
        if (!index.missing.empty())
            write_lines(to, WrapText::words("Warning: " + printable(partial_results_note(index.missing)) + "."), 0,
                        width);
        write_lines(to, WrapText::words("Type a query, :help for commands, :quit or Ctrl-D to leave."), 0, width);
        to.flush();
    }
};

QueryShell::QueryShell(ShellSettings settings, std::ostream& out, std::ostream& err)
    : session_(std::make_unique<Session>(std::move(settings), out, err)) {}

QueryShell::~QueryShell() = default;

bool QueryShell::execute(const std::string& line, bool from_input) {
    Session& s = *session_;
    if (from_input) ++s.line;
    const std::string_view text = trim(line);
    bool go_on = true;
    try {
        if (text.starts_with(':')) go_on = s.command(text);
        else if (const auto bare = s.bare_command(text)) go_on = *bare;
        else if (!text.empty()) s.query(std::string(text));
    } catch (const Xapian::Error& e) {
        s.problem("index error: " + e.get_description());
    } catch (const std::runtime_error& e) {  // a record that is not newsdex's
        s.problem(std::string("index error: ") + e.what());
    }
    s.out.flush();
    return go_on;
}

Completion QueryShell::complete(std::string_view before_cursor) const {
    try {
        session_->refresh();
        return session_->completer.complete(before_cursor);
    } catch (const std::exception&) {
        return {};  // nothing to offer: the line stays as typed
    }
}

void QueryShell::banner(std::ostream& to) const { session_->banner(to); }

int run_shell(ShellSettings settings, const std::string& history_path) {
    settings.interactive = cli::stdin_is_terminal();
    settings.wrap = cli::stdout_is_terminal();
    if (settings.interactive && settings.wrap)
        settings.pager = pager_command(std::getenv("NEWSDEX_PAGER"), std::getenv("PAGER"));
    const std::string first_query = settings.defaults.query;
    const std::string program = settings.program;
    const bool interactive = settings.interactive;
    QueryShell shell(std::move(settings), std::cout, std::cerr);
    // Where the prompt goes: the terminal, not a file stdout was sent to.
    if (interactive) shell.banner(cli::stdout_is_terminal() ? std::cout : std::cerr);
    std::unique_ptr<LineSource> lines =
        cli::stdin_is_terminal() ? terminal_lines(
                                       program, "newsdex> ", history_path,
                                       [&shell](std::string_view before) { return shell.complete(before); }, std::cerr)
                                 : piped_lines(std::cin);
    if (!first_query.empty() && !shell.execute(first_query, false)) return cli::kSearchHits;
    while (auto line = lines->next())
        if (!shell.execute(*line)) break;
    return cli::kSearchHits;
}

}  // namespace newsdex
