#include "common/reading/diagnostic.h"

#include "common/base/printable.h"

namespace newsdex {

std::string format_diagnostic(const std::string& program, const Diagnostic& d) {
    std::string out = program + ": " + printable(d.path);  // a file's name may hold escapes
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

}  // namespace newsdex
