#include "indexer/maintenance.h"

#include <algorithm>
#include <cstdio>

#include "common/index/article_index.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// ".NAME.ROLE-": the start of every sibling of that role.
std::string sibling_stem(const fs::path& folder, std::string_view role) {
    return "." + folder.filename().string() + "." + std::string(role) + "-";
}

bool is_sibling_of_role(const std::string& name, const std::string& stem) {
    return name.size() > stem.size() && name.starts_with(stem) &&
           name.find_first_not_of("0123456789", stem.size()) == std::string::npos;
}

}  // namespace

fs::path index_folder(const std::string& db_path) {
    fs::path folder = fs::path(db_path).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();
    return folder;
}

fs::path compaction_sibling(const std::string& db_path, std::string_view role, long pid) {
    const fs::path folder = index_folder(db_path);
    return folder.parent_path() / (sibling_stem(folder, role) + std::to_string(pid));
}

std::vector<fs::path> compaction_siblings(const std::string& db_path, std::string_view role) {
    const fs::path folder = index_folder(db_path);
    const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
    const std::string stem = sibling_stem(folder, role);
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec))
        if (is_sibling_of_role(it->path().filename().string(), stem))
            found.push_back(folder.parent_path() / it->path().filename());
    std::sort(found.begin(), found.end());
    return found;
}

void refuse_interrupted_compaction(const std::string& db_path) {
    std::error_code ec;
    if (fs::exists(index_folder(db_path), ec)) return;
    const auto old = compaction_siblings(db_path, "old");
    if (old.empty()) return;
    throw IndexError("no index here, but " + old.back().string() +
                     " holds it as it was before a compaction that was interrupted; put it back with: mv '" +
                     old.back().string() + "' '" + index_folder(db_path).string() + "'");
}

void require_index(const std::string& db_path) {
    refuse_interrupted_compaction(db_path);
    if (!index_exists(db_path)) throw IndexError("no index here (build one with newsdex-index)");
}

std::uintmax_t index_size_on_disk(const std::string& db_path) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(index_folder(db_path), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    return bytes;
}

std::string human_size(std::uintmax_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double size = static_cast<double>(bytes) / 1024;
    std::size_t unit = 0;
    for (; size >= 1024 && unit + 1 < std::size(units); ++unit) size /= 1024;
    char buf[32];
    std::snprintf(buf, sizeof buf, size < 10 ? "%.1f %s" : "%.0f %s", size, units[unit]);
    return buf;
}

}  // namespace newsdex
