// Persons named in one article, from evidence in the text: titles and roles
// ("Secretary of State Antony Blinken"), honorifics ("Mr Gantz"), given-name
// lexicons, reporting verbs ("…, Miller said"). Later mentions by surname
// resolve to the fullest form introduced in the article; two people sharing
// a surname stay two, and a bare surname goes to the nearest preceding full
// mention (the first full mention when none precedes).
#pragma once

#include <string>
#include <vector>

#include "common/entities/entity_tokens.h"
#include "common/entities/gazetteer.h"

namespace newsdex {

// Names in order of first mention; a surname alone when the article never
// gives more.
std::vector<std::string> find_persons(const std::vector<EntityToken>& tokens, const Gazetteer& gazetteer,
                                      std::string_view text = {});

}  // namespace newsdex
