// The names of months and weekdays, defined once for every stage that reads
// dates or must not take a date word for a name: the reading stage's date
// parser (common/reading/published_date.h), date inference and the entity
// rules (a weekday or a month is no person, place or organisation).
#pragma once

#include <string_view>

namespace newsdex {

// 1-12 for a month's name in any case, whole or cut to three letters
// ("January", "jan", "Sept" too); 0 for any other word. Allocates nothing:
// called for every token.
int month_number(std::string_view word);

// 0 (Sunday) to 6 (Saturday) for a weekday's whole name in any case; with
// `abbreviations`, also "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
// "Fri", "Sat", "Sun" (in date lines only: in running text "Sun" is a
// newspaper); -1 for any other word.
int weekday_number(std::string_view word, bool abbreviations = false);

// A month's or a weekday's whole name, capitalised ("March", "Friday"):
// never a name in running text. "May" is left out: it is also a verb, a
// given name and a surname.
bool is_capitalised_calendar_name(std::string_view word);

// A festival's or a holiday's name as written in running text ("Christmas",
// "Easter", "Ramadan", "Thanksgiving", …): a time, never an organisation,
// though "Christmas sales" reads like "Tesco sales".
bool is_holiday_name(std::string_view word);

}  // namespace newsdex
