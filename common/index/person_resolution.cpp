#include "common/index/person_resolution.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/base/text_folding.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

std::vector<std::string> words_of(const std::string& key) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < key.size()) {
        std::size_t sp = key.find(' ', pos);
        if (sp == std::string::npos) sp = key.size();
        if (sp > pos) words.push_back(key.substr(pos, sp - pos));
        pos = sp + 1;
    }
    return words;
}

// Everything the index says about persons, gathered in one pass.
struct PersonTable {
    std::map<std::string, std::map<std::string, std::size_t>> spellings;  // identity -> spelling -> articles
    std::map<std::string, std::set<std::string>> by_surname;              // last word -> identities

    void add(const std::string& name) {
        const std::string id = person_identity_key(name);
        // "John Smith (footballer)", from an overrides split, is a Smith.
        const std::size_t qualifier = name.ends_with(')') ? name.rfind(" (") : std::string::npos;
        const auto words = words_of(person_identity_key(std::string_view(name).substr(0, qualifier)));
        if (words.size() < 2) return;  // bare surnames are resolved, not counted
        ++spellings[id][name];
        by_surname[words.back()].insert(id);
    }

    std::string display(const std::string& id) const {
        const auto& counts = spellings.at(id);
        std::string best;
        std::size_t best_count = 0;
        for (const auto& [spelling, n] : counts)  // map order: ties go to the smallest spelling
            if (n > best_count) best = spelling, best_count = n;
        return best;
    }

    std::vector<std::string> resolve(const std::vector<std::string>& mentions) const {
        std::vector<std::string> out;
        for (const auto& m : mentions) {
            const std::string id = person_identity_key(m);
            std::string name = m;
            if (spellings.count(id)) {
                name = display(id);
            } else if (auto it = by_surname.find(id); it != by_surname.end() && it->second.size() == 1) {
                name = display(*it->second.begin());
            }
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
        return out;
    }
};

}  // namespace

std::string person_identity_key(std::string_view name) { return entity_key(name); }

std::size_t resolve_persons_across_index(Xapian::WritableDatabase& db) {
    // One pass over the two value streams gathers names; only articles whose
    // resolved names change are decoded and re-indexed.
    struct Names {
        std::vector<std::string> mentions, persons;
    };
    std::map<Xapian::docid, Names> names;
    for (auto v = db.valuestream_begin(schema::kPersonMentionsSlot);
         v != db.valuestream_end(schema::kPersonMentionsSlot); ++v)
        names[v.get_docid()].mentions = schema::split_lines(*v);
    for (auto v = db.valuestream_begin(schema::kPersonsSlot); v != db.valuestream_end(schema::kPersonsSlot); ++v)
        names[v.get_docid()].persons = schema::split_lines(*v);

    PersonTable table;
    for (const auto& [docid, n] : names)
        for (const auto& m : n.mentions) table.add(m);

    DocumentBuilder rebuilder(/*extract_entities=*/false);
    std::vector<std::pair<std::string, Xapian::Document>> rewrites;
    for (const auto& [docid, n] : names) {
        std::vector<std::string> resolved = table.resolve(n.mentions);
        if (resolved == n.persons) continue;
        const Xapian::Document old = db.get_document(docid);
        Article a = schema::decode_record(old.get_data());
        a.persons = std::move(resolved);
        Xapian::Document doc = rebuilder.build(a);
        schema::carry_over_values(old, doc);  // the first-indexed time is not the document builder's
        // Nor is the near-duplicate group, the next pass's; kept, so a
        // person rewrite never makes a group vanish.
        if (std::string group = old.get_value(schema::kDuplicateGroupSlot); !group.empty())
            doc.add_value(schema::kDuplicateGroupSlot, group);
        rewrites.emplace_back(schema::id_term(a.id), std::move(doc));
    }
    for (const auto& [term, doc] : rewrites) db.replace_document(term, doc);
    return rewrites.size();
}

}  // namespace newsdex
