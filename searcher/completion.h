// Tab completion for the query shell, with no terminal attached: the text
// before the cursor -> what the word under the cursor can become. Completes
// shell commands (":he" -> ":help"), field names ("pers" -> "person:") and
// entity values from the index ("person:Ant" -> person:"Antony Blinken",
// also from a later word of the name: "person:Blin"). Value candidates are
// the whole-name filter terms (schema.h), shown in the spelling an article
// holding the term stores, quoted: the form a filter takes.
//
// Reads the database it was given on every call (so a reopened database is
// seen); not thread-safe, like Xapian::Database itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct Completion {
    std::size_t start = 0;  // byte offset where the word being completed begins
    // What [start, cursor) becomes: the one candidate, or the longest start
    // all candidates share when it extends what was typed; empty: leave it.
    std::string replacement;
    bool finished = false;                // one candidate and nothing can follow it in the word (a space may)
    std::vector<std::string> candidates;  // best first (prefix matches, then most articles), at most kMaxCandidates
};

class Completer {
public:
    static constexpr std::size_t kMaxCandidates = 40;

    // commands: the shell's, with their colon (":help"); each may be
    // followed by its argument words, which complete too (":sort newest").
    Completer(const Xapian::Database& db, std::vector<std::string> commands);

    Completion complete(std::string_view before_cursor) const;

private:
    const Xapian::Database& db_;
    std::vector<std::string> commands_;
};

}  // namespace newsdex
