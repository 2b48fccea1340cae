#include "common/entities/given_name_forms.h"

#include <map>

#include "common/entities/data_tables.h"
#include "common/entities/embedded_data.h"

namespace newsdex {

namespace {

std::map<std::string, std::vector<std::string>, std::less<>> load_forms() {
    std::map<std::string, std::vector<std::string>, std::less<>> forms;
    for (const auto& r : data::rows(embedded::kGivenNameForms)) {
        if (r.size() < 2) continue;
        auto& formal = forms[std::string(r[0])];
        for (std::string_view rest = r[1]; !rest.empty();) {
            const auto bar = rest.find('|');
            formal.emplace_back(rest.substr(0, bar));
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
    }
    return forms;
}

}  // namespace

const std::vector<std::string>& formal_given_names(std::string_view familiar) {
    static const auto forms = load_forms();
    static const std::vector<std::string> none;
    const auto it = forms.find(familiar);
    return it == forms.end() ? none : it->second;
}

}  // namespace newsdex
