#include "common/entities/gazetteer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/countries.h"
#include "common/entities/data_tables.h"
#include "common/entities/embedded_data.h"

namespace newsdex {

namespace {

// Every shorter run of whole words a name opens with: "isle", "isle of" for
// "isle of man".
void add_openings(const std::string& key, KeyTable<std::string, bool>& openings) {
    for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
        openings.try_emplace(std::string_view(key).substr(0, sp), true);
}

std::size_t word_count(std::string_view key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// "US", "U.S.", "UAE": capitals (and dots) only, short.
bool is_acronym(std::string_view name) {
    return name.size() <= 6 &&
           std::any_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; });
}

PlaceKind kind_from(std::string_view kind) {
    if (data::names_a_country(kind)) return PlaceKind::country;
    if (kind == "continent") return PlaceKind::continent;
    if (kind == "city") return PlaceKind::city;
    return PlaceKind::region;
}

// First-level subdivision names that are generic words, not places anyone
// would mean on their own ("Central", "Capital"; "Pool", a Congolese
// department, is a tournament's group in "Scotland are in Pool A").
bool generic_subdivision_name(std::string_view name) {
    static const char* const kGeneric[] = {"Central",  "North",   "South",   "East",      "West",     "Northern",
                                           "Southern", "Eastern", "Western", "Capital",   "Centre",   "Center",
                                           "Coast",    "Islands", "Lakes",   "Upper",     "Lower",    "Middle",
                                           "Interior", "Border",  "Valley",  "Highlands", "Littoral", "Plateau",
                                           "Mountain", "Lake",    "Island",  "Pool"};
    for (const char* g : kGeneric)
        if (name == g) return true;
    return name.size() < 4 || name.find_first_of(",()") != std::string_view::npos;
}

}  // namespace

std::string Gazetteer::key(std::string_view words) { return name_key(words); }

const Gazetteer& Gazetteer::standard() {
    static const Gazetteer instance;
    return instance;
}

Gazetteer::Gazetteer() {
    // Order matters: the first entry for a name wins, so curated places come
    // before ISO names, and capitals and bigger cities before smaller ones.
    load_places();
    load_cities();
    load_subdivisions();
    load_demonyms();
    load_given_names();
    load_organizations();
    index_clubs_by_town();
}

void Gazetteer::load_organizations() {
    for (const auto& r : data::rows(embedded::kOrganizations)) {
        std::string_view kind = r.size() > 2 ? r[2] : std::string_view();  // "team", "sport", "event"
        // "Labour Party	Labour	*": a one-word name that is also an English
        // word ("labour markets") opens a sentence as that word.
        const bool common_word = kind.ends_with('*');
        if (common_word) kind.remove_suffix(1);
        if (std::none_of(r[0].begin(), r[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            every_organization_name_has_a_capital_ = false;
        std::vector<std::string_view> names{r[0]};
        if (r.size() > 1) {
            std::string_view rest = r[1];
            while (!rest.empty()) {
                const auto bar = rest.find('|');
                names.push_back(rest.substr(0, bar));
                rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
            }
        }
        for (std::string_view n : names) {
            const std::string k = key(n);
            if (k.empty()) continue;
            auto [it, added] = organizations_.try_emplace(k,
                                                          Organization{std::string(r[0]), is_acronym(n), kind == "team",
                                                                       !kind.empty(), kind == "event", common_word});
            if (kind == "team" && (added || it->name == r[0])) team_spellings_.emplace_back(n, r[0]);
            if (added) longest_organization_ = std::max(longest_organization_, word_count(k));
            if (added) add_openings(k, organization_openings_);
            // "NATO|Nato": capitals are required only when every spelling has them.
            else if (it->name == r[0] && !is_acronym(n)) it->acronym = false;
        }
    }
}

namespace {

// The words a club's name adds to its town: "FC Barcelona", "Bolton
// Wanderers".
constexpr std::array<std::string_view, 19> kClubWords = {
    "FC",   "AFC",    "AS",        "SS",       "AC",     "CF",     "SC",      "Olympique", "United",   "City",
    "Town", "Rovers", "Wanderers", "Athletic", "Albion", "County", "Hotspur", "Argyle",    "Alexandra"};

// The town in a team's spelling made of a town and one club word; empty
// when it is not one.
std::string_view town_in(std::string_view spelling) {
    for (const std::string_view w : kClubWords) {
        if (spelling.size() > w.size() + 1 && spelling.starts_with(w) && spelling[w.size()] == ' ')
            return spelling.substr(w.size() + 1);
        if (spelling.size() > w.size() + 1 && spelling.ends_with(w) && spelling[spelling.size() - w.size() - 1] == ' ')
            return spelling.substr(0, spelling.size() - w.size() - 1);
    }
    return {};
}

}  // namespace

// Every team spelling of a town and a club word, counted by town; then the
// towns of teams that their town names alone.
void Gazetteer::index_clubs_by_town() {
    for (const auto& [spelling, club] : team_spellings_) {
        const std::string_view town = town_in(spelling);
        if (town.empty()) continue;
        TownClubs& t = *clubs_by_town_.try_emplace(key(town)).first;
        if (t.clubs == 0) t.club = club;
        if (t.clubs == 0 || t.club != club) ++t.clubs;
    }
    for (const auto& [spelling, club] : team_spellings_) {
        const std::string_view town = town_in(club);
        if (spelling != club || town.empty()) continue;
        if (const std::string* only = club_of_town(town); only && *only == club)
            towns_by_club_.try_emplace(key(club), std::string(town));
    }
    team_spellings_.clear();
    team_spellings_.shrink_to_fit();
}

const std::string* Gazetteer::club_of_town(std::string_view town) const {
    const TownClubs* t = clubs_by_town_.find(key(town));
    return t && t->clubs == 1 ? &t->club : nullptr;
}

const std::string* Gazetteer::town_of_club(std::string_view club) const { return towns_by_club_.find(key(club)); }

const Organization* Gazetteer::find_organization(std::string_view words) const {
    return find_organization_by_key(key(words));
}

const Organization* Gazetteer::find_organization_by_key(std::string_view k) const { return organizations_.find(k); }

void Gazetteer::add_place(std::string_view name, Place place) {
    const std::string k = key(name);
    if (k.empty()) return;
    place.acronym = is_acronym(name);
    const bool country_or_region = place.kind == PlaceKind::country || place.kind == PlaceKind::subdivision;
    auto [it, added] = places_.try_emplace(k, std::move(place));
    if (added) {
        longest_place_ = std::max(longest_place_, word_count(k));
        add_openings(k, place_openings_);
        return;
    }
    // A country that is also another country's first-level region ("Georgia")
    // keeps both readings; the article's other places choose (entity_extractor).
    Place& first = *it;
    const bool first_country_or_region = first.kind == PlaceKind::country || first.kind == PlaceKind::subdivision;
    if (country_or_region && first_country_or_region && first.kind != place.kind && first.country != place.country &&
        first.other_country.empty() && !place.country.empty())
        first.other_country = place.country;
}

void Gazetteer::load_places() {
    for (const auto& r : data::rows(embedded::kPlaces)) {
        if (r.size() < 3) continue;
        const std::string code = data::place_country(r[1]);
        // "region*": a place named like a word or a famous name, as in cities.tsv.
        const bool common_word = r[2].ends_with("*");
        const std::string_view kind_name = common_word ? r[2].substr(0, r[2].size() - 1) : r[2];
        const PlaceKind kind = kind_from(kind_name);
        // A fourth column names the place as its index value when news
        // spells it two ways ("Bombay" -> "Mumbai"): one place, one value.
        const std::string display = kind == PlaceKind::country       ? country_name(code)
                                    : r.size() >= 4 && !r[3].empty() ? std::string(r[3])
                                                                     : std::string(r[0]);
        add_place(r[0], Place{.name = display,
                              .country = code,
                              .kind = kind,
                              .common_word = common_word,
                              .venue = kind_name == "venue"});
    }
    for (const auto& [name, code] : Countries::standard().iso_spellings())
        add_place(name, Place{.name = country_name(code), .country = code, .kind = PlaceKind::country});
}

void Gazetteer::load_cities() {
    // The first (biggest) city of a name wins; a namesake in another country
    // at least half its size is its second reading ("Valencia", VE and ES;
    // "León", NI and ES), which the article's other places choose
    // (entity_extractor). Not where the curated places name the town.
    std::map<std::string, long> biggest;  // key -> population, names first met here
    for (const auto& r : data::rows(embedded::kCities)) {
        if (r.size() < 4) continue;
        Place p{.name = std::string(r[0]), .country = std::string(r[1]), .kind = PlaceKind::city};
        p.common_word = r[3].ends_with("*");
        const std::string name(r[0]);
        long population = 0;
        std::from_chars(r[2].data(), r[2].data() + r[2].size(), population);
        const std::string k = key(name);
        if (const auto b = biggest.find(k); b != biggest.end()) {
            Place* first = places_.find(k);
            if (first && first->kind == PlaceKind::city && first->country != p.country &&
                first->other_country.empty() && population >= 100000 && 2 * population >= b->second)
                first->other_country = p.country;
        } else if (!places_.find(k)) {
            biggest.emplace(k, population);
        }
        add_place(name, p);
        // "Reading" is a word in every town of that name; a county or region
        // the curated places name ("Surrey") is not made one by a namesake
        // city elsewhere ("Surrey", Canada) whose name is a word.
        if (Place* first = places_.find(key(name)); first && first->kind == PlaceKind::city)
            first->common_word = first->common_word || p.common_word;
    }
}

void Gazetteer::load_subdivisions() {
    const auto json = nlohmann::json::parse(embedded::kIsoSubdivisions);
    // Indonesia's provinces ("Aceh", "Jawa Barat") sit below islands that
    // ISO 3166-2 lists as "geographical units": they are the first level
    // that governs, as provinces are elsewhere.
    std::set<std::string> geographic_units;
    for (const auto& s : json.at("3166-2"))
        if (s.at("type").get<std::string>().starts_with("Geographical")) geographic_units.insert(s.at("code"));
    for (const auto& s : json.at("3166-2")) {
        if (s.contains("parent") &&
            !(s.at("type") == "Province" && geographic_units.contains(s.at("code").get<std::string>().substr(0, 3) +
                                                                      s.at("parent").get<std::string>())))
            continue;  // first level only
        const std::string name = s.at("name");
        if (generic_subdivision_name(name)) continue;
        const std::string code = s.at("code").get<std::string>().substr(0, 2);
        add_place(name, Place{.name = name, .country = code, .kind = PlaceKind::subdivision});
    }
}

void Gazetteer::load_demonyms() {
    for (const auto& r : data::rows(embedded::kDemonyms)) {
        if (r.size() < 2) continue;
        const std::string k = key(r[0]);
        const std::string country = r[1] == "-" ? "" : std::string(r[1]);  // a region's people: none
        demonyms_.try_emplace(k, country);
        if (!k.ends_with("s") && !k.ends_with("sh") && !k.ends_with("ese")) demonyms_.try_emplace(k + "s", country);
        longest_demonym_ = std::max(longest_demonym_, word_count(k));
    }
}

void Gazetteer::load_given_names() {
    std::string k;  // one buffer for the keys of some 60,000 names
    data::for_each_first_cell(embedded::kGivenNames, [&](std::string_view name) {
        const bool weak = name.ends_with("*");
        if (weak) name.remove_suffix(1);
        // "Jordan", "Florence", "Zurich": a given name that is also a place
        // needs the evidence a weak one does.
        assign_name_key(name, k);  // key(name)
        given_names_.try_emplace(k, weak || places_.contains(k) ? GivenName::weak : GivenName::yes);
    });
}

const Place* Gazetteer::find_place(std::string_view words) const { return find_place_by_key(key(words)); }

const Place* Gazetteer::find_place_by_key(std::string_view k) const { return places_.find(k); }

std::optional<std::string> Gazetteer::demonym_country(std::string_view word) const { return demonym_by_key(key(word)); }

bool Gazetteer::place_adjective_by_key(std::string_view k) const {
    return !find_place_by_key(k) && ((k.ends_with("n") && find_place_by_key(k.substr(0, k.size() - 1))) ||
                                     (k.ends_with("an") && find_place_by_key(k.substr(0, k.size() - 2))));
}

std::optional<std::string> Gazetteer::demonym_by_key(std::string_view k) const {
    const std::string* code = demonyms_.find(k);
    if (!code) return std::nullopt;
    return *code;
}

GivenName Gazetteer::given_name(std::string_view word) const { return given_name_by_key(key(word)); }

GivenName Gazetteer::given_name_by_key(std::string_view k) const {
    // The lexicon lists "North" and "West" as given names, but news writes
    // them before places ("North Tyneside", "West Country", "North-South"),
    // where a person's name would need a role or an honorific anyway; so it
    // writes "Royal", "Golden", "Silver", "Iron", "Great" and "Blue" before
    // bodies, prizes and works ("Royal Academy", "Golden Bear", "Iron
    // Curtain", "Great American Songbook"), and "Muslim", "Texas" and
    // "Tudor" as a faith's, a state's and an age's words.
    // (Asked only of the lexicon's names: most words are none, and this is
    // asked of most capitalised words.)
    const GivenName* given = given_names_.find(k);
    if (!given || is_one_of(k, {"north", "south", "east", "west", "royal", "golden", "silver", "iron", "great", "blue",
                                "muslim", "texas", "tudor"}))
        return GivenName::no;
    return *given;
}

std::string Gazetteer::country_name(std::string_view code) const { return Countries::standard().name(code); }

}  // namespace newsdex
