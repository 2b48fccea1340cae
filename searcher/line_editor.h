// Where the query shell's lines come from. On a terminal: libedit, with a
// prompt, emacs-style line editing, tab completion (completion.h) and a
// persistent history. Otherwise (a pipe, a file): plain lines, no prompt,
// no escape codes, so `printf 'hamas\n:next\n' | newsdex-search --shell`
// prints only results.
//
// The history file is read at start and rewritten after every line; its
// directory is created on demand. Failing to write it is a one-line warning
// (given once), never an error.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "searcher/completion.h"

namespace newsdex {

class LineSource {
public:
    virtual ~LineSource() = default;
    // The next line, without its newline; nothing at the end of input
    // (Ctrl-D on a terminal).
    virtual std::optional<std::string> next() = 0;
};

std::unique_ptr<LineSource> piped_lines(std::istream& in);

using CompleteFunction = std::function<Completion(std::string_view before_cursor)>;

// Standard input must be a terminal. The prompt and the editing go to
// standard output (standard error when standard output is not a terminal).
// history_path: empty for no history. Warnings go to `warnings`, prefixed
// with `program`.
std::unique_ptr<LineSource> terminal_lines(const std::string& program, std::string prompt, std::string history_path,
                                           CompleteFunction complete, std::ostream& warnings);

// $XDG_STATE_HOME/newsdex/history, else ~/.local/state/newsdex/history
// (XDG Base Directory: a relative XDG_STATE_HOME is ignored); empty when
// neither XDG_STATE_HOME nor HOME is set.
std::string default_history_path();

}  // namespace newsdex
