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
//
// --modes times a subset, still interleaved. With --reps 3 or more a second
// table gives the percentiles of each query's median over the reps: on a
// noisy machine a pooled p99 of a few hundred queries rests on a handful
// of single runs.
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
    std::string modes;  // comma-separated: time these modes only, interleaved
};

std::vector<std::string> split_commas(const std::string& list) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t comma; (comma = list.find(',', from)) != std::string::npos; from = comma + 1)
        out.push_back(list.substr(from, comma - from));
    out.push_back(list.substr(from));
    return out;
}

// One mode's latencies: per query, one per rep.
using Latencies = std::vector<std::vector<double>>;

std::vector<double> pooled(const Latencies& l) {
    std::vector<double> out;
    for (const auto& q : l) out.insert(out.end(), q.begin(), q.end());
    return out;
}

// Each query's median over the reps: the machine's noise moves single runs,
// and a pooled p99 of a few hundred queries is a handful of them.
std::vector<double> per_query_medians(const Latencies& l) {
    std::vector<double> out;
    for (const auto& q : l)
        if (!q.empty()) out.push_back(percentile(q, 0.5));
    return out;
}

std::string ratio(double a, double b) {
    if (!(b > 0)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", a / b);
    return buf;
}

void print_table(const std::vector<std::string>& modes, const std::map<std::string, Latencies>& times,
                 std::vector<double> (*reduce)(const Latencies&)) {
    std::printf("%-24s %9s %9s %9s %13s %19s\n", "mode", "p50 ms", "p95 ms", "p99 ms", "p99/xapian",
                "p99/xapian+1facet");
    auto p99_of = [&](const std::string& m) {
        const auto it = times.find(m);
        return it == times.end() ? 0.0 : percentile(reduce(it->second), 0.99);
    };
    const double x99 = p99_of("xapian"), f99 = p99_of("xapian+1facet");
    for (const auto& m : modes) {
        const auto it = times.find(m);
        if (it == times.end()) continue;
        const auto t = reduce(it->second);
        if (t.empty()) continue;
        const double p99 = percentile(t, 0.99);
        std::printf("%-24s %9.2f %9.2f %9.2f %13s %19s\n", m.c_str(), percentile(t, 0.5), percentile(t, 0.95), p99,
                    ratio(p99, x99).c_str(), ratio(p99, f99).c_str());
    }
}

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
        "each", po::bool_switch(&o.each), "with --only: print each query's time in ms to stderr")(
        "modes", po::value(&o.modes), "comma-separated modes to time, interleaved (default: all)")("help,h",
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
    const std::vector<std::string> all_modes = {"xapian",          "xapian+1facet",         "newsdex",
                                                "newsdex+3facets", "newsdex+3facets/slots", "newsdex+3facets/sampled"};
    const std::vector<std::string> modes = !o.only.empty()   ? std::vector<std::string>{o.only}
                                           : o.modes.empty() ? all_modes
                                                             : split_commas(o.modes);
    for (const auto& m : modes)
        if (std::find(all_modes.begin(), all_modes.end(), m) == all_modes.end()) {
            std::cerr << "newsdex-query-bench: unknown mode \"" << m << "\"\n";
            return 2;
        }
    auto timed = [&](const std::string& m) { return std::find(modes.begin(), modes.end(), m) != modes.end(); };
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
    std::map<std::string, Latencies> times;
    for (const auto& m : modes) times[m].resize(queries.size());
    std::vector<FacetRequest> three;
    for (const char* spec : {"person", "location", "date:month"})
        three.push_back(std::get<FacetRequest>(parse_facet_spec(spec)));
    for (int rep = 0; rep < o.reps; ++rep)
        for (std::size_t qi = 0; qi < queries.size(); ++qi) {
            const std::string& text = queries[qi];
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
                auto& t = times[o.only][qi];
                if (o.only == "xapian" || o.only == "xapian+1facet")
                    t.push_back(xapian_top10(db, q, o.only == "xapian+1facet"));
                else if (requests.count(o.only)) t.push_back(newsdex_search(searcher, *requests.at(o.only)));
                if (o.each && !t.empty()) std::cerr << t.back() << '\t' << text << '\n';
                continue;
            }
            if (timed("xapian")) times["xapian"][qi].push_back(xapian_top10(db, q, false));
            if (timed("xapian+1facet")) times["xapian+1facet"][qi].push_back(xapian_top10(db, q, true));
            if (timed("newsdex")) times["newsdex"][qi].push_back(newsdex_search(searcher, plain));
            if (timed("newsdex+3facets"))
                times["newsdex+3facets"][qi].push_back(newsdex_search(searcher, faceted, &exact_results));
            if (timed("newsdex+3facets/slots"))
                times["newsdex+3facets/slots"][qi].push_back(newsdex_search(searcher, per_slot));
            if (!timed("newsdex+3facets/sampled")) continue;
            times["newsdex+3facets/sampled"][qi].push_back(newsdex_search(searcher, sampled));
            if (!timed("newsdex+3facets")) continue;  // the error needs the exact counts
            // The error, untimed: every sampled value, so that an exact top-10
            // value the sample ranks lower is compared too.
            SearchRequest all_values = sampled;
            for (auto& f : all_values.facets) f.top = 0;
            newsdex_search(searcher, all_values, &sampled_results);
            sample_errors(exact_results, sampled_results, errors);
        }

    std::printf("index: %s (%u articles); %zu queries x %d, %s\n", o.db.c_str(), db.get_doccount(), queries.size(),
                o.reps, o.any ? "any word" : "every word");
    print_table(modes, times, pooled);
    if (o.reps >= 3) {
        std::printf("each query's median over the %d reps:\n", o.reps);
        print_table(modes, times, per_query_medians);
    }
    if (!errors.empty())
        std::printf(
            "sampled facets (--facet-sample %zu): relative error of the exact top-10 values' counts over %zu "
            "values: median %.1f%%, p95 %.1f%%, max %.1f%%\n",
            o.sample, errors.size(), 100 * percentile(errors, 0.5), 100 * percentile(errors, 0.95),
            100 * percentile(errors, 1.0));
    else if (timed("newsdex+3facets/sampled") && timed("newsdex+3facets"))
        std::printf("sampled facets: no query had more than %zu matches\n", o.sample);
    return 0;
}
