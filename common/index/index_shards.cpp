#include "common/index/index_shards.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/index/article_index.h"
#include "common/index/schema.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// "HOST:PORT" (HOST may be empty: this machine), as Xapian's stub reads a
// TCP server; anything else after "remote" is a program to run.
bool is_tcp_address(const std::string& where) {
    const auto colon = where.rfind(':');
    return colon != std::string::npos && colon + 1 < where.size() && where.find(' ') == std::string::npos &&
           std::all_of(where.begin() + static_cast<std::ptrdiff_t>(colon) + 1, where.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

ShardLocation stub_line(const std::string& line, const fs::path& stub_folder, const std::string& stub_path) {
    std::istringstream words(line);
    std::string backend;
    words >> backend;
    std::string rest;
    std::getline(words >> std::ws, rest);
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.pop_back();
    if (rest.empty())
        throw IndexError("the shard list " + stub_path + " has a line naming no database: \"" + line + "\"");
    if (backend == "remote") {
        const bool tcp = is_tcp_address(rest);
        return {tcp ? ShardLocation::Kind::remote_tcp : ShardLocation::Kind::remote_program, rest, "remote " + rest};
    }
    if (backend == "glass" || backend == "auto" || backend == "chert") {
        const fs::path where = fs::path(rest).is_absolute() ? fs::path(rest) : stub_folder / rest;
        return {ShardLocation::Kind::local, where.string(), rest};
    }
    throw IndexError("the shard list " + stub_path + " has a line newsdex cannot read (use glass PATH or remote " +
                     "HOST:PORT): \"" + line + "\"");
}

std::vector<ShardLocation> read_stub(const fs::path& stub, const fs::path& folder) {
    std::ifstream in(stub);
    if (!in) throw IndexError("cannot read the shard list " + stub.string());
    std::vector<ShardLocation> shards;
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        shards.push_back(stub_line(line.substr(first), folder, stub.string()));
    }
    if (shards.empty()) throw IndexError("the shard list " + stub.string() + " names no database");
    return shards;
}

Xapian::Database open_shard(const ShardLocation& s, unsigned timeout_ms) {
    switch (s.kind) {
        case ShardLocation::Kind::remote_tcp: {
            const auto colon = s.where.rfind(':');
            const std::string host = colon == 0 ? "127.0.0.1" : s.where.substr(0, colon);
            const unsigned port = static_cast<unsigned>(std::stoul(s.where.substr(colon + 1)));
            return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
        }
        case ShardLocation::Kind::remote_program: {
            const auto space = s.where.find(' ');
            return Xapian::Remote::open(s.where.substr(0, space),
                                        space == std::string::npos ? "" : s.where.substr(space + 1), timeout_ms);
        }
        case ShardLocation::Kind::local: break;
    }
    if (!fs::exists(s.where)) throw Xapian::DatabaseOpeningError("no database at " + s.where);
    return Xapian::Database(s.where);
}

}  // namespace

std::vector<ShardLocation> index_shard_locations(const std::string& path) {
    if (!fs::exists(path)) throw IndexError("no index here (build one with newsdex-index)");
    if (fs::is_regular_file(path)) return read_stub(path, fs::path(path).parent_path());
    if (const fs::path stub = fs::path(path) / schema::kShardStubFile; fs::exists(stub)) return read_stub(stub, path);
    return {{ShardLocation::Kind::local, path, path}};
}

OpenedIndex open_index_shards(const std::string& path, bool allow_partial, unsigned timeout_ms) {
    const auto shards = index_shard_locations(path);
    OpenedIndex opened;
    std::size_t reached = 0;
    for (std::size_t n = 0; n < shards.size(); ++n) {
        const std::string name = shards.size() == 1 ? "the index"
                                                    : "shard " + std::to_string(n + 1) + " of " +
                                                          std::to_string(shards.size()) + " (" + shards[n].label + ")";
        Xapian::Database shard;
        try {
            shard = open_shard(shards[n], timeout_ms);
        } catch (const Xapian::Error& e) {
            if (!allow_partial)
                throw IndexError("cannot open " + name + ": " + e.get_msg() +
                                 (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : ""));
            opened.missing.push_back(shards[n].label);
            continue;
        }
        if (const std::string problem = unreadable_schema(shard); !problem.empty())
            throw IndexError(shards.size() == 1 ? problem : name + ": " + problem);
        opened.db.add_database(shard);
        ++reached;
    }
    if (reached == 0)
        throw IndexError("cannot open any shard of the index: " + std::to_string(shards.size()) + " unreachable");
    return opened;
}

Xapian::Database open_index_for_reading(const std::string& path) { return open_index_shards(path, false).db; }

}  // namespace newsdex
