// One newsdex-index run, as a class the tests can drive without a process:
// lists the inputs, reads and builds documents on a reading thread
// (tokenising and entity extraction overlap with Xapian's writing, the main
// cost), writes them to the index in reading order (so the index does not
// depend on thread timing), commits, runs the corpus-wide passes and commits
// again. Problems with inputs are diagnostics, counted and reported on the
// message stream; problems with the index are thrown (IndexError,
// Xapian::Error) before anything is written or at the failing step.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/entities/overrides.h"
#include "common/reading/diagnostic.h"

namespace newsdex {

struct IndexingOptions {
    std::string db_path;              // the index (created when missing)
    std::vector<std::string> inputs;  // files, directories, or "-" for standard input
    bool quiet = false;               // errors only: no warnings, no summary
    bool progress = false;            // a progress line (the caller checks for a terminal)
    bool extract_entities = true;
    const Overrides* overrides = nullptr;  // not owned; may be null
};

struct IndexingSummary {
    std::size_t files = 0;
    std::size_t articles = 0;  // added or replaced by this run
    std::size_t rejected = 0;  // inputs (or records) refused, each with an error diagnostic
    std::size_t warnings = 0;
    Xapian::doccount total = 0;  // articles in the index afterwards
};

class IndexingRun {
public:
    // `messages` gets the diagnostics, progress and summary lines, each
    // prefixed with `program` ("newsdex-index: …").
    IndexingRun(IndexingOptions options, std::ostream& messages, std::string program);

    // Runs once. Throws IndexError when the index cannot be created, opened
    // or locked (before any input is read).
    IndexingSummary run();

private:
    IndexingOptions options_;
    std::ostream& messages_;
    std::string program_;
};

}  // namespace newsdex
