// Word lists the entity rules share, each defined once (issue 12: the same
// list in several files had drifted apart). Rules that need a list of their
// own keep it beside the rule; a list two rules need lives here. Month and
// weekday names are in common/base/calendar_words.h.
#pragma once

#include <string_view>

namespace newsdex {

// Honorifics before a person's name: "Mr", "Mrs.", "Dr", "Sir", "Dame",
// "Lord", "Prof", "Baroness", … A name after one is a person's, never an
// organisation's.
bool is_honorific(std::string_view word);

// Capitalised words that open sentences and are no name: articles,
// pronouns, conjunctions, adverbs, numbers ("The", "Although", "Two",
// "Meanwhile"), and the names of months and weekdays
// (common/base/calendar_words.h).
bool is_sentence_opener(std::string_view word);

// Titles and roles that announce a person's name, compared in lower case:
// "President Joe Biden", "spokesman Matthew Miller", "Tory leader Michael
// Howard" (which names the party too, organization_names.h).
bool is_role(std::string_view word);

// Roles that a portfolio's capitalised name opens, whatever the portfolio:
// "Agriculture Minister", "Schools Minister", "Work and Pensions Secretary",
// "Competition Commissioner". The word before one is the role's, not a
// name's (as it is before "Act" in "the Criminal Justice Act").
bool takes_a_portfolio(std::string_view word);

// Titles held "of" a place and written before a name: "Duke", "Earl",
// "Prince", "Queen", "Archbishop", "Lord", … "Duke of York" names no
// location; "Lord Liverpool" and "Queen Mary" name no town.
bool is_title_of_place(std::string_view word);
// A monarch's title before the monarch's name ("King", "Queen", "Emperor"):
// a place after it is the monarch's name or, after "of", country.
bool is_monarch_title(std::string_view word);

// Words that open an organisation's name "X of Y": "Bank" (of England),
// "University" (of Nairobi), "Ministry", "Council", "League", "House", …
bool is_organisation_head(std::string_view word);

// Capitalised words that end or head a competition's or a ceremony's name:
// "Cup", "Open", "Championships", "Games", "Awards", "Festival", "Grand" (Prix)…
// A known name before one is its sponsor ("the RBS Six Nations"); a
// capitalised word before "in" that is one names an event held somewhere
// ("the Volvo Women's Open in Pattaya").
bool is_event_word(std::string_view word);

// Occupations and relations, in lower case, that announce the name after
// them as a role does ("musician Kristin King", "screen legend Ana Ruiz",
// "her daughter Teja"). Unlike roles they never end a name when written with
// a capital ("John Legend", "Minnie Driver"); a town named like a given
// name after one is that person ("his daughter Victoria").
bool is_occupation(std::string_view word);

// Relations, in lower case, among those: "daughter", "wife", "brother", …
bool is_relation(std::string_view word);

// Capitalised adjectives of an era or a regime before a place's name:
// "Victorian England", "Communist Russia", "Nazi Germany". The place is
// named; the adjective opens no person's name ("victorian" is in the
// given-name list) and no unknown place.
bool is_era_adjective(std::string_view word);

// Verbs that report speech right after or before a name, in lower case:
// "said", "told", "warned", … (evidence of a person: "Grant Hollis said").
bool is_reporting_verb(std::string_view word);

}  // namespace newsdex
