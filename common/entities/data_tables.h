// Reading the tab-separated tables compiled into the library
// (common/entities/data/*.tsv, embedded_data.h): shared by the gazetteer
// and the country table so both read the files the same way.
#pragma once

#include <string_view>
#include <vector>

namespace newsdex::data {

// Rows of a tab-separated table, comment lines (#) and blank lines skipped;
// the cells point into `table`.
std::vector<std::vector<std::string_view>> rows(std::string_view table);

}  // namespace newsdex::data
