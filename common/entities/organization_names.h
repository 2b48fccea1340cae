// Organisations named in one article: well-known ones by any of their names
// (common/entities/data/organizations.tsv: "EU" -> "European Union"), capitalised
// names ending in an organisation word ("Central Bank of Kenya", "Kestrel
// Mail Inc", "Azran Front"), and acronyms the article defines ("the Monetary
// Policy Committee (MPC)" makes a later "MPC" that committee).
#pragma once

#include <string>
#include <vector>

#include "common/entities/entity_tokens.h"
#include "common/entities/evidence.h"
#include "common/entities/gazetteer.h"

namespace newsdex {

// A word that, ending a capitalised name, makes it an organisation: "Party",
// "Bank", "Inc", "Securities", "Laboratory".
bool is_organisation_suffix(std::string_view word);

// Nouns that announce an organisation's name right after them: "the
// software firm Oracle", "rival Lenovo", "broadcaster ITV", "the Brackwell-based
// brewery" (a place before "-based", entity_extractor.cpp).
bool is_organisation_cue(std::string_view word);

// A band member's role: "singer", "guitarist", "drummer", … ("Oasis singer
// Liam Gallagher" names the band; "the Leicester singer" names a town).
bool is_band_role(std::string_view word);

// Does token i name one of a team's people or followers, as in "Bolton
// manager", "Ulster scrum-half", "Dragons team-mate", "Toulouse fans"?
// (Compounds are split at hyphens: "scrum" counts before "-half" only.)
bool team_role_at(const std::vector<EntityToken>& tokens, std::size_t i);

// "Jim Press", "Nicky Wire", "Natalie Press": is [begin, end) (after any
// role) a known given name and a newspaper's word that is also a surname? A
// person's name then, no paper's; not after "the", "weekly", "daily" or a
// noun for a firm or a paper, nor opening on a place's name, nor a pair the
// gazetteer knows ("the Clinton Herald", "publisher Allen Press").
bool persons_name_like_a_papers(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                                const Gazetteer& gazetteer);

// The length in tokens of the longest well-known organisation name starting
// at token i (0 if none); its canonical name goes to name.
std::size_t known_organization_at(const std::vector<EntityToken>& tokens, std::size_t i, const Gazetteer& gazetteer,
                                  std::string& name);

// "Barcelona, Bayern Munich, Porto, Real Madrid": is the item [begin, end)
// listed (commas, "and", "or") with at least two well-known teams, each a
// whole item? A town listed so is a club too.
bool listed_with_known_teams(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                             std::string_view text, const Gazetteer& gazetteer);

// "Sony Ericsson, Motorola, BenQ, Arima and Fujitsu": is the item [begin,
// end) listed with at least two well-known organisations that are no teams,
// each a whole item? A town's name listed so is a firm's, no place.
bool listed_with_known_firms(const std::vector<EntityToken>& tokens, std::size_t begin, std::size_t end,
                             std::string_view text, const Gazetteer& gazetteer);

// Names in order of first mention. With covered, also marks the tokens of
// every organisation name found (sized to tokens): "Texas" in "Texas
// Instruments" is then no place. With evidence, also why each was found.
std::vector<std::string> find_organizations(const std::vector<EntityToken>& tokens, std::string_view text,
                                            const Gazetteer& gazetteer, std::vector<bool>* covered = nullptr,
                                            EvidenceMap* evidence = nullptr);

}  // namespace newsdex
