// Dates an article's text mentions, and the publication date they imply when
// metadata gives none. A publication date is only as precise as the
// evidence, so the rules, in order:
//   1. the latest fully dated mention ("June 7, 2024", "7 June 2024",
//      "2024-06-07") is the publication day only when the text corroborates
//      it as the time of writing: the copyright year ("©2024 …") is its
//      year and a weekday reference ("on Monday") speaks of those days; and
//      not when the text also mentions a later year ("in 2005", "June
//      2005"): a report written in 2005 that recalls "the attacks on 11
//      September 2001" was not published that day;
//   2. else the copyright year gives year precision;
//   3. else the article stays undated: no year is ever guessed, and a dated
//      mention alone ("the film is released on May 19, 2006") may be a past
//      or future event.
// Weekday references move the day of rule 1 forward: each names the day
// with that weekday nearest the anchor (at most three days away), and the
// latest such day is the publication day: "talks that opened on 7 June
// 2024 (a Friday) … said on Monday", ©2024, dates the article 10 June.
// Month-and-day mentions without a year ("Oct. 7", "on May 31") are not
// combined with the copyright year: in real wire copy they mostly name past
// events (the attack of Oct. 7, a speech on May 31), which would date an
// article to the wrong month; they are found, but not used.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/entities/entity_tokens.h"
#include "common/reading/published_date.h"

namespace newsdex {

struct DateMention {
    PublishedDate date;  // year 0 when the text gives none ("Oct. 7")
    int weekday = -1;    // "on Monday": 0 Sunday … 6 Saturday, and date is unset
    int year_alone = 0;  // "in 2005": a year named on its own, and date is unset
};

// Every date the text mentions, in order: with a year (day or month
// precision: "June 2024"), without one (month and day), weekdays after
// "on", "last", "this", "next", "since", "until" or "by", and years named on
// their own after "in", "since", "during", "from", "of", "before", "after",
// "early", "late" or "mid" ("in 2005"; "by 2008" and "until 2010" look
// ahead, and a bare number may be a count, so neither is taken).
std::vector<DateMention> find_date_mentions(std::string_view text);
std::vector<DateMention> find_date_mentions(const std::vector<EntityToken>& tokens);

std::optional<PublishedDate> infer_publication_date(const std::vector<DateMention>& mentions, int copyright_year);

}  // namespace newsdex
