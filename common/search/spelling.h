// "Did you mean": a spelling suggestion from the indexed vocabulary. A query
// word that no article contains, or only a few while a word one or two edits
// away is far more common, is replaced by that word (Netanyahoo ->
// netanyahu, Blinkin -> blinken). Computed at query time from the term list,
// so it needs no spelling data in the index and works on remote databases
// too (Xapian's own spelling tables are neither written by newsdex nor
// served by xapian-tcpsrv).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// The query with its misspelt words replaced, when any word of its free
// text (not of its filters) needs it: "netanyahoo visit" -> "netanyahu
// visit". The rest of the query keeps its spelling and syntax. Only the
// first 10 rare words are looked up (each lookup walks the words of the
// index with its first letter), so a long query costs no more than that.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query);

// The closest well-attested indexed word to a folded word, if it needs one.
std::optional<std::string> better_spelling(const Xapian::Database& db, std::string_view folded_word);

}  // namespace newsdex
