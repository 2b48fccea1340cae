#include "common/entities/person_names.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"
#include "common/entities/cue_words.h"
#include "common/entities/organization_names.h"

namespace newsdex {

namespace {

// Words that make a capitalised run something other than a person: an
// organisation's name words, places, events, works and buildings.
bool is_organisation_word(std::string_view w) {
    static const WordSet kWords{
        "Forces", "News", "House", "Congress", "Government", "Street", "Road", "Square", "Stadium", "Airport", "Cup",
        "Prize", "Award", "Awards", "Festival", "Summit", "Conference", "Games", "Championship", "Open", "Radio", "TV",
        "Television", "Nations", "Plc", "Co", "Co.", "Power", "Labs", "Networks", "Hotel", "Centre", "Equities",
        "Communications", "Electronics", "Software", "Pharmaceuticals", "Insurance", "Financial", "Industries",
        "Solutions", "Ventures", "Brothers", "Mirror", "Daily", "Chronicle", "Chronicles", "Channel", "Lords",
        "Commons", "Chart", "Charts", "Olympic", "Olympics", "Stores", "Park", "Hall", "Theatre", "Museum", "Gallery",
        "Cathedral", "Church", "School", "Hospital", "Hospitals", "Infirmary", "Constabulary", "Exchange", "Prison",
        "Series", "Show", "Magazine", "Marathon", "Indoors", "Championships", "Trophy", "Tournament", "Classic",
        "Rally", "Grand", "Prix", "Masters",
        // elections, awards, wars, districts and venues
        "Election", "Elections", "Globe", "Globes", "Oscars", "Emmy", "Emmys", "Grammy", "Grammys", "Baftas", "Wars",
        "End", "Bridge", "Reserve",
        // treaties: "the General Agreement on Tariffs and Trade" names no "Agreement"
        "Agreement", "Treaty", "Accord", "Accords", "Pact", "Convention", "Protocol",
        // places' own geographic words no surname is ("Kent County" is no
        // person Kent; "Bay", "Lake" and "River" are: Michael Bay)
        "County", "Province", "Valley", "Peninsula", "Island", "Islands", "Gulf", "Strait", "Archipelago", "Canal",
        "Ocean", "Desert", "Plateau", "Basin",
        // undertakings and channels named like people ("American Life
        // Project", "Sky Movies": "Life" and "Sky" are given names)
        "Project", "Programme", "Initiative", "Movies", "Films",
        // sports and their grounds ("Australia Rugby", "Melbourne Cricket
        // Ground" after its town: "Cricket" is a given name)
        "Rugby", "Football", "Cricket", "Hockey", "Athletics", "Ground", "Grounds",
        // groups ("Minister for Children, Young People and Families": "Young" is a given name)
        "People"};
    return is_organisation_suffix(w) || kWords.contains(w);
}

// Particles inside names: "Abdel Fattah al-Sisi", "Ingrid van der Berg".
bool is_particle(std::string_view w) {
    if (w.size() > 3) return false;  // none is longer: most words are no particle, without a lookup
    char lowered[3];                 // on the stack: asked of every short word ("the", "of")
    std::transform(w.begin(), w.end(), lowered, ascii_lower);
    const std::string_view l(lowered, w.size());
    static const WordSet kWords{"al", "el",  "bin", "ibn", "van", "der", "den", "de",  "da",
                                "di", "von", "du",  "dos", "del", "la",  "le",  "abu", "ben"};
    return kWords.contains(l);
}

struct Mention {
    std::vector<std::string> words;
    std::size_t position = 0;           // token index
    bool evidence = false;              // title, honorific, given name or reporting verb
    bool anchor = false;                // vouched by a role, honorific, initial or a given name that is no English word
    bool surname_first = false;         // "Wang Xuebing … Mr Wang": the family name comes first
    bool honorific = false;             // right after "Mr", "Ms", "Dr" …
    const char* rule = "";              // what made it a person, for --why
    std::string_view royal_title = {};  // "Prince" of "Prince Charles", kept unless the article gives a fuller name
    bool knighted = false;              // right after "Sir" or "Dame", which take the given name
    // The token after the mention's last word.
    std::size_t end() const { return position + words.size(); }
};

std::string joined(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() || w.starts_with("-") ? "" : " ") + w;
    return s;
}

// Capitalised words inside role names: "Secretary of State", "Prime
// Minister", "Defence Minister", "National Security Advisor".
bool is_role_modifier(std::string_view w) {
    static const WordSet kWords{"State",    "Prime",    "Foreign",     "Defence",  "Defense",    "Home",
                                "Finance",  "Interior", "Health",      "Security", "National",   "Deputy",
                                "Vice",     "Senior",   "Former",      "Acting",   "Opposition", "Labour",
                                "Treasury", "Trade",    "Justice",     "Energy",   "Education",  "Transport",
                                "Economy",  "Culture",  "Environment", "Attorney", "Brigadier",  "Lieutenant",
                                "Major",    "Supreme",  "Grand",       "Crown"};
    return kWords.contains(w);
}

// A name-like token: capitalised, not an acronym (unless an initial "J."),
// not part of a role.
bool name_like(const EntityToken& t) {
    if (!t.capitalized || t.work_title) return false;
    if (t.all_caps && t.text.size() > 2 && t.text.find('.') == std::string::npos) return false;
    // "UP TO", "TO BE", "BY S": short words in capitals are initials ("JK
    // Rowling") unless they are English words, as in a headline in capitals.
    static const WordSet kWords{"TO", "IN", "OF", "ON", "BY", "UP", "BE", "AT", "AS", "IS", "IT", "NO",
                                "SO", "DO", "GO", "IF", "OR", "AN", "WE", "HE", "ME", "MY", "AM", "OK"};
    if (t.all_caps && kWords.contains(t.text)) return false;
    return !is_role(t.text) && !is_honorific(t.text) && !is_role_modifier(t.text);
}

// A particle (or a chain: "van der") that a name word follows.
bool particle_chain_then_name(const std::vector<EntityToken>& tokens, std::size_t j) {
    while (j < tokens.size() && is_particle(tokens[j].text) && !tokens[j].punctuation_before) ++j;
    return j < tokens.size() && name_like(tokens[j]) && !tokens[j].sentence_start && !tokens[j].punctuation_before;
}

// "John Major": a capitalised word of a role's name ("Major
// General", "Home Secretary"), or a title that is a common surname ("King"),
// right after a known given name that opens the
// run, and ending it, is that person's surname; a role's name goes on with
// another capitalised word, and a party's or a body's name ("Labour") is
// no surname.
bool role_word_as_surname(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t j, const Gazetteer& g) {
    // Titles that are common surnames too, right after a given name:
    // "Mervyn King", "Oona King" (a given name that is no English word: not
    // "The Lion King"); "John Constable", "Paule Constable" (any given name:
    // those two are rarer as titles than as surnames). The given name is
    // looked up only before those words: run_end() asks this of every word
    // that is no name's.
    if (j != i + 1) return false;
    const bool strict = is_one_of(tokens[j].text, {"King", "Bishop", "Judge"});
    const bool loose = !strict && is_one_of(tokens[j].text, {"Constable", "Pastor"});
    const bool surname_like_title = (strict && g.given_name_by_key(tokens[i].key) == GivenName::yes) ||
                                    (loose && g.given_name_by_key(tokens[i].key) != GivenName::no);
    if (!(is_role_modifier(tokens[j].text) || surname_like_title) || tokens[j].all_caps ||
        g.given_name_by_key(tokens[i].key) == GivenName::no || g.find_organization_by_key(tokens[i].key) ||
        g.find_organization_by_key(tokens[j].key))  // "Tory Labour", "Kenya National"
        return false;
    const bool goes_on = j + 1 < tokens.size() && tokens[j + 1].capitalized && !tokens[j + 1].sentence_start &&
                         !tokens[j + 1].punctuation_before;
    return !goes_on;
}

// The capitalised run of name words starting at i (particles allowed inside),
// ending at punctuation ("Layla al-Kuwari, Qatar's …"), a sentence end or
// after a possessive: "Connacht's Bernard Jackman" names Bernard Jackman.
// A regnal number ("II", "VIII", "XIV").
bool is_roman_numeral(std::string_view w) {
    return !w.empty() && w.size() <= 5 && w.find_first_not_of("IVX") == std::string_view::npos;
}

// A regnal number after a given name, which name_like() takes for an
// acronym from three letters on: after a name of two words ("Davis Love
// III") or a title and one ("King Edward III", "Pope Pius XII"; "Apollo
// XIII" is a mission).
bool regnal_number_after_given_name(const std::vector<EntityToken>& tokens, std::size_t i, std::size_t j,
                                    const Gazetteer& g) {
    if (j == i || tokens[j].text.size() < 3 || !is_roman_numeral(tokens[j].text)) return false;
    while (i < j && is_sentence_opener(tokens[i].text)) ++i;  // "The Apollo XIII mission"
    if (j - i >= 2) return true;
    return j == i + 1 && g.given_name_by_key(tokens[i].key) != GivenName::no && i > 0 && is_role(tokens[i - 1].text);
}

std::size_t run_end(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    std::size_t j = i;
    while (j < tokens.size()) {
        const EntityToken& t = tokens[j];
        if (j > i && (t.sentence_start || t.punctuation_before || has_possessive(tokens[j - 1].text))) break;
        if (j > i && t.text == "I") break;  // the pronoun ("Do I …", "England I think"), not a surname
        if (name_like(t) || role_word_as_surname(tokens, i, j, g) || regnal_number_after_given_name(tokens, i, j, g)) {
            ++j;
            continue;
        }
        if (is_particle(t.text) && particle_chain_then_name(tokens, j + 1)) {
            ++j;
            continue;
        }
        break;
    }
    return j;
}

// A person's age as news gives it after the name ("Hazel Gilbert, 23,"):
// one or two digits.
bool is_age(std::string_view w) { return !w.empty() && w.size() <= 2 && w[0] != '0' && all_ascii_digits(w); }

// An occupation written with a capital as a sentence's first word
// ("Rapper Eminem was there"); not a relation or a word of praise, which
// open titles there ("Mother Nature", "Wife Swap", "Legend Of …").
bool opens_sentence_as_occupation(const EntityToken& t) {
    if (!t.sentence_start || !t.capitalized) return false;
    const std::string& w = t.key;  // folded once, in lower case
    static const WordSet kNotThere{"daughter", "son",       "wife",       "husband",    "sister",    "brother",
                                   "mother",   "father",    "widow",      "girlfriend", "boyfriend", "legend",
                                   "veteran",  "colleague", "colleagues", "compatriot", "team-mate", "teammate"};
    return is_occupation(w) && !kNotThere.contains(w);
}

// Lower-case nouns for works that name their title next ("the film Vera
// Drake", "shows Doc Martin and …").
bool is_work_noun(std::string_view w) {
    static const WordSet kWords{
        "film",   "films",       "movie",   "movies", "album",        "albums",     "single",    "song",
        "songs",  "show",        "shows",   "series", "sitcom",       "comedy",     "drama",     "musical",
        "play",   "novel",       "book",    "game",   "games",        "soundtrack", "programme", "programmes",
        "opera",  "documentary", "track",   "hit",    "hits",         "novels",     "tracks",    "musicals",
        "dramas", "comedies",    "sitcoms", "operas", "documentaries"};
    return kWords.contains(w);
}

// Lower-case words after a title that say it is a work or a brand, not a
// person ("the Harry Potter games", "the James Bond theme", "Harry Potter
// star Emma Watson").
bool is_work_follower(std::string_view w) {
    static const WordSet kWords{"star",    "stars",  "theme",     "franchise",  "books",    "revival",
                                "trilogy", "sequel", "character", "characters", "premiere", "producers"};
    return is_work_noun(w) || kWords.contains(w);
}

// An inquiry's, a report's or a match's word closing a name ("the Hutton
// Inquiry", "the Gershon Review", "the Lions Test side").
bool names_a_report_or_match(std::string_view w) { return is_one_of(w, {"Inquiry", "Review", "Report", "Test"}); }

// Letters after a name that are no part of it: "Philippe Sands QC",
// "Jane Smith MP", "Sammy Davis Jr".
bool is_post_nominal(std::string_view w) {
    static const WordSet kWords{"QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "MBE", "CBE", "Jr", "Jr.", "Sr", "Sr."};
    return kWords.contains(w);
}

// A noun that a person's name is the subject of, right after the name
// ("the Howard Hughes biopic", "the Bush administration"): an article
// before the name is that noun's.
bool names_its_subject(const std::vector<EntityToken>& t, std::size_t end) {
    static const WordSet kSubjectNouns{"biopic", "biography", "administration", "era",
                                       "trial",  "camp",      "inquest",        "funeral"};
    return end < t.size() && !t[end].capitalized && kSubjectNouns.contains(t[end].text);
}
// Evidence against a person in the words around a capitalised run
// [begin, end), each a reason a reader would give:
// "the Harry Potter games", "the next James Bond": an article before it,
// unless the name is the subject of the noun after it;
bool the_before(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end) {
    if (names_its_subject(t, end)) return false;
    std::size_t k = begin;
    if (k > 0 && is_one_of(t[k - 1].text, {"next", "new", "latest", "first", "last", "third", "second", "original"}))
        --k;
    return k > 0 && t[k - 1].text == "the" && !t[begin].punctuation_before;
}
// "Harry Potter films", "San Andreas sequel": a work's noun after it;
bool work_noun_after(const std::vector<EntityToken>& t, std::size_t end) {
    return end < t.size() && !t[end].capitalized && !t[end].punctuation_before && is_work_follower(t[end].text);
}
// "Bill Gates' eye": a plural's possessive, its apostrophe after the word.
bool plural_possessive_after(const EntityToken& w, std::string_view text) {
    return w.text.ends_with('s') && w.end < text.size() &&
           (text[w.end] == '\'' || text.substr(w.end).starts_with("\xE2\x80\x99"));
}
// "in Million Dollar Baby", "in Beverly Hills": a place or a work is what
// one is in; "in Mr Smith's view", "in Bill Gates' eye" have a possessive
// and are no evidence.
bool in_before(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text) {
    return begin > 0 && t[begin - 1].text == "in" && !t[begin].punctuation_before && !has_possessive(t[end - 1].text) &&
           !plural_possessive_after(t[end - 1], text);
}
// "Grand Theft Auto: San Andreas": a subtitle after a capitalised title.
bool subtitle(const std::vector<EntityToken>& t, std::size_t begin, std::string_view text) {
    return begin > 0 && !text.empty() && t[begin - 1].capitalized &&
           trim(text.substr(t[begin - 1].end, t[begin].begin - t[begin - 1].end)) == ":";
}
// The words around a run that speak for a work, a place or a thing: the
// article's evidence against a person (PersonEvidence::as_thing).
bool thing_context(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text) {
    return the_before(t, begin, end) || work_noun_after(t, end) || in_before(t, begin, end, text) ||
           subtitle(t, begin, text);
}
// "the Will Smith film", "a Frank Lampard penalty": a word in lower case
// right after a name that is no function word is a noun the name qualifies
// (a person's film, a player's penalty).
bool qualifies_word_after(const std::vector<EntityToken>& t, std::size_t end) {
    static const WordSet kFunctionWords{"of",   "and",  "or",    "in",    "on",    "at",    "to",   "for",    "with",
                                        "by",   "from", "as",    "is",    "was",   "are",   "were", "has",    "had",
                                        "have", "will", "would", "can",   "could", "may",   "must", "should", "did",
                                        "does", "do",   "been",  "be",    "that",  "which", "but",  "not",    "also",
                                        "into", "than", "while", "where", "when"};
    return end < t.size() && !t[end].capitalized && !t[end].punctuation_before && !kFunctionWords.contains(t[end].text);
}

// "the Bill Gates, Warren Buffett partnership", "a Jack Straw and Colin
// Powell press conference": a given name after a comma or "and" lists
// people.
bool person_listed_after(const std::vector<EntityToken>& t, std::size_t end, std::string_view text,
                         const Gazetteer& g) {
    std::size_t k = end;
    if (k < t.size() && t[k].text == "and" && !t[k].punctuation_before) ++k;
    else if (k >= t.size() || text.empty() || trim(text.substr(t[k - 1].end, t[k].begin - t[k - 1].end)) != ",")
        return false;
    return k < t.size() && t[k].capitalized && g.given_name_by_key(t[k].key) != GivenName::no;
}

// "a Heath Robinson device", "What a Girl Wants", "The Roman Catholic
// Archbishop": an article before a capitalised run (a capitalised one only
// opening the sentence) makes it a kind of thing; not before a noun the
// person is the subject of ("The Sandy Leitch Review", "the Bill Clinton era").
bool article_before(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end) {
    if (begin == 0 || t[begin].punctuation_before || names_its_subject(t, end) ||
        (end < t.size() && names_a_report_or_match(t[end].text)))
        return false;
    const EntityToken& w = t[begin - 1];
    return w.text == "a" || w.text == "an" || (w.sentence_start && is_one_of(w.text, {"The", "A", "An"}));
}

// "We Will Rock You", "You Said No", "I Will Survive": an article or a
// pronoun capitalised mid-sentence before a capitalised run opens a title.
bool title_word_before(const std::vector<EntityToken>& t, std::size_t begin) {
    if (begin == 0 || t[begin].punctuation_before) return false;
    const EntityToken& w = t[begin - 1];
    return w.capitalized && !w.sentence_start &&
           is_one_of(w.text, {"The", "A", "An", "We", "You", "I", "They", "He", "She", "It", "My", "Your", "Our", "His",
                              "Her", "Their"});
}

// Plural roles that announce a list of names ("singers Ana and Eva",
// "artists such as Ana and Eva", "composers including Ruiz and Berk").
bool is_plural_role(std::string_view w) {
    static const WordSet kWords{"singers",    "artists",    "actors",   "actresses",  "stars",     "musicians",
                                "rappers",    "composers",  "writers",  "presenters", "comedians", "designers",
                                "athletes",   "directors",  "princes",  "princesses", "brothers",  "sisters",
                                "colleagues", "team-mates", "teammates"};
    return kWords.contains(w);
}

bool people_of_words(const std::vector<std::string>& words, const Gazetteer& g) {
    std::string key = Gazetteer::key(joined(words));
    if (g.demonym_by_key(key)) return true;
    return key.ends_with('s') && g.demonym_by_key(key.substr(0, key.size() - 1));
}

// The royal title a plural gives each name it lists ("princes William and
// Harry": "Prince"), or none.
std::string_view royal_title_of_plural(const EntityToken& t) {
    return t.key == "princes" ? "Prince" : t.key == "princesses" ? "Princess" : "";
}

bool announced_as_list(const std::vector<EntityToken>& tokens, std::size_t i) {
    // ("Princes William and Harry" opening a sentence.)
    if (i > 0 && !royal_title_of_plural(tokens[i - 1]).empty() && !tokens[i].punctuation_before) return true;
    if (i == 0 || tokens[i].sentence_start || tokens[i - 1].capitalized) return false;
    if (is_plural_role(tokens[i - 1].text)) return true;
    if (i >= 2 && tokens[i - 1].text == "including" && is_plural_role(tokens[i - 2].text)) return true;
    return i >= 3 && tokens[i - 1].text == "as" && tokens[i - 2].text == "such" && is_plural_role(tokens[i - 3].text);
}

// Evidence before the run: a role or honorific among the few words before it
// ("Secretary of State Antony Blinken", "Israeli Prime Minister Benjamin …").
// A role before a possessive announces the possessor, and what follows is
// the possessor's ("Coach Clive Woodward's Lions squad", "Tony Blair's
// Sedgefield seat", "Climax's Action studio", "FAO's Global Information
// and Early Warning System", "Director Martin Scorsese's The Aviator") when
// it is of two words or more, a plural, a known place, or before a
// lower-case noun; a surname alone stays a person there ("Chelsea boss Jose
// Mourinho's Drogba has been ruled out"). `i`: the word after the possessive.
bool owned_by_possessor(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    const std::size_t end = run_end(tokens, i, g);
    if (end - i >= 2) return true;
    const std::string& w = tokens[i].text;
    if ((w.size() > 3 && w.ends_with('s') && !w.ends_with("ss")) || g.find_place_by_key(tokens[i].key)) return true;
    static const WordSet kNouns{"squad", "side",      "team",  "seat",  "constituency", "studio", "role",
                                "film",  "album",     "plans", "party", "campaign",     "office", "division",
                                "unit",  "programme", "show",  "song",  "system",       "group",  "budget"};
    return end < tokens.size() && !tokens[end].capitalized && !tokens[end].punctuation_before &&
           kNouns.contains(tokens[end].text);
}

// "his first major Test", "a major Nicholls triumph": "major" in lower
// case after an article, a possessive or an ordinal is no rank ("army
// major Ingram", "sergeant major Kowalczyk" are).
bool major_as_adjective(const std::vector<EntityToken>& tokens, std::size_t k) {
    return tokens[k].text == "major" && k > 0 &&
           is_one_of(tokens[k - 1].key, {"a", "an", "the", "his", "her", "its", "their", "our", "first", "second",
                                         "third", "another", "next", "last", "every"});
}

bool announced(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    // "leader of Devon county", "head of Sony", "director of the Victims of
    // Crime Trust": a name right after "of" (and "the") is what the role leads.
    if (i > 0 && tokens[i - 1].text == "of") return false;
    if (i > 1 && tokens[i - 1].text == "the" && tokens[i - 2].text == "of") return false;
    // "chief executive of Hereford Hospitals NHS Trust": nor is one right
    // after a place after "of" (a body of that town).
    if (i > 1 && tokens[i - 2].text == "of" && tokens[i - 1].capitalized && g.find_place_by_key(tokens[i - 1].key))
        return false;
    // "the best actress Oscar", "best director Mike Leigh": an award category, not a title.
    if (i > 1 && is_role(tokens[i - 1].text) && tokens[i - 2].text == "best") return false;
    for (std::size_t k = i, steps = 0; k > 0 && steps < 4; --k, ++steps) {
        // A role ending the sentence before announces nothing ("… as
        // manager. Yet it was …").
        if (tokens[k].sentence_start) return false;
        const EntityToken& t = tokens[k - 1];
        // An honorific stands right before its name ("Lord Falconer"); one
        // further back opens a title ("the Lord of the Rings trilogy").
        if (is_honorific(t.text)) return k == i;
        if (has_possessive(t.text) && owned_by_possessor(tokens, k, g)) return false;
        if (is_role(t.text) && !major_as_adjective(tokens, k - 1)) {
            // "US behemoth General Electric": a role word opening a known
            // body's name that goes on over the run is that body's.
            if (std::string body; t.capitalized && known_organization_at(tokens, k - 1, g, body) > i - (k - 1))
                return false;
            // A capitalised role word inside the name of a thing ("the
            // Criminal Justice Act") after a word that is no role, title
            // word, place or demonym ("US President", "Foreign Minister").
            const bool inside_name = t.capitalized && !takes_a_portfolio(t.text) && k >= 2 &&
                                     !tokens[k - 1].sentence_start && !tokens[k - 1].punctuation_before &&
                                     tokens[k - 2].capitalized && !is_role(tokens[k - 2].text) &&
                                     !is_role_modifier(tokens[k - 2].text) && !is_honorific(tokens[k - 2].text) &&
                                     !g.find_place_by_key(tokens[k - 2].key) && !g.demonym_by_key(tokens[k - 2].key) &&
                                     !tokens[k - 2].all_caps && !has_possessive(tokens[k - 2].text);
            return !inside_name;
        }
        // ("Rapper Eminem was there": a sentence's first word is capitalised.
        // "its sister Xiluodu dam", "the sister Xiluodu dam": a thing's
        // relation announces no person.)
        if (k == i && ((!t.capitalized && is_occupation(t.text) &&
                        !(k >= 2 && is_one_of(tokens[k - 2].key, {"its", "the"}) &&
                          is_one_of(t.text, {"sister", "brother", "mother", "father"}))) ||
                       opens_sentence_as_occupation(t)))
            return true;
        if (!t.capitalized && t.text != "of" && t.text != "the") return false;
    }
    return false;
}

// "Chancellor of the Exchequer Nigel Lawson", "Minister of Agriculture John
// Gummer", "Governor of the Bank of England Eddie George", "Minister for
// Europe Denis MacShane": the words after a role's "of" or "for" name what
// the role leads, and the name starts
// at the given name after them. The first word of a run right after such a
// phrase is the phrase's when a given name that is no country or region
// follows it (a town may share it: "Nigel") and it is none itself (places
// named like people, "England", are weak ones): "head of Sony Computer
// Entertainment", "captain of the Great Britain team" and "director, of CB
// Richard Ellis" keep their runs.
bool ends_role_phrase(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end, const Gazetteer& g) {
    if (end - begin < 3 || tokens[begin].sentence_start || tokens[begin + 1].hyphen_before ||
        g.given_name_by_key(tokens[begin].key) == GivenName::yes)
        return false;
    const Place* place = g.find_place_by_key(tokens[begin + 1].key);
    if (g.given_name_by_key(tokens[begin + 1].key) == GivenName::no || (place && place->kind != PlaceKind::city))
        return false;
    if (!is_one_of(tokens[begin - 1].text, {"of", "the", "for", "and"})) return false;
    // Back over "of" or "for", "the", and the capitalised words of the
    // phrase (a list of them: "Minister for Children, Young People and
    // Families Margaret Hodge") to its role.
    bool of = false;
    for (std::size_t k = begin; k > 0 && begin - k < 8 && !tokens[k].sentence_start &&
                                (!tokens[k].punctuation_before || (k < begin && tokens[k].capitalized));
         --k) {
        const EntityToken& t = tokens[k - 1];
        if (of && is_role(t.text)) return true;
        if (t.text == "of" || t.text == "for") of = true;
        else if (t.text != "the" && t.text != "and" && !t.capitalized) return false;
    }
    return false;
}

// "Nick Davies, spokesman for the IAAF", "Tony Hale, the club's
// chairman", "Flic Everett, journalist and dating expert", "Hazel Gilbert,
// 23, an information manager": a role or an occupation in lower case, or an
// age, set off by commas after a name (an appositive) says who the name is,
// as a reporting verb does.
bool role_after_comma(const std::vector<EntityToken>& tokens, std::size_t end) {
    if (end >= tokens.size() || !tokens[end].punctuation_before || tokens[end].sentence_start) return false;
    std::size_t k = end;
    if (is_one_of(tokens[k].text, {"the", "a", "an"}) && k + 1 < tokens.size()) ++k;
    // (A role before a full name announces that name: "Casino Royale,
    // author Ian Fleming's first novel"; "chief US economist" is still a
    // role, and "director General Motors" names a body.)
    if (!tokens[k].capitalized && (is_role(tokens[k].text) || is_occupation(tokens[k].text)))
        return k + 2 >= tokens.size() || !tokens[k + 1].capitalized || !tokens[k + 2].capitalized ||
               tokens[k + 1].punctuation_before || tokens[k + 2].punctuation_before ||
               is_organisation_word(tokens[k + 2].text);
    // (An age is followed by a comma and words in lower case: not "40,000",
    // "7/2", "15, Main Street".)
    return k == end && k + 1 < tokens.size() && is_age(tokens[k].text) && tokens[k + 1].punctuation_before &&
           !tokens[k + 1].sentence_start && !tokens[k + 1].capitalized && !tokens[k + 1].text.empty() &&
           std::isalpha(static_cast<unsigned char>(tokens[k + 1].text[0]));
}

// "Hayao Miyazaki's previous film", "Ana Ruiz's debut album": a film,
// album, book or play after a name's possessive (and a word or two that
// says which) is the person's work. (Shows and games are firms' as often:
// "Sony Pictures' new series".)
bool authors_work(const std::vector<EntityToken>& tokens, std::size_t end) {
    if (end == 0 || end >= tokens.size() || !has_possessive(tokens[end - 1].text)) return false;
    static const WordSet kWhich{"new",   "latest", "last",  "previous",    "debut",    "first",    "second",
                                "third", "next",   "final", "forthcoming", "upcoming", "acclaimed"};
    static const WordSet kWorks{"film", "films", "movie", "movies", "album",  "albums", "novel", "novels",
                                "book", "books", "play",  "plays",  "single", "song",   "songs", "documentary"};
    for (std::size_t k = end; k < tokens.size() && k < end + 3; ++k) {
        const EntityToken& t = tokens[k];
        if (t.capitalized || (k > end && t.punctuation_before)) return false;
        if (kWorks.contains(t.text)) return true;
        if (!kWhich.contains(t.text)) return false;
    }
    return false;
}

bool reported(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end) {
    if (end < tokens.size() && is_reporting_verb(tokens[end].text)) return true;
    if (role_after_comma(tokens, end)) return true;
    return begin > 0 && is_reporting_verb(tokens[begin - 1].text) && !tokens[begin].sentence_start;
}

// "JK Rowling", "KP Robertson": two initials written together, when they are
// no known acronym ("BT", "EU") or place ("UK").
bool is_double_initial(const EntityToken& t, const Gazetteer& g) {
    const std::string_view w = t.text;
    return w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' &&
           !g.find_organization_by_key(t.key) && !g.find_place_by_key(t.key);
}

// "A Jones (Ospreys)", "…, I Gough (Ospreys)": in a team sheet the words "A"
// and "I" are initials, not an article or a pronoun. So they are in a list
// of initialled names ("R Hale, I Gough, T Vance"; "D Peel; A Jones."): the
// item before or after, across a comma or semicolon, is an initial and a name.
bool team_sheet_initial(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                        std::string_view text) {
    if (end - begin < 2 || (tokens[begin].text != "A" && tokens[begin].text != "I")) return false;
    const std::size_t after = tokens[end - 1].end;
    if (after + 1 < text.size() && text.compare(after, 2, " (") == 0) return true;
    if (text.empty()) return false;
    auto list_gap = [&](std::size_t k) {  // between tokens k-1 and k
        const std::string_view gap = trim(text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end));
        return gap == "," || gap == ";";
    };
    auto initialled = [&](std::size_t k) {  // tokens k, k+1: "R Hale"
        return k + 1 < tokens.size() && is_initial(tokens[k]) && tokens[k].text != "A" && tokens[k].text != "I" &&
               tokens[k + 1].capitalized && !tokens[k + 1].punctuation_before;
    };
    return (begin >= 2 && list_gap(begin) && initialled(begin - 2)) ||
           (end + 1 < tokens.size() && list_gap(end) && initialled(end));
}

// The surname appears again outside the run ("Tony Blair … Mr Blair"): a
// second, separate mention confirms a name that opens on an ordinary word.
// The same run repeated ("the Nairobi City Marathon" twice) is no evidence.
bool surname_recurs(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end) {
    if (end - begin < 2) return false;
    const std::string& surname = tokens[end - 1].key;
    const std::string& before = tokens[end - 2].key;
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if ((k < begin || k >= end) && tokens[k].capitalized && tokens[k].key == surname &&
            (k == 0 || tokens[k - 1].key != before))
            return true;
    return false;
}

std::string word_text(const EntityToken& t);

// "Ethiopia's Tirunesh Dibaba … Dibaba won": two capitalised words after a
// country's possessive, the second named again on its own, are a person
// (sport and world news name people by their country), whatever the given
// name; "China's Three Gorges" names no one again.
bool nations_athlete(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end, const Gazetteer& g) {
    if (end - begin != 2 || begin == 0 || !has_possessive(tokens[begin - 1].text) || tokens[begin].punctuation_before)
        return false;
    const Place* nation = g.find_place_by_key(tokens[begin - 1].key);
    return nation && nation->kind == PlaceKind::country && surname_recurs(tokens, begin, end) &&
           !g.find_place_by_key(tokens[begin].key) && !g.find_organization_by_key(tokens[begin].key);
}

// "Jordan Henderson", "Georgia Smith": a place name that is also a given
// name may open a person's name when a surname-like word follows: not a
// country or region, and not after a possessive ("Germany's Felix Muller");
// a team's letter after a nation is no initial ("England A beat France
// A": the nations' second sides; "Mary J Blige", "Georgia M Davis" are
// persons).
bool place_as_given_name(const std::vector<EntityToken>& tokens, std::size_t begin, const Gazetteer& g) {
    if (begin + 1 >= tokens.size() || tokens[begin + 1].hyphen_before || tokens[begin + 1].punctuation_before)
        return false;
    if (g.given_name_by_key(tokens[begin].key) == GivenName::no) return false;
    if (const Place* place = g.find_place_by_key(tokens[begin].key);
        place && place->kind != PlaceKind::city && is_one_of(tokens[begin + 1].text, {"A", "B"}))
        return false;
    if (word_text(tokens[begin]) != tokens[begin].text) return false;  // "Germany's"
    const Place* next = g.find_place_by_key(tokens[begin + 1].key);    // "Henderson" is a town too
    return !next || next->kind == PlaceKind::city;
}

// "Bristol West", "Cardiff Central": a compass word after a place named
// like a given name names a part of the place (a constituency), unless a
// role, an honorific or a reporting verb vouches for a person ("presenter
// Jordan North said", "Victoria West said").
bool part_of_a_place(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end, const Gazetteer& g) {
    return begin + 1 < end && is_one_of(tokens[begin + 1].text, {"North", "South", "East", "West", "Central"}) &&
           !(begin > 0 && is_honorific(tokens[begin - 1].text)) && !announced(tokens, begin, g) &&
           !reported(tokens, begin, end);
}

// The word as part of a name: possessive dropped ("Blinken's", "Blinken’s").
std::string word_text(const EntityToken& t) {
    std::string w = t.text;
    for (const char* suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"})
        if (w.size() > std::string_view(suffix).size() + 1 && w.ends_with(suffix)) {
            w.resize(w.size() - std::string_view(suffix).size());
            break;
        }
    return (t.hyphen_before ? "-" : "") + w;
}

bool number_word(std::string_view w) { return w.size() <= 3 && all_ascii_digits(w); }

bool same_word(const std::string& a, const std::string& b) { return equal_ignoring_ascii_case(a, b); }

bool initial_of(const std::string& initial, const std::string& given) {
    return (initial.size() == 1 || (initial.size() == 2 && initial[1] == '.')) && !given.empty() &&
           given.front() == initial.front() && given.size() > 2;
}

// A name no lexicon vouches for ("Girvan Dempsey", "Pervez Musharraf") is a
// person when the article names them again in a way that only a person is
// named: by initial ("G Dempsey") or by surname with a title or honorific
// ("President Musharraf", "Mr Abbasi").
void confirm_by_later_mentions(const std::vector<Mention>& unvouched, std::vector<Mention>& full,
                               const std::vector<Mention>& single) {
    for (const auto& u : unvouched) {
        const std::string& surname = u.words.back();
        const bool confirmed =
            std::any_of(single.begin(), single.end(),
                        [&](const Mention& s) { return s.evidence && same_word(s.words[0], surname); }) ||
            std::any_of(full.begin(), full.end(), [&](const Mention& f) {
                return f.words.size() == 2 && same_word(f.words[1], surname) && initial_of(f.words[0], u.words[0]);
            });
        if (confirmed) {
            full.push_back(u);
            full.back().rule = "named again later by initial, or by surname after a title or honorific";
            continue;
        }
        // Family name first ("Wang Xuebing … Mr Wang", "Park Ji-sung … Mr
        // Park"): a surname after an honorific that is the first word of a
        // two-word name.
        const bool family_first = u.words.size() == 2 &&
                                  std::any_of(single.begin(), single.end(), [&](const Mention& s) {
                                      return s.honorific && same_word(s.words[0], u.words[0]);
                                  });
        if (family_first) {
            full.push_back(u);
            full.back().surname_first = true;
            full.back().rule = "family name first, named again after an honorific (Mr Wang)";
        }
    }
}

// '"It is high," said Shigeo Tanaka. He added …', "explains Shigeo Morioka
// of the International Longevity Centre": a name no lexicon vouches for,
// right after a reporting verb, is a person when a personal pronoun follows it
// before the next sentence ends, or when "of the" and a body's capitalised
// name follow it after the verb (firms are reported too, "Merrill Lynch
// said", but take "it" and no affiliation).
void confirm_by_pronoun(const std::vector<EntityToken>& tokens, const std::vector<Mention>& unvouched,
                        std::vector<Mention>& full) {
    for (const auto& u : unvouched) {
        const std::size_t begin = u.position, end = begin + u.words.size();
        // (Only after the verb: "Victims and Citizens Against Crime said he
        // should" is a body before it, with someone else's pronoun.)
        // ("Emily Bronte wrote Wuthering Heights when she was 28": "wrote"
        // and "told" take an object, and the pronoun is the subject's.)
        if (begin == 0 || !is_reporting_verb(tokens[begin - 1].text) ||
            is_one_of(tokens[begin - 1].text, {"wrote", "told"}) || tokens[begin].sentence_start ||
            std::any_of(full.begin(), full.end(), [&](const Mention& f) { return f.position == begin; }))
            continue;
        bool pronoun = false;
        int sentence_ends = 0;
        for (std::size_t k = end; k < tokens.size() && !pronoun; ++k) {
            if (tokens[k].sentence_start && ++sentence_ends > 1) break;
            pronoun = is_one_of(tokens[k].text, {"he", "she", "He", "She"});
        }
        const bool affiliation = end + 2 < tokens.size() && tokens[end].text == "of" &&
                                 !tokens[end].punctuation_before && tokens[end + 1].text == "the" &&
                                 tokens[end + 2].capitalized;
        if (!pronoun && !affiliation) continue;
        full.push_back(u);
        full.back().rule = pronoun
                               ? "a name by a reporting verb that a personal pronoun follows (…, said Ana Lind. She …)"
                               : "a name after a reporting verb, then the body it speaks for (explains Ana Lind of "
                                 "the …)";
    }
}

// "Also on Christmas Day, John Nettles will return": a feast's or a day's
// name before a comma is no item of a list of people.
bool names_a_day(const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return is_one_of(w, {"Day", "Eve", "Christmas", "Easter", "Year"});
    });
}

// "Director of Public Prosecutions, Ken Macdonald": what a role leads
// (after the role's "of") is no item of a list of people.
bool led_by_role(const std::vector<EntityToken>& tokens, std::size_t i) {
    return i >= 2 && tokens[i - 1].text == "of" && is_role(tokens[i - 2].text);
}

// "Spike Lee, Burt Reynolds and Alan Alda": a two-word name no lexicon
// vouches for, listed beside a person's full name (across a comma, "and" or
// "&", in one sentence), is a person too. The neighbour must be vouched by a
// role, an honorific, an initial or a given name that is no English word
// ("Come Tomorrow and Sha La La" are songs); the list is followed both ways,
// so one such name confirms its whole list.
void confirm_by_listing(const std::vector<EntityToken>& tokens, std::string_view text, std::vector<Mention>& unvouched,
                        std::vector<Mention>& listed_only, std::vector<Mention>& full) {
    auto beside = [&](const Mention& a, const Mention& b) {  // a, then b
        const std::size_t e = a.end();
        if (b.position >= tokens.size() || tokens[b.position].sentence_start) return false;
        if (b.position == e) {
            if (!tokens[e].punctuation_before) return false;
            return text.empty() || trim(text.substr(tokens[e - 1].end, tokens[e].begin - tokens[e - 1].end)) == ",";
        }
        return b.position == e + 1 && (tokens[e].text == "and" || tokens[e].text == "&") &&
               !tokens[e].punctuation_before && !tokens[b.position].punctuation_before;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (auto* pool : {&unvouched, &listed_only})
            for (auto it = pool->begin(); it != pool->end();) {
                const bool listed = it->words.size() == 2 && !has_possessive(tokens[it->end() - 1].text) &&
                                    !names_a_day(it->words) && !led_by_role(tokens, it->position) &&
                                    std::any_of(full.begin(), full.end(), [&](const Mention& f) {
                                        return f.anchor && f.words.size() >= 2 && (beside(f, *it) || beside(*it, f));
                                    });
                if (!listed) {
                    ++it;
                    continue;
                }
                full.push_back(*it);
                full.back().anchor = true;
                full.back().rule = "listed beside a person's full name (Spike Lee, Burt Reynolds and …)";
                it = pool->erase(it);
                changed = true;
            }
    }
}

// The end of a player's name of one to three words from token k (k when
// none): capitalised words, and a particle inside ("van der Walt").
std::size_t player_name_end(const std::vector<EntityToken>& t, std::size_t k) {
    std::size_t e = k;
    while (e < t.size() && e - k < 3 && (e == k || !t[e].punctuation_before) &&
           (t[e].capitalized || (is_particle(t[e].text) && e + 1 < t.size() && !t[e + 1].punctuation_before)))
        ++e;
    while (e > k && !t[e - 1].capitalized) --e;  // a name never ends on a particle
    return e;
}

// A football line-up: "Rovers: Kell, Amis, Dorr (Pike 70), Sand, …; Subs
// Not Used: Vale, Lutz." After a colon, a list of at least six players'
// names (one to three capitalised words each, a substitute and his minute
// in brackets) separated by commas, up to a full stop; after "Used:",
// "Booked:", "Goals:" or "Subs:" any such list; a rugby union sheet parts
// its positions with semicolons and marks its captain "(capt)". Every item is a player,
// even when the word is also a place or an English word ("Given", "Poole").
// Returns the item ranges [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> line_up_names(const std::vector<EntityToken>& t, std::string_view text,
                                                               const Gazetteer& g) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (text.empty()) return out;
    for (std::size_t i = 1; i < t.size(); ++i) {
        const std::string_view colon = text.substr(t[i - 1].end, t[i].begin - t[i - 1].end);
        if (colon == " ") continue;  // most words: neither a colon nor a line's end before them
        // A paragraph that is nothing but the list (scraped reports drop the
        // "Rovers:" label): it must run to a full stop that ends the line.
        const bool paragraph = colon.find('\n') != std::string_view::npos && t[i].capitalized;
        // "Subs not used:", "Not used:" end on a lower-case label word.
        if (!paragraph && (trim(colon) != ":" || !(t[i - 1].capitalized || t[i - 1].text == "used"))) continue;
        const bool labelled = !paragraph && is_one_of(t[i - 1].text, {"Used", "used", "Booked", "Goals", "Subs",
                                                                      "Scorers", "Substitutes", "Replacements"});
        bool ends_line = false;
        std::vector<std::pair<std::size_t, std::size_t>> items;
        std::size_t k = i;
        bool ok = true;
        while (k < t.size() && ok) {
            std::size_t e = player_name_end(t, k);
            if (e == k || (e < t.size() && t[e].capitalized && !t[e].punctuation_before)) {
                ok = false;
                break;
            }
            items.emplace_back(k, e);
            // "Everitt for Mapletoft (53)": a replacement and the player he
            // replaced, both items.
            if (e + 1 < t.size() && t[e].text == "for" && !t[e].punctuation_before && !t[e + 1].punctuation_before) {
                const std::size_t replaced = player_name_end(t, e + 1);
                if (replaced == e + 1) {
                    ok = false;
                    break;
                }
                items.emplace_back(e + 1, replaced);
                e = replaced;
            }
            while (e < t.size() && !t[e].capitalized && !t[e].punctuation_before && number_word(t[e].text))
                ++e;  // "Bowyer 35"
            // "Mapletoft (53)": a minute alone in brackets.
            if (e + 1 < t.size() && number_word(t[e].text) &&
                trim(text.substr(t[e - 1].end, t[e].begin - t[e - 1].end)) == "(")
                ++e;
            // A rugby sheet marks its captain: "Palmer (capt), Morgan",
            // "O'Connell, capt, S Easterby". The mark is no item.
            if (e < t.size() && t[e].text == "capt" && t[e].punctuation_before) ++e;
            const std::string_view rest = text.substr(t[e - 1].end,
                                                      (e < t.size() ? t[e].begin : text.size()) - t[e - 1].end);
            const std::string_view gap = trim(rest);
            if (e >= t.size()) {
                ends_line = gap == "." || gap == ").";
                break;
            }
            if (number_word(t[e].text)) {  // "(Jenas 77)" ends on a minute
                ok = false;
                break;
            }
            // A rugby union sheet parts its positions with semicolons
            // ("Balshaw; Rees, Christophers, Bell, Doherty; McMullen, …").
            if (gap == "," || gap == "(" || gap == "), " || gap == ")," || gap == ", (" || gap == "/" || gap == ";" ||
                gap == ");")
                k = e;
            else {                                 // a full stop, a colon: the list ends
                if (gap == ":") items.pop_back();  // "…; Subs Not Used:" is the next list's label
                // The full stop ends the line, whatever the next line opens
                // on (": Sheahan, Horan, …", the replacements' list).
                const std::size_t nl = rest.find('\n');
                const std::string_view stop = trim(rest.substr(0, nl));
                // "…, Gillespie. Subs Not Used: Orr, Brown.": the substitutes'
                // label may follow on the line.
                ends_line = (stop == "." || stop == ").") &&
                            (nl != std::string_view::npos || is_one_of(t[e].text, {"Subs", "Substitutes"}));
                break;
            }
        }
        // A paragraph list needs four names and nothing after it on its line.
        if (paragraph && (!ends_line || items.size() < 4)) continue;
        // "Pool B: Fiji, Samoa, Tonga …" lists nations, not players; one
        // player's name that is also a country's ("Subs Not Used: Macken,
        // Weaver, Onuoha, Jordan.") does not make the list one of nations.
        // A squad names each player's club in brackets ("Coyne (Burnley),
        // Jones (Wolves)"): one such club makes it no line-up.
        const auto known = [&](const std::pair<std::size_t, std::size_t>& r) {
            std::string key;
            for (std::size_t j = r.first; j < r.second; ++j) key += (j > r.first ? " " : "") + t[j].key;
            const Place* p = g.find_place_by_key(key);
            return (p && p->kind != PlaceKind::city) || g.find_organization_by_key(key);
        };
        // (A club alone in its brackets: "Barton (Jordan 70)" is a substitute.)
        const auto bracketed = [&](const std::pair<std::size_t, std::size_t>& r) {
            const std::size_t after = t[r.second - 1].end;
            return r.first > 0 &&
                   text.substr(t[r.first - 1].end, t[r.first].begin - t[r.first - 1].end).find('(') !=
                       std::string_view::npos &&
                   after < text.size() && text[after] == ')';
        };
        const auto known_items = std::count_if(items.begin(), items.end(), known);
        const bool nations = 2 * static_cast<std::size_t>(known_items) >= items.size() ||
                             std::any_of(items.begin(), items.end(),
                                         [&](const auto& r) { return bracketed(r) && known(r); });
        if (!ok || nations || items.size() < (labelled ? 1u : paragraph ? 4u : 6u)) continue;
        out.insert(out.end(), items.begin(), items.end());
        i = items.back().second - 1;  // the loop steps on to the word after the list: a list may follow
    }
    return out;
}

}  // namespace

namespace {

// How many words at the start of a capitalised run name a well-known
// organisation of two words or more ("EMI Music", "Time Warner"); 0 if none.
// Without this a role phrase before it ("chief executive of EMI Music")
// takes the first words as part of the role and leaves the last one as a
// person. One-word names ("Ford") stay possible surnames.
std::size_t known_organization_words(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                                     const Gazetteer& g) {
    if (end - begin < 2) return 0;  // most runs: no look-up
    std::string name;
    // ("Director General of the British Chambers of Commerce": a name that
    // goes on past the run's end over "of" takes the whole run.)
    const std::size_t n = known_organization_at(tokens, begin, g, name);
    return n >= 2 ? std::min(n, end - begin) : 0;
}

// A run straight after a well-known organisation's name, in the same
// phrase: "EMI Music", "Sony Pictures" name a part of it, not a person.
bool continues_known_organization(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& g) {
    if (i == 0 || tokens[i].sentence_start || tokens[i].punctuation_before || tokens[i].hyphen_before) return false;
    std::string name;
    for (std::size_t start = i; start-- > 0 && i - start <= 3;) {
        if (known_organization_at(tokens, start, g, name) == i - start) return true;
        if (tokens[start].sentence_start || tokens[start].punctuation_before) break;
    }
    return false;
}

}  // namespace

// A headline capitalises words for emphasis ("Dogged Federer claims Dubai
// crown", "Blair Labour's longest-serving PM", "Bristol City 2-1 Milton
// Keynes"): a name of two words or more that only the headline gives is a
// person when the body names its surname alone as a person's ("Mr Blair",
// "Blair said") and no fuller name with that word ("Roger Federer"). A headline with no body below it
// keeps its names.
void drop_names_only_in_headline(std::vector<Mention>& full, const std::vector<Mention>& single,
                                 const std::vector<EntityToken>& tokens) {
    const auto in_body = [&](const Mention& m) { return !tokens[m.position].in_headline; };
    if (std::all_of(tokens.begin(), tokens.end(), [](const EntityToken& t) { return t.in_headline; })) return;
    const auto has_word = [](const Mention& m, const std::string& w) {
        return std::any_of(m.words.begin(), m.words.end(), [&](const std::string& x) { return same_word(x, w); });
    };
    std::vector<Mention> body_full;
    std::copy_if(full.begin(), full.end(), std::back_inserter(body_full), in_body);
    std::erase_if(full, [&](const Mention& h) {
        if (in_body(h)) return false;
        const auto same_name = [&](const Mention& f) {
            return f.words.size() == h.words.size() &&
                   std::equal(f.words.begin(), f.words.end(), h.words.begin(), same_word);
        };
        if (std::any_of(body_full.begin(), body_full.end(), same_name)) return false;
        const std::string& surname = h.surname_first ? h.words.front() : h.words.back();
        const bool fuller_in_body = std::any_of(body_full.begin(), body_full.end(),
                                                [&](const Mention& f) { return has_word(f, surname); });
        const bool surname_alone = std::any_of(single.begin(), single.end(), [&](const Mention& s) {
            return in_body(s) && same_word(s.words[0], surname) &&
                   (s.evidence || reported(tokens, s.position, s.position + 1));
        });
        return fuller_in_body || !surname_alone;
    });
}

// "the ambassador of Saudi Arabia said", "the envoy of the United Arab
// Emirates": a run of two or three words that is a known place is the
// place, no name after a demonym or another word the rules below drop.
bool known_place_run(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end, const Gazetteer& g) {
    if (end - begin < 2 || end - begin > 3) return false;
    std::string key = tokens[begin].key;
    for (std::size_t k = begin + 1; k < end; ++k) key.append(" ").append(tokens[k].key);
    return g.find_place_by_key(key) != nullptr;
}

// "Bryce Canyon National Park": a run before "National Park" is a park's
// name, no person ("Tony Blair's National Park plans" still names him).
bool opens_park_name(const std::vector<EntityToken>& tokens, std::size_t end) {
    return end + 1 < tokens.size() && !has_possessive(tokens[end - 1].text) && tokens[end].text == "National" &&
           !tokens[end].punctuation_before && word_text(tokens[end + 1]) == "Park";
}

// "his wife Sandra", "her father, Murray": a relation right before the
// name, or before a comma and it.
bool after_relation(const std::vector<EntityToken>& tokens, std::size_t begin) {
    return begin > 0 && is_relation(tokens[begin - 1].text) && !tokens[begin].sentence_start;
}

// A monarch's title right before one word, as before a royal's given name
// ("Prince Charles", "Queen Victoria", "Crown Princess Mary", "King
// Abdullah of Jordan"); not after "the": "the Queen Mary liner", "the Queen
// Phoenix is rising" name a ship and a band.
bool royal_title_before(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end) {
    return begin > 0 && end - begin == 1 && !tokens[begin].punctuation_before &&
           is_monarch_title(tokens[begin - 1].text) && (begin < 2 || tokens[begin - 2].key != "the");
}

// A place's one word right after a title that names its holder: a peer's
// ("Lord Liverpool", "Baroness Scotland"), another honorific's when a
// reporting verb follows or the word recurs ("Mr Kent said"; "a hit with Ms
// Jackson" is a song's title), a monarch's when it is a given name ("Queen
// Victoria").
bool place_word_names_holder(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                             GivenName given) {
    if (begin == 0 || end - begin != 1 || tokens[begin].punctuation_before) return false;
    const std::string& title = tokens[begin - 1].text;
    if (is_monarch_title(title)) return royal_title_before(tokens, begin, end) && given != GivenName::no;
    return is_honorific(title) &&
           (is_title_of_place(title) || reported(tokens, begin, end) || surname_recurs(tokens, begin, end));
}

// "Tory Michael Howard", "Blairite Alan Milburn": a party's one-word name
// or a follower's adjective ("-ite") before a full name that opens on a
// known given name is what the person belongs to, no part of the name.
bool faction_before_name(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                         const Gazetteer& g) {
    if (end - begin < 3 || g.given_name_by_key(tokens[begin + 1].key) != GivenName::yes) return false;
    const std::string& w = tokens[begin].key;
    return (w.size() > 5 && w.ends_with("ite") && g.given_name_by_key(w) == GivenName::no) ||
           g.find_organization_by_key(w) != nullptr;
}

// Is the first word of the capitalised run [begin, end) no part of a
// person's name? Sentence openers, places and demonyms ("Egyptian President
// …" is handled by roles); a sentence's first word before a given name
// ("Yesterday Benjamin Okafor"); a compound's tail, which goes with its head
// outside the name ("the Secretary-General's office", "Newcastle-upon-Tyne
// Central", "me-and-Zoe-Gate"; "Mr al-Amin" keeps its particle, and a prefix
// cuts no head: "ex-Spice Girl Geri Halliwell"); a firm's initial after an
// ampersand ("P&O Cruises", "AT&T Wireless").
bool first_word_outside_name(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                             std::string_view text, const Gazetteer& g) {
    const EntityToken& t = tokens[begin];
    if (t.begin > 0 && t.begin <= text.size() && text[t.begin - 1] == '&') return true;
    if (t.hyphen_before && begin > 0 &&
        (tokens[begin - 1].capitalized || (tokens[begin - 1].hyphen_before && !is_particle(tokens[begin - 1].text))))
        return true;
    if ((end - begin >= 2 && (opens_sentence_as_occupation(t) || !royal_title_of_plural(t).empty())) ||
        (is_sentence_opener(t.text) && !team_sheet_initial(tokens, begin, end, text)) || g.demonym_by_key(t.key) ||
        is_era_adjective(t.text))
        return true;
    if (g.find_place_by_key(t.key) && end - begin > 1 && !tokens[begin + 1].hyphen_before &&
        (!place_as_given_name(tokens, begin, g) || part_of_a_place(tokens, begin, end, g)))
        return true;
    if (t.sentence_start && end - begin > 2 && g.given_name_by_key(t.key) == GivenName::no &&
        g.given_name_by_key(tokens[begin + 1].key) == GivenName::yes)
        return true;
    return (begin > 0 && ends_role_phrase(tokens, begin, end, g)) || faction_before_name(tokens, begin, end, g);
}

// "the Guildford Four", "the Maguire Seven", "the Big Three": a name ending
// on a capitalised number names a group of people, no person (and its
// place, "Guildford", no surname).
bool names_a_group(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end) {
    static const WordSet kWords{"Two",   "Three", "Four", "Five",   "Six",   "Seven",
                                "Eight", "Nine",  "Ten",  "Eleven", "Twelve"};
    return end - begin >= 2 && kWords.contains(tokens[end - 1].text);
}

std::vector<std::string> find_persons(const std::vector<EntityToken>& tokens, const Gazetteer& g, std::string_view text,
                                      std::map<std::string, PersonEvidence>* evidence, EvidenceMap* why) {
    std::vector<Mention> full, single, unvouched, listed_only;
    std::size_t list_end = 0;       // the end of the last name a plural role announced
    std::string_view list_title;    // the royal title that role gives its names ("princes": "Prince")
    std::size_t work_list_end = 0;  // the end of the last title a work's noun announced
    const auto line_up = line_up_names(tokens, text, g);
    std::size_t next_player = 0;
    for (std::size_t i = 0; i < tokens.size();) {
        while (next_player < line_up.size() && line_up[next_player].first < i) ++next_player;
        if (next_player < line_up.size() && line_up[next_player].first == i) {
            const auto [b, e] = line_up[next_player];
            std::vector<std::string> words;
            for (std::size_t k = b; k < e; ++k) words.push_back(word_text(tokens[k]));
            (words.size() == 1 ? single : full).push_back(Mention{words, b, true});
            (words.size() == 1 ? single : full).back().rule = "a player in a team line-up (Rovers: Kell, Amis, …)";
            i = e;
            continue;
        }
        const std::size_t next = run_end(tokens, i, g);
        if (next == i) {
            ++i;
            continue;
        }
        // "chief executive of Time Warner (Ana Ruiz)": a well-known
        // organisation's name of two words or more opening the run is no
        // part of a person's; "EMI Music": nor is one word right after a
        // well-known organisation's name (its division).
        const std::size_t organisation = known_organization_words(tokens, i, next, g);
        if (i + organisation == next || (next - i == 1 && continues_known_organization(tokens, i, g))) {
            i = next;
            continue;
        }
        std::size_t begin = i + organisation, end = next;
        // "New Yorker William Trowbridge", "South African Ana Ruiz": a
        // people's name of two words opening the run is no part of the name.
        if (end - begin > 2 && g.demonym_by_key(tokens[begin].key + " " + tokens[begin + 1].key)) begin += 2;
        // "the Oscar-nominated film", "a Labour-run council": one word that
        // heads a compound adjective is an award, a party or a place.
        if (end - begin == 1 && end < tokens.size() && tokens[end].hyphen_before && !tokens[end].capitalized) {
            i = next;
            continue;
        }
        while (end - begin >= 2 && is_post_nominal(tokens[end - 1].text)) --end;
        // "The Shane Warne Test record", "the Tony Blair Review": a full
        // name before a match's or a report's word is the person's.
        if (end - begin >= 3 && names_a_report_or_match(tokens[end - 1].text) &&
            g.given_name_by_key(tokens[end - 3].key) != GivenName::no)
            --end;
        if (known_place_run(tokens, begin, end, g)) {
            i = next;
            continue;
        }
        while (begin < end && first_word_outside_name(tokens, begin, end, text, g)) ++begin;
        // "the Tampa Bay Buccaneers": a place's feature after the place left
        // out above is no given name ("Michael Bay" opens on one).
        const bool place_feature = begin > i && begin < end && g.find_place_by_key(tokens[begin - 1].key) &&
                                   is_one_of(tokens[begin].text, {"Bay", "Lake", "River", "Beach", "Harbour", "Falls"});
        // ("Jim Courier", "Nicky Wire": a paper's word after a given name is a surname.)
        const bool org =
            place_feature || opens_park_name(tokens, end) ||
            (std::any_of(tokens.begin() + static_cast<long>(begin), tokens.begin() + static_cast<long>(end),
                         [](const EntityToken& t) {  // "Naniwa Power's president"
                             return is_organisation_word(t.text) ||
                                    (has_possessive(t.text) && is_organisation_word(word_text(t)));
                         }) &&
             !persons_name_like_a_papers(tokens, begin, end, g));
        std::vector<std::string> words;
        for (std::size_t k = begin; k < end; ++k) words.push_back(word_text(tokens[k]));
        if (!org && !names_a_group(tokens, begin, end) && !words.empty()) {
            // The next item of a list whose last item ended at `last_end`.
            const auto next_item = [&](std::size_t last_end) {
                return last_end && !tokens[begin].sentence_start &&
                       ((begin == last_end + 1 && tokens[last_end].text == "and") ||
                        (begin == last_end && tokens[begin].punctuation_before && !text.empty() &&
                         trim(text.substr(tokens[begin - 1].end, tokens[begin].begin - tokens[begin - 1].end)) == ","));
            };
            // "singers Ana and Eva": a plural role announces the names it lists.
            const bool listed_by_role = announced_as_list(tokens, begin) || next_item(list_end);
            // A listed name ends at a comma, "and", the sentence's end or a
            // reporting verb ("… and Oscar nominee Ana Ruiz", 'David "Ace" Berk' are no items).
            const bool item_ends = end >= tokens.size() ||
                                   ((tokens[end].sentence_start || tokens[end].punctuation_before) &&
                                    !tokens[end].quote_before) ||
                                   is_one_of(tokens[end].text, {"and", "or"}) || is_reporting_verb(tokens[end].text);
            // (The title goes as far as the item after "and", so it ends
            // when the previous item was that one: "Princes William and
            // Harry, Zara and Peter".)
            const bool previous_after_and = begin >= 2 && tokens[begin - 2].text == "and";
            if (announced_as_list(tokens, begin)) list_title = royal_title_of_plural(tokens[begin - 1]);
            else if (!next_item(list_end) || previous_after_and) list_title = {};
            list_end = listed_by_role && item_ends ? end : 0;
            const bool title = (listed_by_role && item_ends) || announced(tokens, begin, g);
            const bool honorific = begin > 0 && is_honorific(tokens[begin - 1].text);
            const GivenName given = g.given_name_by_key(tokens[begin].key);
            // "Israel-Hamas", "Egypt-Gaza": a run that opens on a place is no
            // one's name unless a role or honorific says so.
            // "Jordan Henderson", "Georgia Smith": a given name that is also a
            // place still opens a name, unless the name ends on a country.
            const Place* last = g.find_place_by_key(tokens[end - 1].key);
            const bool opens_on_place = g.find_place_by_key(tokens[begin].key) != nullptr;
            const bool given_first = opens_on_place && place_as_given_name(tokens, begin, g) &&
                                     !(last && last->kind != PlaceKind::city) &&
                                     (reported(tokens, begin, end) || surname_recurs(tokens, begin, end));
            // ("his daughter Victoria": one given name right after a relation
            // is the person, though a town or a region has it.)
            const Place* whole = g.find_place(joined(words));
            const bool announced_given_name = whole && words.size() == 1 && given != GivenName::no &&
                                              whole->kind != PlaceKind::country && begin > 0 &&
                                              !tokens[begin].sentence_start && !tokens[begin].punctuation_before &&
                                              is_relation(tokens[begin - 1].text);
            const bool place = (whole && !announced_given_name &&
                                !place_word_names_holder(tokens, begin, end, given)) ||
                               (!title && !honorific && !given_first && opens_on_place);
            // A full name needs a role, an honorific, an initial or a given
            // name first. A given name that is also an English word ("Will",
            // "Rich", "Tony") needs more when it opens a sentence: a reporting
            // verb ("Will …, he said") or the surname named again elsewhere.
            const Place* surname_place = g.find_place_by_key(tokens[end - 1].key);  // "B Lima": a town is a surname
            const bool initial = (is_initial(tokens[begin]) || is_double_initial(tokens[begin], g)) &&
                                 end - begin >= 2 && (!surname_place || surname_place->kind == PlaceKind::city);
            // Mid-sentence it needs no more, unless an article before it
            // and no word it qualifies after it say it names a thing ("the
            // Ford Mustang", "the Rebel Billionaire has", "What a Girl
            // Wants", "We Will Rock You"; "the Will Smith film", "a Frank
            // Lampard penalty" are a person's): a given name that is also a
            // word opens many names of things. ("Apple Powerbook", "Ford
            // Focus": nor when the given name is a known firm's, which names
            // its products and units.)
            const Organization* firm = end - begin >= 2 ? g.find_organization_by_key(tokens[begin].key) : nullptr;
            // (Asked only of a word-like given name mid-sentence.)
            const auto named_as_thing = [&] {
                return title_word_before(tokens, begin) ||
                       ((the_before(tokens, begin, end) || article_before(tokens, begin, end) ||
                         subtitle(tokens, begin, text)) &&
                        !qualifies_word_after(tokens, end) && !person_listed_after(tokens, end, text, g));
            };
            const bool weak_ok =
                given == GivenName::weak &&
                ((!tokens[begin].sentence_start && ((!(firm && !firm->team && !firm->sport) && !named_as_thing()) ||
                                                    g.given_name_by_key(tokens[end - 1].key) == GivenName::yes)) ||
                 reported(tokens, begin, end) || surname_recurs(tokens, begin, end));
            // "Digby Jones, director general of the CBI": a name no lexicon
            // knows, set off by a comma before a role, an occupation or an age.
            const bool apposed_role = given == GivenName::no && end - begin >= 2 && end - begin <= 3 &&
                                      !opens_on_place && role_after_comma(tokens, end);
            // "Hayao Miyazaki's previous film": so is a work after the name's
            // possessive (not after "the": "The Velmora Tarrant's album" is a
            // band's; nor opening a known body's name: "Working Title's new film").
            const bool author = given == GivenName::no && end - begin >= 2 && end - begin <= 3 && !opens_on_place &&
                                !(begin > 0 && tokens[begin - 1].key == "the") && authors_work(tokens, end) &&
                                !g.opens_longer_organization(Gazetteer::key(joined(words)));
            // "the Sony Betamax case", "Nissan Micra": a well-known firm's
            // one-word name opening the run (the given-name list holds Sony,
            // Nissan, Ferrari) names its product or unit, unless a role or an
            // honorific says it is a person.
            // ("Kia Joorabchian said": a reporting verb still makes a person.)
            const bool firm_first = firm && !firm->acronym && !firm->team && !firm->sport && !firm->common_word &&
                                    !reported(tokens, begin, end);
            const bool vouched = title || honorific || initial || nations_athlete(tokens, begin, end, g) ||
                                 (!firm_first && (given == GivenName::yes || weak_ok || apposed_role || author));
            // "I've Got a Woman", 'Heaven Help Us All': a capitalised run
            // quoted on its own is a title of a work.
            const bool quoted = tokens[begin].quote_before && end - begin >= 2 &&
                                (end == tokens.size() || tokens[end].quote_before);
            // Titles of works and places named like people:
            // - a run opening on a capitalised article mid-sentence ("in The
            //   Life Aquatic", "roles in My Beautiful Launderette");
            // - a run right after a lower-case noun for a work ("the film Vera
            //   Drake", "his album Innocent Man");
            // - a run right after a person's possessive ("Clint Eastwood's
            //   Million Dollar Baby", unless a given name opens it; "Ana Ruiz's
            //   sister Eva" has a word between);
            // - a saint's name ("St Mary's", "St James' Park") is a church,
            //   a ground or a place.
            const bool after_article = begin > i && !tokens[i].sentence_start &&
                                       is_one_of(tokens[i].text, {"The", "A", "An", "My"});
            // ("box office hits Vera Drake, Calendar Girls and Enduring Love":
            // the items of a list a work's noun opens are works too.)
            const bool after_work_noun = (begin > 0 && !tokens[begin - 1].capitalized &&
                                          !tokens[begin].punctuation_before && is_work_noun(tokens[begin - 1].text)) ||
                                         next_item(work_list_end);
            // (A list only after a plural noun or a list already begun: "the
            // film Vera Drake and Jim Broadbent" names one film and a person.)
            const bool opens_work_list = begin > 0 && !tokens[begin - 1].capitalized &&
                                         is_work_noun(tokens[begin - 1].text) && tokens[begin - 1].text.ends_with('s');
            work_list_end = (opens_work_list || next_item(work_list_end)) && item_ends ? end : 0;
            const bool after_person_possessive = begin > 0 && given != GivenName::yes &&
                                                 has_possessive(tokens[begin - 1].text) && !full.empty() &&
                                                 full.back().end() == begin;
            const bool saint = is_one_of(tokens[begin].text, {"St", "St.", "Saint"});
            // - a run that ends on a demonym ("for North American sales",
            //   "the South African side") names a region's people, not a person.
            // ("Sri Lankan officials", "many Sri Lankans": a people's adjective
            // of two words, or its plural, is no one's name either.)
            const bool ends_on_demonym = end - begin >= 2 &&
                                         (g.demonym_by_key(tokens[end - 1].key) || people_of_words(words, g));
            // - a run ending on a law's or a treaty's word is that law ("the
            //   Can Spam Act"), on an inquiry's or a report's, that
            //   inquiry ("the Hutton Inquiry", "the Gershon Review"), on
            //   "Test", that match ("the Lions Test side").
            const bool law = end - begin >= 2 &&
                             (names_a_report_or_match(tokens[end - 1].text) ||
                              is_one_of(tokens[end - 1].text, {"Act", "Bill", "Treaty", "Directive", "Convention",
                                                               "Charter", "Accord", "Protocol", "Amendment"}));
            const bool work = !honorific &&
                              (ends_on_demonym || law ||
                               (!title && (after_article || after_work_noun || after_person_possessive || saint)));
            // "Prince Charles", "Queen Elizabeth": a royal is known by the
            // title and the given name, and the given name alone would pass
            // for any commoner's across the index ("Charles Kennedy").
            // ("princes William and Harry": the list's title.)
            const bool royal = royal_title_before(tokens, begin, end) && given != GivenName::no;
            const bool royal_listed = !royal && listed_by_role && !list_title.empty() && end - begin == 1 &&
                                      given != GivenName::no;
            Mention m{words, begin, title || honorific || royal || royal_listed,
                      title || honorific || initial || given == GivenName::yes};
            if (royal) m.royal_title = tokens[begin - 1].text;
            if (royal_listed) m.royal_title = list_title;
            m.honorific = honorific;
            m.knighted = honorific && is_one_of(tokens[begin - 1].text, {"Sir", "Dame"});
            m.rule = royal || royal_listed     ? "a monarch's title before a given name (Prince Charles)"
                     : honorific               ? "an honorific right before it (Mr, Dr, Sir, Lord, …)"
                     : title && listed_by_role ? "listed after a plural role (singers Ana and Eva)"
                     : title                   ? "a role or title before it (President, spokesman, coach, …)"
                     : initial                 ? "an initial and a surname (G Thomas)"
                     : given == GivenName::yes ? "opens on a known given name (given-names.txt)"
                     : weak_ok                 ? "a given name that is also a word, with a reporting verb or the "
                                                 "surname named again"
                     : apposed_role            ? "a role, occupation or age after it and a comma (Ana Ruiz, director "
                                                 "of …; Ana Ruiz, 23, …)"
                     : author                  ? "a work of theirs after its possessive (Ana Ruiz's latest film)"
                     : words.size() == 1       ? ""
                                         : "listed beside a person's full name (Spike Lee, Burt Reynolds and …)";
            // "Victoria Hamilton": a given name that is also a place, before a
            // town-or-surname word; only a list of persons confirms it below.
            const bool place_given = opens_on_place && !title && !honorific && words.size() == 2 &&
                                     place_as_given_name(tokens, begin, g) &&
                                     !(last && last->kind != PlaceKind::city) && g.find_place(joined(words)) == nullptr;
            if (evidence && words.size() >= 2) {
                PersonEvidence& e = (*evidence)[joined(words)];
                if (title || honorific || reported(tokens, begin, end)) ++e.as_person;
                else if (work || quoted || thing_context(tokens, begin, end, text)) ++e.as_thing;
            }
            if (evidence && words.size() == 1 && given != GivenName::no && after_relation(tokens, begin))
                ++(*evidence)[words[0]].as_relative;
            if ((quoted && !title && !honorific) || work) {
            } else if (words.size() >= 2 && !place && vouched) full.push_back(m);
            else if (words.size() >= 2 && !place && words.size() <= 3) unvouched.push_back(m);
            else if (words.size() == 1 && !place && is_initial(tokens[begin])) {  // "frontman J. Allard" cut short
            } else if (place_given) listed_only.push_back(m);
            else if (words.size() == 1 && !place) single.push_back(m);
        }
        i = next;
    }

    // Resolve single words to the full names whose last word they are.
    std::vector<std::string> out;
    auto add = [&](const std::string& name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    std::vector<std::pair<std::size_t, std::string>> ordered;  // (position, name)
    // A mention that ends a fuller name ("Gantz", "Ms de Souza") is that
    // person: the nearest full mention before it, else the first one.
    auto ends_with_words = [](const Mention& f, const Mention& s) {
        // "B O'Driscoll" stands for "Brian O'Driscoll", "R de Marigny" for
        // "Roland de Marigny": an initial, then the full name's last words.
        if (s.words.size() >= 2 && f.words.size() >= s.words.size() && s.words[0].size() <= 2 &&
            s.words[0] != f.words[0] && (s.words[0].size() == 1 || s.words[0][1] == '.'))
            return f.words[0].front() == s.words[0].front() &&
                   std::equal(s.words.begin() + 1, s.words.end(), f.words.end() - (s.words.size() - 1),
                              [](std::string_view a, std::string_view b) { return equal_ignoring_ascii_case(a, b); });
        if (f.surname_first && s.words.size() == 1) return same_word(f.words[0], s.words[0]);
        // "Sir John Bourn … Sir John said": a knight's given name.
        if (s.knighted && s.words.size() == 1 && f.words.size() >= 2) return same_word(f.words[0], s.words[0]);
        // "Queen Elizabeth II … Queen Elizabeth": the royal's regnal name.
        if (!s.royal_title.empty() && f.words.size() == 2 && is_roman_numeral(f.words[1]))
            return same_word(f.words[0], s.words[0]);
        if (f.words.size() <= s.words.size()) return false;
        // Word by word from the end, without case; "-Sisi" is "Sisi".
        return std::equal(s.words.rbegin(), s.words.rend(), f.words.rbegin(),
                          [](std::string_view a, std::string_view b) {
                              return equal_ignoring_ascii_case(a, b) ||
                                     (b.starts_with('-') && equal_ignoring_ascii_case(a, b.substr(1))) ||
                                     (a.starts_with('-') && equal_ignoring_ascii_case(a.substr(1), b));
                          });
    };
    auto resolve = [&](const Mention& s) -> const Mention* {
        const Mention* best = nullptr;
        for (const auto& f : full) {
            if (!ends_with_words(f, s)) continue;
            const bool before = f.position < s.position;
            if (!best || (before && (best->position > s.position || f.position > best->position))) best = &f;
        }
        return best;
    };
    confirm_by_listing(tokens, text, unvouched, listed_only, full);
    confirm_by_later_mentions(unvouched, full, single);
    confirm_by_pronoun(tokens, unvouched, full);
    drop_names_only_in_headline(full, single, tokens);
    std::map<std::string, const Mention*> deciding;  // name -> the earliest mention that made it a person
    auto decided_by = [&](const std::string& name, const Mention& m) {
        if (!why) return;  // only --why asks
        auto [it, fresh] = deciding.try_emplace(name, &m);
        if (!fresh && m.position < it->second->position) it->second = &m;
    };
    for (const auto& f : full) {
        const Mention* fuller = resolve(f);
        ordered.emplace_back(f.position, joined(fuller ? fuller->words : f.words));
        decided_by(ordered.back().second, fuller ? *fuller : f);
    }
    // A royal named by title and given name where the article gives no
    // fuller name; the given name alone elsewhere in it is the royal too.
    std::map<std::string, const Mention*> royals;
    for (const auto& s : single)
        if (!s.royal_title.empty() && !resolve(s)) royals.try_emplace(s.words[0], &s);
    auto bare_name = [&](const Mention& s) {
        const auto royal = royals.find(s.words[0]);
        if (royal == royals.end()) return s.words[0];
        return std::string(royal->second->royal_title) + ' ' + s.words[0];
    };
    for (const auto& s : single) {
        if (const Mention* best = resolve(s)) {
            ordered.emplace_back(s.position, joined(best->words));
            decided_by(ordered.back().second, *best);
        } else if (s.evidence) {
            ordered.emplace_back(s.position, bare_name(s));
            decided_by(ordered.back().second, s);
        }
    }
    std::sort(ordered.begin(), ordered.end());
    for (const auto& [pos, name] : ordered) add(name);
    for (const auto& [name, m] : deciding) {
        const std::string rule = *m->rule ? m->rule : "a surname after a title or honorific; no fuller name given";
        note_evidence(why, name, rule, tokens[m->position].begin, tokens[m->end() - 1].end);
    }
    return out;
}

}  // namespace newsdex
