#include "common/entities/data_tables.h"

namespace newsdex::data {

std::vector<std::vector<std::string_view>> rows(std::string_view data) {
    std::vector<std::vector<std::string_view>> out;
    while (!data.empty()) {
        const auto nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string_view> cells;
        while (true) {
            const auto tab = line.find('\t');
            cells.push_back(line.substr(0, tab));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        out.push_back(std::move(cells));
    }
    return out;
}

std::string place_country(std::string_view cell) { return cell == "-" ? "" : std::string(cell); }

bool names_a_country(std::string_view kind) { return kind == "country" || kind == "name"; }

}  // namespace newsdex::data
