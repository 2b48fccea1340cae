#include "common/search/spelling.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "common/base/strings.h"
#include "common/query/query_builder.h"

namespace newsdex {

namespace {

// A word this rare beside a neighbour this many times more common is a typo.
constexpr Xapian::doccount kRareWord = 2;
constexpr Xapian::doccount kMoreCommonBy = 20;

// The rare words of one query looked up, at most: each lookup reads every
// indexed word with its first letter, so a generated query of a thousand
// rare words took seconds. Later words keep their spelling.
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

std::optional<std::string> nearest_common(const Xapian::Database& db, const std::string& w, Xapian::doccount own) {
    const std::size_t limit = edits_allowed(w);
    std::optional<std::string> best;
    Xapian::doccount best_freq = 0;
    std::size_t best_distance = limit + 1;
    // Unprefixed words sharing the first letter: typos rarely hit it.
    for (auto t = db.allterms_begin(w.substr(0, 1)); t != db.allterms_end(w.substr(0, 1)); ++t) {
        const std::string candidate = *t;
        if (candidate == w) continue;
        const std::size_t d = edit_distance(w, candidate, limit);
        if (d > limit) continue;
        const Xapian::doccount freq = t.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq))
            best = candidate, best_freq = freq, best_distance = d;
    }
    if (!best || best_freq < std::max<Xapian::doccount>(1, own * kMoreCommonBy)) return std::nullopt;
    return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

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
