// Unit tests for bench/quality_gate.h (newsdex-score-entities --thresholds):
// reading a thresholds file, checking figures against the lines of one set
// (a score must reach its threshold, a count must not exceed it), and the
// table and messages that say which figure failed.
#include "bench/quality_gate.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex::quality_gate {
namespace {

std::vector<Threshold> thresholds_of(const std::string& text) {
    std::istringstream in(text);
    return read_thresholds(in);
}

// The message `f` throws, or "accepted".
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "accepted";
}

const std::vector<Figure> kFigures = {{"persons.f1", 0.9712, Figure::Kind::kScore},
                                      {"locations.f1", 0.924, Figure::Kind::kScore},
                                      {"person.duplicates", 2, Figure::Kind::kCount}};

std::string table_of(const std::string& set, const std::vector<Check>& checks) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    print_table(out, set, checks);
    std::fclose(out);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

TEST(QualityGateThresholds, ReadsLinesSkippingCommentsAndBlankLines) {
    const auto t = thresholds_of("# set\tmetric\tthreshold\n\ncorpus\tpersons.f1\t0.970\nbbc-dev\tpersons.f1\t0.9\n");
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].set, "corpus");
    EXPECT_EQ(t[0].metric, "persons.f1");
    EXPECT_DOUBLE_EQ(t[0].value, 0.970);
    EXPECT_EQ(t[0].line, 3u);
    EXPECT_EQ(t[1].set, "bbc-dev");
    EXPECT_EQ(t[1].line, 4u);
}

TEST(QualityGateThresholds, RefusesMalformedLinesNamingTheLine) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"corpus persons.f1 0.97", "want SET<TAB>METRIC<TAB>THRESHOLD"},
        {"corpus\tpersons.f1", "want SET<TAB>METRIC<TAB>THRESHOLD"},
        {"corpus\tpersons.f1\t0.97\textra", "want SET<TAB>METRIC<TAB>THRESHOLD"},
        {"\tpersons.f1\t0.97", "want SET<TAB>METRIC<TAB>THRESHOLD"},
        {"corpus\tpersons.f1\t", "want SET<TAB>METRIC<TAB>THRESHOLD"},
        {"corpus\tpersons.f1\t ", "threshold \" \" is not a number"},
        {"corpus\tpersons.f1\t0.97x", "threshold \"0.97x\" is not a number"},
        {"corpus\tpersons.f1\tnan", "threshold \"nan\" is not a number"},
        {"corpus\tpersons.f1\t1e999", "threshold \"1e999\" is not a number"},
        {"corpus\tpersons.f1\t0.5", "persons.f1 given twice for corpus"},
    };
    for (const auto& c : cases) {
        const std::string line = c.first;  // a copy: clang 14 cannot capture a structured binding
        EXPECT_EQ(error_of([&] { thresholds_of("# a comment\ncorpus\tpersons.f1\t0.9\n" + line + "\n"); }),
                  "line 3: " + std::string(c.second))
            << line;
    }
}

TEST(QualityGateCheck, AScoreMustReachItsThresholdACountMustNotExceedIt) {
    const auto checks = check("corpus", kFigures,
                              thresholds_of("corpus\tpersons.f1\t0.971\n"        // 0.9712: reached
                                            "bbc-dev\tpersons.f1\t0.999\n"       // another set: ignored
                                            "corpus\tlocations.f1\t0.925\n"      // 0.924: below
                                            "corpus\tperson.duplicates\t2\n"));  // 2: not above
    ASSERT_EQ(checks.size(), 3u);
    EXPECT_EQ(checks[0].figure.metric, "persons.f1");
    EXPECT_TRUE(checks[0].passed());
    EXPECT_EQ(checks[1].figure.metric, "locations.f1");
    EXPECT_FALSE(checks[1].passed());
    EXPECT_EQ(checks[2].figure.metric, "person.duplicates");
    EXPECT_TRUE(checks[2].passed());
    EXPECT_FALSE(check("corpus", kFigures, thresholds_of("corpus\tperson.duplicates\t1\n"))[0].passed());
    EXPECT_TRUE(check("corpus", kFigures, thresholds_of("corpus\tpersons.f1\t0.9712\n"))[0].passed());
}

TEST(QualityGateCheck, RefusesASetWithoutThresholdsAndAnUnknownMetric) {
    // A gate checking nothing would pass anything.
    EXPECT_EQ(error_of([] { check("bbc-heldout", kFigures, thresholds_of("corpus\tpersons.f1\t0.9\n")); }),
              "no thresholds for the gold set bbc-heldout");
    EXPECT_EQ(error_of([] {
                  check("corpus", kFigures,
                        thresholds_of("corpus\tpersons.f1\t0.9\n\ncorpus\tdates.month_right\t0.9\n"));
              }),
              "line 3: corpus has no figure dates.month_right");
}

TEST(QualityGateTable, ShowsEachFigureBesideItsThresholdAndNamesTheFailures) {
    const auto checks = check("corpus", kFigures,
                              thresholds_of("corpus\tpersons.f1\t0.971\ncorpus\tlocations.f1\t0.925\n"
                                            "corpus\tperson.duplicates\t1\n"));
    EXPECT_EQ(table_of("corpus", checks),
              "\nquality gate for corpus\n"
              "metric                    threshold   measured  result\n"
              "persons.f1                 >= 0.971     0.9712  pass\n"
              "locations.f1               >= 0.925     0.9240  FAIL\n"
              "person.duplicates              <= 1          2  FAIL\n"
              "quality gate: FAILED: locations.f1, person.duplicates\n");
    EXPECT_EQ(failure("corpus", checks[1]), "corpus: locations.f1 is 0.9240, below its threshold 0.925");
    EXPECT_EQ(failure("corpus", checks[2]), "corpus: person.duplicates is 2, above its threshold 1");
    EXPECT_EQ(table_of("corpus", {checks[0]}),
              "\nquality gate for corpus\n"
              "metric                    threshold   measured  result\n"
              "persons.f1                 >= 0.971     0.9712  pass\n"
              "quality gate: passed (figures checked: 1)\n");
}

TEST(QualityGateTable, FiguresShowRoundedDownToFourDecimals) {
    // 226 / 233 = 0.96995…: rounded down, so that dropping the last digit
    // gives a threshold the figure reaches; 193 / 200 is 0.9649999… in binary.
    const std::vector<Figure> figures = {{"persons.f1", 226.0 / 233.0}, {"person.precision", 193.0 / 200.0}};
    const auto checks = check("s", figures, thresholds_of("s\tpersons.f1\t0.969\ns\tperson.precision\t0.965\n"));
    const std::string table = table_of("s", checks);
    EXPECT_NE(table.find("persons.f1                 >= 0.969     0.9699  pass\n"), std::string::npos) << table;
    EXPECT_NE(table.find("person.precision           >= 0.965     0.9650  pass\n"), std::string::npos) << table;
    EXPECT_EQ(failure("s", check("s", figures, thresholds_of("s\tpersons.f1\t0.970\n"))[0]),
              "s: persons.f1 is 0.9699, below its threshold 0.970");
}

}  // namespace
}  // namespace newsdex::quality_gate
