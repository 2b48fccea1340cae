// Familiar forms of given names ("Vince" for "Vincent", "Jim" for "James"),
// from common/entities/data/given-name-forms.tsv: one person written both
// ways across an index is one person value (common/index/person_resolution).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// The formal given names a familiar form shortens, in lower case ("steve"
// -> "stephen", "steven"); empty for a word that is no familiar form. Takes
// the word in lower case, as person_identity_words() gives it.
const std::vector<std::string>& formal_given_names(std::string_view familiar);

}  // namespace newsdex
