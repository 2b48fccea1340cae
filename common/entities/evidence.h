// Why the extraction found an entity, for `newsdex-search --get ID --why`:
// the rule that decided, in a reader's words, and where in the text it
// applied (the first mention that decided). Extraction records it only when
// asked (a null EvidenceMap records nothing), so indexing pays nothing.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace newsdex {

struct Evidence {
    std::string rule;                // "a role or title before it: \"Secretary of State …\""
    std::size_t begin = 0, end = 0;  // the mention's bytes in the text the extractor read
};

// Entity name (as extracted) -> the evidence of its first deciding mention.
using EvidenceMap = std::map<std::string, Evidence>;

// Records the first evidence given for `name`; later ones are ignored.
inline void note_evidence(EvidenceMap* evidence, const std::string& name, std::string rule, std::size_t begin,
                          std::size_t end) {
    if (evidence) evidence->try_emplace(name, Evidence{std::move(rule), begin, end});
}

}  // namespace newsdex
