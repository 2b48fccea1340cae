// The index file format, defined in exactly one place. Every term prefix,
// value slot, metadata key and stored-record field newsdex writes or reads is
// named here; no other file spells a prefix string or a slot number.
// docs/index-format.md mirrors this file entry by entry (a unit test checks
// that the two agree). Changing what an entry means bumps kSchemaVersion.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace newsdex::schema {

// Version 1: the first format. The searcher refuses any other version.
inline constexpr int kSchemaVersion = 1;

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

// ---- Value slots (never renumber: old indexes keep their numbers) ----
// Publication date as a sortable string: "20240607", "202406" or "2024";
// absent for an undated article.
inline constexpr Xapian::valueno kDateSlot = 0;
// Tie-break key for equal scores: newest date first, then id ascending,
// encoded so that an ascending sort on the string gives that order.
inline constexpr Xapian::valueno kTieBreakSlot = 1;

// ---- Database metadata keys ----
inline constexpr std::string_view kSchemaVersionKey = "newsdex.schema_version";

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
inline constexpr std::string_view kRecordText = "text";

// One row of the format table, for docs and for the doc-consistency test.
struct Entry {
    std::string_view name;   // the prefix, slot number, key or field name
    std::string_view meaning;
};
std::span<const Entry> term_prefixes();
std::span<const Entry> value_slots();
std::span<const Entry> metadata_keys();
std::span<const Entry> record_fields();

// ---- Encoding helpers: the only code that builds these strings ----
std::string id_term(std::string_view article_id);
std::vector<std::string> date_terms(const PublishedDate& date);
std::string tie_break_key(const std::optional<PublishedDate>& date, std::string_view article_id);

// The record a hit needs to render, as stored in the document data.
std::string encode_record(const Article& article);
// Throws std::runtime_error when the data is not a newsdex record.
Article decode_record(std::string_view data);

}  // namespace newsdex::schema
