#include "common/reading/diagnostic.h"

namespace newsdex {

std::string format_diagnostic(const std::string& program, const Diagnostic& d) {
    std::string out = program + ": " + d.path;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

}  // namespace newsdex
