// Places, demonyms and given names, loaded once from the data compiled into
// the library (common/entities/data/ and Debian's iso-codes; see data/README.md).
// Read-only after construction: safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/key_table.h"

namespace newsdex {

enum class PlaceKind { country, subdivision, city, region, continent };

struct Place {
    std::string name;     // canonical display name: "United States", "Cairo", "Gaza Strip"
    std::string country;  // ISO 3166-1 alpha-2, empty for regions spanning countries
    PlaceKind kind = PlaceKind::city;
    bool acronym = false;      // "US", "UK", "U.S.": must be written in capitals
    bool common_word = false;  // "Reading", "Mobile": not at the start of a sentence
    bool venue = false;        // a landmark, a venue, a ground, an airport (places.tsv kind "venue")
    // A second reading in another country: "Georgia", the country (GE), is
    // also a US state. Empty when the name has one reading.
    std::string other_country{};
};

enum class GivenName { no, weak, yes };  // weak: also an English word ("Will", "Grant")

struct Organization {
    std::string name;          // canonical: "European Union" for EU
    bool acronym = false;      // this spelling must be written in capitals ("UN", "AP")
    bool team = false;         // a sports club or national side ("Chelsea FC", "All Blacks")
    bool sport = false;        // a team, a sports body or league, or a competition ("Fifa", "FA Cup")
    bool event = false;        // a competition ("Champions League"): evidence of sport, never an organisation value
    bool common_word = false;  // a one-word name is also an English word ("Shell", "Labour"): at a sentence's
                               // start it needs a verb or a name after it
};

class Gazetteer {
public:
    static const Gazetteer& standard();

    // A place by its words as written ("Gaza Strip", "U.S.", "Sao Paulo");
    // nullptr when none. Case does not matter here; see Place::acronym.
    const Place* find_place(std::string_view words) const;
    // The most words any place name has.
    std::size_t longest_place() const { return longest_place_; }

    // The country of a demonym or its plural ("Israelis"); empty for the
    // people of a region spanning countries ("Latin American").
    std::optional<std::string> demonym_country(std::string_view word) const;
    std::size_t longest_demonym() const { return longest_demonym_; }

    GivenName given_name(std::string_view word) const;

    // A well-known organisation by one of its names ("EU", "Lib Dems").
    const Organization* find_organization(std::string_view words) const;
    std::size_t longest_organization() const { return longest_organization_; }
    // Whether every organisation's name has an upper-case letter ("eBay"
    // too): then a word without one opens no organisation's name, and the
    // matchers skip it without a lookup (most words of a text).
    bool every_organization_name_has_a_capital() const { return every_organization_name_has_a_capital_; }

    // "EG" -> "Egypt"; empty for an unknown code (Countries::name).
    std::string country_name(std::string_view code) const;

    // The key everything is stored under: name_key() (folded, hyphens as
    // spaces, no dots, no leading "the "). The *_by_key lookups take one,
    // so callers that fold words once (entity tokens) never fold again.
    static std::string key(std::string_view words);
    const Place* find_place_by_key(std::string_view key) const;
    std::optional<std::string> demonym_by_key(std::string_view key) const;
    // "asian", "european", "african": a word that is no place itself but a
    // known place's name with "n" or "an" added is that place's adjective,
    // like a demonym no place and no organisation ("in Asian trade",
    // "European sales").
    bool place_adjective_by_key(std::string_view key) const;
    GivenName given_name_by_key(std::string_view key) const;
    const Organization* find_organization_by_key(std::string_view key) const;
    // Whether some longer place or organisation name opens with these whole
    // words ("gaza" for "gaza strip"): a matcher extending a name word by word
    // stops as soon as none does, instead of trying every length up to the
    // longest name.
    bool opens_longer_place(const std::string& key) const { return place_openings_.contains(key); }
    bool opens_longer_organization(const std::string& key) const { return organization_openings_.contains(key); }
    // The well-known team whose name is this town and a club word ("FC
    // Barcelona", "Bolton Wanderers", "Olympique Lyon" for Olympique
    // Lyonnais), when exactly one team's is; nullptr otherwise ("Manchester":
    // United and City). Its canonical name.
    const std::string* club_of_town(std::string_view town) const;
    // The town of such a team, by the team's canonical name ("FC Barcelona"
    // -> "Barcelona"), when that town names the team alone; nullptr otherwise.
    const std::string* town_of_club(std::string_view club) const;

private:
    Gazetteer();
    void add_place(std::string_view name, Place place);
    // Curated places, then every ISO 3166-1 spelling (countries.h).
    void load_places();
    void load_cities();
    void load_subdivisions();
    void load_demonyms();
    void load_given_names();
    void load_organizations();
    void index_clubs_by_town();

    KeyTable<std::string, Place> places_;
    KeyTable<std::string, std::string> demonyms_;  // key -> code
    KeyTable<std::string, GivenName> given_names_;
    KeyTable<std::string, Organization> organizations_;
    KeyTable<std::string, bool> place_openings_, organization_openings_;  // see opens_longer_place()
    struct TownClubs {
        std::string club;  // the first team found; `clubs` counts the distinct ones
        int clubs = 0;
    };
    KeyTable<std::string, TownClubs> clubs_by_town_;    // key of the town -> its teams (club_of_town())
    KeyTable<std::string, std::string> towns_by_club_;  // key of the team's name -> its town (town_of_club())
    std::vector<std::pair<std::string, std::string>> team_spellings_;  // (spelling, canonical), while loading
    std::size_t longest_organization_ = 1;
    bool every_organization_name_has_a_capital_ = true;
    std::size_t longest_place_ = 1, longest_demonym_ = 1;
};

}  // namespace newsdex
