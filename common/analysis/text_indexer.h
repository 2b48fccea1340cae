// Folded text -> indexed words: Xapian's TermGenerator (English Snowball
// stemmer, STEM_SOME: every word unstemmed with positions and stemmed
// without, CJK n-grams) plus what it lacks for news: TermGenerator splits
// "cease-fire" into "cease" and "fire", so the joined form "ceasefire" of
// each hyphenated compound is reported back with its positions, and the
// document builder (common/index/document_builder.h) adds it under the
// schema's prefixes. The text must already be folded (fold_text()).
//
// Not thread-safe: one TextIndexer per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

// The solid spelling of one hyphenated compound of the text.
struct CompoundJoin {
    std::string joined;          // "ceasefire" for "cease-fire"
    std::string stem;            // its stem
    Xapian::termpos first_part;  // position of "cease"
    Xapian::termpos last_part;   // position of "fire"
};

class TextIndexer {
public:
    TextIndexer();

    // Where the following index_folded_text() calls write.
    void set_document(Xapian::Document& doc);
    // Lets go of that document. TermGenerator keeps a handle on it, and
    // Xapian's reference counts are not atomic: a document handed to another
    // thread (the indexer's writer) while still held here would have its
    // count changed by two threads at once, corrupting the heap.
    void release_document();
    // Indexes the words of folded text with `prefix` (empty for unprefixed
    // terms), each occurrence adding wdf_inc, at the positions after the
    // previous call's; returns the compounds' joined forms, in text order.
    // Joins longer than TermGenerator's word limit are left out.
    std::vector<CompoundJoin> index_folded_text(std::string_view folded, std::string_view prefix,
                                                Xapian::termcount wdf_inc);
    // Leaves a gap in positions (between fields, so no phrase spans two).
    void skip_positions(Xapian::termpos gap);

private:
    Xapian::TermGenerator termgen_;
    Xapian::Stem stemmer_;
};

}  // namespace newsdex
