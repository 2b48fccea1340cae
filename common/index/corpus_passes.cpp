#include "common/index/corpus_passes.h"

#include "common/index/near_duplicates.h"
#include "common/index/person_resolution.h"

namespace newsdex {

CorpusPassesDone run_corpus_passes(Xapian::WritableDatabase& db, bool persons_resolved) {
    CorpusPassesDone done;
    if (!persons_resolved) done.persons_rewritten = resolve_persons_across_index(db);  // first: see corpus_passes.h
    done.groups_rewritten = group_near_duplicates(db);
    return done;
}

}  // namespace newsdex
