#include "common/search/score_explanation.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/index/schema.h"

namespace newsdex {

namespace {

// The subqueries whose weights Xapian sums into a document's score.
void weighted_clauses(const Xapian::Query& q, std::vector<Xapian::Query>& out) {
    switch (q.get_type()) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_MAYBE:
            for (std::size_t k = 0; k < q.get_num_subqueries(); ++k) weighted_clauses(q.get_subquery(k), out);
            return;
        case Xapian::Query::OP_FILTER:   // the rest are boolean: no weight
        case Xapian::Query::OP_AND_NOT:  // the rest only exclude
            weighted_clauses(q.get_subquery(0), out);
            return;
        case Xapian::Query::LEAF_MATCH_ALL:
        case Xapian::Query::LEAF_MATCH_NOTHING: return;
        default: out.push_back(q);
    }
}

// A clause of several terms as the text output shows it.
std::string clause_label(const Xapian::Query& q) {
    std::vector<std::string> words;
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) words.push_back(schema::describe_term(*t));
    const auto joined = [&](const std::string& separator) {
        std::string s;
        for (const auto& w : words) s += (s.empty() ? "" : separator) + w;
        return s;
    };
    switch (q.get_type()) {
        case Xapian::Query::OP_PHRASE: return "\"" + joined(" ") + "\"";
        case Xapian::Query::OP_NEAR: return joined(" NEAR ");
        default: {
            // Alternatives (a wildcard's words, a compound's spellings): the
            // first three, then how many in all; a wildcard's words read as
            // the wildcard ("negotiat*: negotiate | negotiated | …").
            std::sort(words.begin(), words.end());
            words.erase(std::unique(words.begin(), words.end()), words.end());
            const std::size_t all = words.size();
            std::size_t common = 0;
            while (all > 1 && common < words.front().size() && common < words.back().size() &&
                   words.front()[common] == words.back()[common])
                ++common;
            const std::string wildcard = common >= 3 ? words.front().substr(0, common) + "*: " : "";
            if (all > 3) words.resize(3);
            return wildcard + joined(" | ") + (all > 3 ? " | \xE2\x80\xA6 (" + std::to_string(all) + " words)" : "");
        }
    }
}

ScorePart part_of(const Xapian::Query& clause) {
    ScorePart part;
    const std::set<std::string> terms(clause.get_unique_terms_begin(), clause.get_unique_terms_end());
    if (clause.get_type() == Xapian::Query::LEAF_TERM && terms.size() == 1) part.term = *terms.begin();
    else part.clause = clause_label(clause), part.terms.assign(terms.begin(), terms.end());
    return part;
}

}  // namespace

// One pass per clause, over the page's articles that hold one of its terms
// (their term lists say which): a pass per term and hit took a million
// passes for a page of 1,000 hits and a 1,000-word query.
std::vector<std::vector<ScorePart>> explain_scores(const Xapian::Database& db, const Xapian::Query& query,
                                                   const std::vector<Xapian::docid>& docids,
                                                   const std::vector<std::string>& article_ids) {
    std::vector<Xapian::Query> clauses;
    weighted_clauses(query, clauses);
    const std::set<std::string> terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
    std::map<std::string, std::vector<std::size_t>> holders;  // term -> the page rows holding it
    std::map<Xapian::docid, std::size_t> row_of;
    for (std::size_t k = 0; k < docids.size(); ++k) {
        row_of[docids[k]] = k;
        auto held = db.termlist_begin(docids[k]);
        for (const auto& term : terms) {
            held.skip_to(term);
            if (held == db.termlist_end(docids[k])) break;
            if (*held == term) holders[term].push_back(k);
        }
    }
    std::vector<std::vector<ScorePart>> parts(docids.size());
    for (const auto& clause : clauses) {
        std::set<std::size_t> rows;
        for (auto t = clause.get_unique_terms_begin(); t != clause.get_unique_terms_end(); ++t)
            if (const auto h = holders.find(*t); h != holders.end()) rows.insert(h->second.begin(), h->second.end());
        if (rows.empty()) continue;
        std::vector<Xapian::Query> articles;
        for (const std::size_t row : rows) articles.emplace_back(schema::id_term(article_ids[row]));
        Xapian::Enquire one(db);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, clause,
                                    Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end())));
        one.set_weighting_scheme(Xapian::BM25Weight());
        const Xapian::MSet m = one.get_mset(0, static_cast<Xapian::doccount>(articles.size()));
        const ScorePart part = part_of(clause);
        for (auto it = m.begin(); it != m.end(); ++it)
            if (const auto row = row_of.find(*it); row != row_of.end() && it.get_weight() > 0) {
                parts[row->second].push_back(part);
                parts[row->second].back().weight = it.get_weight();
            }
    }
    for (auto& p : parts)
        std::stable_sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    return parts;
}

}  // namespace newsdex
