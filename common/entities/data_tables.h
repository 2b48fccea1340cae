// Reading the tab-separated tables compiled into the library
// (common/entities/data/*.tsv, embedded_data.h): shared by the gazetteer
// and the country table so both read the files the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::data {

// Rows of a tab-separated table, comment lines (#) and blank lines skipped;
// the cells point into `table`.
std::vector<std::vector<std::string_view>> rows(std::string_view table);
// The same rows' first cells, one call each, without a vector a row: for a
// list of tens of thousands of names (given-names.txt).
template <typename Visit>
void for_each_first_cell(std::string_view table, const Visit& visit) {
    while (!table.empty()) {
        const auto nl = table.find('\n');
        const std::string_view line = table.substr(0, nl);
        table = nl == std::string_view::npos ? std::string_view() : table.substr(nl + 1);
        if (!line.empty() && line.front() != '#') visit(line.substr(0, line.find('\t')));
    }
}

// places.tsv's columns (name, country, kind), read the same way by the
// gazetteer and the country table.
// The country column: an ISO 3166-1 code, or "" for "-" (a region spanning countries).
std::string place_country(std::string_view cell);
// The kind column: "country" (another spelling) and "name" (the display
// name) rows name a country.
bool names_a_country(std::string_view kind);

}  // namespace newsdex::data
