// Article -> Xapian::Document, the first step of the index stage: finds the
// article's entities and dates (common/entities/: extraction, overrides,
// publication-date inference), folds title and body (text_folding.h) and
// indexes their words (common/analysis/text_indexer.h: TermGenerator plus
// the joined form of every hyphenated compound), then writes the entities
// as filter terms, the date terms and values, the facet and sort values and
// the stored record, every one of them encoded by schema.h.
//
// Not thread-safe: one DocumentBuilder per thread.
#pragma once

#include <string_view>

#include <xapian.h>

#include "common/analysis/text_indexer.h"
#include "common/entities/overrides.h"
#include "common/reading/article.h"

namespace newsdex {

class DocumentBuilder {
public:
    // Bump when a change to reading, analysis or entity rules makes an
    // unchanged input index differently: it is part of every article's
    // content hash (schema::kContentHashSlot), so the next run re-analyses
    // the corpus instead of skipping it as unchanged.
    // 2: dated mentions need corroboration; 3: person rules; 4: cities;
    // 5: person evidence; 6: towns as clubs, events and landmarks; 7: hard-
    // wrapped text joined, lines in capitals name nothing, role phrases with
    // "of"; 8: word lists defined once, Productions and Theatre end an
    // organisation's name, copyright years outside 1800-2200 ignored (all
    // issue 12); 9: the facet pack (slot 12), so re-running the indexer
    // writes it into an older index's articles; 10: the sample bucket term;
    // 11: a well-known organisation's name is no part of a person's; 12: the
    // counties of England and Wales, a possessive ends an organisation's name;
    // 13: unless an organisation's word follows it (People's Bank of X);
    // 14: links to other stories ("Earlier: <headline>") are not text (issue 15);
    // 15: a name only a headline gives needs the body's support (issue 12),
    // a month or year sorts as its first day in the tie-break key (slot 1), a
    // weekday before a mentioned date corroborates nothing, one-line fields
    // lose tabs and line breaks, a place after "and" ends an organisation's
    // name; 16: a smaller index (issue 13): the facet pack without the
    // spelling hash and with a 32-bit key hash (version 2), the near-duplicate
    // signature in binary, the persons as extracted (slot 2) only where they
    // differ from the persons as resolved (slot 3); and (issue 12) an
    // acronym's possessive is in capitals ("BBC's"), more organisation cues
    // (roles, the press, websites), seats of government, landmarks, grounds
    // and Scotland's areas as places; 17 (issue 12): organisations' names
    // over "and" when a known name goes on past it, written with "&", cut
    // before a capitalised title and a name, and listed after a plural cue;
    // an unknown word listed among known towns and counties is a place;
    // 18 (issue 13, schema version 10): no word term repeats a whole name,
    // slot 3 and the record's lists only where the facet pack does not hold
    // them as they are, the content hash in slot 10 only; 19 (issue 12): a
    // peer's territorial designation ("Lord X of Birkenhead") names no
    // place, "… Supplement" is a publication of its own, listed counties keep
    // their own word flag, a small town set off before its county, a town
    // opening a known team's name is that team, a constituency after
    // "MP for" is one place; 20 (issue 12, branch ent-quality4): a chamber's
    // committee written in lower case ("the Commons home affairs committee"),
    // another title before a known one ("Economic Observer"), "BBC Radio
    // <town>", a company's continental arm, acronyms and short forms merged
    // into the article's full names, "unit" and "officials" as cues, a
    // company's noun before a given name, no nationality in a ministry's
    // name ("Japanese Finance Ministry"), an unknown place listed after
    // compass words and a known place, "south Asia", a town after a
    // transfer's "from" as the club left; 21 (issue 12, branch
    // ent-quality5): a place before "-based" and the firm after it; no
    // club before a band member's role; "the island of <place>"; compass
    // words before an adjective ("South East Asian"); "Alliance for …",
    // "a division of X", "an analyst with X"; no place "in Saturday's …",
    // "in Asian …"; no firm "Christmas sales", "European sales"; a town's
    // "star" is its club only in sport; a name listed with two known
    // organisations; no place "in X prison"; 22 (issue 12, branch
    // ent-quality6): no organisation for a share index moving by a figure
    // ("the Nasdaq fell 2.1%"), no place for a country's dollar ("US$17m"),
    // a known name opening a match's name ("the Nokia Harbour Relief match"), no
    // organisation for a product after a known one's possessive
    // ("Microsoft's Quillbox") nor for a maker before a model's number
    // ("Nokia 4410"); a name found by its context goes on over a slash
    // ("analysts Quorrix/MDR"); no unknown place "in" after a word of acting
    // ("made her debut in Velmora Nights"); "Banco" and "Grupo" open a
    // name, as "Air" does; a plural's possessive inside a name ("the
    // Harbour Nurses' Union"); 23 (issue 12, branch ent-quality7): a wire
    // dateline's outlet is an organisation, a known town before a
    // geographic word names the feature ("Jakarta Bay"), no place "in
    // Hindi", "Group on <topic>" and "Incorporated", "Partnership" in names;
    // 24 (issue 12): "The Valley" (Anguilla) is a town named like a word;
    // 25 (issue 12): a place's geographic word ("County", "Valley") in a
    // capitalised run makes it no person ("Kent County"); 26 (issue 12):
    // "Batman" (Turkey) and "Douglas" (Isle of Man) are towns named like a
    // character and a name, and "in Cabinet" or "in Senate" names no place;
    // 27 (issue 12, branch ent-quality8, tuned on bbc-dev3): rugby union
    // sheets (semicolons, "(capt)"), a known name opening a sentence before
    // a past tense, curated grounds, outlets and firms; 28 (issue 12): towns
    // and regions named like a person, a firm or a thing ("Bono", "Jackson",
    // "Columbia", "Halifax", "Brent", "Brits") need a
    // preposition of place (places.tsv takes "*" as cities.tsv does); 29
    // (issue 12): a known organisation found by its context is written as
    // the gazetteer writes it ("Labour spokesman" gives "Labour Party");
    // 30 (issue 12, branch ent-quality9): a party word before a person's
    // name, names opening on "al-", a club's town after "spell at" or
    // "stint at" or joined to a known team, "the Bulgarian FA"; 31 (issue
    // 12): a known name's service words stop at a possessive or a score
    // ("BBC Radio 4's World At One", "Chelsea's 1-0 defeat"); 32 (issue
    // 12): "Project", "Programme", "Movies", "Films" are no surname; 33
    // (issue 12): channels' other spellings ("BBC 1", "BBC Radio Four"),
    // "Institute of Fiscal Studies", "Yugansk" as aliases; 34 (issue 12):
    // no compass words after a possessive city ("London's West End"), no
    // town named like a word repeated around "to" ("Man to Man"); 35
    // (issue 12): a place's name after a noun for a work is its title
    // ("the thriller Constantine", "his album Egypt"); 36 (issue 12):
    // "Tobacco" ends a firm's name; Wells Fargo, Grant Thornton, Real
    // Sociedad and La Liga curated; 37 (issue
    // 12, branch ent-quality10, its 31): a known ground opening on a club's name
    // ("Celtic Park"), a role's word after a given name ("John Major"), a
    // given name listed among known organisations ("Franz Ferdinand, Travis
    // and Snow Patrol"), a staff role before "at" ("editor at PC Pro"), a
    // role after a comma vouching for a name ("Nick Davies, spokesman"),
    // no person ending on a number ("the Guildford Four"), the Highlands,
    // the British Isles and the Falklands curated, an organisation cue after
    // a name's comma ("Rockstar Games, the makers of"), "Ireland-based Elan",
    // "the Cabinet", Indonesia's provinces ("Aceh"), "the River Severn".
    // 38 (issue 12): an unknown name after "in" qualifying a noun ("in
    // Sevens rugby") or after "president of" is no place.
    // 39-48 (issue 12, tuned on the dev sets and bbc-dev4): compass words
    // no given names, sports' words no surnames, towns in lists of teams and
    // fixtures' choices are clubs, "Duchy", "Re", team roles with a
    // possessive, team sheets' labels and replacements, "King" as a
    // surname, a role after a comma, the only bearer of a surname and its
    // company, bodies "for" a topic, streets and squares, "east London",
    // players' positions, constituencies before "seat", works' titles.
    // 49 (issue 12, branch ent-org11): organisation lists over known names
    // with "and" and opening a sentence, "Workers' Union's", one word before
    // "and", "Project", curated bands and Creative, names opening on "FC" or
    // a number, hyphenated firms.
    // 50 (issue 12): a people's tournament ("the French Open") adds no country.
    // 51: a town's feature opening a longer name ("Tampa Bay Buccaneers").
    // 52: "Royal", "Golden", "Iron", "Tudor"… no given names; a place's
    // feature no given name after its place.
    // 53: no unknown place numbered or lettered ("in Chapter 11"), "God",
    // "May's", nor a title after "the government of".
    // 54: a plural noun after an unknown name makes it no place ("flaws in
    // Windows programs"); 55: nor one opening on a digit or ending on a
    // known organisation's ("in New Labour").
    // 56 (issue 12, branch ent-org12): general organisation rules: sides
    // of a fixture are teams, a name before a firm's economist or analyst,
    // a body's head word over "for the", a known name before a medal.
    // 57: a well-known one-word name opening a sentence is the organisation
    // when it is no English word nor town and a lower-case word follows.
    // 58: a town that is one well-known club's name with a club word is
    // that club in an article about a team's sport; "the city of X",
    // "X-born" and "the X singer" name the place.
    // 59: so is a word that is no known place nor given name and is one
    // well-known club's name with a club word ("against Livingston").
    // 60 (issue 12, branch ent-placegaz, its 57): places.tsv's districts, towns,
    // venues, provinces and natural features (Canary Wharf, Ballymena,
    // Kodak Theatre, Guangdong, Three Gorges Dam; Durham is the English city).
    // 61 (issue 12, branch ent-orggaz): about 1,400 more well-known
    // organisations in organizations.tsv (firms, bodies, parties, clubs).
    // 62: "DJ" is a role before a name, not part of it ("DJ John Peel").
    // 63: towns joined by hyphens or "upon" ("Stoke-on-Trent"), more UK
    // towns, a town two clubs share is the one the article names in full,
    // a town's branch of a known body, no name after "of" and a place.
    // 64: a country inside a capitalised name ("Tate Britain", "Hotel Rwanda")
    // is no location; Tate Britain and Tate Modern are venues.
    // 65: a known name stops at a town's possessive ("London's Evening
    // Standard") and at a lower-case word after a town ("London underground");
    // airports are venues.
    // 66: HTML character references left in plain text are decoded
    // ("Jos&#233; Manuel Barroso"), so the text and its entities change.
    // 67: unknown names after "in" that are no places (acronyms' plurals,
    // "Shares in X", "bring in X", "Binoche in Chocolat"); "London Heathrow".
    // 68: a town's possessive before a venue ("Sydney's Olympic Stadium") or
    // opening a body's name ("San Francisco's Chamber Opera Society").
    // 69: a venue named with "Arena" is a place ("the National Indoor Arena").
    // 70: result lines' sides are clubs ("Hereford 1-1 Doncaster"); money "in" a
    // town is in its club; a region listed among well-known teams is a club.
    // 71: a body's topic after "of" goes on over "and" ("College of Further
    // and Higher Education").
    // 72: a people's adjective of two words or its plural is no person
    // ("Sri Lankans") and its last word no organisation.
    // 73: a run opening on a well-known firm's one-word name is no person
    // ("the Sony Betamax case") without a role or an honorific.
    // 74: the items of a list a work's noun opens are works ("hits Vera
    // Drake, Calendar Girls and Enduring Love").
    // 75: a person's home town after ", of" ("Ana Lind, of Woodbridge, Suffolk").
    // 76: review fixes: a known name's lower-case word checked against every
    // capitalised word of the name, a town's possessive of several words,
    // places.tsv kind "venue", one work after a singular noun, a firm's
    // name before a reporting verb, "&#10;" kept as written.
    // 77: two words after a country's possessive, the second named again
    // alone, are a person ("Ethiopia's Tirunesh Dibaba … Dibaba won").
    // 78: "Lloyds of London" is Lloyd's of London.
    // 79: a known place opening a ground's name ("Emirates Stadium") is the ground.
    // 80: one player named like a country does not make a line-up a list of
    // nations ("Subs Not Used: Macken, Weaver, Onuoha, Jordan."), a club in
    // brackets makes a squad none; an unknown place that is a person's whole
    // name is none; Georgia listed beside a country is the country; no place
    // before "region" that is an adjective ("Asian region"); places.tsv:
    // Korea, Chinese Taipei; "Pool" is no region.
    // 81: a name right after a reporting verb with a pronoun or "of the"
    // and a body after it is a person ("explains Shigeo Morioka of the …");
    // a known name with an ampersand before a product's name.
    // 82: demonyms.tsv: the people of nations, regions and cities
    // ("Frenchman", "Texan", "Londoner"); the longest demonym only
    // ("Northern Irishman" is no Irishman, "North Korean" no South Korean).
    // 83: clerics' and police ranks are roles (Ayatollah, Constable, …);
    // "Constable" and "Pastor" after a given name are surnames.
    // 84: no unknown place after "in" inside a title ("Lost in
    // Translation"), after "the government of" and a given name; towns
    // named like given names (Mary, Nigel, Elizabeth) need a preposition
    // of place that is no "said to" or "role in".
    // 85: an unknown one-word place the article names mostly without a
    // preposition of place is a thing ("in Firefox … Firefox has …").
    // 86: places.tsv: "Cesar" (the French film award) needs a preposition;
    // cities.tsv: Brits (South Africa; the Brit Awards) left out.
    // 87: a known one-word name's possessive opening a sentence is the
    // owner ("Microsoft's Media Player"); a sentence's first word before a
    // known name of two words or more is no part of it ("Past
    // Congressional Budget Office").
    // 88: more organisation words ending a name (Fellowship, Cooperative,
    // Consortium, Campaign, Records, Studios, Pictures, …).
    // 89: an occupation opening a sentence announces the name after it
    // ("Rapper Eminem was there"), a relation there does not.
    // 90: an unknown place after "moved to", "fled to", "flew to", …;
    // places.tsv: Burgundy, Malibu, Graceland, Australasia.
    // 91: a country inside a name may open a sentence ("Little Britain was
    // named best comedy"); review fixes of revisions 80-90: no title before
    // "in" after a role, honorific or given name, nor a feast or a plural;
    // the "mostly a thing" count in one pass, "In" opening a sentence and
    // a place's people ("Velmora residents") count as place mentions;
    // Georgia beside the US is the state; "John Constable"; "wrote" and
    // "told" confirm no name by a pronoun; "(Jordan 70)" is no club.
    // 92: a name ending on a law's word is no person ("the Can Spam Act").
    // 93: places.tsv's fourth column names a place spelt two ways
    // ("Bombay" -> "Mumbai", "Guantanamo" -> "Guantanamo Bay").
    // 94: organizations.tsv: bands, channels and firms (Roxy Music, Comedy
    // Central, Orange, BT Cellnet, …); a sponsor's name opens an event's
    // within five words ("the Orange British Academy Film Awards").
    // 95: persons vouched by a portfolio before Minister/Secretary/
    // Commissioner, an occupation or an age after a comma, a work after the
    // possessive ("Hayao Miyazaki's previous film"); given names far more
    // often names than words ("Tony", "John") need nothing more; a role's
    // "for" phrase and lists in it, "of the" after a role, a party or an
    // "-ite" adjective before a name, days and what a role leads in lists;
    // "South East Asia" is Southeast Asia; "Studio" ends a firm's name.
    // 96: places inside a programme's title before its noun ("Network
    // Africa programme"), after Emperor/Sultan "of", in a firm's
    // continental arm opening a sentence ("Lycos Europe's campaign");
    // Basra, Oporto, Waterford, Sydney Harbour, Waterford Crystal; a place
    // before a compass word and a town's hyphenated tail name no person.
    // 97: no place after a prefix and a hyphen ("trans-Atlantic");
    // "Emirates" alone is no country alias; the Emirates Stadium a venue.
    // 98: Anfield and Elland Road are venues of places.tsv.
    // 99: match reports' short forms of counties ("S Yorkshire").
    // 100: one word that is a generic noun of sport or of states or an
    // adjective in "-ic" is no unknown place ("in Tests", "Islamic").
    // 101: "Somali" is the people's adjective before Ethiopia's region.
    // 102: Embu is Kenya's town before Brazil's.
    // 103: San Sebastian, the World Trade Center, Camden Market; no body
    // from the tail of a known place's name ("Trade Center").
    // 104: "in Northampton's defeat": a town's match after "in" is its club's.
    // 105: fixes from a helper's review of 95-103: a compass word after a
    // place-named given name only without a role, honorific or reporting
    // verb; an age only before words in lower case; a role before a body's
    // name vouches; no author's work after "the" or for a known body's
    // name; the "X's army" rule asks only for a generic word; no programme
    // title after a known body ("the Gucci Milan show"); a prefixed
    // country keeps its code; Emperor/Sultan/Tsar "of" X names X again
    // (as "King Abdullah of Jordan"); hyphenated tails after "ex-".
    // 106: organizations.tsv: "John Lewis" is the John Lewis Partnership.
    // 107: no place after an acronym and a hyphen ("WGBH-Boston"), in a
    // board's or a treaty's name ("the Treaty of Amsterdam"); "Bayern" is
    // the club unless after a preposition of place.
    // 108: places.tsv: the Palace of Westminster, the Waldorf Astoria, Pere
    // Lachaise, Luton and Changi airports; Park City (Utah).
    // 109: an unknown name after "at", "from" or "to" and before "near" or
    // "outside" and a name is a place ("at Balado near Kinross").
    // 110: an era's or a regime's adjective before a place ("Victorian
    // England", "Communist Russia") names the place and opens no person.
    // 111: one word of a known body's name after an initial is a player's
    // surname ("L Moody (Leicester)": no Moody's).
    // 112: "sister" is no organisation's cue ("murder of sister Yetunde
    // Price" gave a body); a thing's relation ("its sister X dam") no person's.
    // 113: a press word after a possessive makes no organisation
    // ("Conte's television interview" made Victor Conte one).
    // 114: no town in a word in capitals inside a sentence ("brokers TOV"),
    // after a foreign article ("Il Divo"), in a shop's possessive ("in
    // Starbuck's or"), nor as an item of a list of well-known firms.
    // 115: a region named like a person before a surname is that name
    // ("Nelson Mandela", "Indiana Jones"), not before an honorific or a role.
    // 116: a people's name of two words opening a run is no part of the
    // name ("New Zealander Peter Jackson").
    // 117: fixes from a helper's review of 107-114: Bayern an alias of
    // Bayern Munich (the club in lists of teams again), not places.tsv; the
    // capitals rule only for names of three or four letters, not countries,
    // nor after a preposition of place or another place in capitals; the
    // firm-list rule not beside acronym bodies or other places; "near" not
    // before a possessive or a body; possessives sharing a noun; no initial
    // before a team or after a group's letter; only "television" after a
    // possessive; a country after an acronym's hyphen stays.
    // 118: a town or a region named like a given name right after a
    // relation is that person ("with daughter Victoria"); is_occupation()
    // moves to cue_words with is_relation().
    // 119: a town right after a town or a region named like a given name
    // is a surname ("Victoria Hamilton").
    // 120: a place before "Hunt" opens a fox hunt's name ("the East Kent
    // Hunt"); places.tsv: Santa Barbara (California).
    // 121: no unknown place after a season's possessive ("this year's
    // Tracey Island"); places.tsv: the Las Vegas Strip.
    // 122: fixes from a helper's review of 115-120: "Hunt" ends a fox
    // hunt's name only after "the" and with nothing between (no longer an
    // organisation's tail: "in Paris, Hunt said"); a region as a given name
    // not after "the" or a preposition nor before a known body; a town only
    // as the surname after a given-name place ("Jackson Mississippi"); a
    // role is no surname only before a name ("Florence King"); relations
    // within the sentence; is_occupation() asks is_relation().
    // 123: a team sheet's club before the captain's mark ("(Toulouse,
    // capt)"); a national park is a place and no person ("Bryce Canyon
    // National Park"); a role word opening a known body's name announces
    // no person ("General Electric"); a player's position is a role
    // ("Winger Nitoglia"); places.tsv: Auschwitz, Belsen, Longbridge.
    // 124 (a helper's review of 123): a position is an occupation, no role
    // ("Debra Winger" had lost her surname); a park's whole run at a
    // sentence's start too, not its tail ("Roosevelt National Park"); a
    // possessive before "National Park" still names its person.
    // 125: a monarch's country after "of" is a place ("King Abdullah of
    // Jordan"); a known country opening on a demonym is no name after it
    // ("the ambassador of Saudi Arabia said": no person "Arabia"); "Crown"
    // is part of a prince's title ("Crown Prince Frederik").
    // 126 (from two helpers' probes with invented sentences): a known name
    // opening a sentence before an aside calling it a body ("Nokia, the
    // world's largest mobile phone maker, said"); a place after a peer's
    // title, or after an honorific before a reporting verb, is a surname
    // ("Baroness Scotland", "Mr Kent said"); a seat of government before an
    // organisation's word is the place ("A White House spokesman");
    // places.tsv: Republic of Ireland, Irish Republic, Zaire (DR Congo),
    // Rhodesia, Rangoon, Saigon, Yugoslavia, Czechoslovakia.
    // 127: a town placed by a comma in a region of another country is there
    // ("Perth, Scotland" was AU).
    // 128: a place after a Romance "de" ending a name ("Aguas de
    // Barcelona", "the Tour de France") is no mention of it.
    // 129 (a helper's review of 125-127): a town's qualifier must end its
    // apposition ("In Baghdad, US troops came under fire" had given Baghdad
    // US); "who" after a one-word name opening a sentence only for a team
    // ("Ford, who pardoned Richard Nixon");
    // places.tsv: Rhodesia and Saigon out ("Northern Rhodesia", "Miss Saigon").
    // 130: any known place of two or three words is no person's name ("the
    // United Arab Emirates" gave "Arab Emirates", "Stade de France" "de
    // France"); "Emperor", "Empress" are titles; a monarch's given name that
    // is a place is the monarch's ("Queen Victoria", not "the Queen Mary").
    // 131 (a helper's review of 128-129): a town's qualifier needs to end
    // the apposition only when it is a country or follows a sentence's
    // opening preposition ("Cambridge, Massachusetts is home" is US again);
    // a place after "de" stays one after a known place or a word for a
    // state's division ("San Juan de Puerto Rico", "Provincia de Buenos Aires").
    // 132: a town named like a given name before compass words that end the
    // name is the constituency ("the Bolton West MP", "held Bristol West"),
    // not a person's name read by match_place's Paris Hilton rule.
    // 133: a letter after an ampersand ("P&O Cruises", "AT&T Wireless") is a
    // firm's initial, no person's ("O Cruises" was a person).
    // 134: a town named as its club only by "chairman" (firms have them
    // too: "Wembley chairman") makes no article one about sport.
    // 135: demonyms.tsv: the people of regions spanning countries ("Latin
    // American", "South American", "North American") add no country and hide
    // the "American" in them (it had given US).
    // 136: a town's namesake in another country at least half its size is
    // a second reading (Valencia VE/ES), chosen by the article's other places
    // or, for it and Georgia, by its peoples too ("Spanish police").
    // 137: a place opening an institution's name ("the Seoul Municipal
    // Boramae Hospital", "Edinburgh Royal Infirmary", "Hampshire
    // Constabulary") is no mention, and such a run no person.
    // 138: a capitalised plural inside a sentence, "of" and a place ending
    // the run name a work ("Pirates of the Caribbean", "Gangs of New York").
    // 139: a town inside a sentence right after a capitalised word of no
    // place, given name or known body ("Celta Vigo", "HMS Belfast") sits
    // inside a name, as a country after one does ("Hotel Rwanda").
    // 140: organizations.tsv: Halifax, the mortgage lender; a known firm's
    // one-word name that is also a town is the town after "in", "near",
    // "outside" or "around" ("schools in Halifax").
    // 141: a town before "and" and a known team's longer name is a club
    // ("Parma and Real Madrid are interested").
    // 142, after a helper's review of 132-141 with 269 invented sentences:
    // 132's constituency needs evidence (a member's title or "seat" after,
    // a verb of holding a seat before, another such name listed beside it:
    // "Victoria West, 34, was jailed" is a person again); 134 is withdrawn
    // (a town's chairman makes an article about sport again: "Leeds chairman
    // … Southampton and Newcastle had made offers"); 136's namesakes are
    // chosen by places only ("an American aid worker in Georgia" is GE
    // again); 139's towns after a capitalised word are only a ship's
    // ("HMS Belfast") or, in sport, a club's name after a word of a transfer
    // or a match ("from Celta Vigo"): "the BBC News Jerusalem correspondent",
    // "on Thursday Madrid", "Lower Manhattan" keep their places. places.tsv:
    // Cambridge, Richmond, Windsor, Worcester (GB) win over namesakes abroad.
    // 143, after a second review (354 invented sentences, 52 worse): 140's
    // Halifax withdrawn ("Lord Halifax", "A man from Halifax" had become the
    // lender); Richmond and Windsor out of places.tsv again ("Richmond,
    // Virginia", "Windsor, Ontario" had become GB); a constituency's evidence
    // is no verb ("Detectives held Sydney West") and a listed neighbour's
    // town no given name ("Victoria West and Sydney North were injured"); a
    // word opening places' names opens no club's ("Port Glasgow", "Ciudad
    // Juarez"); peoples and faiths name no work ("Serbs of Kosovo"); a town
    // after a preposition of place is no club beside a team ("born near
    // Seville and Real Betis offered him a trial").
    // 144: cities.tsv leaves out Virginia (South Africa) and Ontario
    // (California), which hid the US state and the Canadian province
    // ("Jurors in Virginia" gave ZA); "College" ends an institution's name
    // a place opens ("the Virginia Community College System").
    // 145: a royal keeps the title before one given name ("Prince
    // Charles", "princes William and Harry"), which across the index had
    // passed for a commoner's ("Charles Kennedy"); a regnal number is part
    // of the name ("Edward III"); "the X biopic" is no evidence of a work.
    // 146: after helper-80's review of 145: a royal's title is kept only
    // where the article gives no fuller name ("Thierry Henry … King
    // Henry", "Queen Elizabeth II … Queen Elizabeth"), a given name that is
    // also a word takes it too ("Princess Grace"), a plural's title stops
    // after the item after "and", a regnal number needs a title or a name
    // of two words ("Apollo XIII"); a role announces no name past a
    // possessive ("Coach Clive Woodward's Lions squad"), "major" in lower
    // case is no rank; names ending on Inquiry, Review, Report or Test are
    // no persons; a run inside a known body's longer name is none.
    // 147: after helper-81's review of 146: a role before a possessive
    // still announces a surname alone after it ("Jose Mourinho's Drogba"),
    // not a name of two words, a plural, a place or one before a noun;
    // "major" is no rank only after an article or an ordinal; a full name
    // before Test/Report keeps the name ("the Shane Warne Test record").
    // bbc-dev11: a place with a year in brackets is a film ("Casablanca
    // (1942)"); a body's head and "of the", a choir's or an orchestra's
    // before a place names the body ("the University of the Highlands").
    // 148: a knight's given name ("Sir John said") is the article's full
    // name opening on it ("Sir John Bourn"), not the index's John Prescott;
    // a given name right after a relation ("his wife Sandra") is recorded
    // as a relative's (person evidence's fourth field) and left as written
    // by the corpus-wide pass unless a namesake of the article's family has
    // been named beside them ("her sister Venus": Venus Williams).
    // 149: after helper-82's review of 147-148: a year in brackets makes a
    // film only after a player's name and "in" or a person's possessive,
    // never a country ("gold in Athens (2004)" had lost Athens); a name
    // before Test/Review/Report is trimmed after any given name ("The Sandy
    // Leitch Review").
    // 150: a place opening a Grand Prix's name, or an Open's or a Masters'
    // before a contest's word ("US Open champion"), is no mention of it;
    // School, Institute, Opera, Orchestra, Philharmonic, Symphony,
    // Conservatory end institutions' names after a place ("the Turin
    // Opera"); a person's surname in a possessive after a preposition is no
    // proof of the place ("to Miyazaki's Spirited Away"); a country or a
    // region before one letter is a nation's second side, no person
    // ("France A").
    // 151: a continent or a region right after a capitalised word that is
    // no place, adjective or function word ends a firm's name, its arm
    // ("Lycos Europe", "Diageo North America"): no location.
    // 152, after helper-83's review of 150: a school's name keeps its place
    // and an ensemble's word must end the name ("the Vienna Opera Ball");
    // only a town's possessive that owns no town's thing may be a person's
    // ("to Chester's MP", "to Jordan's government" stay places); only A and
    // B are a nation's second side ("Georgia M Davis" is a person).
    // 153, after helper-84's review of 151: a region ends an arm's name only
    // after a known organisation's name or before an arm's officer, and not
    // before a topic or a beat ("the UN Africa envoy", "Oil Prices Rise
    // Across Asia" keep their places).
    // 154: a given name that is also a word needs more than a mid-sentence
    // place where the words around it speak for a thing ("the Swan Hunter
    // shipyard", "the Ford Mustang"); people are no organisation's name
    // ("told MPs the UK", "President Castro's chief aide", "Detective
    // Inspector Paul Miller of Thames Valley Police", "Johnny Cash manager",
    // "Jim Courier", "Emily Blunt and Natalie Press"); a team sheet's
    // brackets hold clubs only in an article about sport ("Daniel Craig
    // (Enduring Love)").
    // 155, after helper-85's review of 154: an article before a word-like
    // given name speaks for a thing only when no word in lower case it
    // qualifies follows ("the Will Smith film", "a Frank Lampard penalty"
    // are a person's), "in" and a work's noun no longer count, a title's
    // capitalised pronoun or a known firm's name does ("We Will Rock You",
    // "Apple Powerbook"); titles that open firms' names are no person's
    // ("General Accident"); "the Clinton Herald" is a paper; a nickname's
    // team keeps its name in an article about sport; a squad's words make
    // an article about sport.
    // 156, after helper-86's review of 155: a name before a comma or "and"
    // and a given name is a person's ("the Bill Gates, Warren Buffett
    // partnership"); only a role a person has too (manager, boss, fans...)
    // makes a person's name no team ("Baylor Bears coach" is a team); a
    // sport's words (coach, match, rugby, rowing...) or a known team in the
    // brackets make a team sheet's club; after a noun for a firm or paper,
    // "weekly" or "daily" a paper's word is the paper's ("publisher Allen
    // Press"); "Premier" opens firms' names ("Premier Farnell").
    // 157: a name ending on a facility's words is a place the gazetteer
    // cannot list: "Dam", "Shopping Centre", "Country Park" anywhere
    // ("the Xiluodi Dam project"), "Park" after a preposition that puts
    // something in it or moves it ("a new stadium in Stanley Park"; not
    // "at": a club's ground).
    // 158: more of a constituency's names: after "Parliament for", "member
    // for (the)", "constituency of", "seat of" ("entered Parliament for
    // Sheffield Brightside"), and a town with the words after it, or a name
    // ending on a compass word, before a member's title ("The Glasgow
    // Kelvin MP", "the Ealing North MP").
    // 159, after helper-87's review of 157: a dam's name takes "the" or a
    // place's possessive ("biochemist Henrik Dam" is a person); a park is
    // none after "to" or "from" ("a tribute from Nick Park"), after an
    // actor's words or inside a title ("starred in Gosford Park"), before a
    // noun it qualifies ("in South Park history"), or opening on a generic
    // word ("Car Park"); a known place's possessive of two words opens no
    // park's name ("New York's Central Park"), and gives its country; no
    // facility in the headline.
    // 160: a known body before a prize's word or "-winning" names the
    // prize ("Bafta nominations"), and a meeting's words end an event's
    // name ("the Norwich Union Indoor trials", "the Norwich Union
    // International"): no mention of the body; after its possessive the
    // body owns what follows ("the International Rugby Board's awards").
    // 161, after helper-88's review of 158-159: a constituency named after
    // "seat of", "member for" and the like is none with a title, a role, a
    // possessive, a county, a country or a home nation, a given name
    // opening it, or a noun it qualifies after it ("the seat of Boris
    // Johnson", "its constituency of Leave voters"), nor after "county
    // seat of" or a council's "member for"; in GB only when a British place
    // is inside; "the Town X MP" is none with a party's words or a town
    // elsewhere ("the Cheltenham Lib Dem MP", "the Ottawa South MP"). A
    // facility's owner is the longest place before the possessive ("New
    // York's"); a park is none after a country's possessive, an investor's
    // words, or a given name alone ("South Korea's Inbee Park", "invested
    // in Ivy Park", "Nick Park"); a compass word or a particle opens none.
    // 162: a constituency's name ends before a given name and a surname
    // ("the MP for Islington North Jeremy Corbyn").
    static constexpr int kAnalysisRevision = 162;

    // Without entity extraction the article's entity lists are indexed as
    // given (for benchmarks and for rebuilding after a corpus-wide pass).
    explicit DocumentBuilder(bool extract_entities = true, const Overrides* overrides = nullptr);
    // analyse() then document() on a copy of the article.
    Xapian::Document build(const Article& article);
    // The article's entities (extracted, or as tagged), person evidence,
    // mentioned dates and, when it has none, its inferred publication date:
    // the half of build() that reads the text for meaning. The indexer
    // analyses every article of a batch first, so that their persons are
    // resolved across the index before any is written (indexing_run.cpp).
    void analyse(Article& article) const;
    // The document of an analysed article, as it is: words, filter terms,
    // values and the stored record.
    Xapian::Document document(const Article& article);

private:
    // Indexes folded text with `prefix`, adding compound joins.
    void index_folded_text(Xapian::Document& doc, std::string_view folded, std::string_view prefix,
                           Xapian::termcount wdf_inc);

    TextIndexer text_;
    bool extract_entities_;
    const Overrides* overrides_;  // not owned; may be null
};

}  // namespace newsdex
