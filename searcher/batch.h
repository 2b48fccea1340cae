// Batch mode (docs/batch-format.md): many queries read from a file or
// standard input, one a line (plain text or a JSON object), answered in
// input order: one JSON line per query, or one tsv / TREC line per hit.
// Queries run on `jobs` worker threads, each with its own Xapian::Database
// and ArticleSearcher (neither is thread-safe); answers are written in
// input order as soon as each is ready (a bounded reorder window), so the
// output does not depend on the number of jobs. A bad line is an error
// answer and the batch goes on.
//
// Saved searches: with a state file, each query id remembers the newest
// first-indexed time the index held when the query last ran, and the next
// run shows only articles first indexed after it.
#pragma once

#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include <boost/program_options.hpp>

#include "common/index/schema.h"
#include "common/search/search.h"

namespace newsdex {

enum class BatchFormat { json, tsv, trec };

struct BatchOptions {
    std::string input;  // a path, or "-" for standard input
    std::string db_path;
    BatchFormat format = BatchFormat::json;
    unsigned jobs = 1;
    std::string state_path;      // --state FILE; empty for none
    bool timing = false;         // took_ms in JSON lines
    bool quiet = false;          // no summary on stderr
    bool progress = false;       // stderr is a terminal: a progress line on long batches
    bool allow_partial = false;  // --allow-partial: search the shards reached
    SearchRequest defaults;      // the command line's options: every query starts from these
};

// "json", "tsv", "trec" -> the format; nothing for any other name.
std::optional<BatchFormat> parse_batch_format(std::string_view name);

// One input line as a query: its id and request, or why it cannot run.
struct BatchQuery {
    std::string id;                                    // the line's "id", else its 1-based line number
    std::variant<SearchRequest, std::string> request;  // the request, or the error message
};
// Nothing for a blank line or a # comment.
std::optional<BatchQuery> parse_batch_line(std::string_view line, std::size_t line_number,
                                           const SearchRequest& defaults);

// The longest batch line read (its newline not counted): room for a query
// at its limit (kMaxQueryBytes) written as JSON with escapes, and the other
// keys. A longer line is an error line.
inline constexpr std::size_t kMaxBatchLineBytes = 65536;
// The batch input could not be read (a directory, an I/O error): what()
// is the system's reason ("Is a directory").
struct BatchInputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Reads one line into `line`, without its newline, keeping at most
// kMaxBatchLineBytes of it: the rest of a longer line is read and dropped,
// so a line of gigabytes (a binary file, a missing newline) costs no more
// memory than a short one. Returns the line's whole length; nothing at the
// end of the input. Throws BatchInputError when reading fails, which is
// not the end of the input.
std::optional<std::size_t> read_batch_line(std::istream& in, std::string& line);

// ---- The state file (--state) ----
struct SavedSearch {
    // The newest first-indexed time the index held when the query last ran
    // (get_value_upper_bound of the slot); nothing for an empty index.
    std::optional<IndexedTime> indexed_through;
    IndexedTime ran_at{};  // wall time, for people only
};
using BatchState = std::map<std::string, SavedSearch>;  // query id -> its last run

// A missing file is an empty state (a first run). On failure, the reason.
std::variant<BatchState, std::string> load_batch_state(const std::string& path);
std::string encode_batch_state(const BatchState& state);
// Temp file, fsync, rename: a crash leaves the old state or the new one.
// On failure, the reason.
std::optional<std::string> save_batch_state(const std::string& path, const BatchState& state);
// Records a run's answered queries: the state file as it is now (another run
// may have saved since this one began) with these entries replaced, under
// an exclusive lock on PATH.lock. On failure, the reason.
std::optional<std::string> record_answered(const std::string& path, const BatchState& answered);

// Runs the whole batch, printing answers on stdout and the summary, any
// progress and any tsv/trec errors on stderr. Returns the exit status: 0
// every query ran, 1 some failed, 2 usage (input that cannot be read, even
// after some queries ran; a corrupt state file) or output error. Index
// errors throw (IndexError, Xapian::Error), as for one-shot searches.
int run_batch(const BatchOptions& options, const char* program);

// ---- The command line ----
// --batch, --jobs, --state, --since and --quiet, described once.
struct BatchCommandLine {
    std::string since;     // --since TIME, for one-shot searches too
    BatchOptions options;  // input, jobs, state_path, quiet (format is checked below)
};
boost::program_options::options_description batch_command_line_options(BatchCommandLine& b);
// Checks them against the rest of the command line: --since into
// request.indexed_after (relative to `now`), the --format for a batch (json
// unless given; tsv and trec only with --batch), no query words with
// --batch. On a usage error, the message.
std::optional<std::string> check_batch_command_line(BatchCommandLine& b, const std::string& format, bool format_given,
                                                    bool has_query_words, SearchRequest& request, IndexedTime now);

}  // namespace newsdex
