// Facet counting per match (issue 13's microbenchmarks): newsdex's two ways
// of counting the person, location and month facets over every article of
// an index (FacetCounter with the facet pack, and with a ValueCountMatchSpy
// per used slot, the path remote shards take) beside the baseline, Xapian's
// own ValueCountMatchSpy counting one single-valued slot (the date). The
// index: ../shared/bbc-news (else corpus/) analysed by DocumentBuilder and
// written ten times over, under distinct ids, into a glass database in a
// temporary folder. Run: build/bench/newsdex_facet_bench (Release build).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "bench/bench_articles.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "common/search/facets.h"

namespace {

namespace fs = std::filesystem;

constexpr int kCopies = 10;

// Removes the index when the process ends.
struct ScratchIndex {
    fs::path path = fs::temp_directory_path() / ("newsdex-facet-bench-" + std::to_string(::getpid()));
    Xapian::Database db;
    ScratchIndex() {
        const fs::path source = NEWSDEX_SOURCE_DIR;
        fs::path root = source.parent_path() / "shared" / "bbc-news";
        if (!fs::is_directory(root)) root = source / "corpus";
        std::vector<newsdex::Article> articles;
        newsdex::CorpusSink sink{[&](newsdex::Article&& a) { articles.push_back(std::move(a)); }, [](const auto&) {}};
        for (const auto& f : newsdex::list_input_files({root.string()}, [](const auto&) {}))
            newsdex::read_input_file(f, sink);
        newsdex::DocumentBuilder builder;
        Xapian::WritableDatabase w(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (int copy = 0; copy < kCopies; ++copy)
            for (auto a : articles) {
                a.id += "#" + std::to_string(copy);
                w.add_document(builder.build(a));
            }
        w.commit();
        w.close();
        db = Xapian::Database(path.string());
        std::cerr << "facet_bench: " << db.get_doccount() << " articles (each " << kCopies << " times)\n";
    }
    ~ScratchIndex() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const Xapian::Database& index() {
    static const ScratchIndex scratch;
    return scratch.db;
}

std::vector<newsdex::FacetRequest> three_facets() {
    std::vector<newsdex::FacetRequest> r;
    for (const char* spec : {"person", "location", "date:month"})
        r.push_back(std::get<newsdex::FacetRequest>(newsdex::parse_facet_spec(spec)));
    return r;
}

// Every article matches; the spies see each one.
Xapian::MSet count_all(Xapian::Enquire& enquire) {
    enquire.set_query(Xapian::Query::MatchAll);
    return enquire.get_mset(0, 0, index().get_doccount());
}

void BM_XapianOneSlotSpy(benchmark::State& state) {
    for (auto _ : state) {
        Xapian::Enquire enquire(index());
        Xapian::ValueCountMatchSpy spy(newsdex::schema::kDateSlot);
        enquire.add_matchspy(&spy);
        count_all(enquire);
        benchmark::DoNotOptimize(spy.get_total());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * index().get_doccount());
}
BENCHMARK(BM_XapianOneSlotSpy)->Unit(benchmark::kMillisecond);

// What reading the pack alone costs (no decoding, no counting): the floor
// under counting from it.
class ReadOnlySpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double) override {
        bytes += doc.get_value(newsdex::schema::kFacetPackSlot).size();
    }
    std::size_t bytes = 0;
};

// Reading and decoding every entry of the three fields, without counting.
class DecodeOnlySpy : public ReadOnlySpy {
public:
    void operator()(const Xapian::Document& doc, double) override {
        const std::string pack = doc.get_value(newsdex::schema::kFacetPackSlot);
        newsdex::schema::FacetPackReader reader(pack);
        newsdex::schema::FacetPackEntry entry;
        char code = 0;
        while (reader.next_field(code))
            if (code == 'p' || code == 'l' || code == 'd')
                while (reader.next_value(entry)) bytes += entry.value.size() + (entry.key_hash & 1);
    }
};

template <typename Spy>
void BM_ReadThePack(benchmark::State& state) {
    for (auto _ : state) {
        Xapian::Enquire enquire(index());
        Spy spy;
        enquire.add_matchspy(&spy);
        count_all(enquire);
        benchmark::DoNotOptimize(spy.bytes);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * index().get_doccount());
}
BENCHMARK(BM_ReadThePack<ReadOnlySpy>)->Name("BM_ReadThePackOnly")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadThePack<DecodeOnlySpy>)->Name("BM_ReadAndDecodeThreeFields")->Unit(benchmark::kMillisecond);

void count_three(benchmark::State& state, newsdex::FacetCounting how) {
    for (auto _ : state) {
        Xapian::Enquire enquire(index());
        const newsdex::FacetCounter counter(index(), three_facets(), "", how);
        counter.attach(enquire);
        const Xapian::MSet m = count_all(enquire);
        benchmark::DoNotOptimize(counter.results(m.get_matches_estimated()).size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * index().get_doccount());
}

// The counts turned into results once every match was counted (sorting,
// merging spellings, top values): per search, not per match.
void BM_ThreeFacetsResultsOnly(benchmark::State& state) {
    Xapian::Enquire enquire(index());
    const newsdex::FacetCounter counter(index(), three_facets(), "", newsdex::FacetCounting::automatic);
    counter.attach(enquire);
    const Xapian::MSet m = count_all(enquire);
    for (auto _ : state) benchmark::DoNotOptimize(counter.results(m.get_matches_estimated()).size());
}
BENCHMARK(BM_ThreeFacetsResultsOnly)->Unit(benchmark::kMillisecond);

void BM_ThreeFacetsFromThePack(benchmark::State& state) { count_three(state, newsdex::FacetCounting::automatic); }
BENCHMARK(BM_ThreeFacetsFromThePack)->Unit(benchmark::kMillisecond);

void BM_ThreeFacetsPerSlot(benchmark::State& state) { count_three(state, newsdex::FacetCounting::per_slot); }
BENCHMARK(BM_ThreeFacetsPerSlot)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
