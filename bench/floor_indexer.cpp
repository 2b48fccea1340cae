// newsdex-floor-indexer: the least a Xapian indexer does with one writer
// (issue 13's baseline "c"): JSON Lines articles ({"id", "title", "body"})
// through Xapian's TermGenerator (English stemmer, STEM_SOME, positions),
// the title also with the S prefix, the id as a unique Q term, the title
// and body stored as the data (snippets need the text); replace_document()
// on the id term, Xapian's own flush every 10,000 documents and one commit
// at the end. No entity extraction, dates, facets or stored record: what
// newsdex costs beyond this is what it does beyond indexing text.
#include <fstream>
#include <iostream>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
    if (argc < 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: newsdex-floor-indexer DB FILE.jsonl...\n";
        return argc < 3 ? 2 : 0;
    }
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t articles = 0;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i]);
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            const auto j = nlohmann::json::parse(line);
            const std::string id = j.value("id", ""), title = j.value("title", ""), body = j.value("body", "");
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(title, 1, "S");
            tg.index_text(title);
            tg.increase_termpos();
            tg.index_text(body);
            doc.add_boolean_term("Q" + id);
            doc.set_data(title + "\n" + body);
            db.replace_document("Q" + id, doc);
            ++articles;
        }
    }
    db.commit();
    std::cerr << "newsdex-floor-indexer: " << articles << " articles\n";
    return 0;
}
