#include "common/schema.h"

#include <array>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace newsdex::schema {

namespace {

// Xapian refuses terms over 245 bytes; ids are cut well below that and made
// unique again with a hash of the whole id.
constexpr std::size_t kMaxIdBytes = 200;

std::string fnv1a_hex(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

constexpr std::array<Entry, 6> kTermPrefixes = {{
    {kIdPrefix, "unique article id (boolean); replace_document() on it de-duplicates"},
    {kTitlePrefix, "title words, with positions; also \"ZS\" + stem"},
    {kStemPrefix, "stemmed form of a word (English Snowball), no positions"},
    {kYearPrefix, "publication year, YYYY (boolean)"},
    {kMonthPrefix, "publication month, YYYYMM (boolean)"},
    {kDayPrefix, "publication day, YYYYMMDD (boolean); absent for month/year precision"},
}};

constexpr std::array<Entry, 2> kValueSlots = {{
    {"0", "publication date: YYYYMMDD, YYYYMM or YYYY"},
    {"1", "tie-break key: inverted date digits + id"},
}};

constexpr std::array<Entry, 1> kMetadataKeys = {{
    {kSchemaVersionKey, "index schema version, decimal"},
}};

constexpr std::array<Entry, 10> kRecordFields = {{
    {kRecordId, "article id"},
    {kRecordTitle, "title"},
    {kRecordDate, "publication date, YYYY-MM-DD, YYYY-MM or YYYY; null if undated"},
    {kRecordDatePrecision, "day, month or year; null if undated"},
    {kRecordSource, "outlet"},
    {kRecordUrl, "url"},
    {kRecordPath, "input file, plus :LINE for JSON Lines"},
    {kRecordAuthors, "array of author names"},
    {kRecordSection, "section"},
    {kRecordText, "body text, for snippets and display"},
}};

// Digit-inverted date so that an ascending sort puts the newest first.
std::string inverted_date(const std::optional<PublishedDate>& date) {
    if (!date) return "99999999";  // undated sorts after every date
    std::string digits = date->compact();
    digits.resize(8, '0');
    for (auto& c : digits) c = static_cast<char>('9' - (c - '0'));
    return digits;
}

}  // namespace

std::span<const Entry> term_prefixes() { return kTermPrefixes; }
std::span<const Entry> value_slots() { return kValueSlots; }
std::span<const Entry> metadata_keys() { return kMetadataKeys; }
std::span<const Entry> record_fields() { return kRecordFields; }

std::string id_term(std::string_view article_id) {
    std::string term(kIdPrefix);
    if (article_id.size() <= kMaxIdBytes) return term.append(article_id);
    std::size_t cut = kMaxIdBytes;
    while (cut > 0 && (static_cast<unsigned char>(article_id[cut]) & 0xC0) == 0x80) --cut;
    return term.append(article_id.substr(0, cut)).append("#").append(fnv1a_hex(article_id));
}

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

std::string encode_record(const Article& a) {
    nlohmann::ordered_json j;
    j[kRecordId] = a.id;
    j[kRecordTitle] = a.title;
    j[kRecordDate] = a.date ? nlohmann::ordered_json(a.date->to_iso()) : nlohmann::ordered_json(nullptr);
    j[kRecordDatePrecision] = a.date ? nlohmann::ordered_json(to_string(a.date->precision)) : nlohmann::ordered_json(nullptr);
    j[kRecordSource] = a.source;
    j[kRecordUrl] = a.url;
    j[kRecordPath] = a.path;
    j[kRecordAuthors] = a.authors;
    j[kRecordSection] = a.section;
    j[kRecordText] = a.body;
    return j.dump();
}

Article decode_record(std::string_view data) {
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object() || !j.contains(kRecordId)) throw std::runtime_error("document data is not a newsdex record");
    auto str = [&](std::string_view key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Article a;
    a.id = str(kRecordId);
    a.title = str(kRecordTitle);
    a.source = str(kRecordSource);
    a.url = str(kRecordUrl);
    a.path = str(kRecordPath);
    a.section = str(kRecordSection);
    a.body = str(kRecordText);
    if (auto it = j.find(kRecordAuthors); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) a.authors.push_back(v.get<std::string>());
    if (const std::string date = str(kRecordDate); !date.empty()) {
        auto parsed = parse_date(date);
        if (auto* d = std::get_if<PublishedDate>(&parsed)) a.date = *d;
    }
    return a;
}

}  // namespace newsdex::schema
