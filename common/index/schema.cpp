#include "common/index/schema.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "common/base/strings.h"
#include "common/base/text_folding.h"

namespace newsdex::schema {

namespace {

// Xapian refuses terms over 245 bytes; ids are cut well below that and made
// unique again with a hash of the whole id.
constexpr std::size_t kMaxIdBytes = 200;

constexpr std::array<Entry, 23> kTermPrefixes = {{
    {kIdPrefix, "unique article id (boolean); replace_document() on it de-duplicates"},
    {kTitlePrefix, "title words, with positions; also \"ZS\" + stem"},
    {kStemPrefix, "stemmed form of a word (English Snowball), no positions"},
    {kYearPrefix, "publication year, YYYY (boolean)"},
    {kMonthPrefix, "publication month, YYYYMM (boolean)"},
    {kDayPrefix, "publication day, YYYYMMDD (boolean); absent for month/year precision"},
    {kPersonPrefix, "person, whole folded name (boolean)"},
    {kPersonWordPrefix, "person, each run of consecutive folded words of the name (boolean)"},
    {kLocationPrefix, "location, whole folded name (boolean)"},
    {kLocationWordPrefix, "location, each run of consecutive folded words (boolean)"},
    {kOrganizationPrefix, "organisation, whole folded name (boolean)"},
    {kOrganizationWordPrefix, "organisation, each run of consecutive folded words (boolean)"},
    {kSourcePrefix, "source outlet, whole folded name (boolean)"},
    {kSourceWordPrefix, "source outlet, each run of consecutive folded words (boolean)"},
    {kAuthorPrefix, "author, whole folded name (boolean)"},
    {kAuthorWordPrefix, "author, each run of consecutive folded words (boolean)"},
    {kSectionPrefix, "section, whole folded name (boolean)"},
    {kSectionWordPrefix, "section, each run of consecutive folded words (boolean)"},
    {kKeywordPrefix, "keyword (the article's own tag), whole folded keyword (boolean)"},
    {kKeywordWordPrefix, "keyword, each run of consecutive folded words (boolean)"},
    {kCountryPrefix, "country, ISO 3166-1 alpha-2 in lower case (boolean)"},
    {kSourceFilePrefix, "input file, absolute path; - for standard input (boolean)"},
    {kSampleBucketPrefix, "sample bucket: two hex digits from the id's hash (boolean), for --facet-sample"},
}};

constexpr std::array<EntityField, 7> kEntityFields = {{
    {"person", kPersonPrefix, kPersonWordPrefix},
    {"location", kLocationPrefix, kLocationWordPrefix},
    {"org", kOrganizationPrefix, kOrganizationWordPrefix},
    {"source", kSourcePrefix, kSourceWordPrefix, /*one_per_article=*/true},
    {"author", kAuthorPrefix, kAuthorWordPrefix},
    {"section", kSectionPrefix, kSectionWordPrefix, /*one_per_article=*/true},
    {"keyword", kKeywordPrefix, kKeywordWordPrefix},
}};

constexpr std::array<FacetField, 8> kFacetFields = {{
    {"person", 100, 64, 'p'},
    {"location", 200, 64, 'l'},
    {"country", 300, 32, 'c'},
    {"org", 400, 64, 'o'},
    {"source", 500, 1, 's'},
    {"author", 600, 16, 'a'},
    {"section", 700, 1, 'k'},
    {"keyword", 800, 32, 't'},
}};

constexpr std::array<Entry, 21> kValueSlots = {{
    {"0", "publication date: YYYYMMDD, YYYYMM or YYYY"},
    {"1", "tie-break key: inverted date digits + id"},
    {"2", "person names as extracted, newline-separated; only where they differ from slot 3"},
    {"3",
     "person names as resolved across the corpus, newline-separated; only where the facet pack does not hold them"},
    {"4", "first day of the date's period, YYYYMMDD"},
    {"5", "last day of the date's period, YYYYMMDD"},
    {"6", "MinHash signature of the body's word 4-shingles: 16 hashes of 4 bytes"},
    {"7", "near-duplicate group key: the id that sorts first in the group; absent when unique"},
    {"8", "oldest-first sort key: first day of the date's period (99999999 if undated) + id"},
    {"9", "first-indexed time: microseconds since the epoch, 17 digits"},
    {"10", "content hash of the input and the analysis settings, 16 hex digits"},
    {"11", "person evidence: NAME<TAB>as-person count<TAB>as-thing count lines; absent when none"},
    {"12",
     "facet pack: version byte 2, then per field its code and length, per value its key hash (4 bytes), LEB128 length, bytes"},
    {"100-163", "facet: person names, one per slot"},
    {"200-263", "facet: location names, one per slot"},
    {"300-331", "facet: country codes, one per slot"},
    {"400-463", "facet: organisation names, one per slot"},
    {"500", "facet: source"},
    {"600-615", "facet: author names, one per slot"},
    {"700", "facet: section"},
    {"800-831", "facet: keywords, one per slot"},
}};

constexpr std::array<Entry, 3> kMetadataKeys = {{
    {kSchemaVersionKey, "index schema version, decimal"},
    {kLastRunKey, "first-indexed value of the last indexing run whose articles are committed"},
    {kPassesPendingKey, "1 while committed articles await the corpus-wide passes"},
}};

constexpr std::array<Entry, 20> kRecordFields = {{
    {kRecordId, "article id"},
    {kRecordTitle, "title"},
    {kRecordDate, "publication date, YYYY-MM-DD, YYYY-MM or YYYY; absent if undated"},
    {kRecordDatePrecision, "day, month or year; absent if undated"},
    {kRecordSource, "outlet"},
    {kRecordUrl, "url"},
    {kRecordPath, "input file (absolute), plus :LINE for JSON Lines"},
    {kRecordAuthors, "array of author names"},
    {kRecordSection, "section"},
    {kRecordKeywords, "array of keywords: the article's own tags"},
    {kRecordText, "body text, for snippets and display"},
    {kRecordDateSource, "how the date was found: metadata, text or inferred; absent if undated"},
    {kRecordPersons, "array of person names"},
    {kRecordPersonMentions,
     "array of person names as extracted from the article alone; absent where the same as persons"},
    {kRecordLocations, "array of location names"},
    {kRecordCountries, "array of ISO 3166-1 alpha-2 codes"},
    {kRecordOrganizations, "array of organisation names"},
    {kRecordMentionedDates, "array of dates the text mentions with a year, in text order"},
    {kRecordSourceFile, "input file, absolute; - for standard input"},
    {kRecordContentHash, "content hash, as in value slot 10 (records before schema version 10 only)"},
}};

// Both sort keys put undated articles after every dated one: in the
// tie-break key (inverted digits) and in the oldest-first key alike.
constexpr std::string_view kUndatedDay = "99999999";
constexpr std::size_t kDayDigits = kUndatedDay.size();

// Where bounded_term() cuts a text past kMaxIdBytes: at a character
// boundary, decided by the first kMaxIdBytes + 1 bytes alone.
std::size_t term_cut(std::string_view text) {
    std::size_t cut = kMaxIdBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return cut;
}

// prefix + text, or past kMaxIdBytes the text cut (at a character
// boundary) + "#" + a hash of the whole: unique, and under Xapian's limit.
std::string bounded_term(std::string_view prefix, std::string_view text) {
    std::string term(prefix);
    if (text.size() <= kMaxIdBytes) return term.append(text);
    return term.append(text.substr(0, term_cut(text))).append("#").append(stable_hash_hex(text));
}

// Digit-inverted date so that an ascending sort puts the newest first.
std::string inverted_date(const std::optional<PublishedDate>& date) {
    if (!date) return std::string(kUndatedDay);
    // A month or a year sorts as its first day, as in the oldest-first key.
    std::string digits = date_period(*date).first;
    for (auto& c : digits) c = static_cast<char>('9' - (c - '0'));
    return digits;
}

}  // namespace

std::span<const Entry> term_prefixes() { return kTermPrefixes; }
std::span<const EntityField> entity_fields() { return kEntityFields; }
std::span<const Entry> value_slots() { return kValueSlots; }
std::span<const FacetField> facet_fields() { return kFacetFields; }

const FacetField* find_facet_field(std::string_view name) {
    for (const auto& f : kFacetFields)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::string> facet_values(const Article& a, const FacetField& field) {
    std::vector<std::string> names;
    if (field.name == "person") names = a.persons;
    else if (field.name == "location") names = a.locations;
    else if (field.name == "org") names = a.organizations;
    else if (field.name == "author") names = a.authors;
    else if (field.name == "source" && !a.source.empty()) names = {a.source};
    else if (field.name == "section" && !a.section.empty()) names = {a.section};
    else if (field.name == "keyword") names = a.keywords;
    else if (field.name == "country")
        for (const auto& c : a.countries) {
            std::string code = c;
            for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            names.push_back(code);
        }
    std::vector<std::string> out, keys;
    for (auto& n : names) {
        std::string key = entity_key(n);
        if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        if (out.size() == field.max_values) break;
        keys.push_back(std::move(key));
        out.push_back(std::move(n));
    }
    return out;
}

namespace {

void add_number(std::string& out, std::uint64_t n, int bytes) {  // little-endian
    for (int i = 0; i < bytes; ++i, n >>= 8) out += static_cast<char>(n & 0xFF);
}

void add_length(std::string& out, std::size_t n) {  // LEB128
    for (;; n >>= 7) {
        out += static_cast<char>((n & 0x7F) | (n >= 0x80 ? 0x80 : 0));
        if (n < 0x80) return;
    }
}

void add_pack_group(std::string& pack, char code, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string entries;
    for (const auto& value : values) {
        add_number(entries, stable_hash64(entity_key(value)), 4);
        add_length(entries, value.size());
        entries += value;
    }
    pack += code;
    add_length(pack, entries.size());
    pack += entries;
}

}  // namespace

std::size_t facet_index(const FacetField& field) { return static_cast<std::size_t>(&field - kFacetFields.data()); }

std::vector<std::vector<std::string>> all_facet_values(const Article& article) {
    std::vector<std::vector<std::string>> values;
    for (const auto& field : kFacetFields) values.push_back(facet_values(article, field));
    return values;
}

std::string facet_pack(const Article& article, const std::vector<std::vector<std::string>>& values) {
    std::string pack(1, kFacetPackVersion);
    if (article.date) add_pack_group(pack, kDatePackCode, {article.date->compact()});
    for (std::size_t f = 0; f < kFacetFields.size() && f < values.size(); ++f)
        add_pack_group(pack, kFacetFields[f].pack_code, values[f]);
    return pack;
}

std::string facet_pack(const Article& article) { return facet_pack(article, all_facet_values(article)); }

std::pair<std::string, std::string> date_period(const PublishedDate& d) {
    char first[9], last[9];
    const int first_month = d.precision == DatePrecision::year ? 1 : d.month;
    const int last_month = d.precision == DatePrecision::year ? 12 : d.month;
    int last_day = d.day;
    if (d.precision != DatePrecision::day) {
        last_day = 31;
        while (last_day > 28 && !is_valid_day(d.year, last_month, last_day)) --last_day;
    }
    std::snprintf(first, sizeof first, "%04d%02d%02d", d.year, first_month,
                  d.precision == DatePrecision::day ? d.day : 1);
    std::snprintf(last, sizeof last, "%04d%02d%02d", d.year, last_month, last_day);
    return {first, last};
}
std::span<const Entry> metadata_keys() { return kMetadataKeys; }
std::span<const Entry> record_fields() { return kRecordFields; }

std::string id_term(std::string_view article_id) { return bounded_term(kIdPrefix, article_id); }
bool id_term_is_whole_id(std::string_view article_id) { return article_id.size() <= kMaxIdBytes; }

std::vector<std::string> date_terms(const PublishedDate& date) {
    const std::string compact = date.compact();
    std::vector<std::string> terms{std::string(kYearPrefix) + compact.substr(0, 4)};
    if (date.precision != DatePrecision::year) terms.push_back(std::string(kMonthPrefix) + compact.substr(0, 6));
    if (date.precision == DatePrecision::day) terms.push_back(std::string(kDayPrefix) + compact);
    return terms;
}

std::string tie_break_key(const std::optional<PublishedDate>& date, std::string_view article_id) {
    return inverted_date(date) + std::string(article_id);
}

std::string article_id_of_tie_break_key(std::string_view key) {
    return key.size() < kDayDigits ? std::string() : std::string(key.substr(kDayDigits));
}

std::string oldest_first_key(const std::optional<PublishedDate>& date, std::string_view article_id) {
    return (date ? date_period(*date).first : std::string(kUndatedDay)) + std::string(article_id);
}

std::string stemmed_term(std::string_view field_prefix, std::string_view stem) {
    return std::string(kStemPrefix) + std::string(field_prefix) + std::string(stem);
}

std::string describe_term(std::string_view term) {
    const std::string t(term);
    const std::string stem_title = std::string(kStemPrefix) + std::string(kTitlePrefix);
    if (t.starts_with(stem_title)) return "title:" + t.substr(stem_title.size()) + " (stem)";
    if (t.starts_with(kStemPrefix)) return t.substr(kStemPrefix.size()) + " (stem)";
    if (t.starts_with(kTitlePrefix)) return "title:" + t.substr(kTitlePrefix.size());
    return t;
}

std::string first_indexed_value(IndexedTime t) {
    const long long us = std::max<long long>(0, t.time_since_epoch().count());
    char buf[24];
    std::snprintf(buf, sizeof buf, "%017lld", us);
    return buf;
}

std::optional<IndexedTime> parse_first_indexed_value(std::string_view value) {
    if (value.size() != 17 || value.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    long long us = 0;
    for (char c : value) us = us * 10 + (c - '0');
    return IndexedTime{std::chrono::microseconds{us}};
}

void carry_over_values(const Xapian::Document& old_doc, Xapian::Document& new_doc) {
    if (std::string first = old_doc.get_value(kFirstIndexedSlot); !first.empty())
        new_doc.add_value(kFirstIndexedSlot, first);
}

std::string join_lines(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out.append(out.empty() ? "" : "\n").append(n);
    return out;
}

std::vector<std::string> split_lines(std::string_view joined) {
    std::vector<std::string> out;
    while (!joined.empty()) {
        const auto nl = joined.find('\n');
        out.emplace_back(joined.substr(0, nl));
        joined = nl == std::string_view::npos ? std::string_view() : joined.substr(nl + 1);
    }
    return out;
}

std::string person_mentions_value(const Article& article) {
    if (article.person_mentions == article.persons) return "";
    if (article.person_mentions.empty()) return std::string(kNoPersonMentions);
    return join_lines(article.person_mentions);
}

std::string persons_value(const Article& article) { return persons_value(article, all_facet_values(article)); }

std::string persons_value(const Article& article, const std::vector<std::vector<std::string>>& values) {
    if (article.persons == values[facet_index(*find_facet_field("person"))]) return "";
    return join_lines(article.persons);
}

std::vector<std::string> entity_terms(const EntityField& field, std::string_view name) {
    const std::string key = entity_key(name);
    if (key.empty()) return {};
    std::vector<std::string> terms{std::string(field.whole_prefix) + key.substr(0, kMaxIdBytes)};
    // Every run of consecutive words but the whole name ("abu", "abu zuhri",
    // "zuhri" of "sami abu zuhri"): a filter matches a contiguous part of a
    // name with one term, or the whole name with the whole-name term (up to
    // schema version 9 a word term repeated it, one term in every name's
    // postings). A name of n words gives n(n+1)/2 - 1 of them.
    std::vector<std::size_t> starts{0};  // where each word begins in the key
    for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) starts.push_back(sp + 1);
    for (std::size_t i = 0; i < starts.size(); ++i)
        for (std::size_t j = i + 1; j <= starts.size(); ++j) {
            if (i == 0 && j == starts.size()) break;  // the whole name
            const std::size_t end = j < starts.size() ? starts[j] - 1 : key.size();
            if (end - starts[i] > kMaxIdBytes) break;
            if (end > starts[i])
                terms.push_back(std::string(field.word_prefix) + key.substr(starts[i], end - starts[i]));
        }
    return terms;
}

std::string country_term(std::string_view code) {
    std::string t(kCountryPrefix);
    for (char c : code) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
}

std::string source_file_term(std::string_view source_file) { return bounded_term(kSourceFilePrefix, source_file); }

SourceTerms source_terms_under(std::string_view folder) {
    if (folder.size() <= kMaxIdBytes) return {source_file_term(folder), true};
    // Every path under the folder starts with its first kMaxIdBytes + 1
    // bytes, so its term starts with the folder's cut part.
    return {std::string(kSourceFilePrefix).append(folder.substr(0, term_cut(folder))), false};
}

std::string sample_bucket_term(unsigned bucket) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", bucket % kSampleBuckets);
    return std::string(kSampleBucketPrefix) + hex;
}

std::string sample_bucket_term(std::string_view id) {
    return sample_bucket_term(static_cast<unsigned>(stable_hash64(id) % kSampleBuckets));
}

std::string shard_folder_name(std::size_t shard) {
    char name[16];
    std::snprintf(name, sizeof name, "shard-%02zu", shard);
    return name;
}

std::size_t shard_of(std::string_view article_id, std::size_t shards) {
    // FNV-1a's low bits depend only on the low bits of the bytes (and the
    // sample buckets are its low 8 bits), so the hash is mixed first
    // (MurmurHash3's 64-bit finaliser): every bit of it then decides the
    // shard, and a sample bucket's articles spread over every shard.
    std::uint64_t h = stable_hash64(article_id);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return shards <= 1 ? 0 : static_cast<std::size_t>(h % shards);
}

bool is_readable_schema_version(std::string_view recorded) {
    int version = 0;
    const auto [end, error] = std::from_chars(recorded.data(), recorded.data() + recorded.size(), version);
    return error == std::errc() && end == recorded.data() + recorded.size() &&
           version >= kOldestReadableSchemaVersion && version <= kSchemaVersion;
}

std::vector<std::string> filter_terms(const Article& a) { return filter_terms(all_facet_values(a)); }

std::vector<std::string> filter_terms(const std::vector<std::vector<std::string>>& values) {
    // The same capped values as the facet slots: drill-down equals the count.
    const auto field_values = [&](std::string_view name) -> const std::vector<std::string>& {
        return values[facet_index(*find_facet_field(name))];
    };
    std::vector<std::string> terms;
    for (const auto& f : kEntityFields)
        for (const auto& n : field_values(f.query_name))
            for (auto& t : entity_terms(f, n)) terms.push_back(std::move(t));
    for (const auto& c : field_values("country")) terms.push_back(country_term(c));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

namespace {

// The record's lists that the facet pack also holds: a list the pack holds
// as it is (the same values in the same order: no more than the field's
// cap, no two with one key, the usual case) is left out of the record and
// read back from the pack.
struct PackedList {
    std::string_view record_key;
    std::string_view facet;
    std::vector<std::string> Article::*list;
};
constexpr PackedList kPackedLists[] = {
    {kRecordAuthors, "author", &Article::authors},      {kRecordKeywords, "keyword", &Article::keywords},
    {kRecordPersons, "person", &Article::persons},      {kRecordLocations, "location", &Article::locations},
    {kRecordCountries, "country", &Article::countries}, {kRecordOrganizations, "org", &Article::organizations},
};

const PackedList& packed_list(std::string_view record_key) {
    for (const auto& p : kPackedLists)
        if (p.record_key == record_key) return p;
    throw std::logic_error("no packed list " + std::string(record_key));
}

bool pack_holds(const Article& a, const PackedList& p, const std::vector<std::vector<std::string>>& values) {
    return values[facet_index(*find_facet_field(p.facet))] == a.*p.list;
}

// What decode_article() takes from the document besides its data.
struct StoredValues {
    std::string_view pack;
    std::string_view content_hash;
};

// A record field as read: a string, a list (its string items), or
// another JSON value (present, read as empty).
struct RecordField {
    std::string text;
    std::vector<std::string> items;
};
using RecordFields = std::map<std::string, RecordField, std::less<>>;

// simdjson's DOM parser (its fastest kernel for this CPU, chosen at run
// time): a hit's record is mostly its text, which nlohmann's parser read a
// byte at a time (about 60% of the cost of showing ten hits, 2026-12-06).
RecordFields read_record_fields(std::string_view data) {
    thread_local simdjson::dom::parser parser;
    RecordFields fields;
    simdjson::dom::object record;
    if (parser.parse(data.data(), data.size()).get(record))
        throw std::runtime_error("document data is not a newsdex record");
    for (const auto [key, value] : record) {
        RecordField& f = fields[std::string(key)];
        if (value.is_string()) {
            f.text = std::string_view(value);
        } else if (value.is_array()) {
            for (const simdjson::dom::element item : simdjson::dom::array(value))
                if (item.is_string()) f.items.emplace_back(std::string_view(item));
        }
    }
    return fields;
}

Article decode(std::string_view data, const StoredValues* stored) {
    RecordFields j = read_record_fields(data);
    if (!j.contains(kRecordId)) throw std::runtime_error("document data is not a newsdex record");
    auto str = [&](std::string_view key) {
        auto it = j.find(key);
        return it != j.end() ? std::move(it->second.text) : std::string();
    };
    Article a;
    a.id = str(kRecordId);
    a.title = str(kRecordTitle);
    a.source = str(kRecordSource);
    a.url = str(kRecordUrl);
    a.path = str(kRecordPath);
    a.section = str(kRecordSection);
    a.body = str(kRecordText);
    a.source_file = j.contains(kRecordSourceFile) ? str(kRecordSourceFile) : std::string(file_of_path(a.path));
    a.content_hash = j.contains(kRecordContentHash) || !stored ? str(kRecordContentHash)
                                                               : std::string(stored->content_hash);
    auto strings = [&](std::string_view key, std::vector<std::string>& out) {
        if (auto it = j.find(key); it != j.end()) out = std::move(it->second.items);
    };
    for (const auto& p : kPackedLists) {
        if (j.contains(p.record_key) || !stored) strings(p.record_key, a.*p.list);
        else a.*p.list = pack_group_values(stored->pack, find_facet_field(p.facet)->pack_code);
    }
    if (j.contains(kRecordPersonMentions)) strings(kRecordPersonMentions, a.person_mentions);
    else a.person_mentions = a.persons;  // left out where the same
    std::vector<std::string> mentioned;
    strings(kRecordMentionedDates, mentioned);
    for (const auto& m : mentioned)
        if (auto parsed = parse_date(m); std::holds_alternative<PublishedDate>(parsed))
            a.mentioned_dates.push_back(std::get<PublishedDate>(parsed));
    const std::string source = str(kRecordDateSource);
    a.date_source = source == "text"       ? DateSource::text
                    : source == "inferred" ? DateSource::inferred
                                           : DateSource::metadata;
    if (const std::string date = str(kRecordDate); !date.empty()) {
        auto parsed = parse_date(date);
        if (auto* d = std::get_if<PublishedDate>(&parsed)) a.date = *d;
    }
    return a;
}

}  // namespace

// Fields with nothing in them are left out (about 0.1 KB an article of
// keys and empty values in an index of millions), the persons as extracted
// where they are the persons as resolved (decode reads absent
// person_mentions as the persons), the lists the facet pack holds as they
// are, the content hash (slot 10 holds it), and the source file where it is
// the path without its line number: about 0.1 KB an article after
// compression (schema version 10).
std::string encode_record(const Article& a) { return encode_record(a, all_facet_values(a)); }

std::string encode_record(const Article& a, const std::vector<std::vector<std::string>>& values) {
    nlohmann::ordered_json j;
    auto text = [&j](std::string_view key, const std::string& value) {
        if (!value.empty()) j[key] = value;
    };
    auto list = [&](std::string_view key, const std::vector<std::string>& list_values) {
        if (!list_values.empty() && !pack_holds(a, packed_list(key), values)) j[key] = list_values;
    };
    j[kRecordId] = a.id;
    text(kRecordTitle, a.title);
    if (a.date) {
        j[kRecordDate] = a.date->to_iso();
        j[kRecordDatePrecision] = to_string(a.date->precision);
    }
    text(kRecordSource, a.source);
    text(kRecordUrl, a.url);
    text(kRecordPath, a.path);
    list(kRecordAuthors, a.authors);
    text(kRecordSection, a.section);
    list(kRecordKeywords, a.keywords);
    text(kRecordText, a.body);
    if (a.date) j[kRecordDateSource] = to_string(a.date_source);
    list(kRecordPersons, a.persons);
    if (a.person_mentions != a.persons) j[kRecordPersonMentions] = a.person_mentions;
    list(kRecordLocations, a.locations);
    list(kRecordCountries, a.countries);
    list(kRecordOrganizations, a.organizations);
    std::vector<std::string> mentioned;
    for (const auto& d : a.mentioned_dates) mentioned.push_back(d.to_iso());
    if (!mentioned.empty()) j[kRecordMentionedDates] = mentioned;
    if (a.source_file != file_of_path(a.path)) j[kRecordSourceFile] = a.source_file;
    return j.dump();
}

Article decode_record(std::string_view data) { return decode(data, nullptr); }

std::string_view file_of_path(std::string_view path) {
    const auto colon = path.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == path.size() ||
        path.find_first_not_of("0123456789", colon + 1) != std::string_view::npos)
        return path;
    return path.substr(0, colon);
}

std::string_view packed_list_facet(std::string_view record_key) {
    for (const auto& p : kPackedLists)
        if (p.record_key == record_key) return p.facet;
    return {};
}

Article decode_article(std::string_view data, std::string_view pack, std::string_view content_hash) {
    const StoredValues stored{pack, content_hash};
    return decode(data, &stored);
}

Article decode_article(const Xapian::Document& doc) {
    return decode_article(doc.get_data(), doc.get_value(kFacetPackSlot), doc.get_value(kContentHashSlot));
}

Article decode_hit(const Xapian::Document& doc) {
    return decode_article(doc.get_data(), doc.get_value(kFacetPackSlot), {});
}

std::vector<std::string> pack_group_values(std::string_view pack, char code) {
    std::vector<std::string> values;
    FacetPackReader reader(pack);
    char field = 0;
    while (reader.next_field(field))
        if (field == code)
            for (FacetPackEntry e; reader.next_value(e);) values.emplace_back(e.value);
    return values;
}

}  // namespace newsdex::schema
