// Analysis cost per article: newsdex's DocumentBuilder (folding, compound
// joins, title boost, stored record) beside the baseline, Xapian's stock
// TermGenerator over the raw title and body with the same stemmer. Articles
// come from ../shared/bbc-news when present, else from corpus/. Both sides
// see the same articles; run bench/run-analysis-bench for the ratio.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>

#include "bench/bench_articles.h"
#include "common/analysis/stemmer.h"
#include "common/base/text_folding.h"
#include "common/entities/date_inference.h"
#include "common/entities/entity_extractor.h"
#include "common/index/document_builder.h"

namespace {

const std::vector<newsdex::Article>& articles() {
    static const std::vector<newsdex::Article> loaded = newsdex::bench::load_articles("analysis_bench");
    return loaded;
}

void BM_XapianTermGenerator(benchmark::State& state) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(newsdex::english_stemmer());
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t n = 0;
    for (auto _ : state) {
        const auto& a = articles()[n++ % articles().size()];
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(a.title, 1, "S");
        tg.index_text(a.title);
        tg.increase_termpos(100);
        tg.index_text(a.body);
        benchmark::DoNotOptimize(doc.termlist_count());
    }
    state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_XapianTermGenerator);

void BM_NewsdexAnalyzer(benchmark::State& state) {
    newsdex::DocumentBuilder builder;
    std::size_t n = 0;
    for (auto _ : state) {
        auto doc = builder.build(articles()[n++ % articles().size()]);
        benchmark::DoNotOptimize(doc.termlist_count());
    }
    state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_NewsdexAnalyzer);

void BM_ExtractEntities(benchmark::State& state) {
    newsdex::Gazetteer::standard();  // loaded once, outside the timing
    std::size_t n = 0;
    for (auto _ : state) {
        auto e = newsdex::extract_entities(articles()[n++ % articles().size()]);
        benchmark::DoNotOptimize(e.persons.size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_ExtractEntities);

void BM_EntityTokens(benchmark::State& state) {
    std::size_t n = 0;
    for (auto _ : state) {
        auto t = newsdex::entity_tokens(articles()[n++ % articles().size()].body);
        benchmark::DoNotOptimize(t.size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_EntityTokens);

// Date parsing: every date mention of an article (title and body), then
// the publication date inferred from them.
void BM_FindDateMentions(benchmark::State& state) {
    std::size_t n = 0, bytes = 0;
    for (auto _ : state) {
        const auto& a = articles()[n++ % articles().size()];
        const auto mentions = newsdex::find_date_mentions(a.title + "\n\n" + a.body);
        benchmark::DoNotOptimize(newsdex::infer_publication_date(mentions, a.copyright_year));
        bytes += a.title.size() + a.body.size();
    }
    state.SetItemsProcessed(static_cast<int64_t>(n));
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FindDateMentions);

void BM_FoldText(benchmark::State& state) {
    std::size_t n = 0, bytes = 0;
    for (auto _ : state) {
        const auto& a = articles()[n++ % articles().size()];
        benchmark::DoNotOptimize(newsdex::fold_text(a.body));
        bytes += a.body.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FoldText);

}  // namespace

BENCHMARK_MAIN();
