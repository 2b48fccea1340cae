#include "common/entities/organization_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "common/base/calendar_words.h"
#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/entities/cue_words.h"

namespace newsdex {

// A capitalised name ending in one of these is an organisation.
bool is_organisation_suffix(std::string_view w) {
    static const WordSet kWords{"Inc",
                                "Inc.",
                                "Corp",
                                "Corp.",
                                "Corporation",
                                "Group",
                                "Bank",
                                "Ltd",
                                "Ltd.",
                                "Limited",
                                "plc",
                                "PLC",
                                "AG",
                                "SA",
                                "GmbH",
                                "LLC",
                                "Holdings",
                                "Company",
                                "Party",
                                "Council",
                                "Ministry",
                                "Department",
                                "Agency",
                                "Commission",
                                "University",
                                "Association",
                                "Federation",
                                "Union",
                                "League",
                                "Club",
                                "FC",
                                "Airways",
                                "Airlines",
                                "Institute",
                                "Foundation",
                                "Fund",
                                "Authority",
                                "Board",
                                "Committee",
                                "Court",
                                "Police",
                                "Army",
                                "Front",
                                "Movement",
                                "Brigades",
                                "Alliance",
                                "Organisation",
                                "Organization",
                                "Service",
                                "Office",
                                "Parliament",
                                "Assembly",
                                "Senate",
                                "Network",
                                "Press",
                                "Wire",
                                "Times",
                                "Post",
                                "Herald",
                                "Courier",
                                "Ledger",
                                "Gazette",
                                "Telegraph",
                                "Journal",
                                "Tribune",
                                "Semiconductor",
                                "Motors",
                                "Energy",
                                "Telecom",
                                "Systems",
                                "Technologies",
                                "Mail",
                                "Media",
                                "Trust",
                                "Society",
                                "Forum",
                                "Coalition",
                                "Cie",
                                "Securities",
                                "Management",
                                "Capital",
                                "Investments",
                                "Economics",
                                "Advisors",
                                "Advisers",
                                "Distributors",
                                "Research",
                                "Comics",
                                "Publications",
                                "Laboratory",
                                "Laboratories",
                                "Center",
                                "Instruments",
                                "Graphics",
                                "Unit",
                                "Fellowship",
                                "Cooperative",
                                "Co-operative",
                                "Partnership",
                                "Consortium",
                                "Campaign",
                                "Records",
                                "Studios",
                                "Studio",
                                "Entertainment",
                                "Pictures",
                                "Productions",
                                "Services",
                                "Partners",
                                "Associates",
                                "Consulting",
                                "Philharmonic",
                                "Orchestra",
                                "Harriers",
                                "Striders",
                                "College",
                                "Directorate",
                                "Regiment",
                                "Regiments",
                                "Brewery",
                                "Breweries",
                                "Networks",
                                "Distributor",
                                "Theatre",
                                "Supplement",
                                "Incorporated",
                                "Project",
                                "Re",
                                "Confederation",
                                "Administration",
                                "Partnerships"};
    // "Yamanouchi Pharmaceutical", "Goodbody Stockbrokers", "Pyra Labs",
    // "Scots Guards" (a regiment), "Matsushita Electric Industries",
    // "RJ Reynolds Tobacco"
    static const WordSet kTrades{"Pharmaceutical", "Pharmaceuticals", "Stockbrokers", "Labs",
                                 "Guards",         "Industries",      "Electronics",  "Tobacco"};
    return kWords.contains(w) || kTrades.contains(w);
}

bool is_band_role(std::string_view w) {
    static const WordSet kWords{"singer",     "guitarist", "drummer",  "bassist",
                                "frontwoman", "vocalist",  "frontman", "keyboardist"};
    return kWords.contains(w);
}

bool team_role_at(const std::vector<EntityToken>& t, std::size_t i) {
    if (i >= t.size() || t[i].capitalized) return false;
    std::string_view w = t[i].text;  // "the Glasgow forward's ban": the role's possessive
    if (has_possessive(w)) w.remove_suffix(w.ends_with("'s") ? 2 : 4);
    static const WordSet kWords{
        "manager",  "boss",      "striker",   "midfielder", "defender",  "goalkeeper", "keeper",
        "coach",    "captain",   "winger",    "forward",    "prop",      "lock",       "flanker",
        "hooker",   "centre",    "fans",      "supporters", "chairman",  "player",     "players",
        "squad",    "skipper",   "wing",      "playmaker",  "colleague", "colleagues", "team-mate",
        "teammate", "teammates", "youngster", "assistant",  "side"
        // and a band's members: is_band_role() ("Oasis singer Liam Gallagher")
    };
    if (kWords.contains(w) || is_band_role(w)) return true;
    // "scrum-half", "fly-half", "full-back", "three-quarter", "stand-off", "team-mate", "back-row"
    return i + 1 < t.size() && t[i + 1].hyphen_before &&
           is_one_of(w, {"scrum", "fly", "full", "three", "stand", "team", "back", "tight", "loose"});
}

namespace {

// "Tory leader Michael Howard", "Shell chief executive Ana Ruiz": after the
// word at i, up to three words ending on a person's role (lower case but
// for the role itself: "Labour MP"), then a capitalised name.
bool role_and_name_after(const std::vector<EntityToken>& t, std::size_t i) {
    for (std::size_t k = i; k < t.size() && k < i + 3; ++k) {
        if (t[k].punctuation_before || t[k].sentence_start) return false;
        const bool role = is_role(t[k].text);
        // "Conservative Shadow chancellor Oliver Letwin", "Tory Foreign
        // Secretary …": a capitalised word of a ministerial title before the role.
        if (t[k].capitalized && !role && !is_one_of(t[k].text, {"Shadow", "Foreign", "Home", "Prime"})) return false;
        if (role && k + 1 < t.size() && t[k + 1].capitalized && !t[k + 1].punctuation_before &&
            !t[k + 1].sentence_start && !is_role(t[k + 1].text))
            return true;
    }
    return false;
}

// "Shadowmart.com", "Quillpress.org", "Jolt.co.uk": a capitalised name
// written with a web domain's ending is a website, named as such (the
// tokens split it at its dots). Returns its tokens, 0 if none.
std::size_t web_domain_at(const std::vector<EntityToken>& t, std::size_t i, std::string_view text) {
    if (!t[i].capitalized || t[i].all_caps) return 0;
    std::size_t n = 1;
    const auto glued = [&](std::size_t k) {  // token k follows k - 1 after a single dot
        return k < t.size() && t[k].begin == t[k - 1].end + 1 && text[t[k - 1].end] == '.';
    };
    if (!glued(i + n)) return 0;
    if (is_one_of(t[i + n].text, {"com", "org", "net"})) return n + 1;
    if (t[i + n].text == "co" && glued(i + n + 1) && t[i + n + 1].text == "uk") return n + 2;
    return 0;
}

// Lower-case words inside a name ("Bank of England"); "and" is left out: it
// joins two names more often than it sits inside one.
bool is_connector(std::string_view w) {
    return w == "of" || w == "for" || w == "&" || w == "the" || w == "de" || w == "la";
}

}  // namespace

namespace {

// A well-known organisation's one-word name opening a sentence is the
// organisation when it is no English word ("Premiership leaders Chelsea",
// "Allianz results were weak"; not "Labour markets firmed": a row marked
// in organizations.tsv) and no town (a town's club is found with the
// places), and a lower-case word follows it: not a longer name ("Chelsea
// Clinton visited") nor an aside ("Motorhead, the album, …").
bool plainly_a_name(const std::vector<EntityToken>& t, std::size_t i, const Organization& o, const Gazetteer& g) {
    return !o.common_word && !g.find_place_by_key(t[i].key) && i + 1 < t.size() && !t[i + 1].capitalized &&
           !t[i + 1].punctuation_before && !t[i + 1].sentence_start && !t[i + 1].hyphen_before;
}

// "Nokia, the world's largest mobile phone maker, said", "Microsoft,
// which makes Windows, said": an aside after a sentence's first word that
// calls it a firm, a bank, a club (an organisation's noun before the
// aside's closing comma), or opens on "which" (or "who" after a team), says
// the word names a body; "Motorhead, the album, …" calls it no body.
bool aside_names_body(const std::vector<EntityToken>& t, std::size_t k, const Organization& o) {
    if (k >= t.size() || !t[k].punctuation_before || t[k].sentence_start) return false;
    // ("Ford, who pardoned Richard Nixon", "Dell, who founded the company":
    // "who" follows a team's name; a firm named after a person is that
    // person there. "Ford, which has sold 4,000 hybrids": the firm.)
    if (t[k].key == "which") return true;
    if (is_one_of(t[k].key, {"who", "whose"})) return o.team;
    if (!is_one_of(t[k].key, {"the", "a", "an"})) return false;
    for (std::size_t j = k + 1; j < t.size() && j - k <= 8 && !t[j].punctuation_before && !t[j].sentence_start; ++j)
        if (!t[j].capitalized && is_organisation_cue(t[j].text)) return true;
    return false;
}

// "Google acquired Pyra Labs", "Labour regained the seat", "Reuters quoted
// an official": a verb in the past tense right after a sentence's first word
// makes that word its subject, a name, as "said" does. A regular past ends on
// "ed" ("Shell prices rose" has none); a few irregular ones are listed.
bool past_tense_verb_after(const std::vector<EntityToken>& t, std::size_t i) {
    if (i + 1 >= t.size() || t[i + 1].capitalized || t[i + 1].punctuation_before || t[i + 1].hyphen_before)
        return false;
    static const WordSet kIrregular{"took",  "won",    "lost",  "made", "gave", "paid",  "became",
                                    "began", "sought", "spent", "kept", "held", "chose", "drew"};
    const std::string& w = t[i + 1].text;
    return kIrregular.contains(w) || (w.size() >= 5 && w.ends_with("ed") &&
                                      std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
}

// "Conservative Michael Howard and Liberal Democrat Charles Kennedy": a
// word right before a person's name (a given name and a capitalised word)
// says whose party the person is, a name even as a sentence's first word.
bool person_name_after(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    return i + 1 < t.size() && !t[i].punctuation_before && !t[i + 1].punctuation_before && !t[i].all_caps &&
           t[i].capitalized && t[i + 1].capitalized && !t[i + 1].all_caps && !t[i + 1].sentence_start &&
           g.given_name_by_key(t[i].key) == GivenName::yes && !g.find_place_by_key(t[i].key) &&
           !g.find_organization_by_key(t[i].key) && !g.find_place_by_key(t[i + 1].key) &&
           !g.find_organization_by_key(t[i + 1].key);
}

// "20th Century Fox", "3i": a word opening on a digit.
bool opens_on_digit(const EntityToken& w) { return !w.text.empty() && w.text[0] >= '0' && w.text[0] <= '9'; }

// "Kestrel v Velmora", "Kestrel or Velmora v Corvale": a side of a fixture,
// tokens [begin, end) right before or after "v" (or "vs"), or one of a
// choice ("or") of sides there. The words around need no capital of their
// own: a fixture list opens each line on a side.
bool fixture_side(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end) {
    const auto versus = [&](std::size_t k) {
        return k < t.size() && is_one_of(t[k].text, {"v", "vs"}) && !t[k].punctuation_before && k + 1 < t.size() &&
               t[k + 1].capitalized && !t[k + 1].punctuation_before && k > 0 && t[k - 1].capitalized;
    };
    const auto choice = [&](std::size_t k) { return k < t.size() && t[k].text == "or" && !t[k].punctuation_before; };
    if (end <= begin) return false;
    if (versus(end) || (begin > 0 && versus(begin - 1))) return true;
    std::size_t k = end + 1;  // "Kestrel or Velmora v …": past the other side
    if (choice(end))
        while (k < t.size() && k - end <= 3 && t[k].capitalized && !t[k].punctuation_before) ++k;
    if (choice(end) && k > end + 1 && versus(k)) return true;
    if (begin < 2 || t[begin].punctuation_before || !choice(begin - 1)) return false;
    std::size_t b = begin - 1;  // "… v Kestrel or Velmora": back over the other side
    while (b > 0 && begin - b <= 3 && t[b - 1].capitalized && !t[b].punctuation_before) --b;
    return b + 1 < begin && b > 0 && versus(b - 1);
}

// "al-Qaeda", "al-Aqsa Martyrs Brigades": a name opening on a lower-case
// particle joined by a hyphen to a capitalised word, as spelt.
bool opens_on_particle(const std::vector<EntityToken>& t, std::size_t i) {
    return !t[i].capitalized && t[i].text.size() == 2 && is_one_of(t[i].text, {"al", "el"}) && i + 1 < t.size() &&
           t[i + 1].hyphen_before && t[i + 1].capitalized;
}

}  // namespace

namespace {

// "the Bulgarian FA", "the Northern Irish FA": a nationality right before a
// sports body's acronym names that nation's body, not the one the acronym
// stands for alone (the FA is England's). Returns the nationality's words
// (1 or 2), 0 if none.
std::size_t nation_before_sports_acronym(const std::vector<EntityToken>& t, std::size_t i, const std::string& known,
                                         const Gazetteer& g) {
    const Organization* o = g.find_organization(known);
    if (!o || !o->sport || !t[i].all_caps || i == 0 || t[i].punctuation_before || t[i].sentence_start) return 0;
    for (std::size_t d = 2; d >= 1; --d) {
        if (i < d) continue;
        bool run = true;
        std::string key;
        for (std::size_t k = i - d; k < i; ++k) {
            if (!t[k].capitalized || t[k].all_caps || (k > i - d && t[k].punctuation_before)) run = false;
            key += (k > i - d ? " " : "") + t[k].key;
        }
        if (run && g.demonym_by_key(key)) return d;
    }
    return 0;
}

// The most words of a known place's name starting at token i, 0 when none
// starts there.
std::size_t known_place_length(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g) {
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= g.longest_place() && i + n <= t.size(); ++n) {
        if (n > 1 && (t[i + n - 1].sentence_start || t[i + n - 1].punctuation_before || !t[i + n - 1].capitalized ||
                      !g.opens_longer_place(key)))
            break;
        key += (n > 1 ? " " : "") + t[i + n - 1].key;
        if (g.find_place_by_key(key)) best = n;
    }
    return best;
}

}  // namespace

// The longest well-known organisation starting at token i.
namespace {

bool lower_case_words_spelt(const std::vector<EntityToken>& t, std::size_t i, std::size_t n, std::string_view name) {
    // Rejected only where the name writes the word with a capital
    // ("Underground"): another spelling of the name may hold it in lower
    // case ("Bradford and Bingley" for Bradford & Bingley).
    for (std::size_t k = i + 1; k < i + n; ++k) {
        if (t[k].capitalized || t[k].hyphen_before || t[k].text.empty()) continue;
        std::string capital = t[k].text;
        if (capital[0] >= 'a' && capital[0] <= 'z') capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
        for (std::size_t at = name.find(capital); at != std::string_view::npos; at = name.find(capital, at + 1)) {
            const std::size_t after = at + capital.size();
            const bool starts = at == 0 || name[at - 1] == ' ' || name[at - 1] == '-';
            const bool ends = after == name.size() || name[after] == ' ' || name[after] == '-';
            if (starts && ends) return false;
        }
    }
    return true;
}

std::string without_possessive(const std::string& name) {
    // Asked of most words: those ending in no suffix's last byte return at once.
    if (name.empty() || (name.back() != 's' && name.back() != '\'' && name.back() != '\x99')) return name;
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"})
        if (name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
    return name;
}

// "Lycos Europe", "Vodafone Asia": a continent right after a company's
// name (not written in capitals: "EU Africa summit") names its arm there,
// no place mentioned.
bool continental_arm_after(const std::vector<EntityToken>& t, std::size_t begin, std::size_t k, const Gazetteer& g) {
    if (k >= t.size() || t[k].sentence_start || t[k].punctuation_before || t[k].hyphen_before || !t[k].capitalized ||
        std::any_of(t.begin() + static_cast<long>(begin), t.begin() + static_cast<long>(k),
                    [](const EntityToken& x) { return x.all_caps; }))
        return false;
    const Place* p = g.find_place_by_key(Gazetteer::key(without_possessive(t[k].text)));
    // (A capitalised word after it goes on with the name, unless quoted:
    // Lycos Europe's "Make love not spam" campaign.)
    return p && p->kind == PlaceKind::continent &&
           (k + 1 >= t.size() || !t[k + 1].capitalized || t[k + 1].quote_before);
}

}  // namespace

std::size_t known_organization_at(const std::vector<EntityToken>& t, std::size_t i, const Gazetteer& g,
                                  std::string& name) {
    // A name not capitalised counts only when spelt as the name is ("eBay"),
    // which has a capital: a word in lower case opens none.
    // "20th Century Fox": nor does a number, unless a name opens on it as spelt.
    const bool number = opens_on_digit(t[i]);
    if (!t[i].capitalized && g.every_organization_name_has_a_capital() &&
        std::none_of(t[i].text.begin(), t[i].text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
        !opens_on_particle(t, i) && !number)
        return 0;
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= g.longest_organization() && i + n <= t.size(); ++n) {
        if (n > 1 && (t[i + n - 1].sentence_start || t[i + n - 1].punctuation_before)) break;
        // "London's Evening Standard" names the town and the paper (keys
        // drop the possessive: "London Evening Standard" is the paper's).
        if (n > 1 && has_possessive(t[i + n - 2].text) && g.find_place_by_key(n == 2 ? t[i].key : key)) break;
        if (n > 1 && !g.opens_longer_organization(n == 2 ? t[i].key : key)) break;  // no name goes on from here
        // One word (most lookups) is looked up by its own key; longer names
        // are built in one string, without a temporary per word.
        if (n == 2) key = t[i].key;
        if (n > 1) key.append(" ").append(t[i + n - 1].key);
        const Organization* o = g.find_organization_by_key(n == 1 ? t[i].key : key);
        // "eBay", "iTunes": a name spelt with a lower-case first letter counts as spelt.
        if (!o || (!t[i].capitalized && !(n == 1 && t[i].text == o->name) &&
                   !(n > 1 && (opens_on_particle(t, i) || number) && o->name.starts_with(t[i].text))))
            continue;
        // "a stake in London underground consortium Tube Lines": after a
        // town, a word in lower case is part of a known name only as the
        // name spells it ("Bank of England"), not "London Underground".
        if (n > 1 && g.find_place_by_key(t[i].key) && !lower_case_words_spelt(t, i, n, o->name)) continue;
        if (o->acronym && !std::all_of(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(i + n),
                                       [](const EntityToken& x) { return x.all_caps; }))
            continue;
        // A sentence's first word is a name when plainly_a_name(); else
        // when a verb follows: "Shell said", "Tories say", not "Shell prices
        // rose"; or a team role and a person's name ("Everton boss Ana
        // Ruiz"), or a role and a name ("Tory leader Michael Howard").
        static const WordSet kWords{"said",     "says",    "say",     "has",      "have",    "had",       "is",
                                    "are",      "was",     "were",    "will",     "would",   "could",     "announced",
                                    "reported", "told",    "added",   "warned",   "plans",   "wants",     "agreed",
                                    "agrees",   "bought",  "sold",    "launched", "posted",  "confirmed", "denied",
                                    "admitted", "claimed", "expects", "hopes",    "insists", "insisted"};
        // ("Microsoft's Media Player 10 took the award": a possessive makes
        // a known name that is no English word nor a town an owner's.)
        const bool owner = has_possessive(t[i].text) && !o->common_word && !g.find_place_by_key(t[i].key);
        if (n == 1 && !o->acronym && t[i].sentence_start && !plainly_a_name(t, i, *o, g) && !owner &&
            !(i + 1 < t.size() && kWords.contains(t[i + 1].text)) && !past_tense_verb_after(t, i) &&
            !(i + 2 < t.size() && !t[i + 1].punctuation_before && team_role_at(t, i + 1) && t[i + 2].capitalized &&
              !g.find_place_by_key(t[i].key)) &&  // a town's club is found with the places
            !(!g.find_place_by_key(t[i].key) && (role_and_name_after(t, i + 1) || person_name_after(t, i + 1, g))) &&
            !continental_arm_after(t, i, i + 1, g) &&  // "Lycos Europe's campaign"
            !(!g.find_place_by_key(t[i].key) && aside_names_body(t, i + 1, *o)) &&
            !fixture_side(t, i, i + 1))  // "Kestrel v Velmora": a fixture list's line
            continue;
        name = o->name;
        best = n;
    }
    // "his move to Celtic Park", "a draw at Villa Park": a known ground or
    // landmark whose name opens on a club's is the place, as a longer name
    // wins everywhere else.
    if (best && known_place_length(t, i, g) > best) return 0;
    // "L Moody (Leicester), J Forrester (Gloucester)": one word after an
    // initial is a player's surname on a team sheet, not Moody's or
    // Forrester Research (names that open on an initial are listed whole:
    // "J Sainsbury", "W H Smith"). Not a team's name, nor after a group's,
    // a pool's or a plan's letter ("In Group G Arsenal drew", "Plan B").
    if (best == 1 && i > 0 && !t[i].punctuation_before && !t[i].all_caps && is_initial(t[i - 1]) &&
        !is_one_of(t[i - 1].text, {"A", "I"}) &&
        !(i > 1 && is_one_of(t[i - 2].text, {"Group", "Pool", "Plan", "Formula", "Division", "Section"}))) {
        const Organization* o = g.find_organization(name);
        if (!o || !o->team) return 0;
    }
    return best;
}

namespace {

// "Oil & Natural Gas Corp", "Marks & Spencer": an ampersand joins a name.
bool ampersand_before(const std::vector<EntityToken>& t, std::size_t j, std::string_view text) {
    return j > 0 && trim(text.substr(t[j - 1].end, t[j].begin - t[j - 1].end)) == "&";
}

// "the Port Workers' Union": a plural's possessive apostrophe before an
// organisation's word joins the name (as "Women's Institute" does).
bool plural_possessive_before(const std::vector<EntityToken>& t, std::size_t j, std::string_view text) {
    if (j == 0 || !t[j - 1].text.ends_with("s") || t[j - 1].sentence_start) return false;
    const std::string word = without_possessive(t[j].text);  // "the Port Workers' Union's members"
    if (!is_organisation_suffix(word) && !is_organisation_head(word)) return false;
    const std::string_view gap = trim(text.substr(t[j - 1].end, t[j].begin - t[j - 1].end));
    return gap == "'" || gap == "\xE2\x80\x99";
}

// "the Parliamentary Group on Betting and Gaming", "the Panel on Climate
// Change": "on" after a body that studies or advises, before a capitalised
// topic (no weekday or month: "the Commission on Monday"), goes on with
// the name. Does token j, "on", so?
bool topic_after_body(const std::vector<EntityToken>& t, std::size_t j) {
    static const WordSet kBodies{"Group", "Committee", "Commission", "Panel", "Council", "Conference", "Forum"};
    return j >= 1 && j + 1 < t.size() && t[j].text == "on" && kBodies.contains(t[j - 1].text) && t[j + 1].capitalized &&
           !t[j + 1].punctuation_before && !is_capitalised_calendar_name(t[j + 1].text);
}

// A capitalised run (connectors inside) starting at i; its end.
// Words that head a body's name before "of" or "for" ("Alliance for
// Digital Access"), besides is_organisation_head()'s.
bool is_body_word(std::string_view w) {
    static const WordSet kBodies{"Alliance", "Directorate", "Campaign", "Centre", "Center", "Coalition", "Commission",
                                 "Committee", "Forum", "Foundation", "Society", "Agency", "Authority", "Trust",
                                 "Institute", "Network",
                                 // a government's: "Department for Transport", "Office for National Statistics"
                                 "Department", "Office", "Ministry"};
    return kBodies.contains(w);
}

std::size_t capitalised_run(const std::vector<EntityToken>& t, std::size_t i, std::string_view text,
                            const Gazetteer& g) {
    std::size_t j = i;
    while (j < t.size()) {
        if (j > i && (t[j].sentence_start || (t[j].punctuation_before && !ampersand_before(t, j, text) &&
                                              !plural_possessive_before(t, j, text))))
            break;
        if (t[j].capitalized) {
            // A possessive ends the run ("the Bank of Japan's December survey",
            // "Holyrood's Chamber Office") unless an organisation's word follows
            // a word that is no place: "People's Bank of China", "Women's
            // Institute", "King's College London".
            const std::string bare = without_possessive(t[j].text);
            const bool possessive = bare != t[j].text;
            ++j;
            if (possessive && (g.find_place(bare) || !(j < t.size() && (is_organisation_suffix(t[j].text) ||
                                                                        is_organisation_head(t[j].text)))))
                break;
            continue;
        }
        // "the Velmora Institute for the Study of Tides": a body's head word
        // (not a government's), "for" and "the" before capitalised words
        // ("of the" opens works' titles too: "House of the Dead").
        if (j > i && j + 2 < t.size() && t[j].text == "for" && t[j + 1].text == "the" && t[j + 2].capitalized &&
            !t[j + 1].punctuation_before && !t[j + 2].punctuation_before && is_body_word(t[j - 1].text) &&
            !is_one_of(t[j - 1].text, {"Department", "Office", "Ministry"})) {
            j += 2;
            continue;
        }
        if (j > i && (is_connector(t[j].text) || topic_after_body(t, j)) && j + 1 < t.size() && t[j + 1].capitalized &&
            !t[j + 1].punctuation_before) {
            ++j;
            continue;
        }
        break;
    }
    return j;
}

std::string joined(const std::vector<EntityToken>& t, std::size_t b, std::size_t e, std::string_view text) {
    std::string s;
    for (std::size_t k = b; k < e; ++k)
        s += (k == b               ? ""
              : t[k].hyphen_before ? "-"
              : ampersand_before(t, k, text)
                  ? (t[k].begin - t[k - 1].end == 1 ? "&" : " & ")  // "AT&T", "Marks & Spencer"
                  : " ") +
             t[k].text;
    return s;
}

// "Full Name (ACR)": the acronym stands for the name in this article.
void note_acronym(const std::vector<EntityToken>& t, std::size_t end, std::string_view text, const std::string& name,
                  std::map<std::string, std::string>& acronyms) {
    if (end >= t.size() || !t[end].all_caps || t[end].text.size() < 2) return;
    const std::string_view gap = text.substr(t[end - 1].end, t[end].begin - t[end - 1].end);
    if (gap.find('(') != std::string_view::npos && text.substr(t[end].end).starts_with(")"))
        acronyms[t[end].text] = name;
}

}  // namespace

bool is_organisation_cue(std::string_view w) {
    static const WordSet kWords{
        "firm",        "firms",     "company",       "companies",    "group",        "bank",         "banks",
        "band",        "label",     "carrier",       "airline",      "airlines",     "retailer",     "retailers",
        "rival",       "rivals",    "broadcaster",   "broadcasters", "operator",     "operators",    "maker",
        "makers",      "giant",     "insurer",       "lender",       "chain",        "brewer",       "publisher",
        "publishers",  "developer", "developers",    "studio",       "studios",      "regulator",    "watchdog",
        "newspaper",   "magazine",  "supermarket",   "supermarkets", "manufacturer", "conglomerate", "consultancy",
        "subsidiary",  "outfit",    "provider",      "providers",    "channel",      "station",      "charity",
        "union",       "party",     "agency",        "website",      "network",      "club",         "clubs",
        "exchange",    "brokers",   "stockbroker",   "broker",       "investors",    "owner",        "owners",
        "joined",      "told",      "consortium",    "analysts",     "mill",         "producer",     "producers",
        "distributor", "store",     "manufacturers", "service",      "newspapers",   "magazines",    "carmaker",
        "automaker",   "chipmaker", "miner",         "steelmaker",   "journal",      "tabloid",      "bookmaker",
        "bookmakers",  "bookies",   "unit",          "brewery",      "institute"};
    return kWords.contains(w);
}

namespace {

// "analyst at Evolution Securities", "shares in Ryanair", "takeover of
// Yukos": a noun and a preposition that announce an organisation.
bool is_organisation_cue_pair(std::string_view noun, std::string_view preposition) {
    static const WordSet kWords{"analyst", "analysts", "economist", "economists", "strategist", "director", "executive",
                                "executives", "chairman", "boss", "bosses", "staff", "workers", "employees", "official",
                                "officials", "researcher", "researchers", "manager", "managers", "chief", "trader",
                                "traders", "spokesman", "spokeswoman", "head",
                                // "deputy labs editor at PC Pro": the press and firms' staff
                                "editor", "editors", "correspondent", "columnist", "reporter", "president", "partner",
                                "consultant", "engineer", "engineers"};
    if (preposition == "at") return kWords.contains(noun);
    if (preposition == "in")
        return is_one_of(noun, {"shares", "stake", "stakes", "holding", "investment", "investors"});
    static const WordSet kWords2{
        "takeover", "shareholders", "shareholder", "owner", "owners", "boss", "bosses", "executive", "chairman",
        "founder", "co-founder", "subsidiary", "shares", "sale", "acquisition", "purchase", "parent", "employees",
        // "a division of Quorrix", "the venture capital arm of Velkora Group"
        "division", "arm", "unit", "offshoot", "staff", "collapse", "president", "members", "spokesman", "spokeswoman"};
    if (preposition == "of") return kWords2.contains(noun);
    // "an analyst with Velmora Brothers": an analyst works with a firm.
    if (preposition == "with" && is_one_of(noun, {"analyst", "analysts", "economist", "economists", "strategist"}))
        return true;
    if (preposition == "for" || preposition == "with")
        return is_one_of(noun, {"bid", "bids", "offer", "merger", "takeover", "deal", "contract", "partnership"});
    return false;
}

// Words right after a name that make it an organisation: "Yukos shares",
// "Lenovo's chief executive", "Ryanair boss Michael O'Leary".
bool is_organisation_follower(std::string_view w) {
    static const WordSet kWords{"shares", "shareholders", "chief", "boss", "bosses", "chairman", "executives",
                                "profits", "profit", "revenues", "revenue", "sales", "plc", "Plc", "spokesman",
                                "spokeswoman", "board", "staff", "employees", "workers", "subsidiary", "officials",
                                // a title or a channel of the press: "the Sun newspaper", "Sky television's"
                                "newspaper", "magazine", "tabloid", "website", "television"};
    return kWords.contains(without_possessive(std::string(w)));
}

// Plural nouns that announce a list of organisations ("firms such as A, B
// and C"). Not "rivals" or "groups": politics lists people and peoples so.
bool is_plural_organisation_cue(std::string_view w) {
    static const WordSet kWords{"firms",      "companies", "banks",        "broadcasters",  "retailers",
                                "airlines",   "carriers",  "operators",    "makers",        "publishers",
                                "developers", "studios",   "supermarkets", "manufacturers", "providers",
                                "insurers",   "lenders",   "newspapers",   "magazines",     "bookmakers",
                                "brokers",    "labels",    "bands",        "charities",     "websites"};
    return kWords.contains(w);
}

// Does a plural cue announce a list that starts at token p ("firms X",
// "firms such as X", "companies including X", "bands like X")?
bool announces_organisation_list(const std::vector<EntityToken>& t, std::size_t p) {
    if (p == 0 || t[p - 1].capitalized) return false;
    if (is_plural_organisation_cue(t[p - 1].text)) return true;
    if (p >= 2 && (t[p - 1].text == "including" || t[p - 1].text == "like"))
        return is_plural_organisation_cue(t[p - 2].text);
    return p >= 3 && t[p - 1].text == "as" && t[p - 2].text == "such" && is_plural_organisation_cue(t[p - 3].text);
}

// "Small firms such as Velk, Quorra and Ostin-Bray offer …": an item of a
// list (commas, "and", "or") that such a cue announces, followed back over
// the items before it (up to four capitalised words each).
bool listed_after_organisation_cue(const std::vector<EntityToken>& t, std::size_t begin, std::string_view text) {
    std::size_t p = begin;  // the first token of the current item
    for (int items = 0; items < 12 && p >= 1; ++items) {
        std::size_t last = 0;  // the last token of the item before
        if (p >= 2 && !t[p].punctuation_before && !t[p - 1].capitalized &&
            (t[p - 1].text == "and" || t[p - 1].text == "or"))
            last = p - 2;
        else if (t[p].punctuation_before && trim(text.substr(t[p - 1].end, t[p].begin - t[p - 1].end)) == ",")
            last = p - 1;
        else return announces_organisation_list(t, p);
        if (!t[last].capitalized || t[last].sentence_start) return false;
        p = last;
        while (p > 0 && last - p < 3 && t[p - 1].capitalized && !t[p].punctuation_before && !t[p].sentence_start) --p;
    }
    return false;
}

// "Santa Monica-based Korvane", "the Cambridge-based Orvane Games": a
// name right after a place joined to "-based" is a firm or a body based
// there (a person is introduced by a role: "London-based agent Ana Ruiz").
bool after_place_based(const std::vector<EntityToken>& t, std::size_t begin) {
    return begin >= 2 && t[begin - 1].text == "based" && t[begin - 1].hyphen_before && t[begin - 2].capitalized &&
           !t[begin].punctuation_before && !t[begin].sentence_start;
}

// "Bank of Kenya", "Directorate of Professional Standards", "Alliance for
// Digital Access", "Centre for Policy Studies": a body's noun before "of"
// or "for" heads an organisation's name (the heads of is_organisation_head()
// with "of" only: "University for …" is rare, "House for Sale" no body).
bool heads_body_name(const std::vector<EntityToken>& t, std::size_t k) {
    const std::string& next = t[k + 1].text;
    // ("the Commerce Department for November": no month or weekday.)
    return (next == "of" && (is_organisation_head(t[k].text) || is_body_word(t[k].text))) ||
           (next == "for" && is_body_word(t[k].text) && k + 2 < t.size() &&
            !is_capitalised_calendar_name(t[k + 2].text)) ||
           topic_after_body(t, k + 1);
}

// For the rule in find_organizations(): a name [begin, end) whose last one
// or two words follow a body's "of", and the run (end, further) after "and".
bool topic_of_body_goes_on(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::size_t further,
                           const Gazetteer& g) {
    if (end < begin + 3) return false;  // "X of Y" at least
    std::size_t of = end - 2;
    if (of > begin + 1 && t[of].text != "of") --of;
    if (of <= begin || t[of].text != "of" || !heads_body_name(t, of - 1)) return false;
    std::string ignored;
    const auto plain_word = [&](std::size_t k) {
        return !g.find_place_by_key(t[k].key) && !g.find_organization_by_key(t[k].key) &&
               !is_organisation_suffix(t[k].text) && !t[k].all_caps;
    };
    for (std::size_t k = of + 1; k < end; ++k)
        if (!plain_word(k)) return false;
    for (std::size_t k = end + 1; k < further; ++k)
        if (!plain_word(k)) return false;
    // ("House of Flying Daggers and Kate Winslet": a known given name and a
    // surname after "and" are a person's.)
    if (further == end + 3 && g.given_name_by_key(t[end + 1].key) != GivenName::no) return false;
    return !known_organization_at(t, end + 1, g, ignored);
}

// The items of the list around the item [begin, end): capitalised runs of
// up to four words joined by commas, "and" or "or", in one sentence. Each
// as [first, last + 1).
std::vector<std::pair<std::size_t, std::size_t>> list_items_around(const std::vector<EntityToken>& t, std::size_t begin,
                                                                   std::size_t end, std::string_view text) {
    const auto comma_before = [&](std::size_t k) {
        return t[k].punctuation_before && !t[k].sentence_start &&
               trim(text.substr(t[k - 1].end, t[k].begin - t[k - 1].end)) == ",";
    };
    const auto joined_by_and = [&](std::size_t k) {  // "and" or "or" at k, an item after it
        return k + 1 < t.size() && is_one_of(t[k].text, {"and", "or"}) && !t[k].punctuation_before &&
               t[k + 1].capitalized && !t[k + 1].punctuation_before;
    };
    std::vector<std::pair<std::size_t, std::size_t>> items;
    for (std::size_t p = begin; p >= 2 && items.size() < 12;) {  // leftwards
        std::size_t last = 0;
        if (joined_by_and(p - 1)) last = p - 2;
        else if (comma_before(p)) last = p - 1;
        else break;
        if (!t[last].capitalized || t[last].sentence_start) break;
        std::size_t first = last;
        while (first > 0 && last - first < 3 && t[first - 1].capitalized && !t[first].punctuation_before &&
               !t[first].sentence_start)
            --first;
        items.emplace_back(first, last + 1);
        p = first;
    }
    for (std::size_t e = end; e < t.size() && items.size() < 12;) {  // rightwards
        std::size_t first = 0;
        if (joined_by_and(e)) first = e + 1;
        else if (comma_before(e) && t[e].capitalized) first = e;
        else break;
        std::size_t last = first;
        while (last + 1 < t.size() && last - first < 3 && t[last + 1].capitalized && !t[last + 1].punctuation_before &&
               !t[last + 1].sentence_start)
            ++last;
        items.emplace_back(first, last + 1);
        e = last + 1;
    }
    return items;
}

// Which well-known organisations count as items of a list: any, teams
// only, or firms and bands (no team, nor a body known by its acronym: towns
// listed beside the UN or Nato stand for governments).
enum class ListedKind { any, team, firm };

bool counts_as(const Organization& o, ListedKind kind) {
    if (kind == ListedKind::team) return o.team;
    if (kind == ListedKind::firm)
        return !o.team && !std::none_of(o.name.begin(), o.name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return true;
}

// The items of the list around [begin, end) that are well-known
// organisations of `kind`, each a whole item. For firms, the others only,
// and none when another item is a known place ("Shell, BP, Unilever,
// Aberdeen and Glasgow offices": a list of places too).
std::size_t known_items_around(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                               std::string_view text, const Gazetteer& g, ListedKind kind) {
    std::size_t known = 0;
    std::string name;
    const auto items = list_items_around(t, begin, end, text);
    for (const auto& [first, last] : items) {
        if (kind == ListedKind::firm && first == begin)
            continue;  // a town named like a firm ("Halifax") is asked about
        if (kind == ListedKind::firm && known_place_length(t, first, g) == last - first) return 0;
        // "Belle and Sebastian": a known name may hold "and", which parts items.
        const std::size_t n = known_organization_at(t, first, g, name);
        const std::size_t name_end = first + n;  // a lambda cannot capture a structured binding in clang 14
        if (n == last - first || (n > last - first && std::any_of(items.begin(), items.end(), [&](const auto& item) {
                                      return item.second == name_end;
                                  }))) {
            const Organization* o = kind == ListedKind::any ? nullptr : g.find_organization(name);
            known += kind == ListedKind::any || (o && counts_as(*o, kind));
        }
    }
    return known;
}

// "Franz Ferdinand, Travis and Snow Patrol", "Velkora, Quorrix and
// Microsoft": an unknown name listed with at least two well-known
// organisations, each a whole item, is one of their kind; not a person's
// initial and surname ("J Orlek").
bool listed_with_known_organisations(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                                     std::string_view text, const Gazetteer& g) {
    if (end - begin >= 2 && t[begin].all_caps && t[begin].text.size() == 1) return false;
    return known_items_around(t, begin, end, text, g, ListedKind::any) >= 2;
}

// "Motorhead, Judas Priest and Prodigy are included": a known one-word name
// opening a sentence counts without a verb after it when it opens a list
// with at least two more known organisations. Returns it, null if not.
const Organization* known_name_opening_a_list(const std::vector<EntityToken>& t, std::size_t i, std::string_view text,
                                              const Gazetteer& g) {
    if (!t[i].sentence_start || !t[i].capitalized || i + 1 >= t.size() || t[i + 1].sentence_start ||
        trim(text.substr(t[i].end, t[i + 1].begin - t[i].end)) != ",")
        return nullptr;
    const Organization* o = g.find_organization_by_key(t[i].key);
    if (!o || (o->acronym && !t[i].all_caps)) return nullptr;
    return listed_with_known_organisations(t, i, i + 1, text, g) ? o : nullptr;
}

// Cue nouns that come before or beside persons' names as often ("told",
// "rival", "owner", "analysts").
bool cue_names_people_too(std::string_view w) {
    return is_one_of(w, {"told", "joined", "rival", "rivals", "owner", "owners", "investors", "analysts", "brokers"});
}

// "Rockstar Games, the makers of …", "Amey, a company that …": a comma, an
// article and a cue noun right after a name; not the nouns that also say
// who a person is ("Ana Ruiz, the owner of …", "a producer").
bool appositive_cue_after(const std::vector<EntityToken>& t, std::size_t end, std::string_view text) {
    if (end + 1 >= t.size() || !t[end].punctuation_before || t[end].sentence_start ||
        trim(text.substr(t[end - 1].end, t[end].begin - t[end - 1].end)) != "," ||
        !is_one_of(t[end].text, {"the", "a", "an"}))
        return false;
    const std::string& w = t[end + 1].text;
    return is_organisation_cue(w) && !cue_names_people_too(w) &&
           !is_one_of(w, {"broker", "stockbroker", "producer", "producers", "agency", "union", "party"});
}

// An unknown capitalised name made an organisation by the words around it.
bool named_as_organisation(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text,
                           const Gazetteer& g) {
    auto comma_before = [&](std::size_t k) {
        return trim(text.substr(t[k - 1].end, t[k].begin - t[k - 1].end)) == ",";
    };
    // "Developer Valve has …": a cue noun opening the sentence is capitalised.
    // "able to store 50GB", "will exchange Quorrix shares": a verb, no noun.
    if (begin >= 1 && !t[begin].punctuation_before &&
        is_organisation_cue(t[begin - 1].sentence_start ? lower_ascii(t[begin - 1].text) : t[begin - 1].text) &&
        !(begin >= 2 &&
          is_one_of(t[begin - 1].text, {"store", "exchange", "channel", "bank", "group", "network", "service", "label",
                                        "chain", "broker", "owner"}) &&
          is_one_of(t[begin - 2].text, {"to", "will", "would", "can", "could", "may", "might", "must", "should"})))
        return true;
    // "Rockstar Games, the makers of Manhunt": a cue noun set off by a
    // comma after the name, an appositive saying what it is.
    if (appositive_cue_after(t, end, text)) return true;
    // "The mill, Krivorizhstal, was sold": a name set off by commas after a cue noun.
    if (begin >= 1 && comma_before(begin) && !t[begin - 1].capitalized && is_organisation_cue(t[begin - 1].text) &&
        !is_one_of(t[begin - 1].text, {"told", "joined"}) && end < t.size() && comma_before(end))
        return true;
    if (begin >= 2 && !t[begin].punctuation_before && !t[begin - 1].punctuation_before &&
        is_organisation_cue_pair(t[begin - 2].text, t[begin - 1].text))
        return true;
    if (listed_after_organisation_cue(t, begin, text)) return true;
    if (after_place_based(t, begin)) return true;
    if (listed_with_known_organisations(t, begin, end, text, g)) return true;
    if (end >= t.size() || t[end].punctuation_before || t[end].sentence_start) return false;
    // "Kestrel economist Ana Ruiz": a firm's economist or analyst by name.
    if (end + 1 < t.size() && is_one_of(t[end].text, {"economist", "analyst", "strategist"}) &&
        t[end + 1].capitalized && !t[end + 1].punctuation_before &&
        g.given_name_by_key(t[end + 1].key) == GivenName::yes)
        return true;
    // ("Conte's television interview": "television" after a possessive is a
    // speaker's or an owner's, a person's as often; "Popbitch's website" is
    // the body's own.)
    return is_organisation_follower(t[end].text) && !(has_possessive(t[end - 1].text) && t[end].text == "television");
}

// Words that name a channel or service after its organisation's name.
bool is_service_word(std::string_view w) {
    static const WordSet kWords{
        "Sport",   "Sports",      "Radio", "Online", "Television", "TV",        "World",         "One",
        "Two",     "Three",       "Four",  "Five",   "Scotland",   "Wales",     "Cymru",         "Northern",
        "Ireland", "Interactive", "Music", "Films",  "Digital",    "Worldwide", "Entertainment", "1",
        "2",       "3",           "4",     "5",      "24",         "Retail",    "Wholesale"};
    return kWords.contains(w);
}

// "BBC Radio Leicester", "BBC Radio Merseyside": a town or county right
// after "Radio" names a local station of the service, no place mentioned.
bool local_station_after(const std::vector<EntityToken>& t, std::size_t k, const Gazetteer& g) {
    if (k == 0 || k >= t.size() || t[k - 1].text != "Radio" || t[k].sentence_start || t[k].punctuation_before ||
        !t[k].capitalized)
        return false;
    const Place* p = g.find_place_by_key(Gazetteer::key(without_possessive(t[k].text)));
    return p && (p->kind == PlaceKind::city || p->kind == PlaceKind::subdivision);
}

// "Fiat 1.55bn", "Chelsea 1-0": a digit the text goes on from with a
// decimal point, a thousands separator or a hyphen is an amount or a score,
// not a channel's number (BBC Radio 4).
bool part_of_a_number(const EntityToken& w, std::string_view text) {
    const std::size_t e = w.end;
    return e + 1 < text.size() && (text[e] == '.' || text[e] == ',' || text[e] == '-') &&
           std::isdigit(static_cast<unsigned char>(text[e + 1]));
}

// "BBC Radio 4's World At One", "HP's Digital Entertainment Centre": what
// follows a possessive is the organisation's programme or product, not
// more of its name.
bool ends_in_possessive(const EntityToken& w) { return without_possessive(w.text).size() != w.text.size(); }

// "ISP AOL", "Turkish EU bid": a well-known name inside the run is the organisation.
bool known_inside(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, const Gazetteer& g) {
    std::string name;
    for (std::size_t k = begin + 1; k < end; ++k)
        if (known_organization_at(t, k, g, name)) return true;
    return false;
}

// "broadband telecoms firm Thales", "the band Travis": a noun of a company
// or band right before one word makes it a name even when it is also a
// given name (not "told", "joined", "rival", …, which come before people).
bool company_noun_before(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end) {
    if (end - begin != 1 || begin == 0 || t[begin].punctuation_before || t[begin - 1].capitalized) return false;
    const std::string& w = t[begin - 1].text;
    return is_organisation_cue(w) && !cue_names_people_too(w);
}

// "Manchester station Key 103", "the group Transport 2000", "group Fathers
// 4 Justice": a name a cue noun announces goes on over a number written
// right after it, and the capitalised words after that (not over an amount,
// a score or a percentage). Returns the name's new end.
std::size_t end_over_number_after_cue(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                                      std::string_view text) {
    if (begin == 0 || end >= t.size() || t[begin - 1].capitalized || !is_organisation_cue(t[begin - 1].text) ||
        cue_names_people_too(t[begin - 1].text) || t[end].punctuation_before || t[end].sentence_start ||
        t[end].hyphen_before || !all_ascii_digits(t[end].text) || part_of_a_number(t[end], text) ||
        (t[end].end < text.size() && text[t[end].end] == '%'))
        return end;
    std::size_t e = end + 1;
    while (e < t.size() && t[e].capitalized && !t[e].punctuation_before && !t[e].sentence_start) ++e;
    return e;
}

// "analysts Douglas-Westwood": a given name joined by a hyphen to a word
// that is no strong given name ("Jean-Pierre" is two) names a firm after its founders, no
// person (a person's given name stands apart from the surname).
bool hyphened_to_a_surname(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, const Gazetteer& g) {
    return end - begin == 2 && t[begin + 1].hyphen_before && g.given_name_by_key(t[begin + 1].key) != GivenName::yes;
}

// A club's nickname or the last word of many clubs' names ("United", "Rovers").
bool is_club_word(std::string_view w) {
    static const WordSet kWords{"United",    "City",   "Rovers", "Athletic", "Town",  "County",
                                "Wanderers", "Albion", "Blues",  "Reds",     "Saints"};
    return kWords.contains(w);
}

// The members of a body, named as people ("MPs", "MEPs").
bool is_members_word(std::string_view w) {
    return is_one_of(w, {"MPs", "MEPs", "MSPs", "AMs", "MLAs", "TDs", "CEOs", "GPs"});
}

// A person's title that opens no firm's name (unlike "General Accident",
// "Admiral Insurance", "Cardinal Health", "Captain Morgan").
bool is_persons_title(std::string_view w) {
    static const WordSet kTitles{"President", "Ambassador", "Senator",    "Governor",    "Mayor",        "Chancellor",
                                 "Minister",  "Secretary",  "Judge",      "Envoy",       "Commissioner", "Sheikh",
                                 "Emir",      "Pope",       "Inspector",  "Detective",   "Sergeant",     "Constable",
                                 "Colonel",   "Lieutenant", "Spokesman",  "Spokeswoman", "Chairman",     "Chairwoman",
                                 "Rabbi",     "Imam",       "Archbishop", "Bishop"};
    return is_honorific(w) || kTitles.contains(w);
}

// "Nick Bubb of Evolution Securities", "Detective Inspector Paul Miller of
// Thames Valley Police": a person's name, after any titles, before "of" is
// no part of the name that follows. Returns where that name begins; 0 when
// the run opens on none.
std::size_t begin_after_persons_name(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                                     const Gazetteer& g) {
    std::size_t past_titles = begin;
    while (past_titles < end && (is_role(t[past_titles].text) || is_honorific(t[past_titles].text))) ++past_titles;
    for (std::size_t p = begin;; p = past_titles) {
        for (std::size_t k = p + 2; k + 1 < end; ++k) {
            if (t[k].text != "of" || is_organisation_head(t[k - 1].text)) continue;
            const GivenName given = g.given_name_by_key(t[p].key);
            if (given == GivenName::yes ||
                (given == GivenName::weak && k - p == 2 && !is_organisation_suffix(t[k - 1].text)))
                return k + 1;
        }
        if (p == past_titles) return 0;  // tried the run's own first word, then the one past its titles
    }
}

// "Johnny Cash manager Holiff": a person's name (a known given name and one
// more word that is no club's) before a role a person has too (manager,
// boss, fans); not before a team's alone or a band member's ("Baylor Bears
// coach", "Manfred Mann singer Paul Jones" name the team and the band).
bool persons_name_before_role(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                              const Gazetteer& g) {
    return end - begin == 2 && end < t.size() && g.given_name_by_key(t[begin].key) == GivenName::yes &&
           !is_club_word(without_possessive(t[begin + 1].text)) &&
           is_one_of(without_possessive(t[end].text),
                     {"manager", "boss", "assistant", "chairman", "colleague", "colleagues", "fans", "supporters"});
}

// Words that are never an organisation's whole name, whatever surrounds them.
bool never_organisation(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text,
                        const Gazetteer& g) {
    // A club's nickname or a short acronym says too little alone, and so does
    // a sentence's first word, unless it opens a list with two known names
    // ("Queen, Muse, Manic Street Preachers and The Clash complete …").
    if (end - begin == 1 && ((t[begin].sentence_start && !listed_with_known_organisations(t, begin, end, text, g)) ||
                             t[begin].text.size() <= 2 || is_club_word(t[begin].text)))
        return true;
    // A person: "Mr Howard's spokesman", "President Castro's chief aide".
    if (begin > 0 && !t[begin].punctuation_before &&
        (is_honorific(t[begin - 1].text) || (t[begin - 1].capitalized && is_persons_title(t[begin - 1].text))))
        return true;
    // "told MPs the UK was …", "President Castro's chief aide", "Ambassador
    // Stefan Johannesson of Iceland, warned": a run opening on the members
    // of a body or on a person's title names people (not "Star Alliance",
    // which ends on an organisation's word).
    if (is_members_word(t[begin].text) || (end - begin >= 2 && is_persons_title(t[begin].text) &&
                                           !is_organisation_suffix(without_possessive(t[end - 1].text))))
        return true;
    // "A White House spokesman", "Downing Street officials": a seat of
    // government or a landmark the gazetteer knows is that place, standing
    // for its government (docs/entity-guidelines.md), no organisation; nor
    // is the run's tail ("House", when "White" was left out of the run).
    const bool word_before = begin > 0 && !t[begin].punctuation_before && t[begin - 1].capitalized;
    for (std::size_t b = word_before ? begin - 1 : begin; b <= begin; ++b) {
        if (end - b < 2) continue;
        const Place* p = g.find_place(without_possessive(joined(t, b, end, text)));
        if (p && (p->venue || p->kind == PlaceKind::region)) return true;
    }
    // "works for Sri Lankan television": the end of a people's adjective of two words.
    if (begin > 0 && !t[begin].punctuation_before && g.demonym_by_key(t[begin - 1].key + " " + t[begin].key))
        return true;
    for (std::size_t k = begin; k < end; ++k)
        if ((t[k].capitalized && weekday_number(t[k].text) >= 0) || is_honorific(t[k].text) || t[k].text == "I")
            return true;
    std::string name;
    for (std::size_t k = begin; k < end; ++k) name += (k > begin ? " " : "") + t[k].text;
    const GivenName given = g.given_name_by_key(t[begin].key);  // a person's name, even a weakly known one
    // "Christmas sales", "European sales": a holiday or a place's adjective.
    if (end - begin == 1 && (is_holiday_name(t[begin].text) || g.place_adjective_by_key(t[begin].key))) return true;
    // "Legendary Dutch boss Ana Ruiz": a nationality ending the words before
    // a role says whose the person is; "Chinese PC sales": one opening the
    // words before a word of trade says whose market it is.
    if (end - begin >= 2 && g.demonym_by_key(t[end - 1].key)) return true;
    if (end - begin >= 2 && g.demonym_by_key(t[begin].key) && end < t.size() &&
        is_one_of(t[end].text, {"sales", "profits", "profit", "revenues", "revenue"}))
        return true;
    // "Franz Ferdinand, Travis and Snow Patrol": one word listed with two
    // well-known organisations is one of their kind even when it is a given
    // name; a person is listed there by a full name.
    // "shares in Ireland-based Elan": so is one right after a place joined
    // to "-based" (a person there is named by a role or a full name).
    const bool listed_one_word = end - begin == 1 && (listed_with_known_organisations(t, begin, end, text, g) ||
                                                      after_place_based(t, begin));
    return g.find_place(name) || g.demonym_country(name) ||
           (!hyphened_to_a_surname(t, begin, end, g) &&
            ((given == GivenName::yes && !company_noun_before(t, begin, end) && !listed_one_word) ||
             (given == GivenName::weak && end - begin >= 2)));
}

bool is_corporate_suffix(std::string_view w) {
    static const WordSet kWords{"Inc",     "Inc.",  "Corp",     "Corp.", "Corporation", "Ltd", "Ltd.",
                                "Limited", "plc",   "PLC",      "Plc",   "AG",          "SA",  "GmbH",
                                "LLC",     "Group", "Holdings", "Co",    "Co."};
    return kWords.contains(w);
}

// "Kestrel Mail" in a headline and "Kestrel Mail Inc" in the text are one
// company: a name that a longer one extends by a corporate suffix is that one.
// So is a one-word name that ends a longer one ("United" after "Manchester
// United" is that club), a name that ends one after a place ("Securities and
// Exchange Commission", the SEC, beside the "US Securities and Exchange
// Commission"), and a website's name is its address ("Shadowmart.com").
// "LSE" beside "London Stock Exchange": a word in capitals made of the
// initials of a longer name's capitalised words (its connectors left out)
// is that name's acronym, wherever the article writes it (a headline before
// the name, no brackets after it).
bool initials_of(std::string_view acronym, std::string_view name) {
    if (acronym.size() < 2 || !std::all_of(acronym.begin(), acronym.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return false;
    std::string initials;
    for (const auto& w : split_words(name)) {
        const char c = name[w.begin];
        if (c >= 'A' && c <= 'Z') initials += c;
        else if (!is_connector(name.substr(w.begin, w.end - w.begin)) && name.substr(w.begin, w.end - w.begin) != "and")
            return false;
    }
    return initials == acronym;
}

// "US Securities and Exchange Commission" is the "Securities and Exchange
// Commission" with its country; "Stevenage Labour Party" is a town's branch
// of the known "Labour Party", another body.
bool names_the_body_itself(std::string_view place, std::string_view body, const Gazetteer& g) {
    const Place* p = g.find_place(place);
    return p && !(p->kind == PlaceKind::city && g.find_organization(body));
}

std::vector<std::string> with_short_forms_merged(const std::vector<std::string>& names, const Gazetteer& g) {
    std::vector<std::string> out;
    for (const auto& n : names) {
        const bool one_word = n.find(' ') == std::string::npos;
        const auto longer = std::find_if(names.begin(), names.end(), [&](const std::string& m) {
            if (one_word && m.find(' ') != std::string::npos && initials_of(n, m)) return true;
            // "investment company Baikal" beside "Baikal Finance Group": an
            // unknown one-word name opening a longer one that ends on an
            // organisation's word is its short form ("BBC" and "BBC Trust",
            // both known, stay two).
            if (one_word && m.starts_with(n + " ") && is_organisation_suffix(m.substr(m.rfind(' ') + 1)) &&
                !g.find_organization(n))
                return true;
            // "car maker Mercedes" beside "Mercedes-Benz": the first part of a hyphenated name.
            if (one_word && m.starts_with(n + "-") && m.find(' ') == std::string::npos && !g.find_organization(n))
                return true;
            // "Arbor Network's" beside "Arbor Networks": one name, its last word
            // written once without its plural "s".
            if (!one_word && m.size() == n.size() + 1 && m.starts_with(n) && m.back() == 's') return true;
            if (m.size() <= n.size() + 1) return false;
            if (m.ends_with(n) && m[m.size() - n.size() - 1] == ' ' &&
                (one_word || names_the_body_itself(std::string_view(m).substr(0, m.size() - n.size() - 1), n, g)))
                return true;  // "US Securities and Exchange Commission" is the "Securities and Exchange Commission"
            if (!m.starts_with(n)) return false;
            const std::string_view rest = std::string_view(m).substr(n.size());
            // "Shadowmart" and its website "Shadowmart.com" are one.
            if (is_one_of(rest, {".com", ".org", ".net", ".co.uk"})) return true;
            return rest[0] == ' ' && is_corporate_suffix(rest.substr(1));
        });
        const std::string& kept = longer == names.end() ? n : *longer;
        if (std::find(out.begin(), out.end(), kept) == out.end()) out.push_back(kept);
    }
    return out;
}

// ", capt)", ",capt.)": a team sheet's mark of its captain, after his club.
bool captain_marked(std::string_view after) {
    if (!after.starts_with(",")) return false;
    after = trim(after.substr(1));
    return after.starts_with("capt)") || after.starts_with("capt.)");
}

// "A Foley (Munster)", "Kieran Campbell (Ulster)": in a team sheet the
// bracketed name after a player's (an initial or a given name, then a
// surname) is the player's club. A country there is the player's nation.
bool team_sheet_club(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text,
                     const Gazetteer& g) {
    if (begin < 2 || end <= begin || !t[begin - 1].capitalized || t[begin - 1].punctuation_before) return false;
    const std::string_view before = trim(text.substr(t[begin - 1].end, t[begin].begin - t[begin - 1].end));
    if (before != "(" && before != ", (" && before != ",(") return false;
    // "(Toulouse, capt)": the captain's mark may follow the club.
    const std::string_view after = text.substr(t[end - 1].end);
    if (!after.starts_with(")") && !after.starts_with(" (") && !captain_marked(after)) return false;
    const EntityToken& first = t[begin - 2];
    const bool initial = first.all_caps && (first.text.size() == 1 || (first.text.size() == 2 && first.text[1] == '.'));
    if (!initial && g.given_name_by_key(first.key) == GivenName::no) return false;
    // "(SA)", "(NZ)": a nation's abbreviation; "(South African)": a nationality.
    if (t[begin].all_caps && end - begin == 1 && t[begin].text.size() <= 3) return false;
    const std::string name = joined(t, begin, end, text);
    if (g.demonym_country(name)) return false;
    const Place* p = g.find_place(name);
    return !p || p->kind == PlaceKind::city || p->kind == PlaceKind::subdivision;
}

// Is the article about sport: does it name a well-known team, sports body
// or competition, list a player by an initial and a surname before a
// bracket ("L Moody (Leicester)"), or use a squad's or a sport's words
// ("squad", "replacements", "capt", "coach", "rugby")? ("Daniel Craig
// (Enduring Love), Phil Davis (Vera Drake)": elsewhere the brackets after a
// name hold a film or a role.)
bool about_sport(const std::vector<EntityToken>& t, std::string_view text, const Gazetteer& g) {
    static const WordSet kSportWords{"squad",   "squads",  "replacements", "substitutes",  "line-up", "capt",   "caps",
                                     "coach",   "match",   "tournament",   "athletics",    "rowing",  "boxing", "rugby",
                                     "cricket", "cycling", "championship", "championships"};
    for (std::size_t k = 0; k + 1 < t.size(); ++k)
        if ((is_initial(t[k]) && t[k + 1].capitalized && text.substr(t[k + 1].end).starts_with(" (")) ||
            kSportWords.contains(t[k].key))
            return true;
    std::string name;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (const std::size_t n = t[k].capitalized ? known_organization_at(t, k, g, name) : 0) {
            if (const Organization* o = g.find_organization(name); o && o->sport) return true;
            k += n - 1;
        }
    return false;
}

// Is token k capitalised somewhere in the article other than at a sentence
// start? A sentence's first word needs that to count as a name on its own
// ("Chelsea boss …" does, "Assistant coach …" does not).
bool capitalised_mid_sentence(const std::vector<EntityToken>& t, std::size_t k) {
    for (const EntityToken& x : t)
        if (!x.sentence_start && x.capitalized && x.key == t[k].key) return true;
    return false;
}

// "Wasps coach Warren Gatland", "Dragons three-quarter Hal Luscombe": an
// unknown name before a team role and a person's name is a team. Places
// (towns are handled with the places) and demonyms are not.
bool names_team(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text,
                const Gazetteer& g) {
    if (end >= t.size() || t[end].punctuation_before || !team_role_at(t, end)) return false;
    std::size_t person = end + 1;
    while (person < t.size() && t[person].hyphen_before) ++person;  // past "-half"
    if (person >= t.size() || !t[person].capitalized || t[person].punctuation_before) return false;
    if (end - begin > 3 || is_sentence_opener(without_possessive(t[begin].text))) return false;
    const std::string name = joined(t, begin, end, text);
    if (g.find_place(name) || g.demonym_country(name) || g.demonym_by_key(t[begin].key)) return false;
    for (std::size_t k = begin; k < end; ++k)
        if (t[k].all_caps || is_honorific(t[k].text) || t[k].text == "I" ||
            (k + 1 < end && without_possessive(t[k].text) != t[k].text) ||  // "Maritiem's German striker"
            g.demonym_by_key(t[k].key))
            return false;
    return !t[begin].sentence_start || capitalised_mid_sentence(t, begin);
}

// "Kestrel v Velmora": an unknown name of one to three capitalised words as
// a side of a fixture is a team. Places (towns are clubs by the place
// rules, countries national sides), nationalities and persons' names are not.
bool fixture_team(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text,
                  const Gazetteer& g) {
    if (end - begin > 3 || !fixture_side(t, begin, end)) return false;
    if (begin > 0 && t[begin - 1].capitalized && !t[begin].punctuation_before && !t[begin].sentence_start)
        return false;  // "Milton Keynes Dons": no side opens inside a run of capitals
    const std::string name = joined(t, begin, end, text);
    if (g.find_place(name) || known_place_length(t, begin, g) >= end - begin || g.demonym_country(name) ||
        g.demonym_by_key(t[begin].key) || g.given_name_by_key(t[begin].key) == GivenName::yes)
        return false;
    for (std::size_t k = begin; k < end; ++k)
        if (is_honorific(t[k].text) || is_sentence_opener(t[k].text) || ends_in_possessive(t[k])) return false;
    return true;
}

// "US Securities and Exchange Commission": a well-known name that starts
// inside the run and goes on over "and" past its end is one name (the run
// stopped at "and", which joins two names more often than it sits inside
// one). The run ends where the known name does.
std::size_t end_of_known_name_over_and(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                                       const Gazetteer& g) {
    if (end >= t.size() || t[end].text != "and") return end;
    std::string ignored;
    for (std::size_t k = begin; k < end; ++k)
        if (const std::size_t n = known_organization_at(t, k, g, ignored); k + n > end) return k + n;
    return end;
}

// "Refugee Council Chief Executive Ana Ruiz": capitalised role words and a
// name after an organisation's word are a person's title and name, no part
// of the organisation, which ends at its word. Not when the run ends on an
// organisation's word itself ("Daily Mail & General Trust"), opens on a
// title ("Deputy High Court Judge …", "Ex-Welsh Office Minister …") or has
// a known name inside it, found on its own ("New Metropolitan Police
// Commissioner …").
std::size_t end_before_title(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                             const Gazetteer& g) {
    if (is_organisation_suffix(t[end - 1].text) || is_role(t[begin].text) || is_one_of(t[begin].text, {"Ex", "Former"}))
        return end;
    for (std::size_t k = begin + 1; k + 1 < end; ++k) {
        if (!is_organisation_suffix(t[k - 1].text) || !is_role(t[k].text)) continue;
        std::size_t name = k + 1;
        while (name < end && is_role(t[name].text)) ++name;  // "Chief Executive", "General Secretary"
        return name < end && !known_inside(t, begin, k, g) ? k : end;
    }
    return end;
}

// "the Commons home affairs committee", "a Senate intelligence committee":
// a chamber of a legislature, up to four words in lower case and
// "committee" name one of its committees (as BBC style writes them), not
// the chamber. Returns its length in tokens, 0 if none; `name` is it in
// title case ("Commons Home Affairs Committee").
// "a member of the Cabinet", "other Cabinet ministers": the government's
// cabinet, written with its capital after a word in lower case; not a
// title ("Trade Cabinet Secretary", "the Cabinet Office" is known) nor a
// capital a sentence or a headline gives it ("Former Cabinet minister").
bool cabinet_at(const std::vector<EntityToken>& t, std::size_t i) {
    if (t[i].text != "Cabinet" || i == 0 || t[i].sentence_start || t[i - 1].capitalized) return false;
    return i + 1 == t.size() || !t[i + 1].capitalized || t[i + 1].punctuation_before || t[i + 1].sentence_start;
}

std::size_t committee_of_chamber_at(const std::vector<EntityToken>& t, std::size_t i, std::string& name) {
    static const WordSet kChambers{"Commons", "Lords", "Senate", "House", "Assembly", "Congress"};
    if (!kChambers.contains(t[i].text)) return 0;
    std::size_t k = i + 1;
    while (k < t.size() && k - i <= 5 && !t[k].punctuation_before && !t[k].sentence_start && !t[k].capitalized &&
           !t[k].hyphen_before && lower_ascii(t[k].text) == t[k].text && t[k].text != "committee")
        ++k;
    if (k - i < 2 || k - i > 5 || k >= t.size() || t[k].text != "committee" || t[k].punctuation_before) return 0;
    name = t[i].text;
    for (std::size_t w = i + 1; w <= k; ++w) {
        std::string word = t[w].text;
        if (word[0] >= 'a' && word[0] <= 'z' && !is_one_of(word, {"and", "of", "on", "for", "the"}))
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
        name += " " + word;
    }
    return k + 1 - i;
}

// "Ernst & Young": the tokens leave the ampersand out, so a well-known name
// written with one is looked up whole, or with the words after it left off
// (a product's name: "the Alliance & Leicester FirstSaver"). Sets `end` to
// where the name ends.
const Organization* known_name_with_ampersand(const std::vector<EntityToken>& t, std::size_t begin, std::size_t& end,
                                              std::string_view text, const Gazetteer& g) {
    std::size_t after = 0;  // the first word after the first ampersand
    for (std::size_t k = begin + 1; k < end && !after; ++k)
        if (ampersand_before(t, k, text)) after = k;
    for (std::size_t e = end; after && e > after; --e)
        if (const Organization* o = g.find_organization(joined(t, begin, e, text))) {
            end = e;
            return o;
        }
    return nullptr;
}

// "the RBS Six Nations", "the Uefa Cup", "the Volvo Women's Open": a known
// name that opens an event's name is the event's sponsor or organiser
// there, not an organisation mentioned (events are not organisations).
bool opens_event_name(const std::vector<EntityToken>& t, std::size_t end) {
    // ("the International Rugby Board's awards", "News Corp's News
    // International unit": after a possessive the body owns what follows.)
    if (end > 0 && has_possessive(t[end - 1].text)) return false;
    for (std::size_t k = end; k < t.size() && k < end + 5; ++k) {  // "the Orange British Academy Film Awards"
        if (t[k].sentence_start || t[k].punctuation_before) return false;
        // "the Nokia Harbour Relief match": capitalised words after the name and a
        // match's noun in lower case name the event the body stages.
        // "a Kestrel silver medal", "the Kestrel champion": a medal's or a
        // champion's word right after the name names its games.
        // "Golden Globe and Bafta nominations", "the Bafta-winning drama":
        // a prize's word names the prize the body gives, no mention of it.
        if (!t[k].capitalized && k == end)
            return is_one_of(t[k].text, {"medal", "medals", "medallist", "champion", "award", "awards", "nomination",
                                         "nominations", "prize", "trials"}) ||
                   (t[k].hyphen_before && t[k].text == "winning") ||
                   (is_one_of(t[k].text, {"gold", "silver", "bronze"}) && k + 1 < t.size() &&
                    is_one_of(t[k + 1].text, {"medal", "medals", "medallist"}));
        // ("the Norwich Union Indoor trials": a meeting's words in lower case too.)
        if (!t[k].capitalized)
            return k > end && is_one_of(t[k].text, {"match", "matches", "tournament", "final", "trials", "meeting"});
        // ("the Norwich Union International": a meeting named "International"
        // ends the name; "Amnesty International" is a known name of its own.)
        if (is_event_word(t[k].text) || (k == end && t[k].text == "International" &&
                                         (k + 1 >= t.size() || !t[k + 1].capitalized || t[k + 1].punctuation_before)))
            return true;
    }
    return false;
}

// "The Blair Witch Project", "the Windows XP Counterfeit Project": a name
// ending on "Project" is a work's title after a capitalised "The" mid-sentence,
// and a product's scheme with a word in capitals or a digit inside, no body
// ("the Pew Internet and American Life Project", "The Honeynet Project said").
bool project_of_a_work_or_product(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end) {
    if (t[end - 1].text != "Project") return false;
    while (begin > 0 && t[begin - 1].capitalized && !t[begin].punctuation_before && !t[begin].sentence_start)
        --begin;  // the whole capitalised run, as a later start inside it ("Witch Project") sees it
    if (t[begin].text == "The" && !t[begin].sentence_start) return true;
    return std::any_of(
        t.begin() + static_cast<long>(begin), t.begin() + static_cast<long>(end), [](const EntityToken& w) {
            return (w.all_caps && w.text.size() > 1) ||
                   std::any_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
        });
}

// "the Nasdaq fell 2.1%", "the Nikkei lost 120 points": a known
// name after "the" that moves by a percentage or by points is the share
// index named after the exchange or the newspaper, a measure of the
// market, no organisation mentioned ("shares rose on Nasdaq" names the
// exchange; "the Tories lost 30 seats" names the party). `end` is the
// token after the name.
bool names_share_index(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end, std::string_view text) {
    static const WordSet kMoves{"rose",    "fell",    "lost",     "gained", "climbed", "dropped", "slipped",
                                "jumped",  "edged",   "shed",     "added",  "closed",  "slid",    "dipped",
                                "tumbled", "rallied", "declined", "surged", "eased"};
    if (begin == 0 || t[begin - 1].text != "the" || end + 1 >= t.size() || t[end].punctuation_before ||
        !kMoves.contains(t[end].text))
        return false;
    std::size_t p = t[end + 1].begin;
    if (p >= text.size() || !std::isdigit(static_cast<unsigned char>(text[p]))) return false;
    while (p < text.size() && (std::isdigit(static_cast<unsigned char>(text[p])) || text[p] == '.' || text[p] == ','))
        ++p;
    if (p < text.size() && text[p] == '%') return true;
    const std::string_view rest = text.substr(p);
    return rest.starts_with(" points") || rest.starts_with(" per cent") || rest.starts_with(" percent");
}

// "the Nokia 4410", "a Sony Q700": a known maker's name before a model's
// number (three digits or more that are no year, or a capital and digits)
// names the product, no mention of the maker. `end` is the token after
// the name.
bool names_model(const std::vector<EntityToken>& t, std::size_t end) {
    if (end >= t.size() || t[end].punctuation_before || t[end].sentence_start || t[end].hyphen_before) return false;
    const std::string& w = t[end].text;
    const bool digits = w.size() >= 3 && all_ascii_digits(w);
    const bool year = w.size() == 4 && (w.starts_with("19") || w.starts_with("20"));
    const bool letter_and_digits = w.size() >= 3 && w[0] >= 'A' && w[0] <= 'Z' &&
                                   all_ascii_digits(std::string_view(w).substr(1));
    return (digits && !year) || letter_and_digits;
}

// "analysts Quorrix/MDR": capitalised words joined by a slash with no space
// around it are one name (two firms merged, a firm and its unit). Returns
// the token after the last one joined so to the name ending before `end`.
std::size_t end_over_slashes(const std::vector<EntityToken>& t, std::size_t end, std::string_view text) {
    while (end < t.size() && t[end].capitalized && !t[end].sentence_start && t[end].begin == t[end - 1].end + 1 &&
           text[t[end - 1].end] == '/')
        ++end;
    return end;
}

// "Atlético Ribeira", "the China-published Economic Observer": the
// capitalised word right before the name at token k opens a fuller name
// (no sentence opener, cue noun, demonym, honorific, given name or
// possessive, and not inside a name found already).
bool word_before_opens_name(const std::vector<EntityToken>& t, std::size_t k, const std::vector<bool>& taken,
                            const Gazetteer& g) {
    const EntityToken& w = t[k - 1];
    return !(t[k].sentence_start || t[k].punctuation_before || t[k].hyphen_before || !w.capitalized || w.all_caps ||
             w.hyphen_before ||  // "non-League Yeading": the word before ends a hyphenated word
             taken[k - 1] || is_sentence_opener(w.text) ||
             (w.sentence_start && is_organisation_cue(lower_ascii(w.text))) ||  // "Developer Valve has …"
             g.demonym_by_key(w.key) || is_honorific(w.text) ||
             g.given_name_by_key(w.key) == GivenName::yes ||  // "Ed Wood" is a person
             without_possessive(w.text) != w.text);
}

// "The Observer" and "The Times" are known by their titles without "The";
// another capitalised word before such a title ("Economic Observer") makes
// another publication's title, when that word is no place ("Los Angeles
// Times" is no mention of the Times, nor of a place here).
bool title_of_another(const std::vector<EntityToken>& t, std::size_t i, const std::string& known,
                      const std::vector<bool>& taken, const Gazetteer& g) {
    return i > 0 && known.starts_with("The ") && std::string_view(known).substr(4) == without_possessive(t[i].text) &&
           word_before_opens_name(t, i, taken, g) && !g.find_place_by_key(t[i - 1].key);
}

// A well-known team, sports body or competition ("(Leicester Tigers)" in
// brackets is a club wherever it stands).
bool known_sport(const std::string& name, const Gazetteer& g) {
    const Organization* o = g.find_organization(name);
    return o && o->sport;
}

}  // namespace

// "Jim Press", "Nicky Wire", "Natalie Press": a known given name before a
// newspaper's word that is also a surname names a person, unless the
// gazetteer knows the two words as a paper.
bool persons_name_like_a_papers(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                                const Gazetteer& g) {
    // ("Actress Natalie Press": past a role; "the Clinton Herald", "the
    // Leigh Journal": a paper after "the" or a town's name is the paper.)
    while (end - begin > 2 && is_role(t[begin].text)) ++begin;
    static const WordSet kPaperWords{"Press", "Wire",    "Courier", "Post",    "Herald", "Times",
                                     "Mail",  "Journal", "Tribune", "Gazette", "Ledger"};
    // The name's own shape first: asked of every run ending on an
    // organisation's word, most of which end on another.
    if (end - begin != 2 || !kPaperWords.contains(without_possessive(t[begin + 1].text)) ||
        g.given_name_by_key(t[begin].key) != GivenName::yes)
        return false;
    // ("publisher Allen Press", "the weekly Ross Gazette": after a noun
    // of a firm or a paper, the paper's.)
    if ((begin > 0 && (is_one_of(t[begin - 1].text, {"the", "The", "weekly", "daily"}) ||
                       (!t[begin - 1].capitalized && is_organisation_cue(t[begin - 1].text) &&
                        !cue_names_people_too(t[begin - 1].text)))) ||
        g.find_place_by_key(t[begin].key))
        return false;
    return !g.find_organization_by_key(t[begin].key + " " + Gazetteer::key(without_possessive(t[begin + 1].text)));
}

bool listed_with_known_teams(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                             std::string_view text, const Gazetteer& g) {
    return known_items_around(t, begin, end, text, g, ListedKind::team) >= 2;
}

bool listed_with_known_firms(const std::vector<EntityToken>& t, std::size_t begin, std::size_t end,
                             std::string_view text, const Gazetteer& g) {
    return known_items_around(t, begin, end, text, g, ListedKind::firm) >= 2;
}

std::vector<std::string> find_organizations(const std::vector<EntityToken>& t, std::string_view text,
                                            const Gazetteer& g, std::vector<bool>* covered, EvidenceMap* evidence) {
    std::vector<std::string> out;
    std::map<std::string, std::string> acronyms;
    // Tokens [b, e) name `name`, by `rule`. A name the gazetteer knows is
    // written as it writes it, whichever rule found it: "Labour spokesman"
    // names the Labour Party, as "the Labour Party" does (one value a body).
    auto add = [&](const std::string& found, const char* rule, std::size_t b, std::size_t e) {
        const Organization* known = g.find_organization(found);
        const std::string& name = known ? known->name : found;
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        note_evidence(evidence, name, rule, t[b].begin, t[e - 1].end);
    };
    // Asked only when a team sheet's bracket is met, once an article.
    std::optional<bool> sport;
    auto article_about_sport = [&] {
        if (!sport) sport = about_sport(t, text, g);
        return *sport;
    };
    std::vector<bool> taken(t.size(), false);  // tokens inside a name found
    auto cover = [&](std::size_t b, std::size_t e) {
        std::fill(taken.begin() + static_cast<long>(b), taken.begin() + static_cast<long>(e), true);
        if (covered) std::fill(covered->begin() + static_cast<long>(b), covered->begin() + static_cast<long>(e), true);
    };
    for (std::size_t i = 0; i < t.size();) {
        if (t[i].work_title) {
            ++i;
            continue;
        }
        if (!t[i].capitalized) {  // "eBay": a known name spelt with a lower-case first letter
            // "al-Qaeda": or one opening on a particle joined by a hyphen.
            if ((t[i].text.size() > 1 && t[i].text[1] >= 'A' && t[i].text[1] <= 'Z') || opens_on_particle(t, i) ||
                opens_on_digit(t[i])) {
                std::string known;
                if (const std::size_t n = known_organization_at(t, i, g, known)) {
                    add(known, "a well-known organisation (organizations.tsv)", i, i + n);
                    cover(i, i + n);
                    i += n;
                    continue;
                }
            }
            ++i;
            continue;
        }
        if (auto it = acronyms.find(t[i].text); it != acronyms.end()) {
            add(it->second, "an acronym the article defines in brackets after the full name", i, i + 1);
            ++i;
            continue;
        }
        std::string known;
        std::size_t n_known = known_organization_at(t, i, g, known);
        if (const Organization* o = n_known ? nullptr : known_name_opening_a_list(t, i, text, g)) {
            n_known = 1;
            known = o->name;
        }
        if (const std::size_t n = n_known ? 0 : web_domain_at(t, i, text)) {
            add(std::string(text.substr(t[i].begin, t[i + n - 1].end - t[i].begin)),
                "a capitalised name with a web domain's ending (X.com, X.org, X.co.uk)", i, i + n);
            cover(i, i + n);
            i += n;
            continue;
        }
        if (cabinet_at(t, i)) {
            add("Cabinet", "the Cabinet, capitalised after a word in lower case (a member of the Cabinet)", i, i + 1);
            cover(i, i + 1);
            ++i;
            continue;
        }
        if (std::string committee; const std::size_t n = committee_of_chamber_at(t, i, committee)) {
            add(committee, "a chamber, words in lower case and \"committee\" (the Commons home affairs committee)", i,
                i + n);
            cover(i, i + n);
            i += n;
            continue;
        }
        // "Past Congressional Budget Office forecasts", "Former Bank of
        // England officials": a sentence's first word before a well-known
        // name of two words or more that ends the run is no part of it.
        if (std::string after; !n_known && t[i].sentence_start && i + 1 < t.size() && !t[i + 1].punctuation_before &&
                               !t[i + 1].sentence_start && !g.find_place_by_key(t[i].key) &&
                               !g.demonym_by_key(t[i].key) && g.given_name_by_key(t[i].key) != GivenName::yes) {
            const std::size_t n = known_organization_at(t, i + 1, g, after);
            if (n >= 2 && i + 1 + n == capitalised_run(t, i, text, g)) {
                ++i;
                continue;
            }
        }
        std::size_t begin = i;
        std::size_t end = capitalised_run(t, i, text, g);
        if (team_sheet_club(t, begin, end, text, g) &&
            (article_about_sport() || (n_known == end - begin && known_sport(known, g)))) {
            const std::string name = n_known == end - begin ? known : without_possessive(joined(t, begin, end, text));
            add(name, "a club in brackets after a player's name in a team sheet", begin, end);
            cover(begin, end);
            i = end;
            continue;
        }
        end = end_before_title(t, begin, end_of_known_name_over_and(t, begin, end, g), g);
        if (const Organization* o = n_known ? nullptr : known_name_with_ampersand(t, begin, end, text, g)) {
            add(o->name, "a well-known organisation (organizations.tsv)", begin, end);
            cover(begin, end);
            i = end;
            continue;
        }
        // "Securities and Exchange Commission": "and" inside a name that ends
        // on an organisation's word.
        // "Gervais and The Office": a name after "and" opening on a capitalised
        // "The" is a name of its own (a title's), no part of this one.
        if (end + 1 < t.size() && t[end].text == "and" && !t[end].punctuation_before && t[end + 1].capitalized &&
            t[end + 1].text != "The" &&
            (!is_organisation_suffix(t[end - 1].text) || end - begin == 1) &&  // "Project and Contract Office"
            !g.find_place(joined(t, begin, end, text))) {                      // "Talmara and the Azran Front" are two
            const std::size_t further = capitalised_run(t, end + 1, text, g);
            std::string ignored;
            // "Gaza Strip and West Bank": a place after "and" ends on an
            // organisation's word, and is no part of a name.
            // ("Emily Blunt and Natalie Press": two persons' names.)
            if (is_organisation_suffix(without_possessive(t[further - 1].text)) &&
                !known_organization_at(t, end + 1, g, ignored) && !g.find_place(joined(t, end + 1, further, text)) &&
                !persons_name_like_a_papers(t, end + 1, further, g))
                end = further;
            // "Police Federation of England and Wales": after "of" a place,
            // "and" and one more place of the same kind.
            // "Group on Betting and Gaming": a topic of one word, "and" and one more.
            // "Commission for Development and Reform", "Department for Trade and
            // Industry": after a body's "for" too.
            else if (further == end + 2 && end - begin >= 3 &&
                     (topic_after_body(t, end - 2) || (t[end - 2].text == "for" && heads_body_name(t, end - 3))))
                end = further;
            // "College of Further and Higher Education", "Department of Trade
            // and Industry": after a body's "of", a topic of one or two words,
            // "and" and one or two more, none a place or a known name.
            else if (further <= end + 3 && topic_of_body_goes_on(t, begin, end, further, g)) end = further;
            else if (further == end + 2 && end - begin >= 3 && t[end - 2].text == "of") {
                const Place* a = g.find_place_by_key(t[end - 1].key);
                const Place* b = g.find_place_by_key(t[end + 1].key);
                if (a && b && a->kind == b->kind && a->kind != PlaceKind::city) end = further;
            }
        }
        // "Launching the Department for …", "Called the …", "Through the …":
        // a sentence's first word, a verb's form or a preposition, and "the"
        // open no name ("Save the Children" does).
        if (end - begin > 2 && t[begin].sentence_start && t[begin + 1].text == "the" &&
            (t[begin].text.ends_with("ing") || t[begin].text.ends_with("ed") ||
             is_one_of(t[begin].text, {"Through", "Under", "Across", "Against", "Among", "Within", "Without"})))
            begin += 2;
        // "Rival Halvorsen Micro Inc": a sentence's capitalised first word may
        // be a cue, not a name; not before a connector ("Bank of China is …").
        while (begin < end && (is_sentence_opener(without_possessive(t[begin].text)) ||
                               (t[begin].sentence_start && end - begin > 1 && t[begin + 1].capitalized &&
                                is_organisation_cue(lower_ascii(t[begin].text)))))
            ++begin;
        // "But the Court of Appeals": the connector after an opener opens no name.
        while (begin < end && !t[begin].capitalized) ++begin;
        // "a senior Japanese Finance Ministry official": a nationality before
        // a ministry says whose it is, no part of its name (the country is
        // still found from the demonym).
        if (end - begin >= 3 && t[end - 1].text == "Ministry" && !t[begin].sentence_start &&
            g.demonym_by_key(t[begin].key))
            ++begin;
        if (const std::size_t b = begin_after_persons_name(t, begin, end, g)) begin = b;
        // "Governor of the Bank of England Eddie George": a known name that
        // a person's name follows ends there ("NASA Ames Research Center"
        // goes on to an organisation's word).
        if (n_known && begin == i && end > begin + n_known &&
            g.given_name_by_key(t[begin + n_known].key) == GivenName::yes && !is_organisation_suffix(t[end - 1].text))
            end = begin + n_known;
        // "Air Deccan", "Air France": airlines open on "Air"; Spanish and
        // Portuguese banks and groups on "Banco" and "Grupo" ("Banco Velmora");
        // clubs on "FC" ("FC Cologne").
        const bool suffix = end > begin + 1 && ((is_organisation_suffix(without_possessive(t[end - 1].text)) &&
                                                 !project_of_a_work_or_product(t, begin, end) &&
                                                 !persons_name_like_a_papers(t, begin, end, g)) ||
                                                is_one_of(t[begin].text, {"Air", "Banco", "Grupo", "FC"}));
        // "[Central] Bank of Kenya", "Alliance for Digital Access": a head
        // word followed by "of" or "for" anywhere in the run.
        bool head = false;
        std::size_t head_at = begin;
        for (std::size_t k = begin; k + 2 < end && !head; ++k) head = heads_body_name(t, head_at = k);
        // "Ziyi Zhang for House of Flying Daggers": words joined to the
        // head's name by a word in lower case are no part of it.
        if (head && !suffix)
            for (std::size_t k = head_at; k > begin + 1; --k)
                if (!t[k - 1].capitalized) {
                    begin = k;
                    break;
                }
        if ((suffix || head) && end - begin > n_known) {
            const std::string run = joined(t, begin, end, text);
            // ("Soviet Union", "World Trade Center": a known place is no body,
            // and no shorter tail of it either: no "Trade Center".)
            if (g.find_place(run)) {
                i = end;
                continue;
            }
            const std::string name = without_possessive(run);  // "Zentrix Bank's"
            const Organization* o = g.find_organization(name);
            add(o ? o->name : name,
                suffix ? "a capitalised name ending in an organisation's word (Party, Bank, Inc, …)"
                       : "a capitalised name opening on an organisation's head and \"of\" (Bank of …)",
                begin, end);
            note_acronym(t, end, text, o ? o->name : name, acronyms);
            cover(begin, end);
            i = end;
            continue;
        }
        if (n_known) {
            // "BBC Sport", "BBC Radio Four": a channel or service of a known
            // organisation is named in full.
            std::size_t n = n_known;
            while (i + n < t.size() && !t[i + n].sentence_start && !t[i + n].punctuation_before &&
                   !ends_in_possessive(t[i + n - 1]) && is_service_word(without_possessive(t[i + n].text)) &&
                   !part_of_a_number(t[i + n], text))
                ++n;
            if (local_station_after(t, i + n, g) || continental_arm_after(t, i, i + n, g)) ++n;
            if (opens_event_name(t, i + n) || names_share_index(t, i, i + n, text) || names_model(t, i + n)) {
                cover(i, i + n);
                i += n;
                continue;
            }
            if (const std::size_t d = n == 1 ? nation_before_sports_acronym(t, i, known, g) : 0) {
                const std::string name = joined(t, i - d, i + 1, text);
                const Organization* o = g.find_organization(name);
                add(o ? o->name : name, "a nationality before a sports body's acronym (the Bulgarian FA)", i - d,
                    i + 1);
                cover(i - d, i + 1);
                ++i;
                continue;
            }
            if (n == 1 && title_of_another(t, i, known, taken, g)) {
                add(t[i - 1].text + " " + without_possessive(t[i].text),
                    "a capitalised word before a title known without \"The\" (Economic Observer)", i - 1, i + 1);
                cover(i - 1, i + 1);
                ++i;
                continue;
            }
            const std::string name = n > n_known ? without_possessive(joined(t, i, i + n, text)) : known;
            add(name, "a well-known organisation (organizations.tsv)", i, i + n);
            note_acronym(t, i + n, text, name, acronyms);
            cover(i, i + n);
            i += n;
            continue;
        }
        // (In an article about sport, "Baylor Bears coach" names a team.)
        if (const bool role = end > begin && names_team(t, begin, end, text, g) &&
                              !(persons_name_before_role(t, begin, end, g) && !article_about_sport());
            (role || (end > begin && fixture_team(t, begin, end, text, g))) && !known_inside(t, begin, end, g)) {
            add(without_possessive(joined(t, begin, end, text)),
                role ? "a team: before a team role and a person's name (Wasps coach Warren Gatland)"
                     : "a team: a side of a fixture (Kestrel v Velmora, Kestrel or Velmora v Corvale)",
                begin, end);
            cover(begin, end);
            i = end;
            continue;
        }
        if (end > begin && named_as_organisation(t, begin, end, text, g) &&
            !never_organisation(t, begin, end, text, g) && !known_inside(t, begin, end, g)) {
            const std::size_t whole = end_over_slashes(t, end, text);
            std::string name = whole > end ? std::string(text.substr(t[begin].begin, t[whole - 1].end - t[begin].begin))
                                           : joined(t, begin, end, text);
            end = whole;
            if (const std::size_t numbered = end_over_number_after_cue(t, begin, end, text); numbered > end) {
                name = joined(t, begin, numbered, text);  // "station Key 103"
                end = numbered;
            }
            if (const std::string bare = without_possessive(name); !bare.empty()) name = bare;
            add(name,
                "named as an organisation by the words around it (a firm's noun before it, shares in, takeover of, X shares, X boss)",
                begin, end);
            note_acronym(t, end, text, name, acronyms);
            cover(begin, end);
            i = end;
            continue;
        }
        ++i;
    }
    // "Ribeira coach …" and "Atlético Ribeira": a one-word name the article
    // also gives after another capitalised word is written in that fuller
    // form (docs/entity-guidelines.md), and that word is no place of its own.
    for (auto& name : out) {
        if (name.find(' ') != std::string::npos || g.find_organization(name)) continue;
        for (std::size_t k = 1; k < t.size(); ++k) {
            if (without_possessive(t[k].text) != name || !word_before_opens_name(t, k, taken, g)) continue;
            name = t[k - 1].text + " " + name;
            cover(k - 1, k + 1);
            break;
        }
    }
    // "Microsoft's Quillbox": an unknown one-word name the article writes right
    // after a known organisation's possessive is that organisation's
    // product or brand, no organisation of its own.
    std::erase_if(out, [&](const std::string& name) {
        if (name.find(' ') != std::string::npos || g.find_organization(name)) return false;
        for (std::size_t k = 1; k < t.size(); ++k) {
            if (t[k].text != name || t[k].punctuation_before) continue;
            const std::string owner = without_possessive(t[k - 1].text);
            if (owner != t[k - 1].text && g.find_organization(owner)) return true;
        }
        return false;
    });
    return with_short_forms_merged(out, g);
}

}  // namespace newsdex
