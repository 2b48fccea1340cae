// One newsdex-index run, as a class the tests can drive without a process:
// lists the inputs, reads them on a reading thread and analyses their
// articles (entity extraction, dates) on `jobs` analysing threads, holds
// them (up to an eighth of the memory budget) until their persons are
// resolved over the index and them together, then builds their documents
// on `jobs` threads and hands them to the index in reading order (so the
// index does not depend on thread timing), where each shard's writer thread
// adds them, commits in batches, removes what --prune or --delete asks,
// runs the corpus-wide passes and commits again.
//
// Incremental: an article whose content hash (its input bytes, where it was
// read and the analysis settings) matches the stored one is skipped without
// being analysed. An article whose id is held by an article from another
// file is a conflict: reported, the stored one kept, unless `replace`.
//
// Problems with inputs are diagnostics, counted and reported on the message
// stream; problems with the index are thrown (IndexError, Xapian::Error)
// before anything is written or at the failing step.
#pragma once

#include <atomic>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/entities/overrides.h"
#include "common/reading/corpus_reader.h"
#include "common/reading/diagnostic.h"

namespace newsdex {

// Threads for `jobs` (0: one per core, at least 1).
std::size_t resolve_jobs(std::size_t jobs);

// Measured at 100,000 generated articles: commits of 1,000 articles index
// about 15% faster than commits of 5,000, and with a third less memory
// (bench/RESULTS.md); smaller ones add commit overhead.
inline constexpr std::size_t kDefaultBatchSize = 1000;
inline constexpr std::size_t kDefaultMemoryBudgetMib = 1024;

struct IndexingOptions {
    std::string db_path;                  // the index (created when missing)
    std::vector<std::string> inputs;      // files, directories, or "-" for standard input
    std::vector<std::string> delete_ids;  // --delete: ids (or file paths) to remove instead of reading
    bool quiet = false;                   // errors only: no warnings, no summary
    bool progress = false;                // a progress line (the caller checks for a terminal)
    bool extract_entities = true;
    const Overrides* overrides = nullptr;  // not owned; may be null
    // Identifies the overrides' content (a hash of the file): changing them
    // re-analyses every article on the next run.
    std::string overrides_fingerprint;
    bool replace = false;    // an article from another file may replace the stored one
    bool prune = false;      // remove articles from the inputs' files and folders that are gone
    bool reanalyse = false;  // analyse unchanged articles too
    // --section-from-folder: an article without a section of its own takes
    // the name of the first folder below the input directory (InputFile::top_folder).
    bool section_from_folder = false;
    // Analysing threads (0: one per core), and the shards of a new index
    // (0: as many as analysing threads): each shard has a writer thread.
    std::size_t jobs = 0;
    std::size_t shards = 0;
    // A commit after this many articles written, or sooner when the
    // estimate of what the writer holds uncommitted reaches half of
    // memory_budget_mib (pending_size_estimate(), article_index.h): Xapian
    // keeps a batch's postings in memory until its commit.
    std::size_t batch_size = kDefaultBatchSize;
    std::size_t memory_budget_mib = kDefaultMemoryBudgetMib;
    std::size_t max_article_bytes = kDefaultMaxArticleBytes;
    // Set (to the signal number) by a signal handler: the run commits what
    // it has written and stops. Not owned; may be null.
    const std::atomic<int>* stop = nullptr;
};

struct IndexingSummary {
    std::size_t files = 0;
    std::size_t added = 0, updated = 0, unchanged = 0, removed = 0;
    std::size_t conflicts = 0;  // articles not written: their id belongs to another file's article
    std::size_t rejected = 0;   // inputs (or records) refused, each with an error diagnostic
    std::size_t warnings = 0;
    std::size_t batches = 0;  // commits of written articles (the corpus-wide passes' not counted)
    // Articles the corpus-wide passes rewrote (this run's or earlier ones'):
    // persons resolved anew across the index, near-duplicate group changed.
    std::size_t persons_rewritten = 0, groups_rewritten = 0;
    Xapian::doccount total = 0;  // articles in the index afterwards
    int stopped_by = 0;          // the signal that stopped the run, or 0

    std::size_t articles() const { return added + updated; }  // written by this run
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
