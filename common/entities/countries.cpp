#include "common/entities/countries.h"

#include <nlohmann/json.hpp>

#include "common/base/text_folding.h"
#include "common/entities/data_tables.h"
#include "common/entities/embedded_data.h"

namespace newsdex {

const Countries& Countries::standard() {
    static const Countries instance;
    return instance;
}

Countries::Countries() {
    const auto json = nlohmann::json::parse(embedded::kIsoCountries);
    for (const auto& c : json.at("3166-1")) {
        const std::string code = c.at("alpha_2");
        std::string display = c.value("common_name", c.at("name").get<std::string>());
        if (auto comma = display.find(", "); comma != std::string::npos)
            display.resize(comma);  // "Palestine, State of"
        names_[code] = display;
        for (const char* field : {"name", "common_name", "official_name"}) {
            const std::string name = c.value(field, "");
            if (!name.empty() && name.find(',') == std::string::npos) iso_spellings_.emplace_back(name, code);
        }
    }
    // The same precedence as the gazetteer's places: curated rows first (a
    // region such as "Gaza" there is no country), then ISO's spellings; the
    // first entry for a name wins.
    const auto table = data::rows(embedded::kPlaces);
    for (const auto& r : table)  // display-name overrides ("Russia", not "Russian Federation")
        if (r.size() >= 3 && r[2] == "name") names_[std::string(r[1])] = std::string(r[0]);
    for (const auto& r : table) {
        if (r.size() < 3) continue;
        const bool country = data::names_a_country(r[2]);
        const std::string code = data::place_country(r[1]);
        if (const std::string k = name_key(r[0]); !k.empty())
            by_key_.try_emplace(k, country ? std::optional<std::string>(code) : std::nullopt);
    }
    for (const auto& [name, code] : iso_spellings_)
        if (const std::string k = name_key(name); !k.empty()) by_key_.try_emplace(k, code);
}

std::string Countries::name(std::string_view code) const {
    auto it = names_.find(std::string(code));
    return it == names_.end() ? "" : it->second;
}

std::optional<std::string> Countries::code_of(std::string_view name) const {
    auto it = by_key_.find(name_key(name));
    return it == by_key_.end() ? std::nullopt : it->second;
}

}  // namespace newsdex
