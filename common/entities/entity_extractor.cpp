#include "common/entities/entity_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include <utf8proc.h>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/cue_words.h"
#include "common/entities/entity_tokens.h"
#include "common/entities/organization_names.h"
#include "common/entities/person_names.h"

namespace newsdex {

namespace {

// Words before "of <place>" that make the place part of a name, not a
// location mention: an organisation's head ("Bank of England"), a title
// held of a place ("Duke of York"), a port, a republic, a school, a society,
// a choir or an orchestra ("Port of London", "Republic of Ireland", "London
// School of Economics", "the Boys Choir of Harlem": as heads of
// organisations these open too many titles of works, "School of Rock", to
// find organisations by).
bool is_name_head_before_of(std::string_view w) {
    // ("the Standards Board of England", "the Treaty of Amsterdam".)
    return is_organisation_head(w) || is_title_of_place(w) ||
           is_one_of(w, {"Port", "Republic", "School", "Society", "Board", "Treaty", "Choir", "Orchestra"});
}

// Words that, after a place, make it part of an organisation's or team's
// name ("Manchester United", "Qatar Airways", "Kenya Airways", "Cairo University").
bool is_organisation_tail(std::string_view w) {
    static const char* const kTails[] = {
        "United", "Airways", "Airlines", "Air", "University", "FC", "Rovers", "Athletic", "Wanderers", "Bank", "Group",
        "Times", "Post", "Herald", "Telegraph", "Journal", "Tribune", "Police", "Council", "Stock", "Exchange",
        "Motors", "Energy", "Telecom", "Airport", "Zoo", "Hotel",
        // reinsurers: "Munich Re", "Hanover Re"
        "Re",
        // clubs and their competitions: "Leicester City", "Leicester Tigers",
        // "the Zurich Premiership"; "Zurich Financial"
        "City", "Rangers", "Albion", "Falcons", "Tigers", "Sharks", "Saints", "Premiership", "Financial"};
    return std::any_of(std::begin(kTails), std::end(kTails), [&](const char* t) { return w == t; });
}

// Lower-case words allowed inside a multi-word place name ("Bosnia and
// Herzegovina", "Trinidad and Tobago", "Isle of Man", "Rio de Janeiro",
// "Newcastle upon Tyne").
bool is_name_connector(std::string_view w) {
    return w == "of" || w == "and" || w == "upon" || w == "de" || w == "da" || w == "do" || w == "del" || w == "la" ||
           w == "the";
}

// "Stoke-on-Trent", "Stratford-upon-Avon", "Weston-super-Mare": a
// lower-case word between two hyphens joins a town's name.
bool hyphen_connector(const std::vector<EntityToken>& tokens, std::size_t k) {
    return tokens[k].hyphen_before && k + 1 < tokens.size() && tokens[k + 1].hyphen_before;
}

struct PlaceMatch {
    const Place* place = nullptr;
    std::size_t length = 0;  // tokens
};

std::string without_spaces(std::string s) {
    std::erase(s, ' ');
    return s;
}

// A word without a possessive ending: "Paris's Louvre" names the town.
bool word_is_plain(const EntityToken& t) { return !t.text.ends_with("'s") && !t.text.ends_with("\xE2\x80\x99s"); }

bool is_landmark_tail(std::string_view w);
bool is_geographic_suffix(std::string_view w);
bool is_organisation_tail(std::string_view w);

// A capitalised word right after a name that could be its surname: not
// what follows a town in the names of its events, venues and bodies
// ("Sydney Olympics", "Berlin Film Festival", "Boston Marathon").
bool could_be_surname(const EntityToken& t) {
    if (!t.capitalized || t.all_caps || t.punctuation_before || t.sentence_start || t.hyphen_before) return false;
    static const WordSet kWords{
        "Film",       "Festival", "Olympics",   "Olympic", "Games",        "Marathon", "Indoor", "International",
        "Open",       "Morning",  "Symphony",   "Opera",   "Philharmonic", "Motor",    "Show",   "Fashion",
        "Week",       "Biennale", "Conference", "Summit",  "Agreement",    "Accord",   "Treaty", "Declaration",
        "Convention", "Wall",     "Harbour",    "Club",    "Masters",      "Classic",  "Cup",    "Test"};
    // ("a summit in California Mr Torvalds said": an honorific opens the
    // next name.)
    return !is_landmark_tail(t.text) && !is_geographic_suffix(t.text) && !is_organisation_tail(t.text) &&
           !kWords.contains(t.text) && !is_honorific(t.text);
}

// "California Governor Arnold Schwarzenegger": a role before a capitalised
// word opens that name; a role's word alone is a surname as often ("Florence
// King", "Sydney Pope").
bool role_before_name(const std::vector<EntityToken>& tokens, std::size_t k) {
    return is_role(tokens[k].text) && k + 1 < tokens.size() && tokens[k + 1].capitalized &&
           !tokens[k + 1].punctuation_before && !tokens[k + 1].sentence_start;
}

// "the supernatural thriller Constantine", "the musical Chicago": a place's
// name right after a noun for a film, a show or a book is that work's title.
// Narrower than the person rule's nouns: "hit", "play" and "show" are verbs
// before places too ("the storm hit Florida"), and "epic" or "blockbuster"
// adjectives ("blockbuster West End musicals").
bool titles_a_work(const std::vector<EntityToken>& tokens, std::size_t i) {
    static const WordSet kWords{"film",  "movie", "thriller",    "musical", "sitcom", "drama", "comedy", "album",
                                "novel", "book",  "documentary", "biopic",  "opera",  "song",  "single"};
    return i > 0 && !tokens[i].punctuation_before && !tokens[i - 1].capitalized && kWords.contains(tokens[i - 1].text);
}

// The titles an article gives right after a work's noun ("the musical
// Jailhouse Rock", "her book Small Island"), as keys: its other mentions of
// them ("Kombou plays Everett in Jailhouse Rock") are the work too.
std::set<std::string> titles_of_works(const std::vector<EntityToken>& tokens) {
    std::set<std::string> titles;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (!tokens[i].capitalized || !titles_a_work(tokens, i)) continue;
        std::size_t e = i + 1;
        while (e < tokens.size() && e - i < 4 && tokens[e].capitalized && !tokens[e].punctuation_before &&
               !tokens[e].sentence_start && !has_possessive(tokens[e - 1].text))
            ++e;
        std::string key;
        for (std::size_t k = i; k < e; ++k) key += (k > i ? " " : "") + tokens[k].key;
        titles.insert(key);
    }
    return titles;
}

// "Man to Man", "Face to Face": a word repeated around "to" is a title or
// an idiom, so its second word is no town named like that word.
bool word_to_word(const std::vector<EntityToken>& tokens, std::size_t i) {
    return i >= 2 && tokens[i - 1].text == "to" && tokens[i - 2].text == tokens[i].text;
}

// "London Heathrow": a known venue, landmark or area right after a town is
// in it, no surname ("Victoria Hamilton" and "Elizabeth France" are people).
bool landmark_in_town(const EntityToken& next, const Gazetteer& g) {
    const Place* p = g.find_place_by_key(next.key);
    return p && p->venue;  // not a county: "Victoria Derbyshire" is a person
}

// "the Bolton West MP", "in Bristol South and Leeds Central": a town and
// compass words ending the name, with a constituency's evidence (a
// member's title or "seat" after, or another such name listed beside it),
// is the constituency, no person called like the town ("Victoria West, 34,
// was jailed", "Detectives held Sydney West"; "Kanye West" opens on no
// town). Token i is the town.
bool compass_part_ends_name(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    const auto compass_end = [&](std::size_t k) {  // after a name's compass words (k when none)
        std::size_t e = k;
        while (e < tokens.size() && e - k < 2 && !tokens[e].punctuation_before && !tokens[e].sentence_start &&
               is_one_of(tokens[e].text, {"North", "South", "East", "West", "Central"}))
            ++e;
        return e;
    };
    const std::size_t k = i + 1, e = compass_end(k);
    if (e == k) return false;
    const bool after_title = e < tokens.size() && !tokens[e].punctuation_before &&
                             is_one_of(tokens[e].text,
                                       {"MP", "MPs", "MSP", "AM", "seat", "constituency", "by-election"});
    if (after_title) return true;
    if (e < tokens.size() && tokens[e].capitalized && !tokens[e].punctuation_before && !tokens[e].sentence_start)
        return false;  // the name goes on
    // Another town of no given name and compass words listed beside it
    // ("Bristol West, Cardiff Central"; "Victoria West and Sydney North
    // were injured" are people).
    const auto town_and_compass_at = [&](std::size_t t) {
        return t + 1 < tokens.size() && tokens[t].capitalized && g.find_place_by_key(tokens[t].key) &&
               g.given_name_by_key(tokens[t].key) == GivenName::no && compass_end(t + 1) > t + 1;
    };
    const std::size_t after = e < tokens.size() && tokens[e].text == "and" ? e + 1 : e;
    if (after < tokens.size() && (after > e || (tokens[after].punctuation_before && !tokens[after].sentence_start)) &&
        town_and_compass_at(after))
        return true;
    // ("Bristol South and Leeds Central"; after a comma only before one:
    // "Leeds Central; Victoria West, 34, was jailed" is a person.)
    if (i >= 3 && tokens[i - 1].text == "and" && !tokens[i].punctuation_before)
        for (std::size_t t = i - 3; t + 1 < i - 1; ++t)
            if (town_and_compass_at(t) && compass_end(t + 1) == i - 1) return true;
    return false;
}

bool performed_in(const std::vector<EntityToken>& t, std::size_t i);

// Token i right after `preposition` and one of `verbs` before it ("said to
// X", "starred in X", "moved to X").
bool after_verb_and(const std::vector<EntityToken>& t, std::size_t i, std::string_view preposition,
                    const WordSet& verbs) {
    return i >= 2 && t[i - 1].text == preposition && !t[i - 1].punctuation_before && verbs.contains(t[i - 2].text);
}

// "I've said to Nigel", "wrote to Mary": "to" after a verb of speaking
// names whom one speaks to, no destination.
bool spoken_to(const std::vector<EntityToken>& t, std::size_t i) {
    static const WordSet kWords{"said",   "say",     "says",  "spoke", "speak",   "speaking",  "talk",
                                "talked", "talking", "wrote", "write", "writing", "explained", "listen"};
    return after_verb_and(t, i, "to", kWords);
}

// The longest place name starting at token i.
PlaceMatch match_place(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    const EntityToken& first = tokens[i];
    if (!first.capitalized || first.work_title) return {};
    std::string key;
    PlaceMatch best;
    for (std::size_t n = 1; n <= g.longest_place() && i + n <= tokens.size(); ++n) {
        if (n > 1 && !g.opens_longer_place(key)) break;  // no name goes on from here
        const EntityToken& t = tokens[i + n - 1];
        if (n > 1 && (t.sentence_start ||
                      (!t.capitalized && !is_name_connector(t.text) && !hyphen_connector(tokens, i + n - 1))))
            break;
        if (n > 1) key += ' ';  // no temporary string a word (asked at every capitalised word)
        key += t.key;
        if (!t.capitalized) continue;  // a name never ends on a connector
        const Place* p = g.find_place_by_key(key);
        if (!p) continue;
        if (p->acronym && !std::all_of(tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(i + n),
                                       [](const EntityToken& x) { return x.all_caps; }))
            continue;  // "us" is not the US
        // "brokers TOV", "the Institute of Contemporary Arts (ICA)": a town's
        // or a region's name of three or four letters in capitals inside a
        // sentence is an acronym (Töv, Ica); headlines in capitals are
        // blanked before this. Not a longer one ("ENGLAND beat WALES"), a
        // country ("(PERU)"), a dateline opening its line ("ROME (Reuters)
        // -", "BEIJING/SHANGHAI"), nor one after a preposition of place
        // ("flights to ROME").
        if (n == 1 && p->kind != PlaceKind::country && !p->acronym && t.all_caps && t.text.size() >= 3 &&
            t.text.size() <= 4 && !t.sentence_start && i > 0 &&
            !is_one_of(tokens[i - 1].text, {"in", "at", "to", "from", "near", "outside", "around"}) &&
            !(tokens[i - 1].all_caps && g.find_place_by_key(tokens[i - 1].key)))
            continue;
        // "Reading the report…", "Iron Man": a town whose name is an English
        // word counts after a preposition of place ("in Reading").
        // So does one listed after another place ("Camberley, Surrey"); not
        // one spoken to or performed in ("said to Nigel", "her role in
        // Elizabeth").
        if (p->common_word && n == 1 &&
            (first.sentence_start || i == 0 ||
             !(is_one_of(tokens[i - 1].text, {"in", "at", "from", "near", "outside", "to"}) ||

               (first.punctuation_before && g.find_place_by_key(tokens[i - 1].key))) ||
             word_to_word(tokens, i) || spoken_to(tokens, i) || performed_in(tokens, i)))
            continue;
        best = {p, n};
    }
    // "Mary Poppins", "Paris Hilton", "Florence Nightingale": a town named
    // like a person, right before another name word, is that person's name;
    // so is a region ("Nelson Mandela", "a contemporary Indiana Jones"), but
    // not after "the" or a preposition of place, nor before a known body's
    // name ("the Florida Keys", "in Arizona Bush said", "California
    // Republicans").
    const bool town = best.length == 1 && best.place->kind == PlaceKind::city;
    const bool town_or_region = town || (best.length == 1 && best.place->kind == PlaceKind::subdivision);
    const bool region_as_name =
        town_or_region && !town && i + 1 < tokens.size() &&
        !(i > 0 && is_one_of(tokens[i - 1].key, {"the", "in", "at", "to", "from", "near", "across", "outside"})) &&
        !g.find_organization_by_key(tokens[i + 1].key);
    if (town_or_region && (town || region_as_name) && g.given_name_by_key(first.key) != GivenName::no &&
        i + 1 < tokens.size() && word_is_plain(first) && could_be_surname(tokens[i + 1]) &&
        !role_before_name(tokens, i + 1) && !landmark_in_town(tokens[i + 1], g) &&
        !(town && compass_part_ends_name(tokens, i, g)))
        return {};
    // ("Victoria Hamilton was best actress": a town right after such a name
    // is the person's surname; a region there is where the town is:
    // "Jackson Mississippi".)
    if (town && i > 0 && !first.sentence_start && !first.punctuation_before && !first.hyphen_before &&
        tokens[i - 1].capitalized && word_is_plain(tokens[i - 1]) &&
        g.given_name_by_key(tokens[i - 1].key) != GivenName::no && could_be_surname(first)) {
        const Place* before = g.find_place_by_key(tokens[i - 1].key);
        if (before && (before->kind == PlaceKind::city || before->kind == PlaceKind::subdivision)) return {};
    }
    // ("a disagreement with daughter Victoria", "his wife Florence": a
    // relation right before it announces a person.)
    if (town_or_region && i > 0 && !first.sentence_start && !first.punctuation_before &&
        is_relation(tokens[i - 1].text) && g.given_name_by_key(first.key) != GivenName::no)
        return {};
    return best;
}

bool inside_organisation_name(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n) {
    // A name's head before "of" ("Bank of England") or "of the" ("the
    // University of the Highlands and Islands"; a title's there names the
    // country: "the Queen of the Netherlands").
    const bool the = i >= 3 && tokens[i - 1].key == "the";
    const std::size_t of = the ? i - 2 : i - 1;
    if (i >= 2 && tokens[of].text == "of" && tokens[of - 1].capitalized &&
        is_name_head_before_of(tokens[of - 1].text) && !(the && is_title_of_place(tokens[of - 1].text)))
        return true;
    if (i + n < tokens.size() && !tokens[i + n].sentence_start && is_organisation_tail(tokens[i + n].text)) return true;
    // "the East Kent Hunt": a fox hunt named after its country, after "the"
    // ("in Paris, Hunt said" names Paris).
    if (i + n >= tokens.size() || tokens[i + n].text != "Hunt" || tokens[i + n].sentence_start ||
        tokens[i + n].punctuation_before)
        return false;
    std::size_t k = i;  // back to the first capitalised word of the name
    while (k > 0 && tokens[k - 1].capitalized && !tokens[k].punctuation_before && !tokens[k].sentence_start) --k;
    return k > 0 && tokens[k - 1].key == "the";
}

// Words after a town that make the whole a landmark or a venue elsewhere,
// not the town: "Leicester Square" (London), "Stamford Bridge" (Chelsea's
// ground), "Wembley Arena".
bool is_landmark_tail(std::string_view w) {
    static const WordSet kWords{"Square", "Bridge", "Road",    "Street", "Lane",       "Gardens",
                                "Circus", "Arena",  "Stadium", "Park",   "Palace",     "Common",
                                "Heath",  "Quay",   "Terrace", "Avenue", "Racecourse", "Ground"};
    return kWords.contains(w);
}

// "Lord Nicholls of Birkenhead", "Baroness Thatcher of Kesteven": a peer's
// title, a surname, "of" and a place is the peer's territorial
// designation, part of the title, no mention of the place. A monarch's
// country is one ("King Abdullah of Jordan", "Princess Marguerite of
// Romania" name Jordan and Romania).
bool peer_territory(const std::vector<EntityToken>& tokens, std::size_t i, const Place& place) {
    if (i < 3 || tokens[i - 1].text != "of" || tokens[i].punctuation_before || tokens[i - 1].punctuation_before ||
        !tokens[i - 2].capitalized || tokens[i - 2].punctuation_before || tokens[i - 2].sentence_start ||
        !is_title_of_place(tokens[i - 3].text))
        return false;
    return place.kind != PlaceKind::country || !is_monarch_title(tokens[i - 3].text);
}

bool is_compass_word(const EntityToken& t);

// "Pirates of the Caribbean", "Gangs of New York": a capitalised plural
// noun inside a sentence, "of" (and "the") and a place ending the run name
// a work, a band or a group, no mention of the place; not a word of the
// given-name list ("Kings of Leon" stays León) nor a surname after an
// honorific or a given name ("Mr Skeens of Brownsville", "Olivier Rochus of
// Belgium"), a role ("the Foreign Ministers of Israel"), a people or a faith
// ("Serbs of Kosovo") or a place itself ("the Glens of Antrim").
bool plural_name_of_place(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, const Gazetteer& g) {
    std::size_t of = i - 1;
    if (i >= 3 && tokens[i - 1].text == "the" && !tokens[i - 1].punctuation_before) of = i - 2;
    if (i < 2 || tokens[of].text != "of" || tokens[of].punctuation_before || tokens[i].punctuation_before) return false;
    const EntityToken& plural = tokens[of - 1];
    const std::string_view w = plural.text;
    if (!plural.capitalized || plural.all_caps || plural.sentence_start || w.size() < 5 || !w.ends_with("s") ||
        w.ends_with("ss") || has_possessive(w) || plural.work_title)
        return false;
    // Places and parts of places named so ("the Glens of Antrim", "Cities of
    // London and Westminster").
    static const WordSet kPlaces{"Glens",     "Cities",    "Hills",     "Lakes",    "Isles",       "Islands",
                                 "Mountains", "Heights",   "Highlands", "Lowlands", "Plains",      "Falls",
                                 "Fields",    "Gardens",   "Docks",     "Downs",    "Dales",       "Moors",
                                 "Counties",  "Provinces", "States",    "Regions",  "Territories", "Towns"};
    // Peoples and faiths too ("Serbs of Kosovo", "Christians of Iraq").
    static const WordSet kPeoples{"Muslims", "Christians", "Catholics", "Protestants", "Jews",   "Hindus",
                                  "Sikhs",   "Buddhists",  "Gypsies",   "Kurds",       "Tamils", "Serbs",
                                  "Croats",  "Arabs",      "Shias",     "Sunnis",      "Roma",   "Bosniaks"};
    if (g.given_name_by_key(plural.key) != GivenName::no || g.find_place_by_key(plural.key) ||
        is_role(w.substr(0, w.size() - 1)) || is_geographic_suffix(w) || kPlaces.contains(w) || kPeoples.contains(w) ||
        g.demonym_by_key(plural.key))
        return false;
    // ("Mr Skeens of Brownsville", "Olivier Rochus of Belgium": a surname.)
    const std::size_t before = of - 1;
    if (before > 0 && !plural.punctuation_before &&
        (is_honorific(tokens[before - 1].text) || g.given_name_by_key(tokens[before - 1].key) != GivenName::no))
        return false;
    const std::size_t end = i + n;
    return end >= tokens.size() || !tokens[end].capitalized || tokens[end].punctuation_before ||
           tokens[end].sentence_start;
}

// "Tate Britain", "Little Britain", "Hotel Rwanda", "Athletics Kenya": a
// country or a first-level region right after a capitalised word of the
// same name that is no place, compass word, people's adjective, role,
// honorific or article ends or sits inside the name of a thing, no mention
// of the country ("US President", "South Africa", "British Scotland" keep it).
// Not a town: a capitalised word before one is as often a body's, a day's
// or a district's ("BBC News Jerusalem correspondent", "on Thursday
// Madrid", "Old Delhi"); names_a_ship() takes the one sure case.
bool country_inside_a_name(const std::vector<EntityToken>& tokens, std::size_t i, const Place& place,
                           const Gazetteer& g) {
    if (i == 0 || (place.kind != PlaceKind::country && place.kind != PlaceKind::subdivision)) return false;
    const EntityToken &t = tokens[i], &before = tokens[i - 1];
    if (t.sentence_start || t.punctuation_before || t.hyphen_before || !before.capitalized ||
        has_possessive(before.text) || before.work_title || is_one_of(before.text, {"The", "A", "An"}) ||
        is_era_adjective(before.text))  // "in Communist Russia"
        return false;
    // A sentence's first word opens such a name too ("Little Britain was
    // named best comedy"), unless it is a word that opens sentences ("In
    // Britain", "Former England captain"), a verb or an adverb ("Said
    // Wales coach", "Saying Britain", "Finally France").
    if (before.sentence_start &&
        (is_sentence_opener(before.text) ||
         is_one_of(before.text,
                   {"Said",   "Says",    "Told",    "Added",      "Against", "Other",   "Another", "Across",  "Beyond",
                    "Within", "Without", "Towards", "Toward",     "Inside",  "Outside", "Around",  "Between", "Behind",
                    "Beside", "Besides", "Via",     "Throughout", "Into",    "Near",    "Any"}) ||
         before.text.ends_with("ing") || before.text.ends_with("ly") || before.text.ends_with("ed")))
        return false;
    // There the name is the subject of a verb or stands alone ("Little
    // Britain was named", "Little Britain star …"); "Young UK film fans"
    // is an adjective and the country.
    if (before.sentence_start && !has_possessive(t.text) && i + 1 < tokens.size() &&
        !tokens[i + 1].punctuation_before && !tokens[i + 1].capitalized &&
        !is_one_of(tokens[i + 1].text,
                   {"is", "was", "has", "had", "have", "will", "won", "wins", "were", "are", "star", "stars", "tops"}))
        return false;
    return !g.find_place_by_key(before.key) && !g.demonym_by_key(before.key) && !is_compass_word(before) &&
           !is_role(before.text) && !is_honorific(before.text) && !is_title_of_place(before.text);
}

// "a BBC World Service and WGBH-Boston co-production": a place joined by a
// hyphen to an acronym that is no place ends the acronym's name (a
// broadcaster's, a firm's); "US-China trade" keeps both countries (the
// caller asks this of towns and regions only: "the ASEAN-China deal").
bool after_acronym_and_hyphen(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    if (i == 0 || !tokens[i].hyphen_before) return false;
    const EntityToken& before = tokens[i - 1];
    return before.all_caps && before.text.size() >= 3 && !g.find_place_by_key(before.key) &&
           !g.demonym_by_key(before.key);
}

// "trans-Atlantic differences", "anti-Syria protests", "Post-Iraq
// politics": a place after a prefix and a hyphen makes an adjective, no
// mention of the place (a country's still gives its code, as a demonym does).
bool after_prefix(const std::vector<EntityToken>& tokens, std::size_t i) {
    return i > 0 && tokens[i].hyphen_before &&
           is_one_of(tokens[i - 1].key, {"trans", "pan", "anti", "pro", "cross", "non", "post", "pre"});
}

// Evidence that a known place at token i (n tokens) is something else
// there: the head of a landmark's name, or a title ("Lord Liverpool",
// "Queen Mary", "Crown Princess Mary", "Lord Nicholls of Birkenhead").
// "the Provincia de Buenos Aires", "the Comunidad de Madrid", "the Ville
// de Paris": words of Romance languages for a state's divisions, which a
// place's name follows.
bool administrative_head(std::string_view w) {
    static const WordSet kWords{"Provincia", "Province", "Comunidad",    "Estado",   "Estados",
                                "Ville",     "Ilha",     "Isla",         "Islas",    "Republique",
                                "Republica", "Region",   "Departamento", "Distrito", "Ciudad",
                                "Municipio", "Canton",   "Comune",       "Regione"};
    return kWords.contains(w);
}

// Does a known place of one to three words end right before token e
// ("San Juan de Puerto Rico", "Reggio di Calabria")?
bool place_ends_at(const std::vector<EntityToken>& t, std::size_t e, const Gazetteer& g) {
    std::string key;
    for (std::size_t n = 1; n <= 3 && n <= e; ++n) {
        const EntityToken& w = t[e - n];
        if (!w.capitalized || (n > 1 && t[e - n + 1].punctuation_before)) break;
        key = n == 1 ? w.key : w.key + " " + key;
        if (g.find_place_by_key(key)) return true;
    }
    return false;
}

// "HMS Belfast", "USS Cole": a town after a ship's prefix is the ship.
bool names_a_ship(const std::vector<EntityToken>& tokens, std::size_t i) {
    return i > 0 && !tokens[i].punctuation_before && !tokens[i].sentence_start &&
           is_one_of(tokens[i - 1].text, {"HMS", "HMNZS", "USS", "RMS"});
}

// "the Toronto General Hospital", "Edinburgh Royal Infirmary", "Hampshire
// Constabulary", "the Karachi Stock Exchange": a place right before up to
// three capitalised words ending on an institution's word opens its name
// ("India's Bombay Stock Exchange" names India). Token k is the word
// after the place.
bool opens_institutions_name(const std::vector<EntityToken>& tokens, std::size_t k) {
    static const WordSet kInstitutions{"Hospital", "Hospitals", "Infirmary", "Constabulary", "Exchange", "College"};
    // An ensemble's or an academy's word only where it ends the name ("the
    // Turin Opera"; "the Vienna Opera Ball" is held in Vienna).
    static const WordSet kEnsembles{"Institute", "Opera",        "Orchestra",    "Philharmonic",
                                    "Symphony",  "Conservatory", "Conservatoire"};
    for (std::size_t e = k; e < tokens.size() && e < k + 3; ++e) {
        const EntityToken& t = tokens[e];
        if (!t.capitalized || t.punctuation_before || t.sentence_start || t.hyphen_before) return false;
        if (kInstitutions.contains(t.text)) return true;
        if (kEnsembles.contains(t.text))
            return e + 1 == tokens.size() || !tokens[e + 1].capitalized || tokens[e + 1].punctuation_before ||
                   tokens[e + 1].text == "Orchestra";
    }
    return false;
}

// "Lycos Europe's Make Love campaign", "AOL Europe", "the MTV Europe
// Awards", "Diageo North America president": a continent or a region of
// several countries right after a known organisation's name, or after a
// capitalised word and before an arm's officer, ends a firm's or a body's
// name, its arm for that region. Not where a topic or a beat follows ("the
// UN Africa envoy", "the EU Asia summit", "the BBC Middle East
// correspondent", "the Bush Middle East trip"), nor after an
// intergovernmental body, whose region is a topic (helper-84's review:
// requiring such evidence keeps "Oil Prices Rise Across Asia", "Fortress
// Europe", "Napoleonic Europe" places).
bool closes_regional_arms_name(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, const Place& place,
                               const Gazetteer& g) {
    if (i == 0 || (place.kind != PlaceKind::continent && place.kind != PlaceKind::region) || tokens[i].sentence_start ||
        tokens[i].punctuation_before || tokens[i].hyphen_before)
        return false;
    const EntityToken& before = tokens[i - 1];
    if (!before.capitalized || before.hyphen_before || has_possessive(before.text) ||
        is_one_of(before.text, {"UN", "EU", "Nato", "NATO", "G8", "G7", "G20", "Opec", "OPEC", "Nafta", "Asean",
                                "ASEAN", "AU", "IMF"}))
        return false;
    static const WordSet kTopics{
        "envoy",   "envoys",    "correspondent", "correspondents", "editor",   "minister", "ministers",  "summit",
        "tour",    "trip",      "visit",         "plan",           "plans",    "policy",   "initiative", "deal",
        "force",   "forces",    "mission",       "crisis",         "outbreak", "tsunami",  "qualifiers", "venues",
        "fans",    "commander", "command",       "campaign",       "hopes",    "bid",      "exit",       "zone",
        "team",    "squad",     "side",          "talks",          "trade",    "peace",    "conflict",   "war",
        "markets", "market",    "strategy",      "department",     "desk",     "bureau",   "expert",     "analyst"};
    const std::size_t e = i + n;
    const bool next_word = e < tokens.size() && !tokens[e].punctuation_before;
    if (next_word && kTopics.contains(tokens[e].text)) return false;
    if (g.find_organization_by_key(before.key)) return true;
    // ("Diageo North America president", "Media Lab Europe chief".)
    return next_word && !before.sentence_start && !is_sentence_opener(before.text) &&
           is_one_of(tokens[e].text, {"president", "chief", "chairman", "boss", "spokesman", "spokeswoman"}) &&
           !g.find_place_by_key(before.key) && !g.demonym_by_key(before.key);
}

// "the follow-up to Miyazaki's Spirited Away", "similar to Douglas's action
// films": a town's possessive that may be a person's (where the article
// names a person so called); not a country's ("aid to Jordan's
// government"), nor one owning a town's things within three words
// ("Chester's MP", "Phoenix's suburbs", "Kingston's national stadium").
bool possessive_of_a_town_or_person(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m) {
    static const WordSet kCivic{"MP",      "MPs",      "mayor",      "council", "councillors", "government", "ministry",
                                "army",    "police",   "squad",      "team",    "club",        "fans",       "law",
                                "laws",    "harbour",  "port",       "airport", "stadium",     "suburbs",    "streets",
                                "centre",  "center",   "city",       "town",    "residents",   "people",     "economy",
                                "schools", "hospital", "university", "museum",  "population",  "voters"};
    const std::size_t e = i + m.length;
    if (m.place->kind != PlaceKind::city || !has_possessive(tokens[e - 1].text)) return false;
    for (std::size_t k = e; k < tokens.size() && k < e + 3; ++k)
        if (kCivic.contains(tokens[k].text)) return false;
    return true;
}

bool names_other_than_place(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, const Place& place,
                            const Gazetteer& g) {
    if (closes_regional_arms_name(tokens, i, n, place, g)) return true;
    if (i + n < tokens.size() && !tokens[i + n].sentence_start && !tokens[i + n].punctuation_before &&
        is_landmark_tail(tokens[i + n].text))
        return true;
    if (peer_territory(tokens, i, place)) return true;
    if (plural_name_of_place(tokens, i, n, g)) return true;
    if (place.kind == PlaceKind::city && names_a_ship(tokens, i)) return true;
    if (!has_possessive(tokens[i + n - 1].text) && opens_institutions_name(tokens, i + n)) return true;
    // "Aguas de Barcelona", "the Tour de France", "Gaz de France": a place
    // after a Romance "de" that follows a capitalised word that is no place
    // ends a firm's, an event's or a venue's name ("Rio de Janeiro" and
    // "Santiago de Chile" are matched whole or open on a place).
    if (i >= 2 && is_one_of(tokens[i - 1].text, {"de", "di", "du", "del", "des", "da"}) &&
        !tokens[i].punctuation_before && !tokens[i - 1].punctuation_before && tokens[i - 2].capitalized &&
        !tokens[i - 2].all_caps && !administrative_head(tokens[i - 2].text) && !place_ends_at(tokens, i - 1, g))
        return true;
    // "operatic quartet Il Divo's debut", "Der Spiegel": a foreign article
    // opens a name (a band's, a paper's) that no gazetteer place starting
    // with it matched ("El Salvador", "Los Angeles", "Le Havre" are matched
    // whole from the article), so the town in it is none.
    // "Mr Kent said", "Mrs Holland": an honorific's name is a surname.
    return i > 0 && !tokens[i].punctuation_before &&
           (tokens[i - 1].text == "Radio" || is_title_of_place(tokens[i - 1].text) ||
            is_honorific(tokens[i - 1].text) ||
            is_one_of(tokens[i - 1].text, {"Il", "Le", "La", "Les", "Los", "Las", "El", "Der", "Die", "Das"}));
}

template <typename T>
void add_unique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// A line in capitals (a wire headline "GREENSPAN CUTS SHORT DALLAS TRIP", a
// subhead) capitalises every word, so its capitals are no evidence of a name:
// it is blanked (white space keeps the offsets) and yields no person, place
// or organisation on its own; what the body names in sentence case is found
// there.
void blank_lines_in_capitals(std::string& text) {
    for (std::size_t b = 0; b < text.size();) {
        const std::size_t e = std::min(text.find('\n', b), text.size());
        if (written_in_capitals(std::string_view(text).substr(b, e - b)))
            std::fill(text.begin() + static_cast<long>(b), text.begin() + static_cast<long>(e), ' ');
        b = e + 1;
    }
}

// Title and body as one text, so a headline's "Blinken" resolves to the
// body's "Antony Blinken". A title derived from the first sentence repeats
// the body (cut short with "…", which would leave half a name): only a real
// headline is added.
struct EntityText {
    std::string text;
    std::size_t headline_end = 0;  // bytes of the headline at the front of `text`
};

EntityText entity_text(const Article& article) {
    std::string_view title = article.title;
    if (title.ends_with("\xE2\x80\xA6")) title.remove_suffix(3);
    const bool derived = std::string_view(article.body).starts_with(title);
    EntityText out{derived ? article.body : article.title + "\n\n" + article.body, derived ? 0 : article.title.size()};
    blank_lines_in_capitals(out.text);
    return out;
}

std::vector<EntityToken> tokens_of(const EntityText& t) {
    std::vector<EntityToken> tokens = entity_tokens(t.text);
    for (auto& token : tokens) token.in_headline = token.begin < t.headline_end;
    return tokens;
}

// Geographic words that end a place's own name ("Osaka Bay", "North Sea",
// "Turkana County").
bool is_geographic_suffix(std::string_view w) {
    static const WordSet kWords{"Bay",      "Sea",       "Peninsula", "River",      "Lake",   "Mountains", "Island",
                                "Islands",  "Gulf",      "Strait",    "Valley",     "Desert", "Coast",     "County",
                                "Province", "Region",    "Delta",     "Plateau",    "Canal",  "Ocean",     "Trough",
                                "Alps",     "Highlands", "Basin",     "Archipelago"};
    return kWords.contains(w);
}

std::string without_possessive(const std::string& w) {
    if (w.empty() || w.back() != 's') return w;  // most words: no suffix to look for
    for (const char* suffix : {"'s", "\xE2\x80\x99s"})
        if (w.size() > std::string_view(suffix).size() && w.ends_with(suffix))
            return w.substr(0, w.size() - std::string_view(suffix).size());
    return w;
}

// Languages and scripts that are no demonym ("French" is one, found as
// such): after "in" they name how something is said or written ("shot in
// Hindi", "printed in Braille"), no place.
bool is_language(std::string_view w) {
    static const WordSet kWords{"Afrikaans", "Amharic",  "Arabic",    "Aramaic",  "Bengali", "Braille",   "Cantonese",
                                "Catalan",   "Creole",   "Esperanto", "Farsi",    "Gaelic",  "Gujarati",  "Hausa",
                                "Hebrew",    "Hindi",    "Igbo",      "Kannada",  "Latin",   "Malayalam", "Mandarin",
                                "Marathi",   "Pashto",   "Punjabi",   "Sanskrit", "Swahili", "Tagalog",   "Tamil",
                                "Telugu",    "Tigrinya", "Urdu",      "Xhosa",    "Yiddish", "Yoruba",    "Zulu"};
    return kWords.contains(w);
}

// "VCRs", "IDNs": an acronym's plural, capitals and an "s".
bool acronyms_plural(std::string_view w) {
    return w.size() >= 3 && w.back() == 's' &&
           std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Not a month, a weekday (possessive too: "in Saturday's match"), an
// acronym, the adjective of a place ("in Asian trade"), a language ("in
// Hindi") or a name with an organisation's word in it; a person's name may
// be one ("Santa Monica-based": no person).
// "sent off in Tests", "could run in Worlds", "the Highlands and Islands",
// "the Islamic Republic's government", "people of Islamic appearance": one
// capitalised word that is a generic noun of sport or of states, or an
// adjective in "-ic", names no place on its own.
bool generic_word_or_adjective(std::string_view w) {
    static const WordSet kWords{"Tests",    "Test",    "Worlds", "Islands", "Island",     "Isles",
                                "Republic", "Kingdom", "States", "Empire",  "Federation", "Union"};
    return kWords.contains(w) || (w.size() > 5 && w.ends_with("ic"));
}

bool place_like_name(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, const Gazetteer& g) {
    if (g.find_place_by_key(t[begin].key)) return false;
    // "in 1Mbps", "in New Labour": no place's name opens on a digit or ends
    // on a known organisation's.
    if (std::isdigit(static_cast<unsigned char>(t[begin].text[0])) ||
        (end - begin >= 2 && g.find_organization_by_key(t[end - 1].key)))
        return false;
    if (end - begin == 1 && g.place_adjective_by_key(Gazetteer::key(without_possessive(t[begin].text))))
        return false;  // "London Irish": more than the known place
    // "starred in Chocolat", "shares in Deutsche Boerse": a work or a company.
    // "Shares in Solidere" opening a sentence too (the key is in lower case);
    // "bring in Velimir Zajec": a phrasal verb's "in".
    static const WordSet kWords{"starred",   "starring", "role",    "roles",     "appeared",    "appears",
                                "appearing", "cast",     "stars",   "star",      "featured",    "features",
                                "shares",    "stake",    "invest",  "invested",  "interest",    "lead",
                                "part",      "parts",    "written", "published", "performance", "performances",
                                "bring",     "brings",   "brought", "bringing"};
    if (begin >= 2 && kWords.contains(t[begin - 2].key)) return false;
    // "his role in Finding Neverland": a name opening on a gerund is a work's title.
    if (const std::string& w = t[begin].text; w.size() > 5 && w.ends_with("ing")) return false;
    // "dubbed in Hindi", "printed in Braille": a language, no place.
    if (end - begin == 1 && is_language(without_possessive(t[begin].text))) return false;
    if (end - begin == 1 && generic_word_or_adjective(without_possessive(t[begin].text))) return false;
    for (std::size_t k = begin; k < end; ++k) {
        if (t[k].all_caps || acronyms_plural(t[k].text) || is_organisation_tail(t[k].text) ||
            is_name_head_before_of(t[k].text) || is_organisation_suffix(t[k].text))
            return false;
        static const WordSet kWords2{"Parliament", "Congress",  "Government",   "Court",    "Cabinet", "Senate",
                                     "Cup",        "League",    "Championship", "Olympics", "Games",   "Open",
                                     "English",    "Internet",  "Prison",       "Hotel",    "Stadium", "Centre",
                                     "Center",     "Airport",   "Hospital",     "Park",     "Hall",    "Theatre",
                                     "Church",     "Cathedral", "School",       "College",  "Museum"};
        if (is_capitalised_calendar_name(without_possessive(t[k].text)) || without_possessive(t[k].text) == "May" ||
            is_honorific(t[k].text) || kWords2.contains(t[k].text) || is_one_of(t[k].text, {"God", "Heaven"}))
            return false;
    }
    // "in Chapter 11 bankruptcy", "in Pool A": a name numbered or lettered
    // after it is a division of something, no place.
    if (end < t.size() && !t[end].punctuation_before &&
        (all_ascii_digits(t[end].text) || (t[end].text.size() == 1 && t[end].all_caps)))
        return false;
    return true;
}

// Like place_like_name(), and not a person's given name either.
bool plausible_place_name(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, const Gazetteer& g) {
    const GivenName given = g.given_name_by_key(t[begin].key);
    if (given == GivenName::yes || (given == GivenName::weak && end - begin >= 2)) return false;
    return place_like_name(t, begin, end, g);
}

// "the Brackwell-based brewery", "Santa Velmora-based Korvane": an unknown
// name joined to "-based" before a firm's noun or a name says where that
// firm is, a place ("Linux-based machine" names software, no place).
bool based_there(const std::vector<EntityToken>& t, std::size_t end) {
    if (end + 1 >= t.size() || t[end].text != "based" || !t[end].hyphen_before || t[end + 1].punctuation_before ||
        t[end + 1].sentence_start)
        return false;
    const EntityToken& next = t[end + 1];
    return is_organisation_cue(next.text) || (next.capitalized && !next.all_caps);
}

// "in Sevens rugby", "in Formula One racing": an unknown name followed by
// a word in lower case that is no word of linking or time qualifies that
// word, a thing's name more often than a place's ("in Brackwell on
// Monday", "in Brackwell last week" still name places).
bool modifies_a_noun(const EntityToken& next) {
    static const WordSet kLinks{
        "and",     "or",    "but",     "on",        "at",      "in",       "to",        "from",     "for",
        "with",    "by",    "of",      "as",        "since",   "until",    "after",     "before",   "during",
        "over",    "under", "near",    "where",     "which",   "who",      "when",      "while",    "last",
        "this",    "next",  "earlier", "later",     "today",   "tonight",  "yesterday", "tomorrow", "is",
        "was",     "are",   "were",    "has",       "have",    "had",      "will",      "would",    "could",
        "can",     "may",   "might",   "should",    "said",    "says",     "the",       "a",        "an",
        "that",    "than",  "if",      "because",   "so",      "itself",   "again",     "too",      "also",
        "only",    "now",   "then",    "there",     "here",    "recently", "overnight", "alone",    "between",
        "against", "about", "into",    "through",   "across",  "around",   "without",   "late",     "early",
        "each",    "every", "both",    "including", "despite", "within",   "amid",      "following"};
    // A word ending in "ed" may be the sentence's verb ("a court in Perchesk
    // overturned"), so only other words count ("in Sevens rugby"); one in
    // "s" is a plural noun far more often ("flaws in Windows programs").
    const std::string& w = next.text;
    return !next.capitalized && !next.punctuation_before && !next.sentence_start && !w.empty() &&
           std::isalpha(static_cast<unsigned char>(w[0])) && !w.ends_with("ed") && !kLinks.contains(w);
}

// "made her debut in Velmora Nights", "recently seen in Brackwell": "in"
// after a word of acting or of a role names the film, play or show, no
// place (a known place there is still one: "a role in Paris").
bool performed_in(const std::vector<EntityToken>& t, std::size_t i) {
    static const WordSet kWords{"debut",    "starred", "starring", "stars",      "star",
                                "appeared", "appears", "appear",   "appearing",  "seen",
                                "role",     "roles",   "cameo",    "appearance", "performance"};
    return after_verb_and(t, i, "in", kWords);
}

// "played Phoebe in Friends", "Alfie Moon in EastEnders", "Juliette
// Binoche in Chocolat": "in" right after a person's name (a given name and
// up to two more capitalised words, none a body's or a venue's) joins a
// role or an actor to a work more often than to a place the gazetteer does
// not know ("the Research Institute in Thurso", "Jack's Snooker Hall in
// Llanelli" still name places).
bool character_in(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i < 2 || t[i - 1].text != "in" || t[i - 1].punctuation_before) return false;
    std::size_t begin = i - 1;
    while (begin > 0 && i - 1 - begin < 3 && t[begin - 1].capitalized && !t[begin - 1].all_caps &&
           !has_possessive(t[begin - 1].text) && (begin == i - 1 || !t[begin].punctuation_before))
        --begin;
    // ("Then Juliette Binoche in Chocolat": the name opens on the given name.)
    while (begin < i - 1 && g.given_name_by_key(t[begin].key) != GivenName::yes) ++begin;
    if (begin == i - 1) return false;
    return std::none_of(t.begin() + static_cast<long>(begin), t.begin() + static_cast<long>(i - 1),
                        [](const EntityToken& w) {
                            return is_organisation_tail(w.text) || is_organisation_suffix(w.text) ||
                                   is_name_head_before_of(w.text) || is_capitalised_calendar_name(w.text);
                        });
}

// A given name at token i: one the lexicon knows as such, or a weak one that
// is weak for being a place too ("Vladimir"; "Park" is an English word, as
// in "the resort of Park City").
bool given_name_opens(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    const GivenName given = g.given_name_by_key(t[i].key);
    return given == GivenName::yes || (given == GivenName::weak && g.find_place_by_key(t[i].key));
}

// "Lost in Translation", "The Woman in White", "Madly in Anger with the
// World": "in" right after a capitalised word mid-sentence that names no
// place, body or venue sits inside a title; the name after it is no place
// the gazetteer does not know ("the Research Institute in Thurso" is).
bool in_inside_a_title(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i < 2 || t[i - 1].text != "in" || t[i - 1].punctuation_before) return false;
    const EntityToken& w = t[i - 2];
    if (!w.capitalized || w.sentence_start || w.all_caps || has_possessive(w.text)) return false;
    // A title's words before "in" are one or two ("Lost", "The Woman");
    // longer runs name a venue ("the Parc des Sports Aguilera in Biarritz").
    std::size_t first = i - 2;
    while (first > 0 && !t[first].punctuation_before && !t[first].sentence_start &&
           !has_possessive(t[first - 1].text) &&
           (t[first - 1].capitalized || is_name_connector(t[first - 1].text) ||
            is_one_of(t[first - 1].text, {"des", "du", "di", "von", "van", "le", "el"})))
        --first;
    if (t[first].text == "The" && first < i - 2) ++first;
    if (i - 2 - first >= 2) return false;
    // Someone somewhere: a word after a role, an honorific or a given name
    // is a surname ("President Bush in Velmora", "Mr Orlek in", "John
    // Simpson in"); a plural is a people ("found Westerners in Velmora").
    if (i >= 3 && (is_role(t[i - 3].text) || is_honorific(t[i - 3].text) ||
                   (t[i - 3].capitalized && !is_sentence_opener(t[i - 3].text) &&
                    g.given_name_by_key(t[i - 3].key) != GivenName::no)))
        return false;
    const std::string_view word = w.text;
    if (first == i - 2 && word.size() > 3 && word.ends_with('s') && !word.ends_with("ss")) return false;
    // ("on Monday in Chalfont St Peter", "the Volvo Women's Open in Pattaya".)
    // (Feasts are days: "spent Christmas in Velmora"; and a few events'
    // words more.)
    static const WordSet kDaysAndEvents{"Christmas", "Easter",   "Ramadan", "Diwali", "Hanukkah", "Passover", "Eid",
                                        "Nationals", "Olympics", "Final",   "Finals", "Show",     "Prix"};
    // ("Jack's Snooker Hall in Llanelli": a building is somewhere.)
    static const WordSet kBuildings{"Hall",    "Centre",  "Center",  "Theatre", "Hotel", "Club", "Studio",
                                    "Studios", "Gallery", "Factory", "Plant",   "Camp",  "Base", "Cathedral"};
    if (is_capitalised_calendar_name(word) || is_event_word(word) || kDaysAndEvents.contains(word) ||
        kBuildings.contains(word))
        return false;
    return !is_organisation_tail(word) && !is_organisation_suffix(word) && !is_organisation_head(word) &&
           !is_name_head_before_of(word) && !is_landmark_tail(word) && !g.find_place_by_key(w.key) &&
           !g.find_organization_by_key(w.key) && !g.demonym_by_key(w.key) &&
           g.given_name_by_key(w.key) != GivenName::yes;
}

// "had moved to Malibu", "fled to Vessmark": "to" after a verb of moving
// house or travelling names a place.
bool moved_to(const std::vector<EntityToken>& t, std::size_t i) {
    // ("a move to Anfield" is a footballer's transfer, to the club.)
    static const WordSet kWords{"moved", "flew",      "flown",     "travelled", "traveled",
                                "fled",  "relocated", "emigrated", "retired",   "evacuated"};
    return after_verb_and(t, i, "to", kWords);
}

// A place the gazetteer does not know, named by its context: "the Qadira
// region", "Osaka Bay", "Talmara's President", "the government of Talmara".
// Returns the place's name and its length in tokens, or length 0.
std::pair<std::string, std::size_t> place_from_context(const std::vector<EntityToken>& t, std::size_t i,
                                                       const Gazetteer& g) {
    if (!t[i].capitalized || t[i].all_caps || t[i].work_title || is_era_adjective(t[i].text)) return {"", 0};
    // "likely to be this year's Tracey Island": a thing of a season (a toy,
    // a hit, an event), no place.
    if (i > 0 && is_one_of(t[i - 1].text, {"year's", "season's", "week's", "month's", "Christmas's", "summer's"}))
        return {"", 0};
    std::size_t end = i + 1;
    while (end < t.size() && !has_possessive(t[end - 1].text) && t[end].capitalized && !t[end].sentence_start &&
           !t[end].punctuation_before && !t[end].hyphen_before && end - i < 4)
        ++end;
    // The run's words, built only when a rule names it (most runs name no place).
    const auto name = [&] {
        std::string words;
        for (std::size_t k = i; k < end; ++k) words.append(k > i ? " " : "").append(t[k].text);
        return words;
    };
    const bool opens = t[i].sentence_start;
    if (based_there(t, end) && !is_sentence_opener(t[i].text) && place_like_name(t, i, end, g))
        return {name(), end - i};
    if (end - i >= 2 && is_geographic_suffix(t[end - 1].text) && !opens) return {name(), end - i};
    // "the crowd at the Olympic Stadium", "the Madejski Stadium", "the
    // National Indoor Arena": a ground or a venue is a place, named with its
    // "Stadium" or "Arena".
    if (end - i >= 2 && is_one_of(t[end - 1].text, {"Stadium", "Arena"}) && !opens && !is_sentence_opener(t[i].text))
        return {without_possessive(name()), end - i};
    // "portrayed Bryce Canyon National Park", "Yellowstone National Park":
    // a national park is a place, whatever the gazetteer knows of its name,
    // at a sentence's start too; only its whole name ("Theodore Roosevelt
    // National Park" opening a sentence is no "Roosevelt National Park").
    if (end - i >= 3 && t[end - 2].text == "National" && without_possessive(t[end - 1].text) == "Park" &&
        !is_sentence_opener(t[i].text) &&
        !(i > 0 && t[i - 1].capitalized && !t[i].punctuation_before && !t[i].sentence_start &&
          !is_sentence_opener(t[i - 1].text)))
        return {without_possessive(name()), end - i};
    // "on the banks of the River Severn", "the River Thames": "the",
    // "River" and a name (without "the", "River Phoenix" is an actor).
    if (end - i >= 2 && t[i].text == "River" && i > 0 && t[i - 1].text == "the" && !opens)
        return {without_possessive(name()), end - i};
    const bool after_run = end < t.size() && !t[end].punctuation_before;
    static const WordSet kWords{"region", "province", "county",  "district",  "river",    "rivers",
                                "valley", "island",   "islands", "peninsula", "mountains"};
    // ("the south east Asian region", "the Kurdish region": a people's or a
    // place's adjective names no place.)
    if (after_run && kWords.contains(t[end].text) && !opens &&
        !(end - i == 1 && (g.demonym_by_key(t[i].key) || g.place_adjective_by_key(t[i].key))))
        return {name(), end - i};
    // "Sea of Japan", "Gulf of Aden", "Isle of Man": a geographic head, "of" and a name.
    if (end - i == 1 && is_one_of(t[i].text, {"Sea", "Gulf", "Bay", "Isle", "Strait", "Straits", "Lake", "Cape"}) &&
        end + 1 < t.size() && t[end].text == "of" && t[end + 1].capitalized && !t[end + 1].punctuation_before) {
        std::size_t stop = end + 2;
        while (stop < t.size() && stop - end < 3 && t[stop].capitalized && !t[stop].punctuation_before &&
               !t[stop].sentence_start)
            ++stop;
        std::string full = name() + " of";
        for (std::size_t k = end + 1; k < stop; ++k) full += " " + t[k].text;
        return {without_possessive(full), stop - i};
    }
    static const WordSet kWords2{"President",  "Prime",   "Foreign", "Defence",  "Defense",    "Interior",
                                 "government", "capital", "army",    "military", "parliament", "armed"};
    if (end - i == 1 && has_possessive(t[i].text) && after_run && kWords2.contains(t[end].text) &&
        !generic_word_or_adjective(without_possessive(t[i].text)))
        return {without_possessive(t[i].text), 1};
    // "in Bir Sahra", "near Maasvlakte": an unknown name after a preposition
    // of place, when nothing says it is a person, a month or an organisation,
    // nor an institution's noun after it ("held in Velmoor prison").
    const bool institution = after_run && is_one_of(t[end].text, {"prison", "jail", "hospital", "school", "college",
                                                                  "barracks", "clinic", "academy"});
    // "a 2-0 win at Anfield", "drew at Elland Road": "at" after a word of a
    // match names the ground where it was played, a place.
    static const WordSet kMatch{"win",     "wins",    "won",   "draw", "draws", "drew",   "defeat",
                                "defeats", "victory", "clash", "loss", "lost",  "beaten", "triumph"};
    const bool match_venue = after_verb_and(t, i, "at", kMatch);
    // "you'll see in Starbuck's or many other hotspots": a possessive with
    // no noun after it is a shop's or a firm's name, no place; not one of
    // possessives that share a noun ("in Talmara's and Vostrel's hills",
    // "in Talmara's, Vostrel's and Kerrin's markets").
    const auto possessive_at = [&](std::size_t k) {
        return k < t.size() && t[k].capitalized && has_possessive(t[k].text);
    };
    const bool shop = end - i == 1 && has_possessive(t[i].text) &&
                      (end >= t.size() || (t[end].punctuation_before && !possessive_at(end)) ||
                       (is_one_of(t[end].text, {"or", "and", "but", "to", "for", "in", "on", "at", "with", "where"}) &&
                        !possessive_at(end + 1)));
    // "takes place at Balado near Kinross", "from Bromesberrow, near
    // Ledbury": a name set near another place is a place too; not near a
    // team's or a body's possession ("passed to Baros near Everton's goal").
    const bool near_a_place = i >= 1 && is_one_of(t[i - 1].text, {"at", "from", "to"}) && end + 1 < t.size() &&
                              is_one_of(t[end].text, {"near", "outside"}) && t[end + 1].capitalized &&
                              !t[end + 1].punctuation_before && !has_possessive(t[end + 1].text) &&
                              !g.find_organization_by_key(t[end + 1].key);
    if (i >= 1 && !opens && !t[i].punctuation_before && end - i <= 3 && !institution && !shop && !performed_in(t, i) &&
        !character_in(t, i, g) && !in_inside_a_title(t, i, g) && !(after_run && modifies_a_noun(t[end])) &&
        (is_one_of(t[i - 1].text, {"in", "near", "outside", "around"}) || match_venue || near_a_place ||
         (moved_to(t, i) && !given_name_opens(t, i, g) && !has_possessive(t[end - 1].text))) &&
        plausible_place_name(
            t, i, match_venue && end - i >= 2 && is_one_of(t[end - 1].text, {"Park", "Road", "Lane"}) ? end - 1 : end,
            g))
        return {without_possessive(name()), end - i};
    // "the Spanish island of Velmora", "the resort of Brackwell".
    // ("president of Warner Home Video": every country is known, so an
    // unknown name after "president of" is a firm's far more often.)
    static const WordSet kWords3{"government", "capital", "people",    "province", "region",  "town",
                                 "city",       "village", "outskirts", "island",   "islands", "resort",
                                 "port",       "suburb",  "district",  "republic"};
    // ("the government of Chancellor Gerhard Schroeder": a title opens a
    // person's name; "the government of Vladimir Putin": so does a known
    // given name before another word, where a person may lead: "the city
    // of El Alto" is a place.)
    if (i >= 2 && t[i - 1].text == "of" && !t[i].punctuation_before && kWords3.contains(t[i - 2].text) &&
        !is_role(t[i].text) && !is_honorific(t[i].text) &&
        !(end - i >= 2 && is_one_of(t[i - 2].text, {"government", "people"}) && given_name_opens(t, i, g)) &&
        !(end - i == 1 && generic_word_or_adjective(without_possessive(t[i].text))))
        return {name(), end - i};
    return {"", 0};
}

// "in Leicester Square", "on George Street", "London's Regent Street": a
// capitalised name of two or three words ending on a street's word, after
// a preposition of place (and "the") or a known town's possessive, is a
// place, wherever it is: its length in tokens, 0 if none. ("at" is left
// out: "at White Hart Lane" names a club's ground as the club; "on the
// High Street" is any town's.)
std::size_t street_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i == 0 || !t[i].capitalized || t[i].sentence_start || t[i].punctuation_before || t[i].work_title) return 0;
    // ("A Nightmare on Elm Street": a capitalised word before the
    // preposition makes the whole a title.)
    const auto preposition = [&](std::size_t k) {
        return is_one_of(t[k].text, {"in", "on", "near", "off", "outside", "along"}) &&
               (k == 0 || !t[k - 1].capitalized || t[k - 1].sentence_start || t[k].punctuation_before);
    };
    const EntityToken& before = t[i - 1];
    const bool placed = preposition(i - 1) || (before.text == "the" && i >= 2 && preposition(i - 2)) ||
                        (has_possessive(before.text) && g.find_place(without_possessive(before.text)));
    if (!placed) return 0;
    std::size_t end = i + 1;
    while (end < t.size() && end - i < 3 && t[end].capitalized && !t[end].punctuation_before &&
           !t[end].sentence_start && !has_possessive(t[end - 1].text))
        ++end;
    if (end - i < 2 || !is_one_of(t[end - 1].text, {"Street", "Road", "Square", "Lane", "Avenue"}) ||
        (end - i == 2 && is_one_of(t[i].text, {"High", "Main"})))
        return 0;
    if (end < t.size() && t[end].capitalized && !t[end].punctuation_before) return 0;  // "Regent Street Association"
    return end - i;
}

// The known place whose possessive ends right before token k ("China's",
// "New York's", "Papua New Guinea's"), or null: the longest name, so that
// "New York's" is no York.
const Place* places_possessive_before(const std::vector<EntityToken>& t, std::size_t k, const Gazetteer& g) {
    if (k == 0 || !has_possessive(t[k - 1].text)) return nullptr;
    std::size_t first = k - 1;  // the name's first token, up to three words back
    while (first > 0 && k - first < 3 && t[first - 1].capitalized && !t[first].punctuation_before &&
           !t[first].sentence_start)
        --first;
    for (; first < k; ++first) {
        std::string words;
        for (std::size_t w = first; w + 1 < k; ++w) words.append(t[w].text).append(" ");
        words.append(without_possessive(t[k - 1].text));
        if (const Place* p = g.find_place(words)) return p;
    }
    return nullptr;
}

// "the Xiluodi Dam project", "at the St Enoch's Shopping Centre", "Balloch
// Castle Country Park", "a new stadium in Stanley Park", "New York's
// Central Park": a capitalised name of two to five words ending on a
// facility's words is a place, one the gazetteer cannot list: a dam after
// "the" or a place's possessive (a person is never "the Henrik Dam"), a
// shopping centre, a country park with a name before it; a park after a
// town's or region's possessive (after a country's, a sport's person more
// often: "South Korea's Inbee Park"), or after a preposition that puts
// something in it, unless a work's or a firm's words say otherwise
// ("starred in Gosford Park", "a joke in South Park history", "invested in
// Ivy Park"): after "at", "to" or "from" a park is a club's ground or a
// person as often ("a tribute from Nick Park"). The name opens the run (a
// place's possessive or "the" may come before it) and ends it; a generic
// or compass first word makes no name ("Car Park", "the New Dam", "South
// Park"), nor does a given name and the facility's word alone, unless the
// given name names a place ("Nick Park", "Henrik Dam"; "Stanley Park"); a
// known place ending the run is found as known ("Hyde Park"). Not in the
// headline, where every word may be capitalised. Its length in tokens, 0
// if none.
std::size_t facility_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    // Asked of every capitalised word inside a sentence: the run and its
    // last word first, as most runs end on no facility's word.
    if (i == 0) return 0;
    std::size_t end = i + 1;
    while (end < t.size() && end - i < 5 && t[end].capitalized && !t[end].punctuation_before &&
           !t[end].sentence_start && !t[end].hyphen_before)
        ++end;
    if (end - i < 2 || (end < t.size() && t[end].capitalized && !t[end].punctuation_before)) return 0;
    const std::string_view head = t[end - 1].text;
    if (!is_one_of(head, {"Dam", "Park", "Centre", "Center"})) return 0;
    if (t[i].work_title || t[i].in_headline || is_sentence_opener(t[i].text) || is_role(t[i].text) ||
        is_honorific(t[i].text))
        return 0;
    const Place* owner = places_possessive_before(t, i, g);
    if (t[i - 1].capitalized && !t[i].punctuation_before && !owner &&
        !(t[i - 1].text == "The" && t[i - 1].sentence_start))
        return 0;  // inside a longer name ("St Stephen's Green Shopping Centre")
    static const WordSet kGeneric{"Car",   "Theme",   "Water",  "Holiday",   "Retail",     "Business", "Science",
                                  "Skate", "Trailer", "Safari", "Amusement", "Industrial", "Country",  "National",
                                  "New",   "Old",     "Big",    "Great",     "Memorial",   "Tailings", "Proposed",
                                  "Main",  "Central", "Royal",  "North",     "South",      "East",     "West",
                                  "Van",   "Von",     "De"};
    if (kGeneric.contains(t[i].text) || generic_word_or_adjective(t[i].text)) return 0;
    if (end - i >= 3 && g.find_place(t[end - 2].text + " " + t[end - 1].text)) return 0;
    // ("Britain's Nick Park", "biochemist Henrik Dam": a person's given name
    // and the facility's word are a person's name, unless the given name
    // names a place too: "Stanley Park".)
    if (end - i == 2 && g.given_name_by_key(t[i].key) == GivenName::yes && !g.find_place_by_key(t[i].key)) return 0;
    const std::string_view before_head = end - i >= 3 ? std::string_view(t[end - 2].text) : std::string_view();
    const bool after_the = t[i - 1].text == "the" || t[i - 1].text == "The";
    if (head == "Dam") return after_the || owner ? end - i : 0;
    if ((before_head == "Shopping" && is_one_of(head, {"Centre", "Center"})) ||
        (before_head == "Country" && head == "Park"))
        return end - i;
    if (head != "Park") return 0;
    // "in New York's Central Park", "Glasgow's Kestrel Park"; after a
    // country's possessive a sport's person more often: "South Korea's Inbee Park".
    if (owner && owner->kind != PlaceKind::country) return end - i;
    static const WordSet kPlaced{"in", "into", "near", "outside", "around"};
    const std::size_t at = after_the ? i - 1 : i;  // the token after the preposition
    // ("invested in Ivy Park": money goes into a firm.)
    if (at == 0 || !kPlaced.contains(t[at - 1].text) || performed_in(t, at) || character_in(t, at, g) ||
        (at >= 2 && is_one_of(t[at - 2].key, {"invest", "invested", "investing", "stake", "shares", "interest"})) ||
        in_inside_a_title(t, at, g) || (end < t.size() && modifies_a_noun(t[end])))
        return 0;
    return end - i;
}

std::string name_of_words(const std::vector<EntityToken>& t, std::size_t i, std::size_t n) {
    std::string name;
    for (std::size_t k = i; k < i + n; ++k) name += (k > i ? " " : "") + without_possessive(t[k].text);
    return name;
}

std::size_t compass_place_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g, const PlaceMatch& m,
                             std::string& name, const Place*& base);
bool is_compass_word(const EntityToken& t);

// A known town, county or region of one country (no country, continent or
// town named like a word) spans tokens [first, end) exactly, or compass
// words joined to one do ("South West Edinburgh", "Dundee East").
bool known_local_place(const std::vector<EntityToken>& t, std::size_t first, std::size_t end, const Gazetteer& g) {
    const PlaceMatch m = match_place(t, first, g);
    std::string name;
    const Place* base = nullptr;
    if (const std::size_t n = compass_place_at(t, first, g, m, name, base))
        return first + n == end && base->kind != PlaceKind::country;
    return m.place && first + m.length == end && !m.place->common_word && !m.place->country.empty() &&
           m.place->kind != PlaceKind::country && m.place->kind != PlaceKind::continent;
}

// A list's separator before token k: a comma (no sentence's end, quotation
// mark or capitalised word after it) or "and"/"or". Returns the token the
// item before ends on plus one, 0 when k opens no list item.
std::size_t item_before_ends(const std::vector<EntityToken>& t, std::size_t k) {
    if (k >= 1 && t[k].punctuation_before && !t[k].sentence_start && !t[k].quote_before) return k;
    if (k >= 2 && !t[k].punctuation_before && (t[k - 1].text == "and" || t[k - 1].text == "or")) return k - 1;
    return 0;
}

// The item of a list before the one starting at token k, as [begin, end)
// (up to three capitalised words); {0, 0} when k opens no list item.
std::pair<std::size_t, std::size_t> item_before(const std::vector<EntityToken>& t, std::size_t k) {
    const std::size_t e = item_before_ends(t, k);
    if (!e || !t[e - 1].capitalized || t[e - 1].sentence_start) return {0, 0};
    std::size_t s = e - 1;
    while (s > 0 && e - s < 3 && t[s - 1].capitalized && !t[s].punctuation_before && !t[s].sentence_start) --s;
    return {s, e};
}

// "Perth, Scotland", "Paris, Texas", "Salisbury, Rhodesia": a town the text
// places, after a comma, in a known country or region of one other country
// than the gazetteer's town is in that country (not an item
// of a list: "Perth, Scotland and Wales"). Returns that country, or "".
std::string country_of_qualifier(const std::vector<EntityToken>& t, std::size_t i, const PlaceMatch& m,
                                 std::string_view text, const Gazetteer& g) {
    const std::size_t q = i + m.length;
    if (m.place->kind != PlaceKind::city || q >= t.size() || !t[q].punctuation_before || t[q].sentence_start ||
        trim(text.substr(t[q - 1].end, t[q].begin - t[q - 1].end)) != ",")
        return "";
    const PlaceMatch qualifier = match_place(t, q, g);
    // ("Atlanta, Georgia": the region's other reading holds the town.)
    if (!qualifier.place || qualifier.place->country.empty() || qualifier.place->country == m.place->country ||
        qualifier.place->other_country == m.place->country || qualifier.place->kind == PlaceKind::city ||
        qualifier.place->venue)
        return "";
    // No list goes on ("Perth, Scotland and Wales"). A country, or a region
    // after a town that a sentence's opening preposition leads, must end
    // the apposition: a comma, the sentence's end or a preposition after it
    // ("In Baghdad, US troops came under fire", "After talks in Cairo,
    // Israel said", "In Dublin, England fans were arrested" open a clause on
    // it; "Cambridge, Massachusetts is home to Harvard", "Birmingham, Alabama
    // police said" are qualified).
    const std::size_t after = q + qualifier.length;
    if (after < t.size() && !t[after].sentence_start &&
        (is_one_of(t[after].key, {"and", "or"}) || (t[after].punctuation_before && match_place(t, after, g).place)))
        return "";
    const bool opening_phrase = i >= 1 && t[i - 1].sentence_start && !t[i].punctuation_before &&
                                is_one_of(t[i - 1].key, {"in", "at", "from", "like", "after", "before", "near",
                                                         "outside", "across", "inside", "throughout"});
    if (qualifier.place->kind == PlaceKind::country || opening_phrase) {
        if (has_possessive(t[after - 1].text)) return "";
        if (after < t.size() && !t[after].sentence_start && !t[after].punctuation_before &&
            !is_one_of(t[after].key, {"in", "on", "at", "near", "to", "from", "for", "with", "by"}))
            return "";
    }
    return qualifier.place->country;
}

// Is the place of `length` tokens at token i an item of a list right
// beside a country's name ("Samoa, France, Italy, Georgia and Chinese Taipei")?
// (Not beside its other reading's country: "Savannah, Georgia, USA" is the state.)
bool listed_beside_a_country(const std::vector<EntityToken>& t, std::size_t i, std::size_t length,
                             const std::string& other_country, const Gazetteer& g) {
    const auto country_at = [&](std::size_t first, std::size_t end) {
        const PlaceMatch m = match_place(t, first, g);
        return m.place && first + m.length == end && m.place->kind == PlaceKind::country &&
               m.place->other_country.empty() && m.place->country != other_country;
    };
    if (const auto [s, e] = item_before(t, i); e != 0 && country_at(s, e)) return true;
    std::size_t next = i + length;  // the item after: ", Y", " and Y"
    if (next >= t.size()) return false;
    if (item_before_ends(t, next) != next) {
        if (t[next].text != "and" && t[next].text != "or") return false;
        ++next;
    }
    if (next >= t.size() || !t[next].capitalized || t[next].sentence_start) return false;
    const PlaceMatch m = match_place(t, next, g);
    return m.place && country_at(next, next + m.length);
}

// "Basingstoke, Shrewsbury, Dorset and Torbay": an unknown capitalised word
// listed right after a known town, county or region is a place too, when
// another follows it or, ending the list after "and", when one of the two
// items before that one is known as well ("in Las Vegas, Toshiba said" and
// "Motorola, BenQ, Arima and Fujitsu" are no lists of places). Sport's
// lists of clubs are left out by the caller.
bool listed_among_places(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    // "Dundee East and West": a compass word alone is part of a name, no place.
    if (!t[i].capitalized || t[i].sentence_start || t[i].all_caps || t[i].work_title || is_compass_word(t[i]))
        return false;
    if (i + 1 < t.size() && t[i + 1].capitalized && !t[i + 1].punctuation_before) return false;  // one word
    const auto [s, e] = item_before(t, i);
    if (e == 0 || !known_local_place(t, s, e, g)) return false;
    std::size_t first = i + 1;  // the item after, if the list goes on: ", Y", " and Y", ", and Y"
    const bool comma_after = first < t.size() && item_before_ends(t, first) == first;
    if (first < t.size() && (t[first].text == "and" || t[first].text == "or")) ++first;
    if ((comma_after || first > i + 1) && first < t.size() && t[first].capitalized && !t[first].sentence_start) {
        std::size_t end = first + 1;
        while (end < t.size() && end - first < 3 && t[end].capitalized && !t[end].punctuation_before) ++end;
        return known_local_place(t, first, end, g);
    }
    if (e == i) return false;  // after a comma, not "and": a new clause may open
    const auto [s2, e2] = item_before(t, s);
    if (e2 == 0) return false;
    if (known_local_place(t, s2, e2, g)) return true;
    const auto [s3, e3] = item_before(t, s2);
    return e3 != 0 && known_local_place(t, s3, e3, g);
}

// "towns and cities including Cardiff, Bangor, Aberystwyth and Wrexham",
// "countries such as Velmora and Brackwell": a lower-case plural noun of
// places before "including", "such as" or "like" announces a list whose
// items are places. Is token i, one capitalised word that is no longer name,
// such an item? The list is followed back over commas, "and", "or" and
// items of up to three capitalised words.
bool announced_as_place(const std::vector<EntityToken>& t, std::size_t i) {
    static const WordSet kPlaces{"towns",   "cities",    "villages", "countries", "nations",  "states",
                                 "regions", "provinces", "counties", "islands",   "capitals", "resorts"};
    if (!t[i].capitalized || t[i].sentence_start || t[i].all_caps || t[i].work_title ||
        (i + 1 < t.size() && t[i + 1].capitalized && !t[i + 1].punctuation_before))
        return false;
    std::size_t k = i;  // the first word of the current item
    for (int items = 0; items < 12 && k >= 2; ++items) {
        std::size_t cue = k - 1;  // "including", "like", "such as"
        if (!t[k].punctuation_before && is_one_of(t[cue].text, {"including", "like", "as"})) {
            if (t[cue].text == "as" && (cue == 0 || t[cue - 1].text != "such")) return false;
            const std::size_t noun = t[cue].text == "as" ? cue - 1 : cue;
            return noun >= 1 && !t[noun].punctuation_before && kPlaces.contains(t[noun - 1].text);
        }
        // Step back over ", ", " and ", " or ", ", and " to the previous item.
        std::size_t end = k;  // one past the previous item's last word
        if (is_one_of(t[k - 1].text, {"and", "or"}) && !t[k].punctuation_before) end = k - 1;
        else if (!t[k].punctuation_before || t[k].sentence_start) return false;  // inside a run; a new sentence
        if (end == 0 || !t[end - 1].capitalized || t[end - 1].sentence_start) return false;
        std::size_t s = end - 1;
        while (s > 0 && end - s < 3 && t[s - 1].capitalized && !t[s].punctuation_before && !t[s].sentence_start) --s;
        if (t[s].sentence_start) return false;
        k = s;
    }
    return false;
}

bool hometown_after_name(const std::vector<EntityToken>& tokens, std::size_t i);

// "a man from Camberley, Surrey", "we lived in Aston, Birmingham", "Ana
// Lind, of Woodbridge, Suffolk": an unknown word after a preposition of
// place (or a person's ", of"), set off by a comma before a known town,
// county or region of one country that ends the apposition, is a town
// there (a small place is named so by its county, its city or its state).
// Returns that known place, nullptr if none.
const Place* town_before_its_area(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i == 0 || !t[i].capitalized || t[i].all_caps || t[i].sentence_start || t[i].punctuation_before ||
        t[i].work_title || !word_is_plain(t[i]) || is_capitalised_calendar_name(t[i].text) ||
        !(is_one_of(t[i - 1].text, {"in", "from", "near", "outside", "around", "at"}) || hometown_after_name(t, i)))
        return nullptr;
    const std::size_t k = i + 1;
    if (k >= t.size() || item_before_ends(t, k) != k) return nullptr;  // a comma, then the area
    const PlaceMatch m = match_place(t, k, g);
    if (!m.place || !known_local_place(t, k, k + m.length, g)) return nullptr;
    const std::size_t after = k + m.length;
    if (after < t.size() && t[after].capitalized && !t[after].punctuation_before) return nullptr;
    return m.place;
}

// Whether the capitalised words [begin, end) can be a constituency's name
// after words that also name other things ("seat of", "member for"): none
// is a body's, a people's, a place's adjective, a person's title or role,
// a possessive or a county, nor does a given name open them ("the seat of
// Clan Campbell", "the constituency of Prime Minister Theresa May", "a
// seat of Tudor power", "Story County"); no country or home nation is
// named ("a Parliament for England and Wales"), and no noun in lower case
// follows that the name qualifies ("its constituency of Leave voters").
bool constituency_like(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, const Gazetteer& g) {
    if (end < t.size() && modifies_a_noun(t[end])) return false;
    for (std::size_t k = begin; k < end; ++k) {
        if (!t[k].capitalized) continue;
        const Place* p = g.find_place_by_key(t[k].key);
        if (g.find_organization_by_key(t[k].key) || g.demonym_by_key(t[k].key) || g.place_adjective_by_key(t[k].key) ||
            is_role(t[k].text) || is_honorific(t[k].text) || has_possessive(t[k].text) ||
            is_one_of(t[k].text, {"County", "Government", "Lord", "Lady", "Clan", "Archbishop", "Prime", "Home"}) ||
            (k == begin && g.given_name_by_key(t[k].key) == GivenName::yes && !p) ||
            (p && (p->kind == PlaceKind::country || is_one_of(p->name, {"England", "Scotland", "Wales"}))))
            return false;
    }
    return true;
}

// "the MP for Grantham and Stamford", "MSP for Ochil", "entered Parliament
// for Sheffield Brightside", "the member for the Loch Ness West", "the
// constituency of Bethnal Green and Bow", "his seat of Islwyn": the
// capitalised words after a British member's title (or "Parliament",
// "member") and "for", or after "constituency of" or "seat of" (joined by
// "and", up to five words) name one constituency, not the towns in it;
// after the words that name other things too, only a name like a
// constituency's (constituency_like()). Returns its length in tokens, 0 if
// none.
std::size_t constituency_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i < 2 || t[i].punctuation_before || !t[i].capitalized || t[i].sentence_start) return 0;
    const auto before = [&](std::size_t back) { return i >= back ? std::string_view(t[i - back].text) : ""; };
    const bool members = before(1) == "for" && is_one_of(before(2), {"MP", "MSP", "AM", "MLA"});
    // ("cabinet member for Housing", "the county seat of Polk County": a
    // council's portfolio, an American county's town.)
    static const WordSet kNoMembers{"cabinet",  "executive", "lead",   "board", "committee", "staff",
                                    "founding", "council",   "family", "crew",  "team",      "club"};
    const auto member_at = [&](std::size_t back) {
        return before(back) == "member" && !kNoMembers.contains(before(back + 1));
    };
    const bool others = (before(1) == "for" && (before(2) == "Parliament" || member_at(2))) ||
                        (before(1) == "the" && before(2) == "for" && member_at(3)) ||
                        (before(1) == "of" && is_one_of(before(2), {"constituency", "seat"}) && before(3) != "county");
    if (!members && !others) return 0;
    // ("the MP for Islington North Jeremy Corbyn": a given name and a
    // surname after the seat's words are its member's name; "Loch Ness
    // West" goes on to a compass word.)
    const auto members_name_at = [&](std::size_t k) {
        return k + 1 < t.size() && g.given_name_by_key(t[k].key) == GivenName::yes && t[k + 1].capitalized &&
               !t[k + 1].punctuation_before && !is_one_of(t[k + 1].text, {"North", "South", "East", "West", "Central"});
    };
    std::size_t e = i + 1;
    while (e < t.size() && e - i < 5 && !t[e].punctuation_before && !t[e].sentence_start &&
           (t[e].capitalized ||
            (t[e].text == "and" && e + 1 < t.size() && t[e + 1].capitalized && !t[e + 1].punctuation_before)) &&
           !members_name_at(e))
        ++e;
    // ("the seat of Cities of London and Westminster": a name going on
    // with "of" is left to the other rules.)
    if (others && e + 1 < t.size() && t[e].text == "of" && t[e + 1].capitalized) return 0;
    if (others && !constituency_like(t, i, e, g)) return 0;
    return e - i;
}

// "The Glasgow Kelvin MP", "the Ealing North MP": a known British town and
// up to three words after it, or a name of two to four words ending on a
// compass word, between "the" and a member's title, name the member's
// constituency, one place (a town alone is the town: "the Sedgefield MP").
// A body, a people or a party's words named there make none ("the Scottish
// Labour MP"). Returns its length in tokens, 0 if none.
std::size_t constituency_before_member_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i == 0 || !is_one_of(t[i - 1].text, {"the", "The"}) || t[i].punctuation_before || !t[i].capitalized ||
        t[i].sentence_start)
        return 0;
    std::size_t e = i + 1;
    while (e < t.size() && e - i < 4 && t[e].capitalized && !t[e].punctuation_before && !t[e].sentence_start &&
           !is_one_of(t[e].text, {"MP", "MSP", "AM", "MLA"}))
        ++e;
    if (e - i < 2 || e >= t.size() || t[e].punctuation_before || !is_one_of(t[e].text, {"MP", "MSP", "AM", "MLA"}))
        return 0;
    // ("the Ottawa South MP": a town elsewhere is another country's seat.)
    const Place* town = g.find_place_by_key(t[i].key);
    if (town && (town->country != "GB" || town->venue)) return 0;
    if (!town && !is_one_of(t[e - 1].text, {"North", "South", "East", "West", "Central"})) return 0;
    // ("the Cheltenham Lib Dem MP", "the Brighton Green MP": a party's words
    // after the town say whose member, no part of the seat's name.)
    static const WordSet kPartyWords{"Lib",   "Dem",          "Liberal",  "Democrat",    "Democrats",
                                     "Plaid", "Cymru",        "Green",    "Greens",      "Respect",
                                     "Party", "Office",       "Council",  "Independent", "Labour",
                                     "Tory",  "Conservative", "Unionist", "Alliance"};
    for (std::size_t k = i; k < e; ++k)
        if (g.find_organization_by_key(t[k].key) || g.demonym_by_key(t[k].key) || kPartyWords.contains(t[k].text))
            return 0;
    return e - i;
}

// "won the Eton and Slough seat", "his Sedgefield constituency": the
// capitalised words (joined by "and") between a determiner and "seat" or
// "constituency" name a constituency, one place: their length in tokens, 0
// if none. Parties and bodies hold seats too ("a Labour seat", "the Senate
// seat"): a run with an organisation's or a people's word is none.
std::size_t seat_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i == 0 || !t[i].capitalized || t[i].sentence_start || t[i].punctuation_before ||
        !is_one_of(t[i - 1].text, {"the", "his", "her", "their", "marginal", "safe"}))
        return 0;
    std::size_t e = i;
    while (e < t.size() && e - i < 5 && !t[e].punctuation_before &&
           (t[e].capitalized || (e > i && t[e].text == "and" && e + 1 < t.size() && t[e + 1].capitalized))) {
        if (t[e].capitalized && (g.find_organization_by_key(t[e].key) || g.demonym_by_key(t[e].key) ||
                                 is_one_of(t[e].text, {"Parliamentary", "Commons", "Senate", "Council"})))
            return 0;
        ++e;
    }
    if (e == i || e >= t.size() || t[e].punctuation_before || !is_one_of(t[e].text, {"seat", "constituency"})) return 0;
    return e - i;
}

// A place named by its form rather than the gazetteer: a constituency
// ("MP for Grantham and Stamford", "the Eton and Slough seat") or a street
// or square ("in London's Leicester Square"). Length 0 if none.
struct PlaceByForm {
    std::string name, country;
    std::size_t length = 0;
    const char* rule = "";
    bool in_place = false;  // a street after "in" and the like: the place itself
    bool unknown = true;    // no known place inside: found by its context
};

PlaceByForm place_by_form(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g, const PlaceMatch& m) {
    // Each form opens on a capitalised word inside a sentence: most words
    // are asked nothing more.
    if (i == 0 || !t[i].capitalized || t[i].sentence_start || t[i].punctuation_before) return {};
    if (const std::size_t n = street_at(t, i, g)) {
        // (A street the gazetteer knows, "Downing Street", is found as known.)
        if (std::string name = name_of_words(t, i, n); !g.find_place(name)) {
            const Place* town = has_possessive(t[i - 1].text) ? g.find_place(without_possessive(t[i - 1].text))
                                                              : nullptr;
            const char* rule = "a street or square after a preposition of place or a town's possessive";
            return {std::move(name), town ? town->country : "", n, rule, true, true};
        }
    }
    // (Not where a known place's possessive opens the run: "New York's
    // Central Park" is New York and the park.)
    if (const std::size_t n = !(m.place && has_possessive(t[i + m.length - 1].text)) ? facility_at(t, i, g) : 0;
        n > m.length) {
        // (A name the gazetteer knows, "Hyde Park", is found as known.)
        std::string name;
        for (std::size_t k = i; k < i + n; ++k) name.append(k > i ? " " : "").append(t[k].text);
        if (!g.find_place(name)) {
            const Place* town = places_possessive_before(t, i, g);
            const char* rule =
                "a dam, a shopping centre or a country park, or a park after a place's possessive or a preposition of place";
            return {std::move(name), town ? town->country : "", n, rule, true, true};
        }
    }
    // A constituency after "MP for" is British; one named otherwise is
    // British when a known British place is inside it ("Sheffield
    // Brightside"), else of no known country (the seat of Bennelong).
    const auto constituency = [&](std::size_t n, const char* rule) {
        bool british = i >= 2 && t[i - 1].text == "for" && is_one_of(t[i - 2].text, {"MP", "MSP", "AM", "MLA"});
        for (std::size_t k = i; k < i + n && !british; ++k)
            if (const Place* p = g.find_place_by_key(t[k].key)) british = p->country == "GB";
        return PlaceByForm{name_of_words(t, i, n), british ? "GB" : "", n, rule, false, true};
    };
    if (const std::size_t n = constituency_at(t, i, g); n > m.length)
        return constituency(n,
                            "a constituency: the capitalised words after \"MP for\", \"constituency of\" and the like");
    if (const std::size_t n = constituency_before_member_at(t, i, g); n > m.length)
        return constituency(
            n, "a constituency: a town and the words after it, or a name ending on a compass word, before \"MP\"");
    if (const std::size_t n = seat_at(t, i, g); n && n >= m.length) {
        const Place* known = nullptr;  // the country of a known place inside ("Sheffield Hallam")
        for (std::size_t k = i; k < i + n && !known; ++k) known = g.find_place_by_key(t[k].key);
        return {name_of_words(t, i, n),
                known ? known->country : "",
                n,
                "a constituency: the capitalised words before \"seat\" or \"constituency\"",
                false,
                !known};
    }
    return {};
}

struct Located {
    std::string name;
    std::string country;                   // empty for regions spanning countries and unknown places
    bool single_word = false;              // one word: could be a person's name ("Jackson", "Jordan")
    bool after_preposition = false;        // "in Jordan": surely the place
    std::string other_country;             // Place::other_country
    bool town = false;                     // a city or first-level region: may also name a team ("Leicester")
    bool in_place = false;                 // some mention follows "in", "near", "outside" or "around": the place itself
    bool from_context = false;             // unknown to the gazetteer, found by its context ("in Bir Sahra")
    bool listed = false;                   // found only as an item of a list of known places (no team in sport)
    bool among_countries = false;          // some mention is an item of a list beside a country ("Italy, Georgia")
    bool club_name_part = false;           // every mention closes a club's name ("from Celta Vigo"): none in sport
    bool after_plain_preposition = false;  // ... not in a town's possessive that may be a person's
};

// "bugs found in Firefox … Firefox has … Firefox users": a one-word name
// the gazetteer does not know, found as a place by its context, that the
// article names at least three times, at most a third of them after a
// preposition of place or before a geographic word or its people's
// ("Velmora residents", "Velmora's mayor"), is a thing the article
// is about (a browser, a game, a drug), no place; a town the gazetteer lacks
// is named "in", "from", "to" it. Mentions inside a longer name ("Hapoel
// Bnei Sakhnin") and a sports club's ("against Biarritz", "Biarritz
// chairman") count for neither; a town set off by a comma before a known
// place is one ("at Hatfield, Hertfordshire"). Returns the names that are
// things, of `candidates`, in one pass over the article.
std::set<std::string> named_mostly_as_things(const std::vector<EntityToken>& tokens,
                                             const std::set<std::string>& candidates, const Gazetteer& g) {
    struct Counts {
        std::size_t mentions = 0, as_place = 0;
        bool a_place = false;  // set off by a comma before a known place
    };
    std::map<std::string, Counts, std::less<>> counts;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!tokens[k].capitalized) continue;
        const auto it = candidates.find(without_possessive(tokens[k].text));
        if (it == candidates.end()) continue;
        Counts& c = counts[*it];
        if (k + 1 < tokens.size() && tokens[k + 1].punctuation_before && !tokens[k + 1].sentence_start &&
            g.find_place_by_key(tokens[k + 1].key))
            c.a_place = true;
        const bool next_capitalised = k + 1 < tokens.size() && tokens[k + 1].capitalized &&
                                      !tokens[k + 1].punctuation_before && !tokens[k + 1].sentence_start;
        // ("In Velmora, …": a preposition opening the sentence is no name's word.)
        const bool after_preposition = k > 0 &&
                                       is_one_of(tokens[k - 1].key, {"in", "at", "from", "to", "near", "outside",
                                                                     "around", "across", "into", "of"});
        const bool inside_name = next_capitalised || (k > 0 && tokens[k - 1].capitalized && !after_preposition &&
                                                      !tokens[k].punctuation_before && !tokens[k].sentence_start);
        const bool club = (k > 0 && is_one_of(tokens[k - 1].text, {"against", "beat", "v", "vs", "play", "face"})) ||
                          (k + 1 < tokens.size() && team_role_at(tokens, k + 1));
        if (inside_name || club) continue;
        ++c.mentions;
        // ("fled the Qadira region": a geographic word after it names a place too.)
        c.as_place +=
            after_preposition ||
            (k + 1 < tokens.size() && !tokens[k + 1].punctuation_before &&
             is_one_of(tokens[k + 1].text,
                       {"region", "province", "county",    "district",    "valley",    "island", "border", "coast",
                        "city",   "town",     "village",   "area",        "residents", "mayor",  "locals", "villagers",
                        "police", "council",  "officials", "authorities", "hospital",  "airport"}));
    }
    std::set<std::string> things;
    for (const auto& [name, c] : counts)
        if (!c.a_place && c.mentions >= 3 && 3 * c.as_place <= c.mentions) things.insert(name);
    return things;
}

// "Georgia" is the US state when the article's other places are in the
// United States and none is in Georgia the country; else the country, as
// always when a list names it beside a country ("Italy, Georgia and Chinese
// Taipei" in an article that also names Los Angeles). So for a town's
// namesake ("Valencia" is in Spain beside Madrid or "Spain's title"; a
// people's adjective says too little: "an American aid worker in Georgia").
void choose_readings(std::vector<Located>& places) {
    for (auto& p : places) {
        if (p.other_country.empty() || p.among_countries) continue;
        auto in = [&](const std::string& code) {
            return std::any_of(places.begin(), places.end(),
                               [&](const Located& q) { return &q != &p && q.country == code; });
        };
        if (in(p.other_country) && !in(p.country)) p.country = p.other_country;
    }
}

// A one-word town named as its sports club at token i: "Bolton manager Sam Allardyce", "Ulster flanker …": a town or province
// (never a country: "Wales captain" is the national side, a location) before
// a team role. "Bolton were …", "Leicester are …": a town taking a plural
// verb is its team (British usage), as a town itself takes a singular one;
// only as a sentence's subject ("Parts of Jakarta are sinking" is no team).
bool names_club(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m) {
    if (m.length != 1 || (m.place->kind != PlaceKind::city && m.place->kind != PlaceKind::subdivision)) return false;
    // A fixture: "Newcastle v Chelsea", "Burnley or Blackburn v Leicester";
    // a side still to be decided is a choice of two ("Hartlepool or Boston").
    const auto fixture_side = [&](std::size_t k) {
        return k < tokens.size() && k > 0 && is_one_of(tokens[k].text, {"v", "vs"}) && !tokens[k].punctuation_before;
    };
    if (fixture_side(i - 1) && !tokens[i].punctuation_before) return true;
    const auto or_at = [&](std::size_t k) {
        return k > 0 && k < tokens.size() && tokens[k].text == "or" && !tokens[k].punctuation_before;
    };
    if (!tokens[i].punctuation_before && or_at(i - 1) && i >= 3 && fixture_side(i - 3)) return true;
    if (or_at(i + 1) && i + 2 < tokens.size() && !tokens[i + 2].punctuation_before && fixture_side(i + 3)) return true;
    const std::size_t next = i + 1;
    if (next >= tokens.size() || tokens[next].punctuation_before || tokens[next].sentence_start) return false;
    const std::string& w = tokens[next].text;
    // A band's role names no club: "the Leicester singer" comes from the town.
    if ((team_role_at(tokens, next) && !is_band_role(w)) || w == "v" || w == "vs") return true;
    if (m.place->kind != PlaceKind::city ||
        !is_one_of(w, {"are", "were", "have", "say", "insist", "hope", "want", "need"}))
        return false;
    // Mid-sentence too, as the subject of a clause after a conjunction
    // ("why Bolton are struggling", "but Leeds were …"); not after other
    // words ("Leeds and York are …", "parts of north Leeds are …").
    static const WordSet kWords{"why",    "that",  "but",   "because", "when",     "as",  "if",
                                "while",  "where", "so",    "though",  "although", "how", "after",
                                "before", "until", "since", "unless",  "whether",  "now"};
    return tokens[i].sentence_start || (i > 0 && !tokens[i].punctuation_before && kWords.contains(tokens[i - 1].text));
}

// Words that open places' names before a town's ("Port Glasgow", "New
// Brighton", "Old Havana", "Ciudad Juarez").
bool opens_place_name(std::string_view w) {
    static const WordSet kWords{"Port",  "New",    "Old",      "Little", "Great", "Upper", "Lower", "Inner",
                                "Outer", "Ciudad", "Downtown", "Mount",  "Fort",  "Saint", "St",    "San",
                                "Santa", "Los",    "Las",      "El",     "La",    "Le",    "Al",    "Bad",
                                "Villa", "Nueva",  "Nuevo",    "Novo",   "Nova",  "Porto"};
    return kWords.contains(w);
}

// "signed from Celta Vigo", "losing to Racing Santander", "in charge at
// Viking Stavanger", "Albania's Partizani Tirana": a town ending a run of
// two words, after a word of a transfer, a match or a place of work or
// after a country's possessive, opening on a word of no place, people, given
// name, role, day, month or known body, closes a club's name (no mention of
// the town in an article about sport, find_places' caller decides).
bool closes_club_name(const std::vector<EntityToken>& t, std::size_t i, const PlaceMatch& m, const Gazetteer& g) {
    if (m.length != 1 || m.place->kind != PlaceKind::city || i < 2 || t[i].punctuation_before || t[i].sentence_start ||
        t[i].hyphen_before)
        return false;
    const EntityToken &first = t[i - 1], &cue = t[i - 2];
    if (!first.capitalized || first.all_caps || first.punctuation_before || first.sentence_start ||
        !word_is_plain(first) || g.find_place_by_key(first.key) || g.demonym_by_key(first.key) ||
        g.given_name_by_key(first.key) != GivenName::no || g.find_organization_by_key(first.key) ||
        is_role(first.text) || is_honorific(first.text) || is_compass_word(first) ||
        is_capitalised_calendar_name(first.text) || opens_place_name(first.text))
        return false;
    if (i + 1 < t.size() && t[i + 1].capitalized && !t[i + 1].punctuation_before) return false;  // the name goes on
    const bool country_possessive = has_possessive(cue.text) && g.find_place(without_possessive(cue.text));
    return country_possessive ||
           (!cue.capitalized && is_one_of(cue.text, {"from", "to", "at", "against", "beat", "beating", "joined", "join",
                                                     "joins", "v", "vs", "outfit", "side", "club"}));
}

// "Bristol City 2-1 Milton Keynes", "Hereford 1-1 Doncaster": a town
// right after a score that follows a capitalised name, or right before one
// that a capitalised name follows, is a side of a result line, a club (a
// country there is its national side, a location: "Ireland 17-28 England").
bool side_of_a_score(const std::vector<EntityToken>& t, std::size_t i, std::size_t n) {
    const auto score_at = [&](std::size_t k) {  // "2-1" is two tokens, the second after a hyphen
        return k + 1 < t.size() && all_ascii_digits(t[k].text) && t[k].text.size() <= 2 && t[k + 1].hyphen_before &&
               all_ascii_digits(t[k + 1].text) && t[k + 1].text.size() <= 2 && !t[k].sentence_start;
    };
    if (i >= 3 && !t[i].punctuation_before && score_at(i - 2) && !t[i - 2].punctuation_before && t[i - 3].capitalized)
        return true;
    const std::size_t e = i + n;
    return e + 2 < t.size() && !t[e].punctuation_before && score_at(e) && !t[e + 2].punctuation_before &&
           t[e + 2].capitalized;
}

// "joining the London side from Northampton", "arriving at Liverpool from
// Valencia": a word of a transfer in the clause before "from" (token k),
// up to five words back, makes the town after it the club left.
bool transfer_before(const std::vector<EntityToken>& tokens, std::size_t k) {
    static const WordSet kWords{"join",   "joins",   "joined", "joining", "arrive", "arrived", "arriving", "sign",
                                "signed", "signing", "signs",  "move",    "moved",  "moving",  "switch",   "switched"};
    for (std::size_t b = k; b > 0 && k - b < 5; --b) {
        if (tokens[b].punctuation_before || tokens[b].sentence_start) return false;
        if (kWords.contains(tokens[b - 1].text)) return true;
    }
    return false;
}

// A town right after a word of a match or a transfer ("victory over
// Bolton", "they face Leicester", "a move to join Leeds"). Weaker evidence
// than names_club: it only counts in an article that names some team
// by that stronger evidence.
// "Sydney's Olympic Stadium", "Cardiff's Millennium Stadium": up to three
// capitalised words from token k ending on a landmark's or a ground's word
// (a town's possessive there names the town, no club).
bool venue_after(const std::vector<EntityToken>& tokens, std::size_t k) {
    for (std::size_t e = k; e < tokens.size() && e - k < 3 && tokens[e].capitalized && !tokens[e].sentence_start &&
                            (e == k || !tokens[e].punctuation_before);
         ++e)
        if (is_landmark_tail(tokens[e].text)) return true;
    return false;
}

bool opposes_club(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m) {
    if (m.length != 1 || m.place->kind != PlaceKind::city) return false;
    // "Leicester's Harry Ellis", "Newcastle's 18-year-old centre", "…
    // Manchester United and Liverpool are not": a town's possessive, or a
    // town taking a plural verb, in an article about sport.
    if (i + 1 < tokens.size() && !tokens[i + 1].punctuation_before &&
        ((!word_is_plain(tokens[i]) && !venue_after(tokens, i + 1)) ||
         is_one_of(tokens[i + 1].text, {"are", "were", "have"})))
        return true;
    // Words that follow a club as well as show business, never an
    // organisation in general ("Oasis star" is no club): "Newcastle star",
    // "Liverpool legend" in an article about sport, "Hollywood star" else.
    if (i + 1 < tokens.size() && !tokens[i + 1].punctuation_before &&
        is_one_of(tokens[i + 1].text, {"star", "legend", "director", "stalwart", "old-boy"}))
        return true;
    if (i == 0 || tokens[i].punctuation_before || tokens[i].sentence_start) return false;
    const std::string& w = tokens[i - 1].text;
    static const WordSet kWords{"against", "beat",    "beating", "face",  "faces",   "facing",  "join",
                                "joined",  "joining", "joins",   "play",  "playing", "played",  "host",
                                "hosting", "visit",   "meet",    "meets", "met",     "leaders", "side"};
    if (kWords.contains(w)) return true;
    if (w == "from" && transfer_before(tokens, i - 1)) return true;
    const std::string before = i >= 2 ? tokens[i - 2].text : "";
    return (w == "over" && is_one_of(before, {"win", "victory", "triumph", "wins", "victories"})) ||
           (w == "on" && is_one_of(before, {"take", "takes", "taking", "took"})) ||
           (w == "to" && is_one_of(before, {"defeat", "defeats", "loss", "losses", "lost", "losing", "move"})) ||
           (w == "with" && is_one_of(before, {"draw", "drew", "clash", "tie"})) ||
           // "a poor stint at Leeds", "spells at Barcelona": a player's or a
           // coach's time at a town is at its club.
           (w == "at" && is_one_of(before, {"spell", "spells", "stint", "stints"}));
}

// "a tie between Millwall and Liverpool", "Liverpool and Chelsea are
// level": a town joined by "and" to a known team's one-word name is a club
// too (weak evidence: only in an article about sport).
bool beside_known_team(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m, const Gazetteer& g) {
    if (m.length != 1 || m.place->kind != PlaceKind::city || !word_is_plain(tokens[i])) return false;
    const auto team_at = [&](std::size_t k) {
        if (!tokens[k].capitalized || tokens[k].sentence_start) return false;
        if (k + 1 < tokens.size() && tokens[k + 1].capitalized && !tokens[k + 1].punctuation_before)
            return false;  // one word only: "Aston Villa" is matched whole elsewhere
        const Organization* o = g.find_organization_by_key(Gazetteer::key(without_possessive(tokens[k].text)));
        return o && o->team;
    };
    if (i >= 2 && !tokens[i].punctuation_before && tokens[i - 1].text == "and" && !tokens[i - 1].punctuation_before &&
        (i < 3 || tokens[i - 2].punctuation_before || !tokens[i - 3].capitalized) && team_at(i - 2))
        return true;
    if (i + 2 >= tokens.size() || tokens[i + 1].text != "and" || tokens[i + 1].punctuation_before ||
        tokens[i + 2].punctuation_before)
        return false;
    if (team_at(i + 2)) return true;
    // ("Parma and Real Madrid are interested": a known team's longer name
    // after "and", ending the run; "Real Madrid's home city" is the city's,
    // and "born near Seville and Real Betis offered him a trial" names Seville.)
    if (i > 0 && is_one_of(tokens[i - 1].text, {"in", "near", "to", "from", "at", "outside", "around", "into"}))
        return false;
    std::string name;
    const std::size_t n = known_organization_at(tokens, i + 2, g, name);
    const Organization* o = n >= 2 ? g.find_organization(name) : nullptr;
    return o && o->team && !has_possessive(tokens[i + 1 + n].text) &&
           (i + 2 + n == tokens.size() || !tokens[i + 2 + n].capitalized);
}

// "the French Open", "the Australian Open", "the British Grand Prix": a
// people's adjective before a tournament's word (at token k) names the
// event, held in some country, but no country of the article.
bool names_an_event(const std::vector<EntityToken>& tokens, std::size_t k) {
    return k < tokens.size() && !tokens[k].punctuation_before && !tokens[k].sentence_start &&
           is_one_of(tokens[k].text, {"Open", "Opens", "Masters", "Grand", "Championships", "Indoor", "Indoors"});
}

// "Barcelona, Bayern Munich, Porto, Real Madrid": a town that is a whole
// item of a list of well-known teams is one of them.
bool listed_among_known_teams(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m,
                              std::string_view text, const Gazetteer& g) {
    // A region there is a club too ("Bayern, Barcelona and Real Madrid"); a
    // country stays one (a national side is a location).
    if (m.length != 1 || (m.place->kind != PlaceKind::city && m.place->kind != PlaceKind::subdivision) ||
        !word_is_plain(tokens[i]) || tokens[i].sentence_start)
        return false;
    if (i + 1 < tokens.size() && tokens[i + 1].capitalized && !tokens[i + 1].punctuation_before) return false;
    return listed_with_known_teams(tokens, i, i + 1, text, g);
}

// Is token k a word that makes the name before it a contest won or played
// ("Wimbledon champion", "the US Open final")?
bool names_a_contest_at(const std::vector<EntityToken>& tokens, std::size_t k) {
    // (Words split at a hyphen, "semi-final", "runner-up", are none: a
    // stage reached names no title; "her Sydney quarter-final" is in Sydney.)
    static const WordSet kWords{"champion", "champions", "title",   "titles",    "final",        "finals",
                                "finalist", "winner",    "winners", "triumph",   "crown",        "singles",
                                "doubles",  "seed",      "debut",   "fortnight", "Championships"};
    return k < tokens.size() && !tokens[k].punctuation_before && !tokens[k].sentence_start &&
           kWords.contains(tokens[k].text);
}

// A town named as a sports event at token i: "Wimbledon champion", "the
// Wimbledon final", "won Wimbledon". Like a club, the event is what the
// town's other mentions in the article mean, unless one says "in".
bool names_event(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m) {
    if (m.length != 1 || m.place->kind != PlaceKind::city) return false;
    if (names_a_contest_at(tokens, i + 1)) return true;
    return i > 0 && !tokens[i].punctuation_before && !tokens[i].sentence_start &&
           is_one_of(tokens[i - 1].text, {"won", "win", "winning", "wins", "miss", "missed", "missing"});
}

bool is_compass_word(const EntityToken& t) {
    static const WordSet kWords{"North",    "South",    "East",    "West",    "Central", "Mid",
                                "Northern", "Southern", "Eastern", "Western", "Greater"};
    if (t.text.size() < 3 || t.text.size() > 8 || std::string_view("NSEWCMG").find(t.text[0]) == std::string_view::npos)
        return false;  // most words, without comparing
    return kWords.contains(t.text);
}

// "struck south Asia", "in west Yorkshire": a compass word in lower case
// before a place, together a known region's name, is that region (news
// writes the compass word of a region in lower case). Returns it, nullptr
// if none.
const Place* region_after_lower_compass(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    if (i + 1 >= t.size() || t[i].capitalized || !t[i + 1].capitalized || t[i + 1].punctuation_before ||
        t[i + 1].sentence_start || t[i + 1].hyphen_before || !is_one_of(t[i].text, {"north", "south", "east", "west"}))
        return nullptr;
    if (i + 2 < t.size() && t[i + 2].capitalized && !t[i + 2].punctuation_before) return nullptr;  // a longer name
    // A town is named whole, its compass word capitalised: "in east London"
    // is London's east, not the South African city East London.
    const Place* p = g.find_place_by_key(t[i].key + " " + t[i + 1].key);
    return p && p->kind != PlaceKind::city ? p : nullptr;
}

// Compass words joined to a known place in one country name a part of it:
// a region ("Mid Wales", "East Wales") or a constituency ("Dundee East",
// "South West Edinburgh"). Words before any place, after a city only.
// Returns the whole name's length in tokens (0 if none) and its name.
std::size_t compass_place_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g, const PlaceMatch& m,
                             std::string& name, const Place*& base) {
    std::size_t pre = 0;
    while (pre < 2 && i + pre < t.size() && is_compass_word(t[i + pre]) &&
           (pre == 0 || (!t[i + pre].sentence_start && !t[i + pre].punctuation_before)))
        ++pre;
    PlaceMatch inner = m;
    if (pre) {
        if (i + pre >= t.size() || t[i + pre].sentence_start || t[i + pre].punctuation_before) return 0;
        inner = match_place(t, i + pre, g);
        if (!inner.place || pre + inner.length <= m.length) return 0;  // "South Africa" is one name
    }
    if (!inner.place || inner.place->country.empty()) return 0;  // "East Asia": no part of one country
    std::size_t post = 0;
    const std::size_t after = i + pre + inner.length;
    // "London's West End": compass words after a possessive are no part of
    // the city's name.
    if (inner.place->kind == PlaceKind::city && !has_possessive(t[after - 1].text))
        while (post < 2 && after + post < t.size() && is_compass_word(t[after + post]) &&
               t[after + post].text != "Mid" && t[after + post].text != "Greater" && !t[after + post].sentence_start &&
               !t[after + post].punctuation_before)
            ++post;
    if (!pre && !post) return 0;
    const std::size_t n = pre + inner.length + post;
    if (inside_organisation_name(t, i, n)) return 0;  // "South Wales Police"
    name.clear();
    for (std::size_t k = i; k < i + n; ++k) name += (k > i ? " " : "") + without_possessive(t[k].text);
    base = inner.place;
    return n;
}

// "touring South East Asian countries", "North African states": compass
// words right before the adjective of a people or a continent open that
// adjective, and name no region (not England's "South East"). The
// adjective is a demonym or a place's name with "n" or "an" added
// ("Asia" -> "Asian", "Europe" -> "European").
bool compass_words_open_adjective(const std::vector<EntityToken>& t, std::size_t i, const PlaceMatch& m,
                                  const Gazetteer& g) {
    const std::size_t next = i + m.length;
    if (next >= t.size() || !t[next].capitalized || t[next].punctuation_before || t[next].sentence_start ||
        t[next].hyphen_before)
        return false;
    for (std::size_t k = i; k < next; ++k)
        if (!is_compass_word(t[k])) return false;
    return g.demonym_by_key(t[next].key) || g.place_adjective_by_key(t[next].key);
}

// "Guantanamo Bay", "Turkana County", "Jakarta Bay": a known town or
// region of one country right before a capitalised geographic word names
// that feature, a place of its own in the same country, not the town.
// Returns the tokens of the whole name, 0 if none.
std::size_t feature_after_place(const std::vector<EntityToken>& tokens, std::size_t i, const PlaceMatch& m) {
    const std::size_t k = i + m.length;
    if (!m.place || (m.place->kind != PlaceKind::city && m.place->kind != PlaceKind::subdivision) ||
        k >= tokens.size() || !word_is_plain(tokens[k - 1]) || !tokens[k].capitalized || tokens[k].sentence_start ||
        tokens[k].punctuation_before || tokens[k].hyphen_before ||
        !is_geographic_suffix(without_possessive(tokens[k].text)))
        return 0;
    return m.length + 1;
}

// "Tampa Bay Buccaneers", "Hudson Bay Company": a capitalised word at token
// k, right after a town's feature, makes the whole a longer name, a team's
// or a firm's, and names neither the town nor its feature ("Ohio River
// Valley" is still a place).
bool feature_opens_longer_name(const std::vector<EntityToken>& tokens, std::size_t k) {
    return k < tokens.size() && word_is_plain(tokens[k - 1]) && tokens[k].capitalized &&
           !tokens[k].punctuation_before && !tokens[k].sentence_start &&
           !is_geographic_suffix(without_possessive(tokens[k].text));
}

// "US$17m", "US $90", "HK$3bn": a country's short name glued to a dollar
// sign names a currency, no place (the country's dollar, not the country).
bool names_currency(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, std::string_view text) {
    std::size_t p = tokens[i + n - 1].end;
    if (p < text.size() && text[p] == ' ') ++p;
    return n == 1 && tokens[i].all_caps && p < text.size() && text[p] == '$';
}

// "the US Open champion", "the 2000 US Open final", "the Birmingham Grand
// Prix on 18 February": a place opening the name of a title won or of a
// Grand Prix is the event's, which the article may name in passing; where
// the article is about the place it names it otherwise too ("at the Qatar
// Open in Doha").
bool opens_sporting_events_name(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n) {
    std::size_t e = i + n;
    if (e >= tokens.size() || tokens[e].punctuation_before) return false;
    if (is_one_of(tokens[e].text, {"Open", "Masters"})) return names_a_contest_at(tokens, e + 1);
    if (tokens[e].text == "Indoor" && e + 1 < tokens.size()) ++e;  // "the Birmingham Indoor Grand Prix"
    return tokens[e].text == "Grand" && e + 1 < tokens.size() && tokens[e + 1].text == "Prix" &&
           !tokens[e + 1].punctuation_before;
}

// "Humphrey Bogart in Casablanca (1942)", "Polanski's Chinatown (1974)": a
// year in brackets right after a town a player is "in" or a person's
// possessive opens dates a film or a play ("gold in Athens (2004)", "riots
// in Brixton (1981)" are places, and so is a country).
bool titles_a_dated_work(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, const Place& place,
                         std::string_view text) {
    const std::size_t e = i + n;
    if (place.kind == PlaceKind::country || i < 2 || e >= tokens.size() ||
        trim(text.substr(tokens[e - 1].end, tokens[e].begin - tokens[e - 1].end)) != "(")
        return false;
    const bool after_player = tokens[i - 1].text == "in" && tokens[i - 2].capitalized &&
                              !tokens[i - 1].punctuation_before;
    if (!after_player && !has_possessive(tokens[i - 1].text)) return false;
    const std::string& year = tokens[e].text;
    return year.size() == 4 && all_ascii_digits(year) && (year.starts_with("19") || year.starts_with("20")) &&
           tokens[e].end < text.size() && text[tokens[e].end] == ')';
}

// "the BBC's Network Africa programme", "the Good Morning America show":
// a place closing a capitalised name right before a broadcast's noun in
// lower case ends the programme's title, no mention of the place ("the
// Africa programme", one word, is an aid programme for Africa).
bool ends_a_programmes_title(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t n, const Gazetteer& g) {
    static const WordSet kWords{"programme", "programmes", "show", "series", "documentary", "sitcom", "magazine"};
    const std::size_t e = i + n;
    if (i == 0 || e >= tokens.size() || tokens[i].sentence_start || tokens[i].punctuation_before ||
        tokens[e].capitalized || tokens[e].punctuation_before || !kWords.contains(tokens[e].text))
        return false;
    // (After a known body's name it is the body's show or programme there:
    // "the Gucci Milan show", "the Unicef Nairobi programme".)
    const EntityToken& before = tokens[i - 1];
    return before.capitalized && !before.all_caps && !has_possessive(before.text) && !is_sentence_opener(before.text) &&
           !g.find_place_by_key(before.key) && !g.demonym_by_key(before.key) && !is_compass_word(before) &&
           !g.find_organization_by_key(before.key);
}

// Towns an article names as something else than the town.
struct TownsAsTeams {
    std::vector<std::string> clubs;       // by strong evidence (names_club)
    std::vector<std::string> opponents;   // by weak evidence (opposes_club): clubs only beside a strong one
    std::vector<std::string> events;      // names_event
    std::vector<std::string> team_towns;  // towns that open a known team's name ("Newcastle Falcons")
    std::vector<std::string> origins;     // towns after "from" outside a transfer ("fans came from Wigan")
};

// "Malcolm Preston, of Preston, said": "of" set off by a comma after a
// person's capitalised name, before a place, gives where the person lives,
// a mention of the place even when it is also the person's surname.
bool hometown_after_name(const std::vector<EntityToken>& tokens, std::size_t i) {
    return i >= 2 && tokens[i - 1].text == "of" && tokens[i - 1].punctuation_before && !tokens[i - 1].sentence_start &&
           tokens[i - 2].capitalized && !tokens[i].punctuation_before;
}

// Whether the known place at token i ends on a possessive and opens an
// organisation's name found by its form: "San Francisco's Chamber Opera
// Society" names San Francisco as well.
bool town_opening_a_name(const std::vector<EntityToken>& tokens, const std::vector<bool>& in_organisation,
                         std::size_t i, const Gazetteer& g) {
    if (i > 0 && in_organisation[i - 1] && !tokens[i].sentence_start && !tokens[i].punctuation_before) return false;
    // Most organisations' first words are asked nothing more: no possessive
    // among the next few words, no town's possessive opening the name.
    std::size_t k = i;
    while (k < tokens.size() && k - i < 4 && in_organisation[k] && word_is_plain(tokens[k])) ++k;
    if (k == tokens.size() || k - i == 4 || !in_organisation[k]) return false;
    const PlaceMatch m = match_place(tokens, i, g);
    return m.place && !word_is_plain(tokens[i + m.length - 1]) && i + m.length < tokens.size() &&
           in_organisation[i + m.length];
}

void find_places(const std::vector<EntityToken>& tokens, std::string_view text, const Gazetteer& g,
                 const std::vector<bool>& in_organisation, std::vector<Located>& locations,
                 std::set<std::string>& countries, TownsAsTeams& teams, ArticleEvidence* why) {
    // Tokens [b, e) name `name`, by `rule`.
    const auto place_evidence = [&](const std::string& name, const char* rule, std::size_t b, std::size_t e) {
        note_evidence(why ? &why->locations : nullptr, name, rule, tokens[b].begin, tokens[e - 1].end);
    };
    const auto club_evidence = [&](const std::string& name, const char* rule, std::size_t b) {
        note_evidence(why ? &why->organizations : nullptr, name, rule, tokens[b].begin, tokens[b].end);
    };
    const auto add_place = [&](Located l) {
        auto same = std::find_if(locations.begin(), locations.end(),
                                 [&](const Located& x) { return x.name == l.name; });
        if (same == locations.end()) {
            locations.push_back(std::move(l));
        } else {
            same->after_preposition = same->after_preposition || l.after_preposition;
            same->after_plain_preposition = same->after_plain_preposition || l.after_plain_preposition;
            same->in_place = same->in_place || l.in_place;
            same->listed = same->listed && l.listed;
            same->club_name_part = same->club_name_part && l.club_name_part;
            same->among_countries = same->among_countries || l.among_countries;
        }
    };
    // Does the place at token i follow a preposition ("to Jordan": surely
    // the place), or one that puts something in it ("lives in Bolton")?
    const auto after_preposition = [&](std::size_t i) {
        return (i > 0 && is_one_of(tokens[i - 1].text, {"in", "to", "from", "into", "near", "across"})) ||
               hometown_after_name(tokens, i);
    };
    // "in Bolton", "the city of Newcastle", "the Sheffield-born batsman",
    // "the Leicester singer" (a band's role names no club): the place
    // itself, whatever else the article calls by its name.
    const auto in_place = [&](std::size_t i) {
        const bool next = i + 1 < tokens.size() && !tokens[i + 1].punctuation_before;
        // ("invest in Liverpool", "a stake in Leeds": money goes into a club.)
        const bool invested = i > 1 && tokens[i - 1].text == "in" &&
                              is_one_of(tokens[i - 2].key, {"invest", "invested", "investing", "stake", "shares"});
        // ("in Northampton's defeat by Saracens": the match is the club's.)
        const bool clubs_match = has_possessive(tokens[i].text) && next &&
                                 is_one_of(tokens[i + 1].text, {"defeat", "win", "victory", "loss", "draw", "match",
                                                                "game", "clash", "comeback", "triumph"});
        return (i > 0 && is_one_of(tokens[i - 1].text, {"in", "near", "outside", "around"}) && !invested &&
                !clubs_match) ||
               (i > 1 && tokens[i - 1].text == "of" && is_one_of(tokens[i - 2].text, {"city", "town"})) ||
               (next && tokens[i + 1].hyphen_before && is_one_of(tokens[i + 1].text, {"born", "based"})) ||
               (next && !tokens[i + 1].capitalized && is_band_role(tokens[i + 1].text));
    };
    std::size_t opponent_end = 0;  // the token after the last town named as an opponent
    for (std::size_t i = 0; i < tokens.size();) {
        // "Texas Instruments", "Air Sahara" (but "San Francisco's Chamber
        // Opera Society" names the town too: a possessive opening the name).
        if (in_organisation[i] && !town_opening_a_name(tokens, in_organisation, i, g)) {
            ++i;
            continue;
        }
        if (const Place* region = region_after_lower_compass(tokens, i, g)) {
            add_place({region->name, region->country, false, true, region->other_country, false, in_place(i)});
            place_evidence(region->name, "a compass word in lower case and a place, a known region (south Asia)", i,
                           i + 2);
            i += 2;
            continue;
        }
        const PlaceMatch m = match_place(tokens, i, g);
        if (m.place && i > 0 && tokens[i - 1].text == "from" && !transfer_before(tokens, i - 1))
            add_unique(teams.origins, m.place->name);
        // "London Stock Exchange", "Washington Post": a place that opens a
        // longer well-known organisation's name is not a location here.
        std::string organisation;
        if (const std::size_t n = known_organization_at(tokens, i, g, organisation); n > m.length) {
            // "Newcastle Falcons": the article's other "Newcastle" is the club.
            const Organization* known = g.find_organization(organisation);
            if (m.place && known && known->team) add_unique(teams.team_towns, m.place->name);
            i += n;
            continue;
        }
        if (const PlaceByForm p = place_by_form(tokens, i, g, m); p.length) {
            add_place({p.name, p.country, false, true, "", false, p.in_place, p.unknown});
            place_evidence(p.name, p.rule, i, i + p.length);
            i += p.length;
            continue;
        }
        std::string compass_name;
        const Place* base = nullptr;
        if (const std::size_t n = compass_place_at(tokens, i, g, m, compass_name, base)) {
            add_place({compass_name, base->country, false, true, "", false, false});
            place_evidence(compass_name, "compass words joined to a known place of one country", i, i + n);
            i += n;
            continue;
        }
        if (m.place && compass_words_open_adjective(tokens, i, m, g)) {
            i += m.length;
            continue;
        }
        // "their new Emirates Stadium", "the Westfalen Arena": a known
        // place opening a ground's name is no mention of it; the ground is a
        // place of its own.
        if (m.place && i + m.length < tokens.size() && !tokens[i + m.length].punctuation_before &&
            is_one_of(tokens[i + m.length].text, {"Stadium", "Arena"})) {
            if (auto [name, length] = place_from_context(tokens, i, g); length > m.length) {
                // (The country of a town that names it; a country's name there is a sponsor's.)
                add_place({name, m.place->kind == PlaceKind::city ? m.place->country : "", false, true, "", false,
                           false, true});
                place_evidence(name, "a ground or a venue named with Stadium or Arena", i, i + length);
                i += length;
                continue;
            }
        }
        if (m.place && (names_other_than_place(tokens, i, m.length, *m.place, g) ||
                        names_currency(tokens, i, m.length, text) || opens_sporting_events_name(tokens, i, m.length) ||
                        titles_a_dated_work(tokens, i, m.length, *m.place, text) ||
                        country_inside_a_name(tokens, i, *m.place, g) ||
                        (m.place->kind != PlaceKind::country && after_acronym_and_hyphen(tokens, i, g)))) {
            i += m.length;
            continue;
        }
        if (m.place && after_prefix(tokens, i)) {
            if (m.place->kind == PlaceKind::country && !m.place->country.empty()) countries.insert(m.place->country);
            i += m.length;
            continue;
        }
        if (const std::size_t n = feature_after_place(tokens, i, m)) {
            if (feature_opens_longer_name(tokens, i + n)) {
                i += n;
                continue;
            }
            std::string name;
            for (std::size_t k = i; k < i + n; ++k) name += (k > i ? " " : "") + without_possessive(tokens[k].text);
            add_place({name, m.place->country, false, after_preposition(i), "", false, in_place(i)});
            place_evidence(name, "a known town or region before a geographic word (X Bay, X County)", i, i + n);
            i += n;
            continue;
        }
        if (m.place && m.place->kind == PlaceKind::city && side_of_a_score(tokens, i, m.length)) {
            const std::string club = name_of_words(tokens, i, m.length);
            add_unique(teams.clubs, club);
            club_evidence(club, "a side of a result line (Bristol City 2-1 Milton Keynes)", i);
            i += m.length;
            continue;
        }
        if (m.place && names_club(tokens, i, m)) {
            add_unique(teams.clubs, without_possessive(tokens[i].text));
            club_evidence(without_possessive(tokens[i].text),
                          "a town named as its club: a team role after it, a fixture (X v Y) or a plural verb", i);
            ++i;
            continue;
        }
        if (m.place && names_event(tokens, i, m)) {
            add_unique(teams.events, without_possessive(tokens[i].text));
            ++i;
            continue;
        }
        // "losses to Leeds and Derby": a town joined by "and" to an opponent is one too.
        if (m.place && (opposes_club(tokens, i, m) || beside_known_team(tokens, i, m, g) ||
                        listed_among_known_teams(tokens, i, m, text, g) ||
                        (opponent_end && i == opponent_end + 1 && tokens[opponent_end].text == "and" && m.length == 1 &&
                         m.place->kind == PlaceKind::city && !tokens[i].punctuation_before))) {
            add_unique(teams.opponents, without_possessive(tokens[i].text));
            club_evidence(without_possessive(tokens[i].text),
                          "a town named as an opponent or a side in an article about sport", i);
            opponent_end = i + 1;
        }
        // "phones by Sony Ericsson, Motorola, BenQ, Arima and Fujitsu": a
        // town's or a region's one-word name listed among well-known firms
        // or bands is theirs ("Deacon Blue, Idlewild, Texas, Mogwai").
        if (m.place && m.length == 1 && m.place->kind != PlaceKind::country && word_is_plain(tokens[i]) &&
            !tokens[i].sentence_start &&
            !(i + 1 < tokens.size() && tokens[i + 1].capitalized && !tokens[i + 1].punctuation_before) &&
            listed_with_known_firms(tokens, i, i + 1, text, g)) {
            i += m.length;
            continue;
        }
        if (m.place && (titles_a_work(tokens, i) || ends_a_programmes_title(tokens, i, m.length, g))) {
            i += m.length;
            continue;
        }
        // "St Mary's", "St George": a saint's name (a church, a ground, a
        // day) is no place of its own; known places such as "St Louis"
        // matched from the "St" already.
        if (m.place && i > 0 && !tokens[i].punctuation_before &&
            is_one_of(tokens[i - 1].text, {"St", "St.", "Saint"})) {
            i += m.length;
            continue;
        }
        if (m.place && !inside_organisation_name(tokens, i, m.length)) {
            Located l{m.place->name,
                      m.place->country,
                      m.length == 1,
                      after_preposition(i),
                      m.place->other_country,
                      m.place->kind == PlaceKind::city || m.place->kind == PlaceKind::subdivision,
                      in_place(i)};
            l.after_plain_preposition = l.after_preposition && !possessive_of_a_town_or_person(tokens, i, m);
            l.among_countries = !l.other_country.empty() &&
                                listed_beside_a_country(tokens, i, m.length, l.other_country, g);
            l.club_name_part = closes_club_name(tokens, i, m, g);
            if (std::string c = country_of_qualifier(tokens, i, m, text, g); !c.empty()) {
                l.country = std::move(c);
                l.other_country.clear();
            }
            add_place(std::move(l));
            place_evidence(m.place->name,
                           m.place->common_word ? "a place named like an English word, after a preposition of place"
                                                : "a known place (gazetteer: countries, regions, cities, places.tsv)",
                           i, i + m.length);
            i += m.length;
            continue;
        }
        if ((listed_among_places(tokens, i, g) || announced_as_place(tokens, i)) &&
            plausible_place_name(tokens, i, i + 1, g)) {
            const std::string name = without_possessive(tokens[i].text);
            if (!g.find_organization(name) && !g.demonym_country(name)) {
                Located l{name, "", false, true, "", false, false, true};
                l.listed = true;
                add_place(std::move(l));
            }
            place_evidence(name, "an unknown word listed beside known towns, counties or regions", i, i + 1);
            ++i;
            continue;
        }
        if (const Place* area = town_before_its_area(tokens, i, g);
            area && !g.find_organization(tokens[i].text) && !g.demonym_country(tokens[i].text)) {
            add_place({tokens[i].text, area->country, true, true, "", false, in_place(i), true});
            place_evidence(tokens[i].text, "an unknown town set off by a comma before its known county, city or state",
                           i, i + 1);
            ++i;
            continue;
        }
        if (auto [name, length] = place_from_context(tokens, i, g); length) {
            const Place* known = g.find_place(name);
            if (!known && !g.find_organization(name) && !g.demonym_country(name))
                add_place({name, "", false, true, "", false, false, true});
            place_evidence(name, "an unknown place named by its context (the X region, X Bay, in X, …)", i, i + length);
            i += length;
            continue;
        }
        // The longest demonym only: "Northern Irishman" is British, no Irishman.
        if (tokens[i].capitalized) {
            std::string key;
            std::optional<std::string> longest;
            std::size_t length = 0;
            for (std::size_t n = 1; n <= g.longest_demonym() && i + n <= tokens.size(); ++n) {
                key += (n > 1 ? " " : "") + tokens[i + n - 1].key;
                if (auto code = g.demonym_by_key(key); code && !names_an_event(tokens, i + n)) {
                    longest = std::move(code);
                    length = n;
                }
            }
            if (longest) {
                if (!longest->empty()) countries.insert(*longest);  // "Latin American": none
                i += length;
                continue;
            }
        }
        ++i;
    }
}

// "two-goal striker Jonatan Johansson", "the Wales fly-half": a word only
// football and rugby use for a player's position makes an article one
// about sport ("defender", "keeper", "back" serve elsewhere too).
bool names_a_players_position(const std::vector<EntityToken>& tokens) {
    static const WordSet kWords{"striker", "strikers", "midfielder", "midfielders", "goalkeeper", "goalkeepers",
                                "winger",  "wingers",  "flanker",    "flankers",    "playmaker",  "centre-half"};
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].capitalized) continue;
        if (kWords.contains(tokens[k].text)) return true;
        if (k + 1 < tokens.size() && tokens[k + 1].hyphen_before && is_one_of(tokens[k].text, {"fly", "scrum"}) &&
            tokens[k + 1].text == "half")
            return true;
    }
    return false;
}

// "Bayern goalkeeper Oliver Kahn" beside "Bayern Munich": a town named as
// its club is the known team of the article whose name it opens, written in
// that fuller form.
bool opens_known_team(const std::string& town, const std::vector<std::string>& organizations, const Gazetteer& g) {
    return std::any_of(organizations.begin(), organizations.end(), [&](const std::string& o) {
        const Organization* known = g.find_organization(o);
        return known && known->team && o.size() > town.size() && o.starts_with(town) && o[town.size()] == ' ';
    });
}

// "FC Barcelona" -> "Barcelona": the town of a well-known team the article
// names, when that town names the team alone; empty otherwise.
std::string town_of_team(const std::string& organisation, const Gazetteer& g) {
    const Organization* known = g.find_organization(organisation);
    const std::string* town = known && known->team ? g.town_of_club(known->name) : nullptr;
    return town ? *town : std::string();
}

// "Real Madrid … the Madrid president", "linked with Inter Milan … a move
// to Milan": a town that two well-known clubs' names share (Real and
// Atletico Madrid) is the one of them the article names in full.
bool names_one_club_of_town(const std::vector<std::string>& organizations, const std::string& town,
                            const Gazetteer& g) {
    const std::string town_key = " " + Gazetteer::key(town) + " ";
    return std::count_if(organizations.begin(), organizations.end(), [&](const std::string& o) {
               const Organization* known = g.find_organization(o);
               return known && known->team && o.size() > town.size() &&
                      (" " + Gazetteer::key(o) + " ").find(town_key) != std::string::npos;
           }) == 1;
}

// "away to Charlton", "Kilmarnock's defence": in an article about a team's
// sport, a word standing alone that is one well-known club's name without
// its club word and no known place (towns are the place rules' own), no
// given name and no word of a person's name in the article, is that club;
// written as the word, unless the article names the club in full.
void add_clubs_named_by_town(const std::vector<EntityToken>& tokens, const std::vector<bool>& in_organisation,
                             const std::set<std::string>& name_words, const Gazetteer& g,
                             std::vector<std::string>& organizations) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const EntityToken& t = tokens[i];
        if (!t.capitalized || t.all_caps || in_organisation[i]) continue;
        const auto joined = [&](std::size_t k) {  // tokens k - 1 and k: one capitalised name
            return tokens[k - 1].capitalized && tokens[k].capitalized && !tokens[k].punctuation_before &&
                   !tokens[k].sentence_start;
        };
        if ((i > 0 && joined(i)) || (i + 1 < tokens.size() && joined(i + 1))) continue;  // a longer name
        const std::string word = without_possessive(t.text);
        const std::string* club = g.club_of_town(word);  // asked first: most words name no club
        if (!club || std::find(organizations.begin(), organizations.end(), *club) != organizations.end()) continue;
        const std::string key = Gazetteer::key(word);
        if (g.find_place_by_key(key) || g.given_name_by_key(key) != GivenName::no || name_words.count(key)) continue;
        add_unique(organizations, word);
    }
}

}  // namespace

ArticleEntities extract_entities(const Article& article, const Gazetteer& g, ArticleEvidence* why) {
    ArticleEntities out;
    std::set<std::string> countries;  // from demonyms, then from the places kept
    std::vector<Located> places;
    if (!article.dateline_place.empty())
        if (const Place* p = g.find_place(article.dateline_place)) {
            places.push_back({p->name, p->country, false, true, p->other_country, false, true});
            note_evidence(why ? &why->locations : nullptr, p->name,
                          "the dateline names it (" + article.dateline_place + ")", 0, 0);
        }
    const EntityText headline_and_body = entity_text(article);
    const std::string& text = headline_and_body.text;
    const auto tokens = tokens_of(headline_and_body);
    std::vector<bool> in_organisation(tokens.size(), false);
    if (why) why->text = text;
    out.organizations = find_organizations(tokens, text, g, &in_organisation, why ? &why->organizations : nullptr);
    // "KELMOUTH (Velmora Wire) -": the outlet a wire dateline credits is an
    // organisation the article names, as "told Reuters" would be (the
    // reader takes the dateline off the body).
    if (!article.dateline_outlet.empty()) {
        const Organization* known = g.find_organization(article.dateline_outlet);
        add_unique(out.organizations, known ? known->name : article.dateline_outlet);
        note_evidence(why ? &why->organizations : nullptr, known ? known->name : article.dateline_outlet,
                      "the dateline credits it (" + article.dateline_outlet + ")", 0, 0);
    }
    TownsAsTeams teams;
    find_places(tokens, text, g, in_organisation, places, countries, teams, why);
    // Towns named as opponents are clubs in an article about sport: one
    // that names a club by strong evidence, or a known team or sports body
    // ("Chelsea", "the Champions League"). About a team's sport is
    // stricter: a league alone is not enough ("the Premiership footballer
    // and record company boss").
    const bool team_evidence = !teams.clubs.empty() || names_a_players_position(tokens);
    const auto names_known = [&](bool Organization::*kind) {
        return std::any_of(out.organizations.begin(), out.organizations.end(), [&](const std::string& o) {
            const Organization* known = g.find_organization(o);
            return known && known->*kind;
        });
    };
    const bool about_sport = team_evidence || names_known(&Organization::sport);
    const bool about_team_sport = team_evidence || names_known(&Organization::team);
    if (about_sport)
        for (const auto& o : teams.opponents) add_unique(teams.clubs, o);
    for (const auto& club : teams.clubs)
        add_unique(opens_known_team(club, out.organizations, g) ? teams.team_towns : out.organizations, club);
    // "Time Warner" and "TimeWarner" in one article are one company, written
    // with its space.
    std::erase_if(out.organizations, [&](const std::string& o) {
        if (o.find(' ') != std::string::npos) return false;
        return std::any_of(out.organizations.begin(), out.organizations.end(), [&](const std::string& other) {
            return other.find(' ') != std::string::npos && without_spaces(Gazetteer::key(other)) == Gazetteer::key(o);
        });
    });
    // Competitions told the article is about sport; they are events, no organisations.
    std::erase_if(out.organizations, [&](const std::string& o) {
        const Organization* known = g.find_organization(o);
        return known && known->event;
    });
    // A name that is an organisation ("Hamas", after a role word) is not a
    // person, nor one that ends on one after a doubtful first word ("Is
    // Hamas"); an initial is no doubtful word ("L Moody" on a team sheet).
    for (const auto& p : find_persons(tokens, g, text, &out.person_evidence, why ? &why->persons : nullptr)) {
        const std::string key = Gazetteer::key(p);
        const std::size_t space = key.rfind(' ');
        const std::string_view first = std::string_view(key).substr(0, key.find(' '));
        const bool ends_on_organisation = space != std::string::npos &&
                                          g.find_organization_by_key(key.substr(space + 1)) && first.size() > 1 &&
                                          g.given_name_by_key(first) != GivenName::yes;
        if (!g.find_organization_by_key(key) && !ends_on_organisation &&
            std::none_of(out.organizations.begin(), out.organizations.end(),
                         [&](const std::string& o) { return Gazetteer::key(o) == key; }))
            out.persons.push_back(p);
    }
    // "Lewis Moody … Moody's tackle", "Amos Hochstein … Gallant told
    // Hochstein": one word that is the surname of a person in this article
    // is that person, not an organisation (not the agency "Moody's").
    std::erase_if(out.organizations, [&](const std::string& o) {
        if (o.find(' ') != std::string::npos) return false;
        const std::string key = Gazetteer::key(without_possessive(o));
        return std::any_of(out.persons.begin(), out.persons.end(), [&](const std::string& p) {
            const std::string pk = Gazetteer::key(p);
            return pk.size() > key.size() && pk.ends_with(" " + key);
        });
    });
    // "Milt Jackson", "Jordan Henderson": a one-word place that is a word of
    // a person's name in this article is that person, unless the article also
    // puts it after a preposition of place ("in Jordan"); where it is a
    // person's surname, a town's possessive there is none unless it owns a
    // town's thing ("the follow-up to Miyazaki's Spirited Away", "into
    // Barrie's vivid imagination": the director Hayao Miyazaki's, JM
    // Barrie's; "to Chester's MP" is the town).
    std::set<std::string> name_words;
    std::set<std::string> surnames;
    std::set<std::string> person_keys;  // named after a role or before a reporting verb somewhere
    for (const auto& p : out.persons) {
        if (const auto ev = out.person_evidence.find(p); ev != out.person_evidence.end() && ev->second.as_person)
            person_keys.insert(Gazetteer::key(p));
        const auto words = split_words(p);
        for (const auto& w : words)
            name_words.insert(Gazetteer::key(std::string_view(p).substr(w.begin, w.end - w.begin)));
        if (words.size() > 1)
            surnames.insert(
                Gazetteer::key(std::string_view(p).substr(words.back().begin, words.back().end - words.back().begin)));
    }
    choose_readings(places);
    // One sense per article: a town this article names as a team ("A Foley
    // (Munster)", "Bolton keeper …") or an event ("Wimbledon champion") is
    // that throughout, unless some mention puts it after a preposition of
    // place ("in Bolton").
    std::set<std::string> organisation_keys;
    for (const auto& o : out.organizations) organisation_keys.insert(Gazetteer::key(o));
    for (const auto& e : teams.events) organisation_keys.insert(Gazetteer::key(e));
    for (const auto& t : teams.team_towns) organisation_keys.insert(Gazetteer::key(t));
    const std::set<std::string> works = titles_of_works(tokens);
    std::set<std::string> candidates;  // unknown one-word places, perhaps things
    for (const auto& l : places)
        if (l.from_context && !l.listed && l.name.find(' ') == std::string::npos) candidates.insert(l.name);
    const std::set<std::string> things = candidates.empty() ? std::set<std::string>{}
                                                            : named_mostly_as_things(tokens, candidates, g);
    for (const auto& l : places) {
        if (works.count(Gazetteer::key(l.name))) continue;
        if (l.single_word && name_words.count(Gazetteer::key(l.name)) &&
            !(surnames.count(Gazetteer::key(l.name)) ? l.after_plain_preposition : l.after_preposition))
            continue;
        // "in Depp's career": a name the gazetteer does not know that is a
        // word of a person's name in this article is that person.
        // "full confidence in Toshiyuki Shiga": so is a whole person's name.
        if (l.from_context && (name_words.count(Gazetteer::key(l.name)) || person_keys.count(Gazetteer::key(l.name))))
            continue;
        if (l.from_context && !l.listed && things.count(l.name)) continue;
        if (l.town && !l.in_place && organisation_keys.count(Gazetteer::key(l.name))) continue;
        // "Munster and Leinster have 12 and 11 players", "we got about
        // Lazio": a region that is a known team's name, found as that team
        // in an article about sport, is the team there, not after "in".
        if (const Organization* team = g.find_organization(l.name); l.town && !l.in_place && about_sport && team &&
                                                                    team->team &&
                                                                    organisation_keys.count(Gazetteer::key(team->name)))
            continue;
        // "Leeds, Bolton and Charlton": sport lists clubs by their towns.
        if (l.listed && (about_sport || organisation_keys.count(Gazetteer::key(l.name)))) continue;
        if (l.club_name_part && about_sport) continue;
        // "a big game against Barcelona", "Liverpool have not won": in an
        // article about sport, a town that is one well-known club's name
        // without its club word (FC Barcelona, Bolton Wanderers) is that
        // club wherever no mention puts it after "in" or names it as where
        // someone is from.
        if (about_team_sport && l.town && l.single_word && !l.in_place &&
            std::find(teams.origins.begin(), teams.origins.end(), l.name) == teams.origins.end() &&
            g.club_of_town(l.name)) {
            if (!std::any_of(out.organizations.begin(), out.organizations.end(),
                             [&](const std::string& o) { return town_of_team(o, g) == l.name; }))
                add_unique(out.organizations, l.name);
            continue;
        }
        if (about_team_sport && l.town && l.single_word && !l.in_place &&
            std::find(teams.origins.begin(), teams.origins.end(), l.name) == teams.origins.end() &&
            names_one_club_of_town(out.organizations, l.name, g))
            continue;
        out.locations.push_back(l.name);
        if (!l.country.empty()) countries.insert(l.country);
    }
    out.countries.assign(countries.begin(), countries.end());
    if (about_team_sport) add_clubs_named_by_town(tokens, in_organisation, name_words, g, out.organizations);
    out.date_mentions = find_date_mentions(tokens);
    return out;
}

}  // namespace newsdex
