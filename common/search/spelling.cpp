#include "common/search/spelling.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/edit_distance.h"
#include "common/base/strings.h"
#include "common/query/query_builder.h"

namespace newsdex {

namespace {

// A word this rare beside a neighbour this many times more common is a typo.
constexpr Xapian::doccount kRareWord = 2;
constexpr Xapian::doccount kMoreCommonBy = 20;

// The rare words of one query looked up, at most: each lookup walks the
// indexed words with its first letter (skipping those already too far, but
// a remote shard sends them all), so a generated query of a thousand rare
// words took seconds. Later words keep their spelling.
constexpr std::size_t kMaxWordsLookedUp = 10;

std::size_t edits_allowed(std::string_view word) { return word.size() <= 4 ? 1 : 2; }

// A word worth looking up: four letters at least, letters only (short words
// and numbers have too many neighbours to guess), and rare in the index
// (`own`: in how many articles).
bool rare_word(const Xapian::Database& db, std::string_view word, Xapian::doccount& own) {
    if (word.size() < 4 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return false;
    own = db.get_termfreq(std::string(word));
    return own <= kRareWord;
}

// The first string after every string that starts with `prefix`, or "" when
// there is none (a prefix of 0xFF bytes only).
std::string after_prefix(std::string prefix) {
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
    if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

std::optional<std::string> nearest_common(const Xapian::Database& db, const std::string& w, Xapian::doccount own) {
    const std::size_t limit = edits_allowed(w);
    std::optional<std::string> best;
    Xapian::doccount best_freq = 0;
    std::size_t best_distance = limit + 1;
    PrefixDistance distance(w, limit);
    // Unprefixed words sharing the first letter: typos rarely hit it.
    const std::string first = w.substr(0, 1);
    for (auto t = db.allterms_begin(first); t != db.allterms_end(first);) {
        const std::string candidate = *t;
        if (const std::size_t dead = distance.move_to(candidate); dead != PrefixDistance::kAlive) {
            const std::string next = after_prefix(candidate.substr(0, dead));
            if (next.empty()) break;
            t.skip_to(next);
            continue;
        }
        if (const std::size_t d = distance.distance(); d <= limit && candidate != w) {
            const Xapian::doccount freq = t.get_termfreq();
            if (d < best_distance || (d == best_distance && freq > best_freq))
                best = candidate, best_freq = freq, best_distance = d;
        }
        ++t;
    }
    if (!best || best_freq < std::max<Xapian::doccount>(1, own * kMoreCommonBy)) return std::nullopt;
    return best;
}

}  // namespace

std::optional<std::string> better_spelling(const Xapian::Database& db, std::string_view word) {
    Xapian::doccount own = 0;
    if (!rare_word(db, word, own)) return std::nullopt;
    return nearest_common(db, std::string(word), own);
}

std::optional<std::string> suggest_spelling(const Xapian::Database& db, const std::string& query) {
    std::string suggestion = query;
    bool changed = false;
    std::ptrdiff_t shift = 0;  // replacements change lengths
    const std::string lower = lower_ascii(query);
    std::size_t looked_up = 0;
    for (const FreeTextClause& clause : free_text_clauses(query)) {
        std::istringstream words(clause.folded);
        std::size_t from = clause.position;
        for (std::string w; words >> w;) {
            Xapian::doccount own = 0;
            std::optional<std::string> better;
            if (looked_up < kMaxWordsLookedUp && rare_word(db, w, own)) {
                ++looked_up;
                better = nearest_common(db, w, own);
            }
            // The word as written, found case-insensitively after the last one.
            const std::size_t at = lower.find(w, from);
            if (at == std::string::npos) continue;
            from = at + w.size();
            if (!better) continue;
            suggestion.replace(static_cast<std::size_t>(static_cast<std::ptrdiff_t>(at) + shift), w.size(), *better);
            shift += static_cast<std::ptrdiff_t>(better->size()) - static_cast<std::ptrdiff_t>(w.size());
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return suggestion;
}

}  // namespace newsdex
