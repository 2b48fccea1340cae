#include "common/cli/version.h"

#include <xapian.h>

#include "common/index/schema.h"

namespace newsdex {

std::string version_line(const std::string& program) {
    return program + " " + kVersion + " (index schema " + std::to_string(schema::kSchemaVersion) + ", Xapian " +
           Xapian::version_string() + ")";
}

}  // namespace newsdex
