#include "bench/quality_gate.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace newsdex::quality_gate {

namespace {

std::vector<std::string> tab_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
    return fields;
}

double parse_threshold(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::logic_error&) {  // invalid_argument, out_of_range
        used = 0;
    }
    if (used == 0 || used != text.size() || !std::isfinite(value))
        throw std::runtime_error("threshold \"" + text + "\" is not a number");
    return value;
}

Threshold parse_line(const std::string& line, std::size_t number) {
    const std::vector<std::string> fields = tab_fields(line);
    if (fields.size() != 3 || fields[0].empty() || fields[1].empty())
        throw std::runtime_error("want SET<TAB>METRIC<TAB>THRESHOLD");
    return Threshold{fields[0], fields[1], parse_threshold(fields[2]), fields[2], number};
}

// A measured figure: a count whole, a score rounded down to four decimals
// (the tolerance absorbs binary fractions: 193 / 200 is 0.96499999…), so
// that dropping the last digit gives the figure rounded down to a
// threshold's three, and a figure just under its threshold never shows as
// equal to it.
std::string shown(const Figure& f) {
    char text[32];
    if (f.kind == Figure::Kind::kCount) std::snprintf(text, sizeof text, "%.0f", f.value);
    else std::snprintf(text, sizeof text, "%.4f", std::floor(f.value * 10000 + 1e-9) / 10000);
    return text;
}

}  // namespace

std::vector<Threshold> read_thresholds(std::istream& in) {
    std::vector<Threshold> thresholds;
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line.starts_with("#")) continue;
        try {
            Threshold t = parse_line(line, number);
            if (!seen.emplace(t.set, t.metric).second) throw std::runtime_error(t.metric + " given twice for " + t.set);
            thresholds.push_back(std::move(t));
        } catch (const std::runtime_error& e) {
            throw std::runtime_error("line " + std::to_string(number) + ": " + e.what());
        }
    }
    return thresholds;
}

bool Check::passed() const {
    return figure.kind == Figure::Kind::kCount ? figure.value <= threshold.value : figure.value >= threshold.value;
}

std::vector<Check> check(const std::string& set, const std::vector<Figure>& figures,
                         const std::vector<Threshold>& thresholds) {
    std::vector<Check> checks;
    for (const Threshold& t : thresholds) {
        if (t.set != set) continue;
        const auto f = std::find_if(figures.begin(), figures.end(),
                                    [&](const Figure& f) { return f.metric == t.metric; });
        if (f == figures.end())
            throw std::runtime_error("line " + std::to_string(t.line) + ": " + set + " has no figure " + t.metric);
        checks.push_back(Check{*f, t});
    }
    if (checks.empty()) throw std::runtime_error("no thresholds for the gold set " + set);
    return checks;
}

std::string failure(const std::string& set, const Check& c) {
    const Figure& f = c.figure;
    return set + ": " + f.metric + " is " + shown(f) + (f.kind == Figure::Kind::kCount ? ", above" : ", below") +
           " its threshold " + c.threshold.text;
}

void print_table(std::FILE* out, const std::string& set, const std::vector<Check>& checks) {
    std::fprintf(out, "\nquality gate for %s\n%-22s %12s %10s  %s\n", set.c_str(), "metric", "threshold", "measured",
                 "result");
    std::string failed;
    for (const Check& c : checks) {
        const Figure& f = c.figure;
        const std::string bound = (f.kind == Figure::Kind::kCount ? "<= " : ">= ") + c.threshold.text;
        std::fprintf(out, "%-22s %12s %10s  %s\n", f.metric.c_str(), bound.c_str(), shown(f).c_str(),
                     c.passed() ? "pass" : "FAIL");
        if (!c.passed()) failed += (failed.empty() ? "" : ", ") + f.metric;
    }
    if (failed.empty()) std::fprintf(out, "quality gate: passed (figures checked: %zu)\n", checks.size());
    else std::fprintf(out, "quality gate: FAILED: %s\n", failed.c_str());
}

}  // namespace newsdex::quality_gate
