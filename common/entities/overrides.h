// The user's corrections to entity extraction, read from an overrides file
// (format in docs/overrides.md) by newsdex-index --overrides FILE and applied
// to every article the run analyses:
//   alias  TYPE  NAME  CANONICAL   NAME is CANONICAL (merge spellings, nicknames)
//   split  TYPE  NAME  ID-PREFIX  CANONICAL
//                                  in articles whose id starts with ID-PREFIX,
//                                  NAME is CANONICAL (one name, two entities)
//   never  NAME                    NAME is never an entity of any type
// TYPE is person, location or org. Names compare folded (case, accents,
// hyphens and the Arabic article do not matter).
#pragma once

#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "common/reading/diagnostic.h"

namespace newsdex {

struct ArticleEntities;

class Overrides {
public:
    // Every problem in the file, one Diagnostic per bad line; empty on success.
    static std::variant<Overrides, std::vector<Diagnostic>> load(const std::string& path);
    static Overrides parse(const std::string& text, const std::string& path, std::vector<Diagnostic>& errors);

    void apply(ArticleEntities& entities, std::string_view article_id) const;
    bool empty() const { return aliases_.empty() && never_.empty() && splits_.empty(); }

private:
    std::map<std::string, std::map<std::string, std::string>> aliases_;  // type -> key -> canonical
    std::set<std::string> never_;                                        // keys
    struct Split {
        std::string type, key, id_prefix, canonical;
    };
    std::vector<Split> splits_;  // in file order
};

}  // namespace newsdex
