#include "common/analysis/text_indexer.h"

#include "common/analysis/stemmer.h"
#include "common/base/text_folding.h"

namespace newsdex {

namespace {

// Xapian's TermGenerator skips words longer than this; so do compound joins.
constexpr std::size_t kMaxJoinedBytes = 64;

Xapian::Utf8Iterator utf8(std::string_view s) { return Xapian::Utf8Iterator(s.data(), s.size()); }

}  // namespace

TextIndexer::TextIndexer() : stemmer_(english_stemmer()) {
    termgen_.set_stemmer(stemmer_);
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    termgen_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void TextIndexer::set_document(Xapian::Document& doc) { termgen_.set_document(doc); }

void TextIndexer::release_document() { termgen_.set_document(Xapian::Document()); }

void TextIndexer::skip_positions(Xapian::termpos gap) { termgen_.increase_termpos(gap); }

// TermGenerator splits "cease-fire" into "cease" and "fire" at consecutive
// positions, which serves phrase queries. The joined form "ceasefire" is
// reported at the positions of the first and the last part, so that the
// solid spelling finds it too, also inside phrases on either side ("the
// ceasefire", "ceasefire talks").
std::vector<CompoundJoin> TextIndexer::index_folded_text(std::string_view text, std::string_view prefix,
                                                         Xapian::termcount wdf_inc) {
    const std::string pre(prefix);
    std::vector<CompoundJoin> joins;
    std::size_t done = 0;  // text before this offset has been indexed
    for (const WordSpan& span : find_compounds(text)) {
        const std::string_view compound = text.substr(span.begin, span.end - span.begin);
        termgen_.index_text(utf8(text.substr(done, span.begin - done)), wdf_inc, pre);
        const Xapian::termpos first_part = termgen_.get_termpos() + 1;
        termgen_.index_text(utf8(compound), wdf_inc, pre);
        const Xapian::termpos last_part = termgen_.get_termpos();
        if (std::string joined = joined_form(compound); !joined.empty() && joined.size() <= kMaxJoinedBytes) {
            std::string stem = stemmer_(joined);
            joins.push_back({std::move(joined), std::move(stem), first_part, last_part});
        }
        done = span.end;
    }
    termgen_.index_text(utf8(text.substr(done)), wdf_inc, pre);
    return joins;
}

}  // namespace newsdex
