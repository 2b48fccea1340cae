// Edit distance between words: the spelling suggestion's, over a sorted
// vocabulary, and the command line's "did you mean" for options.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Edit distances (Damerau: adjacent swaps count one edit) from one word to
// candidates taken in sorted order, one row of the distance table per letter
// of the candidate. Candidates that share a prefix share its rows, and a
// prefix already more than `limit` edits from the word rules out every
// candidate that starts with it, so a caller walking a sorted vocabulary can
// skip them instead of reading each (the spelling suggestion: a realistic
// archive has tens of thousands of words per first letter).
class PrefixDistance {
public:
    static constexpr std::size_t kAlive = std::string::npos;

    PrefixDistance(std::string_view word, std::size_t limit) : word_(word), limit_(limit) {
        rows_.emplace_back(word_.size() + 1);
        for (std::size_t j = 0; j <= word_.size(); ++j) rows_[0][j] = j;
    }

    // Moves to `candidate`: the length of its shortest prefix that is more
    // than `limit` edits from every prefix of the word, or kAlive.
    std::size_t move_to(std::string_view candidate) {
        std::size_t common = 0;
        while (common < prefix_.size() && common < candidate.size() && prefix_[common] == candidate[common]) ++common;
        prefix_.resize(common);
        for (std::size_t k = common; k < candidate.size(); ++k) {
            prefix_ += candidate[k];
            if (!add_row()) return k + 1;
        }
        return kAlive;
    }

    // The distance to the candidate moved to, or limit + 1 when larger.
    std::size_t distance() const { return std::min(rows_[prefix_.size()][word_.size()], beyond_limit()); }

    // limit + 1, or the largest distance when limit is (no limit at all).
    std::size_t beyond_limit() const { return limit_ == static_cast<std::size_t>(-1) ? limit_ : limit_ + 1; }

private:
    // The row of prefix_ from the two before it (Damerau: adjacent swaps
    // count one edit). False when its smallest entry is beyond the limit:
    // then so is every later row's, as more letters never bring it closer.
    bool add_row() {
        const std::size_t k = prefix_.size(), m = word_.size();
        if (rows_.size() <= k) rows_.emplace_back(m + 1);
        std::vector<std::size_t>& cur = rows_[k];
        const std::vector<std::size_t>& prev = rows_[k - 1];
        const char c = prefix_[k - 1];
        cur[0] = k;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (c == word_[j - 1] ? 0 : 1)});
            if (k > 1 && j > 1 && c == word_[j - 2] && prefix_[k - 2] == word_[j - 1])
                cur[j] = std::min(cur[j], rows_[k - 2][j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        return row_min <= limit_;
    }

    std::string word_;
    std::size_t limit_;
    std::string prefix_;                          // the letters of rows_[1..]
    std::vector<std::vector<std::size_t>> rows_;  // rows_[k]: prefix_[0, k) against each prefix of word_
};

// Damerau-Levenshtein distance (adjacent swaps count 1), or limit + 1 when
// larger than limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace newsdex
