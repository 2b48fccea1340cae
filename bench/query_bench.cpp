// newsdex-query-bench: query latency of newsdex beside plain Xapian on the
// same index and the same queries, in one process (issue 13). Each query of
// the file runs in every mode, the modes interleaved query by query so that
// the machine's noise falls on all of them alike; each mode's latencies give
// p50, p95 and p99 in milliseconds, and the ratios to the Xapian baselines.
//
// Modes:
//   xapian            Enquire over the query newsdex builds, BM25, top 10
//   xapian+1facet     the same with one exact ValueCountMatchSpy (the date
//                     slot; check_at_least = the document count)
//   newsdex           newsdex's search, top 10 (records, snippets, spelling)
//   newsdex+3facets   with exact person, location and date:month facets
//                     (the facet pack on a local index)
//   newsdex+3facets/slots  the same counted with the per-slot spies (the
//                     remote path), for comparison
//   newsdex+3facets/sampled  the same with --facet-sample (--sample N), and
//                     the relative error of the exact top 10 values' counts
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "common/index/article_index.h"
#include "common/index/schema.h"
#include "common/query/query_builder.h"
#include "common/search/search.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(at, v.size() - 1)];
}

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

double xapian_top10(const Xapian::Database& db, const Xapian::Query& q, bool one_facet) {
    const auto start = Clock::now();
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::ValueCountMatchSpy spy(schema::kDateSlot);
    if (one_facet) enquire.add_matchspy(&spy);
    const Xapian::MSet m = enquire.get_mset(0, 10, one_facet ? db.get_doccount() : 0);
    std::size_t sink = m.size();
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) sink += it.get_termfreq();
    if (sink == static_cast<std::size_t>(-1)) std::puts("");  // keeps the work
    return ms_since(start);
}

double newsdex_search(const ArticleSearcher& searcher, const SearchRequest& request, SearchResults* kept = nullptr) {
    const auto start = Clock::now();
    auto r = searcher.search(request);
    const double ms = ms_since(start);
    if (std::holds_alternative<QueryError>(r)) throw std::runtime_error(std::get<QueryError>(r).message);
    if (kept) *kept = std::get<SearchResults>(std::move(r));
    return ms;
}

// The relative error of each of the exact top 10 entity values' sampled
// count (person and location facets), appended to `errors`.
void sample_errors(const SearchResults& exact, const SearchResults& sampled, std::vector<double>& errors) {
    if (sampled.facets_exact) return;  // too few matches to sample
    for (std::size_t f = 0; f < exact.facets.size() && f < sampled.facets.size(); ++f) {
        if (exact.facets[f].request.field == "date") continue;
        std::map<std::string, Xapian::doccount> estimate;
        for (const auto& v : sampled.facets[f].values) estimate[v.value] = v.count;
        for (const auto& v : exact.facets[f].values)
            if (v.count > 0) errors.push_back(std::abs(static_cast<double>(estimate[v.value]) - v.count) / v.count);
    }
}

struct Options {
    std::string db, queries;
    int reps = 1;
    bool any = false;
    std::size_t sample = 20000;
    std::string only;   // one mode alone, for a profiler
    bool each = false;  // print every query's time (with --only)
};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    po::options_description desc(
        "Usage: newsdex-query-bench --db DIR --queries FILE [--reps N] [--any]\n\n"
        "Times every query of FILE (one newsdex query a line) in each mode, interleaved,\n"
        "and prints p50/p95/p99 in ms with the ratios to plain Xapian.\n\nOptions");
    desc.add_options()("db", po::value(&o.db)->required(), "the newsdex index")(
        "queries", po::value(&o.queries)->required(), "query file")("reps", po::value(&o.reps)->default_value(1),
                                                                    "times to run the whole file")(
        "any", po::bool_switch(&o.any), "any word matches (Xapian's OR), not every word")(
        "sample", po::value(&o.sample)->default_value(20000), "--facet-sample for the sampled mode")(
        "only", po::value(&o.only), "time this mode alone (for perf or callgrind)")(
        "each", po::bool_switch(&o.each), "with --only: print each query's time in ms to stderr")("help,h",
                                                                                                  "show this help");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, desc), vm);
        if (vm.count("help")) {
            std::cout << desc << '\n';
            return 0;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "newsdex-query-bench: " << e.what() << '\n';
        return 2;
    }
    const std::vector<std::string> modes = {"xapian",          "xapian+1facet",         "newsdex",
                                            "newsdex+3facets", "newsdex+3facets/slots", "newsdex+3facets/sampled"};
    if (!o.only.empty() && std::find(modes.begin(), modes.end(), o.only) == modes.end()) {
        std::cerr << "newsdex-query-bench: unknown --only mode \"" << o.only << "\"\n";
        return 2;
    }
    if (o.each && o.only.empty()) {
        std::cerr << "newsdex-query-bench: --each needs --only MODE\n";
        return 2;
    }
    const Xapian::Database db = open_index_for_reading(o.db);
    const ArticleSearcher searcher(db);
    const QueryBuilder builder(db);
    const MatchMode mode = o.any ? MatchMode::any : MatchMode::all;
    const auto queries = read_queries(o.queries);

    std::vector<double> errors;  // the sampled mode's, relative
    std::map<std::string, std::vector<double>> times;
    std::vector<FacetRequest> three;
    for (const char* spec : {"person", "location", "date:month"})
        three.push_back(std::get<FacetRequest>(parse_facet_spec(spec)));
    for (int rep = 0; rep < o.reps; ++rep)
        for (const auto& text : queries) {
            const auto built = builder.build(text, mode);
            if (std::holds_alternative<QueryError>(built)) {
                std::cerr << "newsdex-query-bench: skipped \"" << text << "\": " << std::get<QueryError>(built).message
                          << '\n';
                continue;
            }
            const Xapian::Query& q = std::get<Xapian::Query>(built);
            SearchRequest plain;
            plain.query = text;
            plain.mode = mode;
            SearchRequest faceted = plain;
            faceted.facets = three;
            SearchRequest per_slot = faceted;
            per_slot.facet_counting = FacetCounting::per_slot;
            SearchRequest sampled = faceted;
            sampled.facet_sample = o.sample;
            SearchResults exact_results, sampled_results;
            if (!o.only.empty()) {
                const std::map<std::string, const SearchRequest*> requests = {{"newsdex", &plain},
                                                                              {"newsdex+3facets", &faceted},
                                                                              {"newsdex+3facets/slots", &per_slot},
                                                                              {"newsdex+3facets/sampled", &sampled}};
                if (o.only == "xapian" || o.only == "xapian+1facet")
                    times[o.only].push_back(xapian_top10(db, q, o.only == "xapian+1facet"));
                else if (requests.count(o.only))
                    times[o.only].push_back(newsdex_search(searcher, *requests.at(o.only)));
                if (o.each && !times[o.only].empty()) std::cerr << times[o.only].back() << '\t' << text << '\n';
                continue;
            }
            times["xapian"].push_back(xapian_top10(db, q, false));
            times["xapian+1facet"].push_back(xapian_top10(db, q, true));
            times["newsdex"].push_back(newsdex_search(searcher, plain));
            times["newsdex+3facets"].push_back(newsdex_search(searcher, faceted, &exact_results));
            times["newsdex+3facets/slots"].push_back(newsdex_search(searcher, per_slot));
            times["newsdex+3facets/sampled"].push_back(newsdex_search(searcher, sampled));
            // The error, untimed: every sampled value, so that an exact top-10
            // value the sample ranks lower is compared too.
            SearchRequest all_values = sampled;
            for (auto& f : all_values.facets) f.top = 0;
            newsdex_search(searcher, all_values, &sampled_results);
            sample_errors(exact_results, sampled_results, errors);
        }

    std::printf("index: %s (%u articles); %zu queries x %d, %s\n", o.db.c_str(), db.get_doccount(), queries.size(),
                o.reps, o.any ? "any word" : "every word");
    std::printf("%-24s %9s %9s %9s %13s %19s\n", "mode", "p50 ms", "p95 ms", "p99 ms", "p99/xapian",
                "p99/xapian+1facet");
    const double x99 = percentile(times["xapian"], 0.99), f99 = percentile(times["xapian+1facet"], 0.99);
    for (const auto& m : modes) {
        const auto& t = times[m];
        if (t.empty()) continue;
        const double p99 = percentile(t, 0.99);
        std::printf("%-24s %9.2f %9.2f %9.2f %13.2f %19.2f\n", m.c_str(), percentile(t, 0.5), percentile(t, 0.95), p99,
                    p99 / x99, p99 / f99);
    }
    if (!errors.empty())
        std::printf(
            "sampled facets (--facet-sample %zu): relative error of the exact top-10 values' counts over %zu "
            "values: median %.1f%%, p95 %.1f%%, max %.1f%%\n",
            o.sample, errors.size(), 100 * percentile(errors, 0.5), 100 * percentile(errors, 0.95),
            100 * percentile(errors, 1.0));
    else std::printf("sampled facets: no query had more than %zu matches\n", o.sample);
    return 0;
}
