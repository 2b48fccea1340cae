#include "bench/facet_heads.h"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/base/text_folding.h"
#include "common/entities/gazetteer.h"
#include "common/search/facets.h"

namespace newsdex::facet_heads {

namespace {

bool known_field(std::string_view field) {
    return std::find(std::begin(kFields), std::end(kFields), field) != std::end(kFields);
}

Judgement parse_judgement(const std::string& line) {
    const auto j = nlohmann::json::parse(line);
    if (!j.is_object()) throw std::runtime_error("not a JSON object");
    Judgement g;
    g.field = j.at("field").get<std::string>();
    g.value = j.at("value").get<std::string>();
    g.entity = j.at("entity").get<bool>();
    if (j.contains("same_as")) g.same_as = j.at("same_as").get<std::string>();
    if (j.contains("country")) g.country = j.at("country").get<std::string>();
    if (j.contains("note")) g.note = j.at("note").get<std::string>();
    if (j.contains("count")) g.count = j.at("count").get<std::size_t>();
    if (!known_field(g.field))
        throw std::runtime_error("unknown field \"" + g.field + "\": use person, location or org");
    if (g.value.empty()) throw std::runtime_error("empty value");
    if (g.entity && g.same_as.empty()) throw std::runtime_error("an entity needs same_as");
    if (!g.entity && !g.same_as.empty()) throw std::runtime_error("same_as on a value that is no entity");
    if (g.country && (g.field != "location" || !g.entity))
        throw std::runtime_error("country is for location entities only");
    return g;
}

}  // namespace

Gold Gold::read(std::istream& in) {
    Gold gold;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty()) continue;
        try {
            Judgement g = parse_judgement(line);
            auto key = std::make_pair(g.field, entity_key(g.value));
            if (gold.by_key_.count(key)) throw std::runtime_error("\"" + g.value + "\" judged twice");
            gold.by_key_.emplace(std::move(key), std::move(g));
        } catch (const std::exception& e) {  // nlohmann's errors and ours
            throw std::runtime_error("line " + std::to_string(number) + ": " + e.what());
        }
    }
    return gold;
}

const Judgement* Gold::find(std::string_view field, std::string_view value) const {
    const auto it = by_key_.find({std::string(field), entity_key(value)});
    return it == by_key_.end() ? nullptr : &it->second;
}

std::size_t Gold::judged(std::string_view field) const {
    return static_cast<std::size_t>(
        std::count_if(by_key_.begin(), by_key_.end(), [&](const auto& kv) { return kv.first.first == field; }));
}

std::vector<HeadValue> read_head(const Xapian::Database& db, std::string_view field, std::size_t n) {
    // As the search stage counts facets: an unweighted pass over every match.
    FacetRequest request;
    request.field = std::string(field);
    request.top = n;
    const FacetCounter counter(db, {request}, "");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    counter.attach(enquire);
    const Xapian::MSet all = enquire.get_mset(0, 0, db.get_doccount());
    const std::vector<FacetResult> results = counter.results(all.get_matches_estimated());
    std::vector<HeadValue> head;
    for (const FacetValue& v : results.front().values) {
        HeadValue h{v.value, v.count, "", ""};
        if (field == "location")
            if (const Place* p = Gazetteer::standard().find_place(v.value)) {
                h.country = p->country;
                h.other_country = p->other_country;
            }
        head.push_back(std::move(h));
    }
    return head;
}

HeadScore score_head(std::string_view field, const std::vector<HeadValue>& head, const Gold& gold) {
    HeadScore s;
    s.field = std::string(field);
    s.head = head.size();
    std::vector<std::string> group_order;  // same_as keys, by first appearance
    std::map<std::string, HeadScore::Duplicates> groups;
    for (const HeadValue& h : head) {
        const Judgement* g = gold.find(field, h.value);
        if (!g) {
            s.unjudged.push_back(h);
            continue;
        }
        ++s.judged;
        if (g->count) {
            const std::size_t then = g->count, now = h.count, moved = then > now ? then - now : now - then;
            if (moved > 2 && 3 * moved > then) s.changed.emplace_back(h, *g);
        }
        if (!g->entity) {
            s.not_entities.emplace_back(h, *g);
            continue;
        }
        ++s.entities;
        const std::string key = entity_key(g->same_as);
        if (!groups.count(key)) {
            group_order.push_back(key);
            groups[key].same_as = g->same_as;
        }
        groups[key].values.push_back(h);
        if (g->country) {
            ++s.countries_checked;
            if (*g->country != h.country) s.wrong_countries.emplace_back(h, *g);
        }
    }
    for (const auto& key : group_order)
        if (groups[key].values.size() > 1) s.duplicates.push_back(std::move(groups[key]));
    return s;
}

}  // namespace newsdex::facet_heads
