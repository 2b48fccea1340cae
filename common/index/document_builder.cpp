#include "common/index/document_builder.h"

#include <algorithm>

#include "common/analysis/shingles.h"
#include "common/base/text_folding.h"
#include "common/entities/date_inference.h"
#include "common/entities/entity_extractor.h"
#include "common/entities/gazetteer.h"
#include "common/index/schema.h"

namespace newsdex {

namespace {

// Title words are indexed twice: with the title prefix, and unprefixed with
// this wdf so that a match in the title outweighs one in the body.
constexpr Xapian::termcount kTitleWeight = 3;
// Gap between title and body positions, so no phrase spans the two.
constexpr Xapian::termpos kFieldGap = 100;

// Entities the input tags replace the extracted ones; countries the input
// leaves out come from the tagged locations the gazetteer knows.
void use_tagged_entities(const Article& tagged, ArticleEntities& e) {
    e.persons = tagged.persons;
    e.locations = tagged.locations;
    e.organizations = tagged.organizations;
    e.countries = tagged.countries;
    if (e.countries.empty())
        for (const auto& l : tagged.locations)
            if (const Place* p = Gazetteer::standard().find_place(l);
                p && !p->country.empty() &&
                std::find(e.countries.begin(), e.countries.end(), p->country) == e.countries.end())
                e.countries.push_back(p->country);
}

}  // namespace

DocumentBuilder::DocumentBuilder(bool extract_entities, const Overrides* overrides)
    : extract_entities_(extract_entities), overrides_(overrides) {}

// The joined form of a compound ("ceasefire" for "cease-fire") at the
// positions of its first and last part; the second posting adds no wdf.
void DocumentBuilder::index_folded_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                                        Xapian::termcount wdf_inc) {
    const std::string pre(prefix);
    for (const CompoundJoin& join : text_.index_folded_text(text, prefix, wdf_inc)) {
        doc.add_posting(pre + join.joined, join.first_part, wdf_inc);
        if (join.last_part != join.first_part) doc.add_posting(pre + join.joined, join.last_part, 0);
        doc.add_term(schema::stemmed_term(pre, join.stem), wdf_inc);
    }
}

Xapian::Document DocumentBuilder::build(const Article& input) {
    Article article = input;
    analyse(article);
    return document(article);
}

void DocumentBuilder::analyse(Article& article) const {
    if (!extract_entities_ && article.entities_tagged) {  // tags are metadata, not extraction
        ArticleEntities e;
        use_tagged_entities(article, e);
        article.person_mentions = article.persons = e.persons;
        article.countries = e.countries;
    }
    if (extract_entities_) {
        ArticleEntities e;
        if (article.entities_tagged) {  // no extraction to do; dates still read from the text
            use_tagged_entities(article, e);
            if (!article.date) e.date_mentions = find_date_mentions(article.title + "\n\n" + article.body);
        } else {
            e = extract_entities(article);
        }
        if (overrides_) overrides_->apply(e, article.id);
        article.person_mentions = e.persons;
        article.person_evidence.clear();
        for (const auto& [name, ev] : e.person_evidence)
            article.person_evidence.push_back(name + '\t' + std::to_string(ev.as_person) + '\t' +
                                              std::to_string(ev.as_thing) +
                                              (ev.as_relative ? '\t' + std::to_string(ev.as_relative) : ""));
        article.persons = std::move(e.persons);
        article.locations = std::move(e.locations);
        article.countries = std::move(e.countries);
        article.organizations = std::move(e.organizations);
        article.mentioned_dates.clear();
        for (const auto& m : e.date_mentions)
            if (m.weekday < 0 && m.date.year) article.mentioned_dates.push_back(m.date);
        if (!article.date) {
            article.date = infer_publication_date(e.date_mentions, article.copyright_year);
            article.date_source = DateSource::inferred;
        }
    }
}

Xapian::Document DocumentBuilder::document(const Article& article) {
    Xapian::Document doc;
    text_.set_document(doc);

    const std::string title = fold_text(article.title);
    index_folded_text(doc, title, schema::kTitlePrefix, 1);
    index_folded_text(doc, title, "", kTitleWeight);
    text_.skip_positions(kFieldGap);
    const std::string body = fold_text(article.body);
    index_folded_text(doc, body, "", 1);
    text_.release_document();  // the document may go to another thread
    if (const std::string signature = minhash_signature(body); !signature.empty())
        doc.add_value(schema::kShingleSignatureSlot, signature);

    doc.add_boolean_term(schema::id_term(article.id));
    doc.add_boolean_term(schema::sample_bucket_term(article.id));
    if (!article.source_file.empty()) doc.add_boolean_term(schema::source_file_term(article.source_file));
    if (!article.content_hash.empty()) doc.add_value(schema::kContentHashSlot, article.content_hash);
    // Once, for the filter terms, the slots, the pack, slot 3 and the record.
    const auto facet_values = schema::all_facet_values(article);
    for (const auto& t : schema::filter_terms(facet_values)) doc.add_boolean_term(t);
    if (article.date) {
        for (const auto& t : schema::date_terms(*article.date)) doc.add_boolean_term(t);
        doc.add_value(schema::kDateSlot, article.date->compact());
        const auto [first_day, last_day] = schema::date_period(*article.date);
        doc.add_value(schema::kDateFirstDaySlot, first_day);
        doc.add_value(schema::kDateLastDaySlot, last_day);
    }
    for (std::size_t f = 0; f < facet_values.size(); ++f)
        for (std::size_t n = 0; n < facet_values[f].size(); ++n)
            doc.add_value(schema::facet_fields()[f].first_slot + static_cast<Xapian::valueno>(n), facet_values[f][n]);
    doc.add_value(schema::kFacetPackSlot, schema::facet_pack(article, facet_values));
    doc.add_value(schema::kTieBreakSlot, schema::tie_break_key(article.date, article.id));
    doc.add_value(schema::kOldestFirstSlot, schema::oldest_first_key(article.date, article.id));
    if (const std::string mentions = schema::person_mentions_value(article); !mentions.empty())
        doc.add_value(schema::kPersonMentionsSlot, mentions);
    if (const std::string persons = schema::persons_value(article, facet_values); !persons.empty())
        doc.add_value(schema::kPersonsSlot, persons);
    if (!article.person_evidence.empty())
        doc.add_value(schema::kPersonEvidenceSlot, schema::join_lines(article.person_evidence));
    doc.set_data(schema::encode_record(article, facet_values));
    return doc;
}

}  // namespace newsdex
