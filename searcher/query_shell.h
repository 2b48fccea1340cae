// The interactive query shell, `newsdex-search --shell`: plain lines are
// queries, lines starting with ':' are commands (:help lists them). The
// state a session keeps: the current search and its page, the sort order,
// the page size, the facets summarised under the hits, and sticky filters
// applied to every query.
//
// The shell reopens the index before every search (retrying when a writer
// replaced what it was reading), so it sees articles committed after it
// started. A query error or an unknown command is a message on the error
// stream, and the shell goes on. Index errors raised while opening travel
// (IndexError, Xapian::Error); later ones are reported per line.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/search/search.h"
#include "searcher/completion.h"

namespace newsdex {

struct ShellSettings {
    std::string program = "newsdex-search";
    std::string db_path;
    // From the command line: page size (limit), sort, half-life, --any,
    // --collapse, facets (none given: person, location and date:month).
    SearchRequest defaults;
    bool color = false;          // bold titles and highlights, dim metadata
    bool interactive = false;    // a person at a terminal: messages carry no program name or line number, and
                                 // help, quit, exit and clear alone on a line are commands
    bool wrap = false;           // stdout is a terminal: every line wraps to its width (TextStyle::wrap)
    bool allow_partial = false;  // --allow-partial: search the shards reached
    // Long output (:open, :facets, :help…) goes through this pager when it
    // is taller than the screen (pager.h); nothing: printed as it is.
    std::optional<std::string> pager;
};

class QueryShell {
public:
    // Opens the index (throws IndexError when it cannot).
    QueryShell(ShellSettings settings, std::ostream& out, std::ostream& err);
    ~QueryShell();
    QueryShell(const QueryShell&) = delete;
    QueryShell& operator=(const QueryShell&) = delete;

    // Runs one line. False once the shell should end (:quit). A line that
    // is not from the input (the command line's first query) is not counted
    // in the line numbers piped-input messages give.
    bool execute(const std::string& line, bool from_input = true);
    // Tab completion of the line before the cursor (completion.h).
    Completion complete(std::string_view before_cursor) const;
    // What the shell opens on at a terminal: the version, the index and its
    // articles, how to get help and how to leave.
    void banner(std::ostream& to) const;

private:
    struct Session;
    std::unique_ptr<Session> session_;
};

// The whole session: lines from the terminal (libedit, history in
// history_path unless empty) or, when standard input is not a terminal,
// plain lines with no prompt, until :quit or the end of input. Returns the
// exit status (0).
int run_shell(ShellSettings settings, const std::string& history_path);

}  // namespace newsdex
