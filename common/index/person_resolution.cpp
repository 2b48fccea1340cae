#include "common/index/person_resolution.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/base/bounded_queue.h"
#include "common/base/text_folding.h"
#include "common/entities/cue_words.h"
#include "common/entities/given_name_forms.h"
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

// Every person name spelling the pass meets, as a number: an index of a
// million articles holds millions of mentions of far fewer names, and the
// pass keeps every article's names in memory (4 bytes a name, not a string).
class NameTable {
public:
    std::uint32_t id(std::string_view name) {
        const auto [it, fresh] = ids_.try_emplace(std::string(name), static_cast<std::uint32_t>(names_.size()));
        if (fresh) names_.push_back(&it->first);  // keys of an unordered_map stay where they are
        return it->second;
    }
    const std::string& name(std::uint32_t id) const { return *names_[id]; }
    const NameKey& key(std::uint32_t id) {
        if (keys_.size() <= id) keys_.resize(names_.size());
        std::optional<NameKey>& key = keys_[id];
        if (!key) {
            const std::string& n = name(id);
            const std::size_t qualifier = n.ends_with(')') ? n.rfind(" (") : std::string::npos;
            key = NameKey{person_identity_key(n), person_identity_words(std::string_view(n).substr(0, qualifier))};
        }
        return *key;
    }
    std::vector<std::uint32_t> ids(const std::string& joined) { return ids(schema::split_lines(joined)); }
    std::vector<std::uint32_t> ids(const std::vector<std::string>& names) {
        std::vector<std::uint32_t> out;
        for (const auto& n : names) out.push_back(id(n));
        return out;
    }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<const std::string*> names_;
    std::vector<std::optional<NameKey>> keys_;
};

// Every entity an article names ("org:labour", "person:tony blair") as a
// number, for choosing between namesakes.
class EntityIds {
public:
    std::uint32_t operator()(const std::string& entity) {
        return ids_.try_emplace(entity, static_cast<std::uint32_t>(ids_.size())).first->second;
    }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// What the index holds for the articles that name a person, read from value
// streams only: each article's mentions and persons (NameTable ids) and its
// organisations and places (EntityIds). Packed in two pools of numbers, each
// article a run of each, in docid order: at a million articles the pass
// holds about 20 bytes and a few numbers an article, not three vectors.
class ArticleNames {
public:
    std::size_t size() const { return articles_.size(); }
    Xapian::docid docid(std::size_t k) const { return articles_[k].docid; }
    std::span<const std::uint32_t> mentions(std::size_t k) const {
        return {names_.data() + articles_[k].names_from, articles_[k].mentions};
    }
    std::span<const std::uint32_t> persons(std::size_t k) const {
        return {names_.data() + articles_[k].names_from + articles_[k].mentions, articles_[k].persons};
    }
    std::span<const std::uint32_t> places_and_organisations(std::size_t k) const {
        const std::uint32_t end = k + 1 < articles_.size() ? articles_[k + 1].context_from : context_.size();
        return {context_.data() + articles_[k].context_from, end - articles_[k].context_from};
    }

    // In docid order.
    void add(Xapian::docid docid, const std::vector<std::uint32_t>& mentions,
             const std::vector<std::uint32_t>& persons) {
        articles_.push_back({docid, static_cast<std::uint32_t>(names_.size()), 0,
                             static_cast<std::uint32_t>(mentions.size()), static_cast<std::uint32_t>(persons.size())});
        names_.insert(names_.end(), mentions.begin(), mentions.end());
        names_.insert(names_.end(), persons.begin(), persons.end());
    }

    // `visit(each)` calls each(article, entity) for every organisation and
    // place of every article, the same every time, where entity() gives the
    // entity's number; it is called twice, to count and then to fill, so
    // nothing but the pool is ever allocated. Counting asks no numbers (a
    // name folded and looked up each), so they are given in the same order
    // as filling meets them.
    template <typename Visit>
    void set_places_and_organisations(const Visit& visit) {
        std::vector<std::uint32_t> count(articles_.size() + 1, 0);
        visit([&](std::size_t article, const auto&) { ++count[article + 1]; });
        for (std::size_t k = 0; k < articles_.size(); ++k) {
            count[k + 1] += count[k];
            articles_[k].context_from = count[k];
        }
        context_.assign(count.back(), 0);
        visit([&](std::size_t article, const auto& entity) { context_[count[article]++] = entity(); });
    }

private:
    struct Article {
        Xapian::docid docid;
        std::uint32_t names_from, context_from, mentions, persons;
    };
    std::vector<Article> articles_;
    std::vector<std::uint32_t> names_, context_;
};

// How often each name is used as a person and as a thing across the index,
// by identity: the sums of every article's person evidence.
using EvidenceSums = std::map<std::string, std::pair<std::size_t, std::size_t>>;

std::size_t to_count(std::string_view s) {
    std::size_t n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

// One line of an article's person evidence (schema.h, slot 11):
// "NAME\tAS_PERSON\tAS_THING", and AS_RELATIVE where above 0.
struct EvidenceLine {
    std::string_view name;
    std::size_t as_person = 0, as_thing = 0, as_relative = 0;
};

// The line's fields; nothing for a line without its first three.
std::optional<EvidenceLine> parse_evidence_line(std::string_view line) {
    const auto tab = line.find('\t');
    const auto tab2 = tab == std::string_view::npos ? tab : line.find('\t', tab + 1);
    if (tab2 == std::string_view::npos) return std::nullopt;
    const auto tab3 = line.find('\t', tab2 + 1);
    EvidenceLine e{line.substr(0, tab), to_count(line.substr(tab + 1, tab2 - tab - 1)),
                   to_count(line.substr(tab2 + 1, tab3 == std::string_view::npos ? tab3 : tab3 - tab2 - 1))};
    if (tab3 != std::string_view::npos) e.as_relative = to_count(line.substr(tab3 + 1));
    return e;
}

// The names each article gives only as a relative's given name ("his wife
// Sandra"): (article's place, name), left as written by the pass.
using Relatives = std::set<std::pair<std::size_t, std::uint32_t>>;

// Adds the relatives of one article's person evidence.
void add_relatives(std::size_t article, const std::vector<std::string>& lines, NameTable& names, Relatives& relatives) {
    for (const auto& line : lines)
        if (const auto e = parse_evidence_line(line); e && e->as_relative > 0)
            relatives.emplace(article, names.id(e->name));
}

// Adds one article's person evidence to the index's sums.
void add_evidence(const std::vector<std::string>& lines, NameTable& names, EvidenceSums& sums) {
    for (const auto& line : lines)
        if (const auto e = parse_evidence_line(line)) {
            auto& sum = sums[names.key(names.id(e->name)).identity];
            sum.first += e->as_person;
            sum.second += e->as_thing;
        }
}

// The articles that mention or list a person, in docid order (the order of
// every value stream), merged from the mentions, the persons and the facet
// pack streams: an article's persons are slot 3's where it has one, else
// the pack's (schema version 10 writes slot 3 only where they differ), and
// its mentions are its persons where it has no slot 2.
ArticleNames read_person_articles(Xapian::Database& db, NameTable& names) {
    ArticleNames articles;
    struct Stream {
        Xapian::ValueIterator at, end;
        bool at_doc(Xapian::docid d) const { return at != end && at.get_docid() == d; }
    };
    Stream m{db.valuestream_begin(schema::kPersonMentionsSlot), db.valuestream_end(schema::kPersonMentionsSlot)},
        p{db.valuestream_begin(schema::kPersonsSlot), db.valuestream_end(schema::kPersonsSlot)},
        pack{db.valuestream_begin(schema::kFacetPackSlot), db.valuestream_end(schema::kFacetPackSlot)};
    const char person_code = schema::find_facet_field("person")->pack_code;
    std::vector<std::uint32_t> mentions, persons;
    for (;;) {
        Xapian::docid docid = 0;
        for (const Stream* s : {&m, &p, &pack})
            if (s->at != s->end && (docid == 0 || s->at.get_docid() < docid)) docid = s->at.get_docid();
        if (docid == 0) break;
        std::string mentions_value;
        persons.clear();
        if (m.at_doc(docid)) mentions_value = *m.at, ++m.at;
        if (p.at_doc(docid)) {
            persons = names.ids(*p.at), ++p.at;
            if (pack.at_doc(docid)) ++pack.at;
        } else if (pack.at_doc(docid)) {
            persons = names.ids(schema::pack_group_values(*pack.at, person_code)), ++pack.at;
        }
        if (mentions_value.empty()) mentions = persons;  // schema::person_mentions_value()
        else if (mentions_value == schema::kNoPersonMentions) mentions.clear();
        else mentions = names.ids(mentions_value);
        if (!mentions.empty() || !persons.empty()) articles.add(docid, mentions, persons);
    }
    return articles;
}

// Sums the index's person evidence, and gathers its articles' relatives.
EvidenceSums sum_evidence(Xapian::Database& db, NameTable& names, const ArticleNames& articles, Relatives& relatives) {
    EvidenceSums sums;
    std::size_t k = 0;  // both in docid order
    for (auto v = db.valuestream_begin(schema::kPersonEvidenceSlot);
         v != db.valuestream_end(schema::kPersonEvidenceSlot); ++v) {
        const auto lines = schema::split_lines(*v);
        add_evidence(lines, names, sums);
        while (k < articles.size() && articles.docid(k) < v.get_docid()) ++k;
        if (k < articles.size() && articles.docid(k) == v.get_docid()) add_relatives(k, lines, names, relatives);
    }
    return sums;
}

constexpr std::string_view kContextFields[] = {"org", "location"};

// Reads each article's organisations and places, for choosing between
// namesakes: the index's from its value slots, and those of `unwritten`
// (articles not yet written, placed after the index's: see
// resolve_persons_before_writing()) from the same capped facet values.
void read_places_and_organisations(Xapian::Database& db, ArticleNames& articles, EntityIds& entity_id,
                                   const std::vector<std::pair<std::size_t, const Article*>>& unwritten = {}) {
    articles.set_places_and_organisations([&](const auto& each) {
        for (const std::string_view field : kContextFields) {
            const schema::FacetField* f = schema::find_facet_field(field);
            for (Xapian::valueno slot = f->first_slot; slot < f->first_slot + f->max_values; ++slot) {
                std::size_t a = 0;  // the stream and the articles are both in docid order
                for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot) && a < articles.size(); ++v) {
                    while (a < articles.size() && articles.docid(a) < v.get_docid()) ++a;
                    if (a < articles.size() && articles.docid(a) == v.get_docid())
                        each(a, [&] { return entity_id(std::string(field) + ':' + entity_key(*v)); });
                }
            }
            for (const auto& [k, article] : unwritten)
                for (const auto& v : schema::facet_values(*article, *f))
                    each(k, [&] { return entity_id(std::string(field) + ':' + entity_key(v)); });
        }
    });
}

// Names whose mentions across the index speak more for a work or a place
// than for a person ("Million Dollar Baby": "Eastwood's Million Dollar
// Baby", "in Million Dollar Baby"; "Harry Potter": "the Harry Potter
// films"). Two such mentions at least, so one odd sentence decides nothing.
std::set<std::string> names_of_things(const EvidenceSums& sums) {
    std::set<std::string> things;
    for (const auto& [identity, sum] : sums)
        if (sum.second >= 2 && sum.second > sum.first) things.insert(identity);
    return things;
}

// An identity's words ("prince", "charles") open on a monarch's title.
bool opens_on_monarch_title(const std::vector<std::string>& words) {
    std::string first = words.front();
    if (first[0] >= 'a' && first[0] <= 'z') first[0] = static_cast<char>(first[0] - 'a' + 'A');
    return is_monarch_title(first);
}

// Everything the index says about persons, gathered in one pass.
class PersonTable {
public:
    PersonTable(std::set<std::string> things, Relatives relatives, const ArticleNames& articles, NameTable& names,
                EntityIds& entity_id)
        : things_(std::move(things)), relatives_(std::move(relatives)), articles_of_index_(articles), names_(names) {
        // An article's persons are context for its namesakes too.
        for (std::size_t k = 0; k < articles.size(); ++k)
            for (const std::uint32_t m : articles.mentions(k)) {
                if (person_entity_.size() <= m) person_entity_.resize(m + 1, kNoEntity);
                if (const NameKey& key = names.key(m); key.words.size() >= 2 && person_entity_[m] == kNoEntity)
                    person_entity_[m] = entity_id("person:" + key.identity);
            }
    }

    // `article`: its place in the articles; call in that order.
    void add(std::uint32_t article, std::uint32_t name) {
        const NameKey& key = names_.key(name);
        if (key.words.size() < 2 || things_.count(key.identity)) return;  // bare names are resolved, not counted
        ++spellings_[key.identity][names_.name(name)];
        words_[key.identity] = key.words;
        auto& with = articles_[key.identity];
        if (with.empty() || with.back() != article) with.push_back(article);
    }

    // Call once every name is added: merges the short forms and lists each
    // identity under its first and its last word.
    void finish() {
        merge_short_forms();
        merge_familiar_forms();
        for (const auto& [id, w] : words_) {
            by_last_word_[w.back()].insert(canonical(id));
            // "Prince Charles" opens on a title, no given name: a bare
            // "Prince" (the singer) or "King" (Mervyn King) is none of them.
            if (!opens_on_monarch_title(w)) by_first_word_[w.front()].insert(canonical(id));
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

    // "Steve Gerrard" in an article that names "Steven Gerrard": a familiar
    // given name (given-name-forms.tsv) names the person of the formal one
    // when exactly one identity has a formal name and the same other words,
    // and some article names both. Company alone is not enough: a Dragons
    // forward "Steve Jones" keeps the company of the fly-half "Stephen
    // Jones", and "Vince Cable" stays beside "Vincent Cable" unless an
    // article writes both.
    void merge_familiar_forms() {
        for (const auto& [id, w] : words_) {
            if (w.size() < 2 || canonical_.count(id)) continue;
            const std::string* formal = nullptr;
            std::size_t found = 0;
            for (const std::string& f : formal_given_names(w.front())) {
                std::string full = f;
                for (std::size_t k = 1; k < w.size(); ++k) full += ' ' + w[k];
                if (const auto it = words_.find(full); it != words_.end() && it->first != id)
                    formal = &it->first, ++found;
            }
            if (found == 1 && named_together(id, *formal)) canonical_[id] = canonical(*formal);
        }
    }

    // Whether some article names both identities (their article lists are
    // in article order).
    bool named_together(const std::string& a, const std::string& b) const {
        const auto &x = articles_.at(a), &y = articles_.at(b);
        for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
            if (*i == *j) return true;
            *i < *j ? ++i : ++j;
        }
        return false;
    }

public:
    // The article's person names as the index shows them: each mention in
    // its canonical spelling, a bare name resolved, a thing left out.
    std::vector<std::string> resolve(std::size_t article) const {
        std::vector<std::string> out;
        for (const std::uint32_t m : articles_of_index_.mentions(article)) {
            const std::optional<std::string> name = resolve_one(m, article);
            if (name && std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(*name);
        }
        return out;
    }

private:
    std::optional<std::string> resolve_one(std::uint32_t mention, std::size_t article) const {
        const NameKey& key = names_.key(mention);
        const std::string& id = key.identity;
        if (things_.count(id)) return std::nullopt;
        if (spellings_.count(id)) return display(id);
        const auto& words = key.words;
        if (words.size() != 1) return names_.name(mention);
        if (relatives_.count({article, mention})) return relative(mention, article);
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
        // One bearer in the whole index is that person, unless the article
        // names other entities and shares none with the bearer's articles:
        // a rugby report's "Bishop" is no singer "Elvis Bishop".
        if (candidates.size() == 1 && !keeps_other_company(*candidates.begin(), article))
            return display(*candidates.begin());
        if (auto chosen = chosen_by_company(candidates, article)) return display(*chosen);
        if (given_name) return std::nullopt;
        return names_.name(mention);
    }
    // A relative named by given name ("his wife Sandra") is of the family
    // the article names: the one bearer of that given name who shares a
    // surname with a person of the article and has been named beside them
    // ("Serena Williams … her sister Venus": Venus Williams), else as
    // written (Michael Howard's wife is no "Sandra Gidley", Gordon Brown's
    // father no "John Smith").
    std::string relative(std::uint32_t mention, std::size_t article) const {
        const auto bearers = by_first_word_.find(names_.key(mention).words[0]);
        if (bearers == by_first_word_.end()) return names_.name(mention);
        std::optional<std::string> found;
        for (const auto& id : bearers->second) {
            if (!of_the_family(id, article)) continue;
            if (found) return names_.name(mention);  // two of the family: no guess
            found = id;
        }
        return found ? display(*found) : names_.name(mention);
    }
    // Does a person of the article share the identity's surname and
    // appear in its company (named beside it in another article)?
    bool of_the_family(const std::string& id, std::size_t article) const {
        const auto& company = company_of(id);
        const std::string& surname = words_.at(id).back();
        const auto mentions = articles_of_index_.mentions(article);
        return std::any_of(mentions.begin(), mentions.end(), [&](std::uint32_t m) {
            const NameKey& key = names_.key(m);
            return key.words.size() >= 2 && key.words.back() == surname && person_entity_[m] != kNoEntity &&
                   company.count(person_entity_[m]);
        });
    }

    bool keeps_other_company(const std::string& id, std::size_t article) const {
        const auto& shared = company_of(id);
        bool context = false, common = false;
        for_each_in_context(article, [&](std::uint32_t e) {
            context = true;
            common = common || shared.count(e);
        });
        return context && !common;
    }

    // Of several namesakes, the one whose articles share most of this
    // article's other entities, when it clearly leads (twice the next one's
    // score, and at least two shared articles).
    std::optional<std::string> chosen_by_company(const std::set<std::string>& candidates, std::size_t article) const {
        std::vector<std::pair<std::size_t, std::string>> scores;
        for (const auto& c : candidates) {
            std::size_t score = 0;
            const auto& shared = company_of(c);
            for_each_in_context(article, [&](std::uint32_t e) {
                if (auto n = shared.find(e); n != shared.end()) score += n->second;
            });
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
        const auto [it, fresh] = company_.try_emplace(id);
        auto& company = it->second;  // a lambda cannot capture a structured binding in clang 14
        if (fresh)
            if (auto with = articles_.find(id); with != articles_.end())
                for (const std::uint32_t article : with->second)
                    for_each_in_context(article, [&company](std::uint32_t e) { ++company[e]; });
        return company;
    }

    // An article's other entities: its organisations and places, and its
    // persons of two words or more.
    template <typename Each>
    void for_each_in_context(std::size_t article, const Each& each) const {
        for (const std::uint32_t e : articles_of_index_.places_and_organisations(article)) each(e);
        for (const std::uint32_t m : articles_of_index_.mentions(article))
            if (person_entity_[m] != kNoEntity) each(person_entity_[m]);
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
    Relatives relatives_;
    std::map<std::string, std::map<std::string, std::size_t>> spellings_;  // identity -> spelling -> articles
    std::map<std::string, std::vector<std::uint32_t>> articles_;           // identity -> its articles' places
    std::map<std::string, std::vector<std::string>> words_;                // identity -> its words, no qualifier
    static constexpr std::uint32_t kNoEntity = ~std::uint32_t{0};
    const ArticleNames& articles_of_index_;
    NameTable& names_;
    std::vector<std::uint32_t> person_entity_;  // NameTable id -> its "person:" entity (kNoEntity: one word)
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
    std::string record, pack, content_hash;  // what decode_article() reads
    std::vector<std::pair<Xapian::valueno, std::string>> kept_values;
};

RecordToRebuild read_stored(Xapian::WritableDatabase& db, Rewrite& r) {
    const Xapian::Document old = db.get_document(r.docid);
    RecordToRebuild s{r.docid,
                      std::move(r.persons),
                      old.get_data(),
                      old.get_value(schema::kFacetPackSlot),
                      old.get_value(schema::kContentHashSlot),
                      {}};
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
                Article a = schema::decode_article(s->record, s->pack, s->content_hash);
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

namespace {

PersonTable make_person_table(EvidenceSums evidence, Relatives relatives, const ArticleNames& articles,
                              NameTable& names, EntityIds& entity_id) {
    PersonTable table(names_of_things(evidence), std::move(relatives), articles, names, entity_id);
    for (std::uint32_t k = 0; k < articles.size(); ++k)
        for (const std::uint32_t m : articles.mentions(k)) table.add(k, m);
    table.finish();
    return table;
}

}  // namespace

std::vector<std::vector<std::string>> resolve_persons_before_writing(Xapian::Database& db,
                                                                     const std::vector<const Article*>& unwritten) {
    NameTable names;
    EntityIds entity_id;
    ArticleNames articles = read_person_articles(db, names);
    Relatives relatives;
    EvidenceSums evidence = sum_evidence(db, names, articles, relatives);
    // The unwritten articles come after the index's, as the docids they
    // will get do; stored, their mentions are the persons as extracted.
    std::vector<std::pair<std::size_t, const Article*>> placed;  // place in `articles`, article
    std::vector<std::size_t> place_of(unwritten.size(), articles.size() + unwritten.size());
    Xapian::docid next = db.get_lastdocid();
    for (std::size_t u = 0; u < unwritten.size(); ++u) {
        const Article& a = *unwritten[u];
        add_evidence(a.person_evidence, names, evidence);
        const std::vector<std::uint32_t> mentions = names.ids(a.person_mentions), persons = names.ids(a.persons);
        if (mentions.empty() && persons.empty()) continue;
        place_of[u] = articles.size();
        add_relatives(articles.size(), a.person_evidence, names, relatives);
        placed.emplace_back(articles.size(), &a);
        articles.add(++next, mentions, persons);
    }
    read_places_and_organisations(db, articles, entity_id, placed);
    const PersonTable table = make_person_table(std::move(evidence), std::move(relatives), articles, names, entity_id);
    std::vector<std::vector<std::string>> resolved(unwritten.size());
    for (std::size_t u = 0; u < unwritten.size(); ++u)
        if (place_of[u] < articles.size()) resolved[u] = table.resolve(place_of[u]);
    return resolved;
}

std::size_t resolve_persons_across_index(Xapian::WritableDatabase& db) {
    // One pass over the value streams gathers names; only articles whose
    // resolved names change are decoded and re-indexed.
    NameTable names;
    EntityIds entity_id;
    ArticleNames articles = read_person_articles(db, names);
    read_places_and_organisations(db, articles, entity_id);
    Relatives relatives;
    EvidenceSums evidence = sum_evidence(db, names, articles, relatives);
    const PersonTable table = make_person_table(std::move(evidence), std::move(relatives), articles, names, entity_id);

    std::vector<Rewrite> rewrites;
    for (std::size_t k = 0; k < articles.size(); ++k) {
        std::vector<std::string> resolved = table.resolve(k);
        const auto persons = articles.persons(k);
        const bool same = resolved.size() == persons.size() &&
                          std::equal(resolved.begin(), resolved.end(), persons.begin(),
                                     [&](const std::string& r, std::uint32_t p) { return r == names.name(p); });
        if (!same) rewrites.push_back({articles.docid(k), std::move(resolved)});
    }
    rebuild_articles(db, rewrites);
    return rewrites.size();
}

}  // namespace newsdex
