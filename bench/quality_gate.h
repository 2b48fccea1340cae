// The entity-quality gate (issue 12): `newsdex-score-entities --thresholds
// FILE` compares the figures it measured on one gold set with the
// thresholds checked in for that set (tests/gold/thresholds.tsv) and fails
// when any figure is worse, so that CI catches a rule that helps one set
// and hurts another. The file format and how thresholds change are in
// docs/testing.md (Quality gate).
//
// Reading and checking throw std::runtime_error naming the line at fault;
// the scorer turns that into a usage error (exit 2), never a pass.
#pragma once

#include <cstddef>
#include <cstdio>
#include <istream>
#include <string>
#include <vector>

namespace newsdex::quality_gate {

// A figure the scorer measured, named as thresholds name it ("persons.f1",
// "person.duplicates").
struct Figure {
    // A score (F1, precision, a fraction right) must reach its threshold; a
    // count of mistakes (duplicate groups, unjudged values, undated articles
    // dated anyway) must not exceed it.
    enum class Kind { kScore, kCount };
    std::string metric;
    double value = 0;
    Kind kind = Kind::kScore;
};

// One line of the thresholds file: "SET<TAB>METRIC<TAB>THRESHOLD", SET being
// the gold file's name without .jsonl ("corpus", "bbc-facet-heads").
struct Threshold {
    std::string set;
    std::string metric;
    double value = 0;
    std::string text;      // the threshold as written, for the table and messages
    std::size_t line = 0;  // in the file, for messages
};

// Blank lines and lines starting with '#' are skipped. Throws on a line
// without three tab-separated fields, a threshold that is not a finite
// number, or a metric given twice for one set.
std::vector<Threshold> read_thresholds(std::istream& in);

// A threshold beside the figure it applies to.
struct Check {
    Figure figure;
    Threshold threshold;
    bool passed() const;
};

// The thresholds of `set`, each with its figure, in file order. Throws when
// no threshold names `set` (a gate checking nothing would pass anything; the
// held-out set has no line on purpose) or one names a metric `figures` lacks.
std::vector<Check> check(const std::string& set, const std::vector<Figure>& figures,
                         const std::vector<Threshold>& thresholds);

// "corpus: persons.f1 is 0.9612, below its threshold 0.970", for stderr.
std::string failure(const std::string& set, const Check& check);

// The table (metric, threshold, measured, pass/FAIL) and a last line naming
// the failed metrics, on `out`.
void print_table(std::FILE* out, const std::string& set, const std::vector<Check>& checks);

}  // namespace newsdex::quality_gate
