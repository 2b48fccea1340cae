// The index file format, defined in exactly one place. Every term prefix,
// value slot, metadata key and stored-record field newsdex writes or reads is
// named here; no other file spells a prefix string or a slot number.
// docs/index-format.md mirrors this file entry by entry (a unit test checks
// that the two agree). Changing what an entry means bumps kSchemaVersion.
#pragma once

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/base/time_spec.h"
#include "common/reading/article.h"

namespace newsdex::schema {

// Version 1: the first format. Version 2: entities (persons, locations,
// countries, organisations), source and author terms, date_source.
// Version 3: section terms, facet value slots, date period slots,
// near-duplicate signature and group slots.
// Version 4: the first-indexed time slot and the last-run metadata key.
// Version 5: a file's id is its absolute path (ids were relative to the
// folder named on the command line, so two folders' "001.txt" collided);
// source-file terms, the content-hash slot, the pending-passes key.
// Version 6: an index may be a set of shards (the layout below); a version 5
// index is one database with the same documents, read and written as such.
// Version 7: the one-word entity terms (XWP…) also hold every run of
// consecutive words of a name ("abu zuhri" of "Sami Abu Zuhri"); versions 5
// and 6 are read (their multi-word filters match whole names only) and
// re-analysed by the next newsdex-index run.
// Version 8: keywords (the page's or the record's own tags): keyword terms
// (XT, XWT), facet slots 800-831, the record's "keywords"; versions 5 to 7
// are read (their articles have no keywords until the next newsdex-index
// run re-analyses them).
// Version 9 (analysis revision 16): a smaller index: facet pack version 2,
// the near-duplicate signature in binary, slot 2 only where it differs from
// slot 3, records without empty fields. Versions 5 to 8 are read (both
// layouts of each); an older newsdex refuses version 9 instead of reading
// its packs as malformed and, writing, taking a missing slot 2 for "no
// names" (its person pass would drop persons).
// Version 10 (analysis revision 18): a smaller index again: no word term
// repeats a whole name (a filter on a whole name reads its whole-name term),
// slot 3 and the record's lists of names only where the facet pack does not
// hold them as they are, the content hash only in slot 10. Versions 5 to 9
// are read; an older newsdex refuses version 10 (it would find no article
// for person:blinken where Blinken is a one-word name, and none of the
// records' names).
// The searcher refuses any other version.
inline constexpr int kSchemaVersion = 10;
inline constexpr int kOldestReadableSchemaVersion = 5;
// The glass block size of the databases newsdex creates and compacts (Xapian
// writes 8 KiB by default; any size is read). Counting facets reads a value
// of every match from a value stream that spans many blocks, each read with
// a system call of its own: over 100,000 articles 32 KiB blocks made three
// exact facets about 45% faster at the median as written and 35% after
// --compact, for 2-7% on a plain top 10's (bench/RESULTS.md, "Compacted
// blocks"). Not part of the format: a database of any block size is read.
inline constexpr int kBlockSize = 32768;
// A recorded schema version ("6") this build reads and writes.
bool is_readable_schema_version(std::string_view recorded);

// ---- Layout: one database, or shards ----
// An index folder holds one Xapian glass database, or shard databases (each
// a glass database in a sub-folder) and a Xapian stub file naming them, one
// "glass shard-NN" line each, so that Xapian opens the folder as one
// database. An article's shard is fixed by its id (shard_of), so an update,
// a delete or a re-run always finds it in its own shard. Every shard holds
// the same metadata (the keys below).
inline constexpr std::string_view kShardStubFile = "XAPIANDB";
inline constexpr std::size_t kMaxShards = 64;
// "shard-00", "shard-01", …: the sub-folder of a shard.
std::string shard_folder_name(std::size_t shard);
// The shard, of `shards`, that holds the article with this id.
std::size_t shard_of(std::string_view article_id, std::size_t shards);

// ---- Term prefixes (Omega's conventions where one exists) ----
// Unique id term: "Q" + article id. replace_document() on it makes
// re-indexing an article replace it instead of adding a duplicate.
inline constexpr std::string_view kIdPrefix = "Q";
// Title words, free text with positions, also indexed unprefixed (boosted).
inline constexpr std::string_view kTitlePrefix = "S";
// Xapian's own marker for stemmed terms ("Zhostag", "ZShostag").
inline constexpr std::string_view kStemPrefix = "Z";
// Publication date as boolean terms, for year/month/day filters:
// "Y2024", "M202406", "D20240607". A month-precision date has Y and M only.
inline constexpr std::string_view kYearPrefix = "Y";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kDayPrefix = "D";

// Entities and metadata as boolean filter terms. Each name gives a
// whole-name term (prefix + folded name: "XPantony blinken", for
// person:"Antony Blinken") and one term per word of it (word prefix + folded
// word: "XWPblinken", for person:blinken). Folding: entity_key() (common/base/text_folding.h).
inline constexpr std::string_view kPersonPrefix = "XP";
inline constexpr std::string_view kPersonWordPrefix = "XWP";
inline constexpr std::string_view kLocationPrefix = "XL";
inline constexpr std::string_view kLocationWordPrefix = "XWL";
inline constexpr std::string_view kOrganizationPrefix = "XO";
inline constexpr std::string_view kOrganizationWordPrefix = "XWO";
inline constexpr std::string_view kSourcePrefix = "XS";
inline constexpr std::string_view kSourceWordPrefix = "XWS";
inline constexpr std::string_view kAuthorPrefix = "XA";
inline constexpr std::string_view kAuthorWordPrefix = "XWA";
inline constexpr std::string_view kSectionPrefix = "XK";
inline constexpr std::string_view kSectionWordPrefix = "XWK";
// Keywords: the tags a page or a record gives itself (JSON-LD keywords,
// article:tag, <meta name="keywords">), not words newsdex picked.
inline constexpr std::string_view kKeywordPrefix = "XT";
inline constexpr std::string_view kKeywordWordPrefix = "XWT";
// Country: ISO 3166-1 alpha-2 in lower case ("XCeg").
inline constexpr std::string_view kCountryPrefix = "XC";
// The input file an article was read from, absolute ("XF/archive/bbc/tech/001.txt";
// "XF-" for standard input; cut and hashed like ids past Xapian's term
// length): --prune lists a folder's articles by this prefix, and an id
// arriving from another file is a conflict.
inline constexpr std::string_view kSourceFilePrefix = "XF";
// The article's sample bucket: "XB" + two lower-case hex digits, the low
// byte of stable_hash64() of its id, so each of the 256 buckets holds about
// 1/256 of the articles, the same ones whatever the input order or shard.
// --facet-sample counts facets over the matches in the first few buckets.
inline constexpr std::string_view kSampleBucketPrefix = "XB";
inline constexpr unsigned kSampleBuckets = 256;
std::string sample_bucket_term(std::string_view id);
std::string sample_bucket_term(unsigned bucket);

// The entity fields a query can filter on, with their term prefixes.
struct EntityField {
    std::string_view query_name;  // "person", "location", "org", "source", "author", "section", "keyword"
    std::string_view whole_prefix;
    std::string_view word_prefix;
    // An article has at most one value (its source, its section): two
    // filters on the field mean either value. Else both must match
    // (person:blair person:brown: articles naming both).
    bool one_per_article = false;
};
std::span<const EntityField> entity_fields();

// ---- Value slots (never renumber: old indexes keep their numbers) ----
// Publication date as a sortable string: "20240607", "202406" or "2024";
// absent for an undated article.
inline constexpr Xapian::valueno kDateSlot = 0;
// Tie-break key for equal scores: newest date first, then id ascending,
// encoded so that an ascending sort on the string gives that order.
inline constexpr Xapian::valueno kTieBreakSlot = 1;
// The article's person names as extracted, and as resolved across the
// corpus, each newline-separated: the corpus-wide pass reads these two value
// streams instead of decoding every stored record. Most articles' names are
// the same before and after resolution, so slot 2 is written only where
// they differ (person_mentions_value()).
inline constexpr Xapian::valueno kPersonMentionsSlot = 2;
inline constexpr Xapian::valueno kPersonsSlot = 3;
// The first and the last day of the period the date covers, YYYYMMDD: the
// same for a day, the month's ends for a month ("20240601", "20240630"),
// the year's for a year. date:A..B ranges compare these, so a month-precision
// article matches only ranges that cover its whole month.
inline constexpr Xapian::valueno kDateFirstDaySlot = 4;
inline constexpr Xapian::valueno kDateLastDaySlot = 5;
// Near duplicates (common/analysis/shingles.h, common/index/near_duplicates.h): the body's MinHash signature
// (16 x 8 hex digits), and the duplicate-group key (the id that sorts first
// in the article's group; absent for an article with no near duplicate).
inline constexpr Xapian::valueno kShingleSignatureSlot = 6;
inline constexpr Xapian::valueno kDuplicateGroupSlot = 7;
// --sort oldest: the first day of the date's period (99999999 when undated,
// so undated articles come last), then the id. A plain value sort: the
// remote backend cannot run key makers.
inline constexpr Xapian::valueno kOldestFirstSlot = 8;
// When the article was first indexed: the start time of the newsdex-index
// run that first added it (one time per run, so the index does not depend
// on input order or threads), kept when the article is re-indexed. Fixed
// width microseconds since the epoch, so string order is time order and
// Xapian's OP_VALUE_GE and get_value_upper_bound() work on it (--since,
// --state).
inline constexpr Xapian::valueno kFirstIndexedSlot = 9;
// The article's content hash (Article::content_hash combined with the
// analysis settings, 16 hex digits): a re-run skips an article whose input
// and settings are unchanged.
inline constexpr Xapian::valueno kContentHashSlot = 10;
// Article::person_evidence, newline-separated "NAME\tAS_PERSON\tAS_THING"
// lines (and "\tAS_RELATIVE" for a given name after a relation): what
// person resolution sums over the index to tell a person from a work or a
// place named like one, and the relatives it leaves as written. Absent
// when the article has none.
inline constexpr Xapian::valueno kPersonEvidenceSlot = 11;

// Facets: a multi-valued field keeps its n-th value (display form) in slot
// first_slot + n, for n below max_values. Counting each slot with Xapian's
// ValueCountMatchSpy and summing gives exact multi-valued counts, also
// through xapian-tcpsrv (which runs only built-in match spies). Values past
// the cap are left out of the facet slots *and* of the filter terms, so a
// facet count always equals its drill-down's hit count.
struct FacetField {
    std::string_view name;  // as in --facet and the query field: "person", "country", …
    Xapian::valueno first_slot;
    unsigned max_values;
    char pack_code;  // the field's code in the facet pack (kFacetPackSlot)
};
std::span<const FacetField> facet_fields();
const FacetField* find_facet_field(std::string_view name);
// The article's values of one facet field, in order, one per entity_key()
// (country codes in capitals), at most max_values.
std::vector<std::string> facet_values(const Article& article, const FacetField& field);

// The facet pack: every facet value of the article (the same values as the
// facet slots, and the date slot's value) in one value, so that a local
// index counts all requested facets with one value read per match
// (common/search/facets.h). A version byte (2), then one group per field
// that has values: the field's pack code (FacetField::pack_code;
// kDatePackCode for the date), the group's length in bytes (LEB128), and per
// value: its key hash (4 bytes, little-endian: the low 32 bits of
// stable_hash64() of entity_key(), so values that one filter term matches
// share it), its length (LEB128) and its bytes (display form). A counter
// skips the groups it does not count whole. Version 1 (analysis revisions
// 9-15) held a 64-bit key hash and a 32-bit spelling hash per value: 8 more
// bytes a value, about 0.14 KB an article, for a hash the counter works
// out faster from the bytes it reads anyway. Every article written since
// analysis revision 9 has a pack; an index where some article lacks one is
// counted with the per-slot match spies.
inline constexpr Xapian::valueno kFacetPackSlot = 12;
// Every slot above, in number order (the facet slots are facet_fields()'s).
inline constexpr Xapian::valueno kSingleSlots[] = {
    kDateSlot,        kTieBreakSlot,         kPersonMentionsSlot, kPersonsSlot,     kDateFirstDaySlot,
    kDateLastDaySlot, kShingleSignatureSlot, kDuplicateGroupSlot, kOldestFirstSlot, kFirstIndexedSlot,
    kContentHashSlot, kPersonEvidenceSlot,   kFacetPackSlot};
inline constexpr char kFacetPackVersion = 2;
inline constexpr char kDatePackCode = 'd';
std::string facet_pack(const Article& article);
// The same from the facet values already worked out (all_facet_values()).
std::string facet_pack(const Article& article, const std::vector<std::vector<std::string>>& values);
// facet_values() of every field, in facet_fields() order.
std::vector<std::vector<std::string>> all_facet_values(const Article& article);
// A field's place in facet_fields() (and in all_facet_values()).
std::size_t facet_index(const FacetField& field);

struct FacetPackEntry {
    std::uint32_t key_hash = 0;
    std::string_view value;
};
// Reads a facet pack field by field and value by value, without copying:
// a counter calls it for every match, so it is defined here to be inlined
// into the counting loop. Reads versions 1 and 2.
class FacetPackReader {
public:
    explicit FacetPackReader(std::string_view pack) : rest_(pack) {
        if (rest_.empty() || (rest_[0] != kFacetPackVersion && rest_[0] != 1)) {
            malformed_ = true;
            return;
        }
        hash_bytes_ = rest_[0] == 1 ? 12 : 4;  // version 1: an 8-byte key hash, a 4-byte spelling hash
        rest_.remove_prefix(1);
    }
    // Moves to the next field's group; false at the end or when malformed.
    bool next_field(char& code) {
        group_ = {};
        if (malformed_ || rest_.empty()) return false;
        code = rest_[0];
        rest_.remove_prefix(1);
        const std::size_t length = read_length(rest_);
        if (length > rest_.size()) return !(malformed_ = true);
        group_ = rest_.substr(0, length);
        rest_.remove_prefix(length);
        return true;
    }
    // The current group's next value; false at its end or when malformed.
    // A group not read to its end is skipped by next_field().
    bool next_value(FacetPackEntry& entry) {
        if (malformed_ || group_.empty()) return false;
        if (group_.size() <= hash_bytes_) return !(malformed_ = true);
        entry.key_hash = read_number<std::uint32_t>(group_.data());
        group_.remove_prefix(hash_bytes_);
        const std::size_t length = read_length(group_);
        if (length > group_.size()) return !(malformed_ = true);
        entry.value = group_.substr(0, length);
        group_.remove_prefix(length);
        return true;
    }
    bool malformed() const { return malformed_; }

private:
    static constexpr std::size_t kBadLength = static_cast<std::size_t>(-1);

    // A little-endian number of sizeof(N) bytes.
    template <typename N>
    static N read_number(const char* at) {
        N n;
        std::memcpy(&n, at, sizeof n);
        if constexpr (std::endian::native == std::endian::big) n = byteswap(n);
        return n;
    }
    template <typename N>
    static N byteswap(N n) {
        N out = 0;
        for (std::size_t i = 0; i < sizeof n; ++i, n >>= 8) out = static_cast<N>((out << 8) | (n & 0xFF));
        return out;
    }
    // A LEB128 length at the front of `rest`, removed; kBadLength when
    // malformed. Most lengths are one byte.
    static std::size_t read_length(std::string_view& rest) {
        std::size_t n = 0;
        for (std::size_t at = 0, shift = 0; at < rest.size() && shift <= 28; ++at, shift += 7) {
            const auto byte = static_cast<unsigned char>(rest[at]);
            n |= static_cast<std::size_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) {
                rest.remove_prefix(at + 1);
                return n;
            }
        }
        return kBadLength;
    }

    std::string_view rest_, group_;
    std::size_t hash_bytes_ = 4;
    bool malformed_ = false;
};

// [first day, last day] of the date's period, each YYYYMMDD.
std::pair<std::string, std::string> date_period(const PublishedDate& date);

std::string join_lines(const std::vector<std::string>& names);
std::vector<std::string> split_lines(std::string_view joined);
// Slot 2's value: the persons as extracted, newline-separated; "" (no value)
// where they are the persons as resolved; kNoPersonMentions where there are
// none but the article lists persons (given by its record or the overrides).
inline constexpr std::string_view kNoPersonMentions = "\n";  // no list of names is a line break alone
std::string person_mentions_value(const Article& article);
// Slot 3's value: the persons as resolved, newline-separated; "" (no value)
// where the facet pack holds them as they are (schema version 10; the
// person pass then reads the pack's).
std::string persons_value(const Article& article);
// The same from the facet values already worked out (all_facet_values()).
std::string persons_value(const Article& article, const std::vector<std::vector<std::string>>& facet_values);
// The facet field whose pack group holds a record list as it is
// ("persons" -> "person"), for the lists encode_record() leaves to the
// pack; empty for any other record field.
std::string_view packed_list_facet(std::string_view record_key);

// ---- Database metadata keys ----
inline constexpr std::string_view kSchemaVersionKey = "newsdex.schema_version";
// The first-indexed value (kFirstIndexedSlot) of the last newsdex-index run
// whose articles are committed. A reader that sees a newer first-indexed
// value than this is looking at a run still in progress (Xapian flushes
// every 10,000 documents), whose other articles are yet to come.
inline constexpr std::string_view kLastRunKey = "newsdex.last_run_indexed_at";
// "1" while articles are committed whose corpus-wide passes (person
// resolution, near-duplicate groups) have not run yet: set with the first
// batch a run commits, cleared in the commit after the passes. A run
// interrupted in between leaves it set, and the next run does the passes
// even when it has nothing else to do.
inline constexpr std::string_view kPassesPendingKey = "newsdex.corpus_passes_pending";

// ---- Stored document record: JSON object in Document::get_data() ----
// Field names, in the order they are written.
inline constexpr std::string_view kRecordId = "id";
inline constexpr std::string_view kRecordTitle = "title";
inline constexpr std::string_view kRecordDate = "date";
inline constexpr std::string_view kRecordDatePrecision = "date_precision";
inline constexpr std::string_view kRecordSource = "source";
inline constexpr std::string_view kRecordUrl = "url";
inline constexpr std::string_view kRecordPath = "path";
inline constexpr std::string_view kRecordAuthors = "authors";
inline constexpr std::string_view kRecordSection = "section";
inline constexpr std::string_view kRecordKeywords = "keywords";
inline constexpr std::string_view kRecordText = "text";
inline constexpr std::string_view kRecordDateSource = "date_source";
inline constexpr std::string_view kRecordPersons = "persons";
inline constexpr std::string_view kRecordPersonMentions = "person_mentions";
inline constexpr std::string_view kRecordLocations = "locations";
inline constexpr std::string_view kRecordCountries = "countries";
inline constexpr std::string_view kRecordOrganizations = "organizations";
inline constexpr std::string_view kRecordMentionedDates = "mentioned_dates";
inline constexpr std::string_view kRecordSourceFile = "source_file";
inline constexpr std::string_view kRecordContentHash = "content_hash";

// One row of the format table, for docs and for the doc-consistency test.
struct Entry {
    std::string_view name;  // the prefix, slot number, key or field name
    std::string_view meaning;
};
std::span<const Entry> term_prefixes();
std::span<const Entry> value_slots();
std::span<const Entry> metadata_keys();
std::span<const Entry> record_fields();

// ---- Encoding helpers: the only code that builds these strings ----
std::string id_term(std::string_view article_id);
// False when the id is too long for one term and id_term() cut and hashed
// it: the stored record then confirms the id.
bool id_term_is_whole_id(std::string_view article_id);
std::vector<std::string> date_terms(const PublishedDate& date);
std::string tie_break_key(const std::optional<PublishedDate>& date, std::string_view article_id);
// The article id a tie_break_key() ends with (the corpus-wide passes read
// ids from this value stream instead of decoding records).
std::string article_id_of_tie_break_key(std::string_view key);
// kOldestFirstSlot's value: the first day of the date's period, then the id.
std::string oldest_first_key(const std::optional<PublishedDate>& date, std::string_view article_id);
// The stemmed term of a word in a field: "Z" + field prefix + stem
// ("Zhostag", "ZShostag"), the form Xapian's TermGenerator writes with
// STEM_SOME; the document builder adds compound joins in it.
std::string stemmed_term(std::string_view field_prefix, std::string_view stem);
// An indexed word term as a user would write it: "ZShostag" ->
// "title:hostag (stem)", "Zhostag" -> "hostag (stem)", "Sgaza" ->
// "title:gaza", "gaza" -> "gaza" (--explain).
std::string describe_term(std::string_view term);
// A point in time as kept in kFirstIndexedSlot and kLastRunKey
// (IndexedTime, common/base/time_spec.h):
// 17 zero-padded digits of microseconds since 1970-01-01T00:00:00Z (earlier
// times are written as 0).
std::string first_indexed_value(IndexedTime t);
// The time a first_indexed_value() string holds; nothing for any other text.
std::optional<IndexedTime> parse_first_indexed_value(std::string_view value);
// Copies the values a re-analysed article does not produce itself (the
// first-indexed time) from the document it replaces.
void carry_over_values(const Xapian::Document& old_doc, Xapian::Document& new_doc);
// The whole-name term and the part terms (each run of consecutive words) of
// one name in one field.
std::vector<std::string> entity_terms(const EntityField& field, std::string_view name);
std::string country_term(std::string_view code);
std::string source_file_term(std::string_view source_file);
// The source-file terms of the files in a folder (or of the file itself)
// all start with `prefix`. When `exact`, every term with that prefix
// followed by "/" or nothing is one of them; else (a folder path too long
// for a whole term) some terms with the prefix are not, and each
// document's stored source file must say.
struct SourceTerms {
    std::string prefix;
    bool exact;
};
SourceTerms source_terms_under(std::string_view folder);
// The filter terms of an article: entities, countries, source, authors;
// the second form from its all_facet_values(), when the caller has them.
std::vector<std::string> filter_terms(const Article& article);
std::vector<std::string> filter_terms(const std::vector<std::vector<std::string>>& facet_values);

// The record a hit needs to render, as stored in the document data. Lists
// the facet pack holds as they are and the content hash (slot 10) are left
// out of it (schema version 10): read an article back with decode_article().
std::string encode_record(const Article& article);
// The same from the facet values already worked out (all_facet_values()).
std::string encode_record(const Article& article, const std::vector<std::vector<std::string>>& facet_values);
// The article a document holds: its record, and the lists and content hash
// the record leaves to the facet pack and slot 10. Throws
// std::runtime_error when the data is not a newsdex record.
Article decode_article(const Xapian::Document& doc);
// The same without the content hash (left empty), for a search hit: hits
// never show it, and reading slot 10 is one more lookup in the index for
// every hit of every page.
Article decode_hit(const Xapian::Document& doc);
// The same from the document's data, facet pack and slot 10 value.
Article decode_article(std::string_view data, std::string_view pack, std::string_view content_hash);
// The record alone (its id, title, text, path, date): the lists and content
// hash left to the document's values are empty. Throws like decode_article().
Article decode_record(std::string_view data);
// The input file a record's path names: the path without a last ":LINE"
// ("/feeds/wire.jsonl:12" -> "/feeds/wire.jsonl", "-:3" -> "-"); the record
// leaves out a source_file that is this.
std::string_view file_of_path(std::string_view path);
// The values of one field's group of a facet pack (code: FacetField::pack_code).
std::vector<std::string> pack_group_values(std::string_view pack, char code);

}  // namespace newsdex::schema
