#include "common/index/person_resolution.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/base/bounded_queue.h"
#include "common/base/text_folding.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

// A name's identity key and its words, an overrides qualifier left out
// ("John Smith (footballer)" is a Smith), worked out once per spelling: the
// pass asks for them many times over the index.
struct NameKey {
    std::string identity;
    std::vector<std::string> words;
};

class NameKeys {
public:
    const NameKey& operator()(const std::string& name) {
        auto [it, fresh] = keys_.try_emplace(name);
        if (fresh) {
            const std::size_t qualifier = name.ends_with(')') ? name.rfind(" (") : std::string::npos;
            it->second.identity = person_identity_key(name);
            it->second.words = person_identity_words(std::string_view(name).substr(0, qualifier));
        }
        return it->second;
    }

private:
    std::unordered_map<std::string, NameKey> keys_;
};

// Every entity an article names ("org:labour", "person:tony blair") as a
// number: an index of 100,000 articles holds millions of such mentions.
class EntityIds {
public:
    std::uint32_t operator()(const std::string& entity) {
        return ids_.try_emplace(entity, static_cast<std::uint32_t>(ids_.size())).first->second;
    }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// What the index holds for each article, read from value streams only.
struct ArticleNames {
    std::vector<std::string> mentions, persons, evidence;
    std::vector<std::uint32_t> context;  // its other entities (EntityIds), for choosing between namesakes
};

std::map<Xapian::docid, ArticleNames> read_article_names(Xapian::Database& db, EntityIds& entity_id) {
    std::map<Xapian::docid, ArticleNames> names;
    auto read = [&](Xapian::valueno slot, auto add) {
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) add(names[v.get_docid()], *v);
    };
    read(schema::kPersonMentionsSlot,
         [](ArticleNames& a, const std::string& v) { a.mentions = schema::split_lines(v); });
    read(schema::kPersonsSlot, [](ArticleNames& a, const std::string& v) { a.persons = schema::split_lines(v); });
    read(schema::kPersonEvidenceSlot,
         [](ArticleNames& a, const std::string& v) { a.evidence = schema::split_lines(v); });
    for (const std::string_view field : {"org", "location"}) {
        const schema::FacetField* f = schema::find_facet_field(field);
        for (Xapian::valueno n = 0; n < f->max_values; ++n)
            read(f->first_slot + n, [&](ArticleNames& a, const std::string& v) {
                a.context.push_back(entity_id(std::string(field) + ':' + entity_key(v)));
            });
    }
    return names;
}

std::size_t to_count(std::string_view s) {
    std::size_t n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

// Names whose mentions across the index speak more for a work or a place
// than for a person ("Million Dollar Baby": "Eastwood's Million Dollar
// Baby", "in Million Dollar Baby"; "Harry Potter": "the Harry Potter
// films"). Two such mentions at least, so one odd sentence decides nothing.
std::set<std::string> names_of_things(const std::map<Xapian::docid, ArticleNames>& names, NameKeys& key_of) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> sums;  // identity -> (as person, as thing)
    for (const auto& [docid, a] : names)
        for (const auto& line : a.evidence) {
            const auto tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
            if (tab == std::string::npos || tab2 == std::string::npos) continue;
            auto& sum = sums[key_of(line.substr(0, tab)).identity];
            sum.first += to_count(std::string_view(line).substr(tab + 1, tab2 - tab - 1));
            sum.second += to_count(std::string_view(line).substr(tab2 + 1));
        }
    std::set<std::string> things;
    for (const auto& [identity, sum] : sums)
        if (sum.second >= 2 && sum.second > sum.first) things.insert(identity);
    return things;
}

// Everything the index says about persons, gathered in one pass.
class PersonTable {
public:
    PersonTable(std::set<std::string> things, const std::map<Xapian::docid, ArticleNames>& articles, NameKeys& keys)
        : things_(std::move(things)), articles_of_index_(articles), key_of_(keys) {}

    void add(Xapian::docid docid, const std::string& name) {
        const NameKey& key = key_of_(name);
        if (key.words.size() < 2 || things_.count(key.identity)) return;  // bare names are resolved, not counted
        ++spellings_[key.identity][name];
        words_[key.identity] = key.words;
        articles_[key.identity].insert(docid);
    }

    // Call once every name is added: merges the short forms and lists each
    // identity under its first and its last word.
    void finish() {
        merge_short_forms();
        for (const auto& [id, w] : words_) {
            by_last_word_[w.back()].insert(canonical(id));
            by_first_word_[w.front()].insert(canonical(id));
        }
    }

private:
    // Shortened forms that name one fuller identity: "George Bush" for the
    // only "George W Bush", "A Foley" for the only "Anthony Foley".
    void merge_short_forms() {
        std::map<std::string, std::set<std::string>> with_initials, by_initial;
        for (const auto& [id, w] : words_) {
            if (w.size() >= 3 &&
                std::all_of(w.begin() + 1, w.end() - 1, [](const std::string& m) { return m.size() == 1; }))
                with_initials[w.front() + ' ' + w.back()].insert(id);
            if (w.size() >= 2 && w.front().size() > 1) by_initial[w.front().substr(0, 1) + ' ' + w.back()].insert(id);
        }
        for (const auto& [id, w] : words_) {
            if (w.size() != 2) continue;
            const auto& fuller = w.front().size() == 1 ? by_initial : with_initials;
            if (auto it = fuller.find(id); it != fuller.end() && it->second.size() == 1 && *it->second.begin() != id)
                canonical_[id] = *it->second.begin();
        }
    }

public:
    // The article's person names as the index shows them: each mention in
    // its canonical spelling, a bare name resolved, a thing left out.
    std::vector<std::string> resolve(const ArticleNames& a) const {
        std::vector<std::string> out;
        for (const auto& m : a.mentions) {
            const std::optional<std::string> name = resolve_one(m, a);
            if (name && std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(*name);
        }
        return out;
    }

private:
    std::optional<std::string> resolve_one(const std::string& mention, const ArticleNames& a) const {
        const NameKey& key = key_of_(mention);
        const std::string& id = key.identity;
        if (things_.count(id)) return std::nullopt;
        if (spellings_.count(id)) return display(id);
        const auto& words = key.words;
        if (words.size() != 1) return mention;
        // A surname names whoever bears it. A word that is more often a
        // given name than a surname in the index ("John": many Johns, one
        // Elton John) may be any of them, and is dropped rather than kept
        // when it stays ambiguous.
        static const std::set<std::string> kNone;
        auto bearers = [&](const auto& index) -> const std::set<std::string>& {
            const auto it = index.find(words[0]);
            return it == index.end() ? kNone : it->second;
        };
        const std::set<std::string>& as_last = bearers(by_last_word_);
        const std::set<std::string>& as_first = bearers(by_first_word_);
        const bool given_name = as_first.size() > as_last.size();
        std::set<std::string> candidates = as_last;
        if (given_name) candidates.insert(as_first.begin(), as_first.end());
        if (candidates.size() == 1) return display(*candidates.begin());
        if (auto chosen = chosen_by_company(candidates, a)) return display(*chosen);
        if (given_name) return std::nullopt;
        return mention;
    }

    // Of several namesakes, the one whose articles share most of this
    // article's other entities, when it clearly leads (twice the next one's
    // score, and at least two shared articles).
    std::optional<std::string> chosen_by_company(const std::set<std::string>& candidates, const ArticleNames& a) const {
        std::vector<std::pair<std::size_t, std::string>> scores;
        for (const auto& c : candidates) {
            std::size_t score = 0;
            const auto& shared = company_of(c);
            for (const auto& e : a.context)
                if (auto n = shared.find(e); n != shared.end()) score += n->second;
            scores.emplace_back(score, c);
        }
        std::sort(scores.rbegin(), scores.rend());
        if (scores.empty() || scores[0].first < 2 || (scores.size() > 1 && scores[0].first < 2 * scores[1].first))
            return std::nullopt;
        return scores[0].second;
    }

    // How many of an identity's articles name each entity: worked out the
    // first time a namesake needs it, as few identities share a surname.
    const std::unordered_map<std::uint32_t, std::size_t>& company_of(const std::string& id) const {
        auto [it, fresh] = company_.try_emplace(id);
        if (fresh)
            if (auto docs = articles_.find(id); docs != articles_.end())
                for (const Xapian::docid d : docs->second)
                    for (const auto& e : articles_of_index_.at(d).context) ++it->second[e];
        return it->second;
    }

    const std::string& canonical(const std::string& id) const {
        const auto it = canonical_.find(id);
        return it == canonical_.end() ? id : it->second;
    }

    // The most frequent spelling of the identity a name stands for (ties:
    // the smallest in byte order).
    std::string display(const std::string& id) const {
        const auto& counts = spellings_.at(canonical(id));
        std::string best;
        std::size_t best_count = 0;
        for (const auto& [spelling, n] : counts)  // map order: ties go to the smallest spelling
            if (n > best_count) best = spelling, best_count = n;
        return best;
    }

    std::set<std::string> things_;
    std::map<std::string, std::map<std::string, std::size_t>> spellings_;  // identity -> spelling -> articles
    std::map<std::string, std::set<Xapian::docid>> articles_;              // identity -> its articles
    std::map<std::string, std::vector<std::string>> words_;                // identity -> its words, no qualifier
    const std::map<Xapian::docid, ArticleNames>& articles_of_index_;
    NameKeys& key_of_;
    mutable std::map<std::string, std::unordered_map<std::uint32_t, std::size_t>>
        company_;                                   // identity -> entity -> shared articles
    std::map<std::string, std::string> canonical_;  // short form -> fuller identity
    std::map<std::string, std::set<std::string>> by_first_word_, by_last_word_;  // word -> identities
};

// An article whose persons the pass changes.
struct Rewrite {
    Xapian::docid docid;
    std::vector<std::string> persons;
};

// What a rebuild needs from the stored document, read on the thread that
// owns the database: its record and the values the builder does not make.
struct RecordToRebuild {
    Xapian::docid docid;
    std::vector<std::string> persons;
    std::string record;
    std::vector<std::pair<Xapian::valueno, std::string>> kept_values;
};

RecordToRebuild read_stored(Xapian::WritableDatabase& db, Rewrite& r) {
    const Xapian::Document old = db.get_document(r.docid);
    RecordToRebuild s{r.docid, std::move(r.persons), old.get_data(), {}};
    // The first-indexed time is not the builder's; nor are the
    // near-duplicate group (the next pass's; kept, so a person rewrite never
    // makes a group vanish) and the person evidence (the extraction's).
    for (const Xapian::valueno slot :
         {schema::kFirstIndexedSlot, schema::kDuplicateGroupSlot, schema::kPersonEvidenceSlot})
        if (std::string value = old.get_value(slot); !value.empty()) s.kept_values.emplace_back(slot, std::move(value));
    return s;
}

// Rebuilt from the stored record: cheaper than editing the stored document,
// whose terms Xapian would first read with every position. The text is
// analysed again on a second thread while this one replaces the documents
// already rebuilt, in docid order; both costs are about equal.
void rebuild_articles(Xapian::WritableDatabase& db, std::vector<Rewrite>& rewrites) {
    using Built = std::pair<Xapian::docid, Xapian::Document>;
    BoundedQueue<RecordToRebuild> to_build(64);
    BoundedQueue<Built> built(rewrites.size() + 1);  // drained after every push: never full
    std::exception_ptr failure;
    std::thread builder([&] {
        try {
            DocumentBuilder rebuilder(/*extract_entities=*/false);
            while (auto s = to_build.pop()) {
                Article a = schema::decode_record(s->record);
                a.persons = std::move(s->persons);
                Xapian::Document doc = rebuilder.build(a);
                for (const auto& [slot, value] : s->kept_values) doc.add_value(slot, value);
                built.push({s->docid, std::move(doc)});
            }
        } catch (...) {
            failure = std::current_exception();
        }
        built.close();
    });
    auto replace_ready = [&](auto take) {
        while (auto b = take()) db.replace_document(b->first, b->second);
    };
    try {
        for (auto& r : rewrites) {
            if (!to_build.push(read_stored(db, r))) break;  // the builder failed
            replace_ready([&] { return built.try_pop(); });
        }
    } catch (...) {
        to_build.close();
        builder.join();
        throw;
    }
    to_build.close();
    replace_ready([&] { return built.pop(); });
    builder.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

std::string person_identity_key(std::string_view name) { return entity_key(name); }

std::vector<std::string> person_identity_words(std::string_view name) {
    const std::string key = person_identity_key(name);
    std::vector<std::string> words;
    for (std::size_t pos = 0; pos < key.size();) {
        std::size_t sp = key.find(' ', pos);
        if (sp == std::string::npos) sp = key.size();
        if (sp > pos) words.push_back(key.substr(pos, sp - pos));
        pos = sp + 1;
    }
    return words;
}

std::size_t resolve_persons_across_index(Xapian::WritableDatabase& db) {
    // One pass over the value streams gathers names; only articles whose
    // resolved names change are decoded and re-indexed.
    EntityIds entity_id;
    auto names = read_article_names(db, entity_id);
    // An article's persons are context for its namesakes too.
    NameKeys key_of;
    for (auto& [docid, a] : names)
        for (const auto& m : a.mentions)
            if (const NameKey& key = key_of(m); key.words.size() >= 2)
                a.context.push_back(entity_id("person:" + key.identity));

    PersonTable table(names_of_things(names, key_of), names, key_of);
    for (const auto& [docid, a] : names)
        for (const auto& m : a.mentions) table.add(docid, m);
    table.finish();

    std::vector<Rewrite> rewrites;
    for (const auto& [docid, n] : names)
        if (std::vector<std::string> resolved = table.resolve(n); resolved != n.persons)
            rewrites.push_back({docid, std::move(resolved)});
    rebuild_articles(db, rewrites);
    return rewrites.size();
}

}  // namespace newsdex
