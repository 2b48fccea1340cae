// Fuzz target: query text as newsdex-search takes it, in raw bytes (a
// command-line argument or a --batch line need not be UTF-8), against a
// small in-memory index built once from the articles below. Each input is
// built in both match modes (QueryBuilder, common/query/query_builder.h),
// run, and given to the "did you mean" step (common/search/spelling.h).
// Checks that a query error points inside the query, and that a query that
// builds also runs: a Xapian exception here would reach the user as an
// index error (exit 3) for what is only a strange query.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include <xapian.h>

#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "common/query/query_builder.h"
#include "common/search/spelling.h"
#include "tests/fuzz/fuzz_checks.h"

using namespace newsdex;

namespace {

struct Fixture {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::unique_ptr<QueryBuilder> builder;

    Fixture() {
        struct Text {
            const char *id, *title, *body, *date;
        };
        // Written for this fuzzer: a few persons, places, organisations,
        // dates and hyphenated compounds for filters and wildcards to find.
        const Text texts[] = {
            {"a1", "Harbour talks resume in Port Ellery",
             "PORT ELLERY (Coast Wire) - Negotiators agreed a cease-fire on Monday. Mayor Ines Varga said the "
             "harbour would reopen.",
             "2024-06-03"},
            {"a2", "Ceasefire holds overnight",
             "The ceasefire held through the night in Cairo, officials of the United Nations said.", "2024-06-04"},
            {"a3", "Ferry strike ends", "Dock workers in Marseille returned after pay talks with Tomas Ekberg.",
             "2024-05"},
            {"a4", "Budget vote delayed", "Lawmakers in Ottawa delayed the vote; the Bank of Canada kept rates.",
             "2023"},
            {"a5", "Storm closes schools",
             "Schools in Dublin closed on 7 June 2024 as a storm hit. Met Eireann issued a warning.", ""},
            {"a6", "Tech firm hires", "Orbital Analytics Ltd hired 200 engineers in Nairobi, chief Amara Osei said.",
             "2024-06-07"},
        };
        DocumentBuilder documents;
        for (const auto& t : texts) {
            Article a;
            a.id = t.id;
            a.title = t.title;
            a.body = t.body;
            a.source = "Coast Wire";
            a.authors = {"Lena Hart"};
            a.section = "world";
            if (*t.date) a.date = std::get<PublishedDate>(parse_date(t.date));
            db.replace_document(schema::id_term(a.id), documents.build(a));
        }
        db.commit();
        builder = std::make_unique<QueryBuilder>(db);
    }
};

void run(const Fixture& f, const std::string& text, MatchMode mode) {
    const auto built = f.builder->build(text, mode);
    if (const auto* err = std::get_if<QueryError>(&built)) {
        NEWSDEX_FUZZ_CHECK(!err->message.empty());
        NEWSDEX_FUZZ_CHECK(err->position == std::string::npos || err->position <= text.size());
        NEWSDEX_FUZZ_CHECK(!describe_query_error(text, *err).empty());
        return;
    }
    Xapian::Enquire enquire(f.db);
    enquire.set_query(std::get<Xapian::Query>(built));
    const Xapian::MSet hits = enquire.get_mset(0, 10);
    NEWSDEX_FUZZ_CHECK(hits.size() <= f.db.get_doccount());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Fixture fixture;
    const std::string text(fuzz::as_text(data, size));
    run(fixture, text, MatchMode::all);
    run(fixture, text, MatchMode::any);
    for (const auto& clause : free_text_clauses(text)) NEWSDEX_FUZZ_CHECK(clause.position < text.size());
    if (const auto suggestion = suggest_spelling(fixture.db, text)) NEWSDEX_FUZZ_CHECK(*suggestion != text);
    return 0;
}
