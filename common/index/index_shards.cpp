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

// A `remote` line as Xapian 1.4's stub reader takes it: ":PROGRAM ARGS"
// runs a program (xapian-progsrv, often through ssh); "HOST:PORT" (an IPv6
// HOST in brackets) is a TCP server such as xapian-tcpsrv.
ShardLocation remote_line(const std::string& rest, const std::string& line, const std::string& stub_path) {
    auto bad = [&](const std::string& why) {
        return IndexError("the shard list " + stub_path + " has a remote line " + why + ": \"" + line + "\"");
    };
    if (rest[0] == ':') {
        const std::string program = rest.substr(1);
        if (program.empty()) throw bad("naming no program (use remote :PROGRAM ARGS)");
        return {ShardLocation::Kind::remote_program, program, "remote " + rest};
    }
    const auto colon = rest.rfind(':');
    const std::string port = colon == std::string::npos ? "" : rest.substr(colon + 1);
    const bool digits = !port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (!digits || std::stoul(port) == 0 || std::stoul(port) > 65535 || colon == 0 ||
        rest.find_first_of(" \t") != std::string::npos)
        throw bad("that is neither HOST:PORT (a port from 1 to 65535) nor :PROGRAM ARGS");
    return {ShardLocation::Kind::remote_tcp, rest, "remote " + rest};
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
    if (backend == "remote") return remote_line(rest, line, stub_path);
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
            std::string host = s.where.substr(0, colon);
            if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
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

// A file holding binary data: a single-file Xapian database, not a stub.
bool binary_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[512];
    in.read(head, sizeof head);
    return std::find(head, head + in.gcount(), '\0') != head + in.gcount();
}

std::vector<ShardLocation> index_shard_locations(const std::string& path) {
    if (!fs::exists(path)) throw IndexError("no index here (build one with newsdex-index)");
    if (fs::is_regular_file(path) && !binary_file(path)) return read_stub(path, fs::path(path).parent_path());
    if (const fs::path stub = fs::path(path) / schema::kShardStubFile; fs::exists(stub)) return read_stub(stub, path);
    return {{ShardLocation::Kind::local, path, ""}};
}

namespace {

std::string cannot_open(const std::string& name, const Xapian::Error& e) {
    return "cannot open " + name + ": " + e.get_msg() +
           (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : "");
}

// One shard opened and its schema checked; `problem` says why not. A writer
// that commits twice while the shard is being opened discards the revision
// its first read started from (Xapian's DatabaseModifiedError): the shard
// is opened again at the newer revision, as a search would reopen it, so
// that a search started during indexing never fails on it.
Xapian::Database open_checked_shard(const ShardLocation& location, const std::string& name, unsigned timeout_ms,
                                    std::string& problem) {
    constexpr int kOpenAttempts = 10;
    for (int attempt = 1;; ++attempt) {
        try {
            Xapian::Database shard = open_shard(location, timeout_ms);
            // Its first request: a remote shard may fail here too.
            if (const std::string schema = unreadable_schema(shard); !schema.empty())
                throw IndexError(location.label.empty() ? schema : name + ": " + schema);
            return shard;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt < kOpenAttempts) continue;
            problem = cannot_open(name, e);
        } catch (const Xapian::Error& e) {
            problem = cannot_open(name, e);
        }
        return {};
    }
}

}  // namespace

OpenedIndex open_index_shards(const std::string& path, bool allow_partial, unsigned timeout_ms) {
    const auto shards = index_shard_locations(path);
    OpenedIndex opened;
    std::string last_error;
    for (std::size_t n = 0; n < shards.size(); ++n) {
        // A stub's shards are named by their line; one database is the index.
        const std::string name = shards[n].label.empty()
                                     ? "the index"
                                     : "shard " + std::to_string(n + 1) + " of " + std::to_string(shards.size()) +
                                           " (" + shards[n].label + ")";
        std::string problem;
        const Xapian::Database shard = open_checked_shard(shards[n], name, timeout_ms, problem);
        if (problem.empty()) {
            opened.db.add_database(shard);
            continue;
        }
        if (!allow_partial) throw IndexError(problem);
        opened.missing.push_back(shards[n].label.empty() ? path : shards[n].label);
        last_error = problem;
    }
    if (opened.missing.size() == shards.size())
        throw IndexError(shards.size() == 1 ? last_error
                                            : "no shard of the index could be opened; the last: " + last_error);
    return opened;
}

std::string partial_results_note(const std::vector<std::string>& missing) {
    std::string names;
    for (const auto& s : missing) names += (names.empty() ? "" : ", ") + s;
    return "partial results: " + std::to_string(missing.size()) + " shard" + (missing.size() == 1 ? "" : "s") +
           " not reached (" + names + ")";
}

Xapian::Database open_index_for_reading(const std::string& path) { return open_index_shards(path, false).db; }

}  // namespace newsdex
