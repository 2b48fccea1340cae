#include "common/reading/article.h"

namespace newsdex {

const char* to_string(DateSource s) {
    switch (s) {
        case DateSource::metadata: return "metadata";
        case DateSource::text: return "text";
        case DateSource::inferred: return "inferred";
    }
    return "metadata";
}

}  // namespace newsdex
