// The corpus-wide passes: what the index decides over all its articles at
// once, after each load, so that the result depends only on the set of
// articles in the index, never on the order they came in. They run in this
// order, and the order matters:
//   1. person resolution (person_resolution.h) rebuilds the articles whose
//      resolved persons change, from their stored records; a rebuilt
//      document carries what the document builder writes plus the values
//      it cannot make (the first-indexed time, the person evidence, and
//      the near-duplicate group as it was, so a group never vanishes);
//   2. near-duplicate grouping (near_duplicates.h) then compares every
//      article's signature and writes each group key where it differs,
//      the rebuilt articles' included.
// The caller commits afterwards.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace newsdex {

struct CorpusPassesDone {
    std::size_t persons_rewritten = 0;  // articles rebuilt by person resolution
    std::size_t groups_rewritten = 0;   // articles whose near-duplicate group changed
};

// `persons_resolved`: every article's persons are already what the person
// pass would give them (the indexer resolved them before writing, over the
// whole index), so that pass is left out.
CorpusPassesDone run_corpus_passes(Xapian::WritableDatabase& db, bool persons_resolved = false);

}  // namespace newsdex
