// --explain: each hit's score split into the shares of the query's clauses.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

// One clause's share of a hit's BM25 score.
struct ScorePart {
    std::string term;                // the clause's index term when it is one ("gaza", "Zhostag", "Sgaza")
    std::string clause;              // else the clause as text shows it: "\"ceasefire agreement\"", "negotiate | …"
    std::vector<std::string> terms;  // and its index terms
    double weight = 0;
};

// Xapian 1.4 has no explain API, so each share is recomputed by Xapian
// itself: the weight the article gets for that clause alone (same
// statistics, same BM25). The clauses are the parts whose weights Xapian
// adds up (the operands of AND, OR and AND_MAYBE, the weighted side of
// FILTER and AND_NOT), so the shares add up to the score: a phrase, NEAR or
// a wildcard's words are one share, as Xapian weighs them as a whole.
// The parts of each page article (`docids`, `article_ids`), in page order,
// largest first.
std::vector<std::vector<ScorePart>> explain_scores(const Xapian::Database& db, const Xapian::Query& query,
                                                   const std::vector<Xapian::docid>& docids,
                                                   const std::vector<std::string>& article_ids);

}  // namespace newsdex
