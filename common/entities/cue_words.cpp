#include "common/entities/cue_words.h"

#include <algorithm>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"

namespace newsdex {

bool is_honorific(std::string_view w) {
    static const WordSet kWords{"Mr",        "Mr.", "Mrs",      "Mrs.",  "Ms",       "Ms.",     "Dr",
                                "Dr.",       "Sir", "Dame",     "Lord",  "Lady",     "Prof",    "Prof.",
                                "Professor", "Mx",  "Baroness", "Baron", "Viscount", "Countess"};
    return kWords.contains(w);
}

bool is_sentence_opener(std::string_view w) {
    static const WordSet kWords{
        "The",     "A",     "An",      "In",        "On",        "At",      "But",   "And",       "Or",      "If",
        "When",    "While", "After",   "Before",    "As",        "For",     "From",  "To",        "With",    "By",
        "Of",      "It",    "He",      "She",       "They",      "We",      "I",     "This",      "That",    "These",
        "Those",   "His",   "Her",     "Their",     "Our",       "Its",     "There", "Here",      "What",    "Why",
        "How",     "Who",   "Since",   "Although",  "Despite",   "Under",   "Over",  "More",      "Most",    "Some",
        "All",     "No",    "Yes",     "Not",       "Now",       "Then",    "Also",  "Even",      "Only",    "So",
        "Mr",      "Live",  "Updated", "According", "Following", "During",  "Among", "Meanwhile", "However", "My",
        "Your",    "You",   "Me",      "Us",        "Him",       "Them",    "Just",  "Every",     "Each",    "Many",
        "Few",     "Yet",   "Still",   "Indeed",    "Instead",   "Perhaps", "Thus",  "Later",     "Earlier", "Today",
        "Tonight", "Do",    "Does",    "Did",       "Is",        "Was",     "Were",  "Which",     "Whether", "Though",
        "Because", "Once",  "Until",   "Unlike",    "Like",      "Two",     "Three", "Four",      "Five",    "Six",
        "Seven",   "Eight", "Nine",    "Ten",       "Both",      "Last",    "Next",  "Former",    "Where"};
    return is_capitalised_calendar_name(w) || kWords.contains(w);
}

bool is_role(std::string_view w) {
    // Lower-cased on the stack (asked of every capitalised word); no role is
    // longer than "director-general".
    char lowered[16];
    if (w.size() > sizeof lowered) return false;
    std::transform(w.begin(), w.end(), lowered, ascii_lower);
    const std::string_view l(lowered, w.size());
    static const WordSet kWords{
        "president", "premier", "minister", "secretary", "senator", "sen.", "governor", "gov.", "mayor", "chancellor",
        "king", "queen", "prince", "princess", "pope", "emperor", "empress", "general", "gen.", "colonel", "judge",
        "justice", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "envoy", "ambassador", "chairman",
        "chairwoman", "chair", "executive", "director", "coach", "manager", "captain", "striker", "midfielder",
        "defender", "goalkeeper", "leader", "official", "analyst", "economist", "commissioner", "sheikh", "emir",
        "rabbi", "imam", "cardinal", "archbishop", "bishop", "officer", "lawyer", "attorney", "correspondent", "editor",
        "founder", "boss", "chief", "deputy", "spokesman's", "representative", "rep.", "speaker", "candidate", "player",
        "singer", "actor", "actress", "star", "director-general", "head", "researcher", "scientist", "professor", "dr",
        "dr.", "mr", "mr.", "mrs", "ms", "inspector", "superintendent", "sergeant", "lieutenant", "major", "commander",
        "admiral", "councillor", "mp", "mep", "trustee", "treasurer", "dj", "ayatollah", "mullah", "constable",
        "detective", "reverend", "pastor",
        // abbreviated ranks: "Gen Pervez Musharraf", "Det Supt …"
        "gen", "lt", "col", "capt", "sgt", "supt", "det", "insp", "cllr", "rev", "rev."};
    return kWords.contains(l);
}

bool takes_a_portfolio(std::string_view w) {
    static const WordSet kWords{"Minister", "Ministers", "Secretary", "Commissioner"};
    return kWords.contains(w);
}

bool is_title_of_place(std::string_view w) {
    static const WordSet kWords{"Lord",     "Lady",     "Earl",       "Duke",     "Duchess", "Baron",
                                "Baroness", "Viscount", "Marquess",   "Countess", "Queen",   "King",
                                "Prince",   "Princess", "Archbishop", "Bishop"};
    return kWords.contains(w);
}

bool is_monarch_title(std::string_view w) {
    static const WordSet kWords{"King", "Queen", "Prince", "Princess", "Emperor", "Empress"};
    return kWords.contains(w);
}

bool is_organisation_head(std::string_view w) {
    static const WordSet kWords{"Bank",      "University", "College", "Ministry",     "Department",   "Council",
                                "Institute", "Office",     "Church",  "Federation",   "Association",  "Union",
                                "Court",     "Museum",     "Academy", "Chamber",      "Organisation", "Organization",
                                "League",    "House",      "Duchy",   "Confederation"};
    return kWords.contains(w);
}

bool is_event_word(std::string_view w) {
    static const WordSet kWords{"Cup",    "Trophy",   "Open", "Masters", "Classic",  "Championship", "Championships",
                                "Series", "Grand",    "Six",  "Games",   "Marathon", "Prize",        "Award",
                                "Awards", "Festival", "Tour", "Rally",   "Race"};
    return kWords.contains(w);
}

bool is_occupation(std::string_view w) {
    static const WordSet kWords{
        "agent", "musician", "artist", "bassist", "guitarist", "drummer", "vocalist", "keyboardist", "frontman",
        "rapper", "presenter", "producer", "writer", "author", "novelist", "poet", "playwright", "composer",
        "conductor", "comedian", "designer", "photographer", "businessman", "businesswoman", "entrepreneur", "tycoon",
        "billionaire", "banker", "broadcaster", "journalist", "reporter", "columnist", "critic", "historian",
        "activist", "campaigner", "athlete", "sprinter", "hurdler", "boxer", "golfer", "cyclist", "swimmer", "jockey",
        "compatriot", "champion", "colleague", "colleagues", "team-mate", "teammate", "legend", "veteran",
        // a player's position: in lower case before a name or opening a
        // sentence ("winger Robinho", "Winger Nitoglia dropped the ball");
        // no role, as "Debra Winger" ends on a surname
        "winger", "flanker", "playmaker", "fly-half", "scrum-half", "full-back"};
    return kWords.contains(w) || is_relation(w);
}

bool is_relation(std::string_view w) {
    static const WordSet kWords{"daughter", "son",    "wife",  "husband", "sister",     "brother",
                                "mother",   "father", "widow", "widower", "girlfriend", "boyfriend"};
    return kWords.contains(w);
}

bool is_reporting_verb(std::string_view w) {
    static const WordSet kWords{"said",      "says",  "told",     "added", "warned", "argued", "wrote",  "insisted",
                                "explained", "noted", "explains", "adds",  "warns",  "argues", "insists"};
    return kWords.contains(w);
}

bool is_era_adjective(std::string_view w) {
    static const WordSet kWords{"Victorian", "Edwardian", "Elizabethan", "Communist", "Nazi",    "Soviet",
                                "Tsarist",   "Imperial",  "Medieval",    "Colonial",  "Fascist", "Occupied"};
    return kWords.contains(w);
}

}  // namespace newsdex
