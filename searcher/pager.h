// The shell's long output (an article, full facet lists, the help) goes
// through a pager, as git's and psql's does, so that what comes first (an
// article's title and metadata) does not scroll off the screen: on a
// terminal, when the text has more rows than the screen, it is piped to
// $NEWSDEX_PAGER, else $PAGER, else "less -R", with LESS=FRX when LESS is
// unset (quit when the text fits, pass the colours, leave the text on the
// screen) and LV=-c as git sets them. A setting that is empty or "cat"
// means no pager. A pager that cannot be started (not installed) is one
// warning, and the text is printed as it is.
//
// The terminal's modes are saved before the pager runs and restored after
// it exits (even when it dies), so the line editor finds the terminal as it
// left it. Not thread-safe: it forks and waits.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace newsdex {

// The pager command from the values of $NEWSDEX_PAGER and $PAGER (null
// when unset): the first one set, else "less -R". Nothing when that is
// empty or "cat".
std::optional<std::string> pager_command(const char* newsdex_pager, const char* pager);

// Rows `text` fills on a terminal `columns` wide: a line wider than the
// screen takes more than one; escape codes (colours) take no room.
std::size_t screen_rows(std::string_view text, std::size_t columns);

class Pager {
public:
    // command: what to run (pager_command()), through /bin/sh when it
    // needs a shell's parsing; nothing for no pager (output that is not a
    // terminal). warnings: where "PROGRAM: warning: …" goes.
    Pager(std::optional<std::string> command, std::ostream& out, std::ostream& warnings, std::string program);

    // Shows `text`: through the pager when it has more rows than the screen
    // holds above the prompt, else on `out`.
    void show(const std::string& text);

private:
    // False when the pager could not be started; the text is then unread.
    bool run(const std::string& text);
    // "PROGRAM: warning: cannot run the pager …: why", the first time only.
    void warn_once(const std::string& why);

    std::optional<std::string> command_;
    std::ostream& out_;
    std::ostream& warnings_;
    std::string program_;
    bool warned_ = false;
};

}  // namespace newsdex
