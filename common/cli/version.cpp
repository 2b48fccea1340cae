#include "common/cli/version.h"

#include <xapian.h>

#include "common/index/schema.h"

namespace newsdex {

std::string version_text(const std::string& program) {
    // The first line as GNU programs have it, which help2man reads for the
    // man pages' footer.
    return program + " (newsdex) " + kVersion + "\nindex schema " + std::to_string(schema::kSchemaVersion) +
           ", Xapian " + Xapian::version_string() + "\n";
}

}  // namespace newsdex
