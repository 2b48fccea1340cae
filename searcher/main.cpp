// newsdex-search: parse -> search -> render. The command line
// (search_options.h), then one search, --get, the shell (query_shell.h) or a
// batch (batch.h); the steps themselves live in common/.
#include <iostream>

#include "common/base/printable.h"
#include "common/cli/cli.h"
#include "common/index/article_index.h"
#include "common/index/index_shards.h"
#include "common/render/article_view.h"
#include "common/render/render.h"
#include "common/search/search.h"
#include "searcher/batch.h"
#include "searcher/line_editor.h"
#include "searcher/query_shell.h"
#include "searcher/search_options.h"

using namespace newsdex;

namespace {

// A running newsdex-index's commits can outdate an open index mid-search
// (Xapian's DatabaseModifiedError): the search opens the index again and
// reruns, so it always answers from a committed state.
template <typename Search>
auto on_committed_index(const SearchOptions& opt, Search search) {
    for (int attempt = 0;; ++attempt) {
        try {
            const OpenedIndex index = open_index_shards(resolve_index_path(opt.db), opt.allow_partial);
            // Text and JSON results say so themselves; --get and jsonl do not.
            if (!opt.get_id.empty() || opt.format == "jsonl") cli::warn_if_partial(kSearchProgram, index);
            return search(index);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 4) throw;
        }
    }
}

// Text for people: colour as --color says; on a terminal every line wraps
// to its width, while a pipe keeps one line per title, metadata and name
// list, as scripts have always read them.
TextStyle text_style(const SearchOptions& opt) {
    TextStyle style{cli::use_color(opt.color), cli::terminal_width()};
    style.wrap = cli::stdout_is_terminal();
    return style;
}

// --get ID: exit 0 with the article, 1 when the index has no such id.
int show_article(const SearchOptions& opt) {
    const auto article =
        on_committed_index(opt, [&](const OpenedIndex& index) { return find_article(index.db, opt.get_id); });
    if (!article) {
        cli::print_error(kSearchProgram, "", "no article has the id \"" + shortened(opt.get_id, 200) + "\"");
        return cli::kSearchNoHits;
    }
    const TextStyle style = text_style(opt);
    if (opt.why && opt.format == "text") render_article_why_text(std::cout, *article, style);
    else if (opt.why) render_article_why_json(std::cout, *article);
    else if (opt.format == "text") render_article_text(std::cout, *article, style);
    else render_article_json(std::cout, *article);
    if (auto error = cli::finish_stdout()) {
        cli::print_error(kSearchProgram, "", *error);
        return cli::kSearchUsage;
    }
    return cli::kSearchHits;
}

int run(const SearchOptions& opt) {
    if (!opt.get_id.empty()) return show_article(opt);
    if (opt.shell) {
        ShellSettings shell;
        shell.db_path = resolve_index_path(opt.db);
        shell.defaults = opt.request;
        shell.color = cli::use_color(opt.color);
        shell.allow_partial = opt.allow_partial;
        return run_shell(std::move(shell), default_history_path());
    }
    if (!opt.batch.options.input.empty()) {
        BatchOptions batch = opt.batch.options;
        batch.db_path = resolve_index_path(opt.db);
        batch.defaults = opt.request;
        batch.timing = opt.timing;
        batch.allow_partial = opt.allow_partial;
        return run_batch(batch, kSearchProgram);
    }
    auto outcome = on_committed_index(
        opt, [&](const OpenedIndex& index) { return ArticleSearcher(index.db, index.missing).search(opt.request); });
    if (auto* err = std::get_if<QueryError>(&outcome)) {
        std::cerr << kSearchProgram << ": " << describe_query_error(opt.request.query, *err) << '\n';
        return cli::kSearchUsage;
    }
    const auto& results = std::get<SearchResults>(outcome);
    if (opt.format == "json") render_json(std::cout, results, opt.timing);
    else if (opt.format == "jsonl") render_jsonl(std::cout, results);
    else render_text(std::cout, results, text_style(opt));
    if (auto error = cli::finish_stdout()) {
        cli::print_error(kSearchProgram, "", *error);
        return cli::kSearchUsage;
    }
    return results.total > 0 ? cli::kSearchHits : cli::kSearchNoHits;
}

}  // namespace

int main(int argc, char** argv) {
    cli::ignore_sigpipe();
    cli::report_crashes(kSearchProgram);
    SearchOptions opt;
    if (auto code = parse_search_command_line(argc, argv, opt)) return *code;
    return cli::run_reporting_errors(kSearchProgram, resolve_index_path(opt.db), cli::kSearchIndexError,
                                     [&] { return run(opt); });
}
