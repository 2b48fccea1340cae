// Opening an index for searching shard by shard: a sharded index's folder,
// a Xapian stub file mixing local databases and remote servers
// (`glass PATH`, `remote HOST:PORT`), or one database folder. newsdex opens
// each shard itself, rather than letting Xapian open the stub, so that a
// shard that cannot be reached is named in the error, and so that a search
// may go on without it when the user allows partial results.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

// One shard as the index names it.
struct ShardLocation {
    enum class Kind { local, remote_tcp, remote_program };
    Kind kind = Kind::local;
    std::string where;  // the database's path; HOST:PORT; or the program and its arguments
    std::string
        label;  // how messages name it: the stub line's "shard-01", "remote 10.0.0.2:33333"; "" for an index of one database
};

// The shards of the index at `path`, in order. A stub's relative paths are
// relative to the stub's folder, as Xapian reads them. Throws IndexError for
// a missing path, an unreadable stub or a line no backend reads.
std::vector<ShardLocation> index_shard_locations(const std::string& path);

struct OpenedIndex {
    Xapian::Database db;               // every shard reached, searched as one
    std::vector<std::string> missing;  // labels of the shards not reached (allow_partial only)
};

// "partial results: 2 shards not reached (remote a:1, remote b:2)": how
// text output and warnings name the shards --allow-partial left out.
std::string partial_results_note(const std::vector<std::string>& missing);

// Opens every shard and checks its schema version. A shard that cannot be
// opened throws IndexError naming it, unless `allow_partial`: then it is
// left out and listed in `missing` (an error still when none is reached).
// Remote shards get `timeout_ms` to connect and to answer.
OpenedIndex open_index_shards(const std::string& path, bool allow_partial, unsigned timeout_ms = 10000);

}  // namespace newsdex
