// Problems found in input, reported compiler-style and never thrown: bad input
// is expected, so readers return diagnostics as values and the run goes on.
#pragma once

#include <string>

namespace newsdex {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string path;  // the input file, or "-" for standard input
    long line = 0;     // 1-based; 0 when the problem concerns the whole file
    std::string message;
};

// "newsdex-index: corpus/feed.jsonl:12: error: malformed JSON ..."
std::string format_diagnostic(const std::string& program, const Diagnostic& d);

}  // namespace newsdex
