#include "indexer/index_check.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "common/index/article_id.h"
#include "common/index/article_index.h"
#include "common/index/near_duplicates.h"
#include "common/index/schema.h"
#include "indexer/maintenance.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// What Xapian's own check said of one shard: its errors and report, or why
// it could not finish.
struct XapianCheck {
    std::size_t errors = 0;
    std::string report;
    std::string failure;  // non-empty: the check threw or crashed
};

// The child's side: Xapian's check, its report down the pipe, and _exit on
// every path, so nothing of the parent (its handlers, its buffered output,
// the rest of --check) ever runs in the child.
[[noreturn]] void run_check_in_child(const std::string& shard, const int fds[2]) {
    // The crash is the parent's to report: no "internal error" from the
    // program's own handlers here.
    for (const int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    close(fds[0]);
    std::string message;
    try {
        std::ostringstream report;
        const std::size_t errors = Xapian::Database::check(shard, 0, &report);
        message = "E" + std::to_string(errors) + "\n" + report.str();
    } catch (const Xapian::Error& e) {
        message = "X" + e.get_description();
    } catch (const std::exception& e) {  // a damaged length read as a huge allocation
        message = std::string("X") + e.what();
    } catch (...) {
        message = "Xan unknown error";
    }
    for (std::size_t done = 0; done < message.size();) {
        const ssize_t n = write(fds[1], message.data() + done, message.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    _exit(0);
}

// Xapian 1.4's check dereferences damaged tables it cannot parse (a
// termlist overwritten with random bytes ends in SIGSEGV, in xapian-check
// too), so it runs in a child process: a crash there is a finding about the
// index, reported as one, not the end of --check.
XapianCheck xapian_check_in_child(const std::string& shard) {
    XapianCheck out;
    int fds[2];
    if (pipe(fds) != 0) {
        out.failure = "cannot run: " + std::string(std::strerror(errno));
        return out;
    }
    const pid_t child = fork();
    const int fork_errno = errno;
    if (child == 0) run_check_in_child(shard, fds);  // never returns
    close(fds[1]);
    std::string message;
    char buffer[65536];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        message.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    pid_t waited = -1;
    if (child > 0) do
            waited = waitpid(child, &status, 0);
        while (waited < 0 && errno == EINTR);
    if (child < 0) {
        out.failure = "cannot run: " + std::string(std::strerror(fork_errno));
    } else if (waited != child) {
        out.failure = "cannot run: " + std::string(std::strerror(errno));
    } else if (WIFSIGNALED(status)) {
        out.failure = std::string("crashed (") + strsignal(WTERMSIG(status)) +
                      ") reading the tables: the index is damaged beyond what Xapian can read";
    } else if (message.starts_with("X")) {
        out.failure = message.substr(1);
    } else if (message.starts_with("E")) {
        const std::size_t eol = message.find('\n');
        out.errors = std::stoul(message.substr(1, eol - 1));
        out.report = message.substr(eol + 1);
    } else {
        out.failure = "ended without a report";
    }
    return out;
}

using Problems = std::vector<DocumentProblem>;

// Text in a reason is cut here (at a character boundary), so that a body
// cannot drown the line; a sort key with a long path still shows whole.
constexpr std::size_t kShownBytes = 300;
constexpr std::size_t kContentHashDigits = 16;

std::string shortened(std::string_view text) {
    if (text.size() <= kShownBytes) return std::string(text);
    std::size_t cut = kShownBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

// As JSON, so that newlines and odd bytes stay on the one line.
std::string json_quoted(std::string_view value) {
    return nlohmann::json(shortened(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string slot_name(Xapian::valueno slot, const std::string& meaning) {
    return "slot " + std::to_string(slot) + " (" + meaning + ")";
}

bool is_hex(std::string_view s, std::size_t digits) {
    return s.size() == digits && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// ---- the stored record ----

// A record as analysis revisions up to 15 wrote it (every field, null for
// an undated article's date fields, person_mentions even where the same as
// persons) in today's form: those fields left out. Nothing for a record
// not in that full form (a record of today must be exactly today's).
std::optional<nlohmann::ordered_json> as_written_today(const nlohmann::ordered_json& stored) {
    if (!stored.is_object()) return std::nullopt;
    for (const auto& field : schema::record_fields())
        if (!stored.contains(field.name)) return std::nullopt;
    const auto& persons = stored[schema::kRecordPersons];
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [key, value] : stored.items()) {
        const bool date_field = key == schema::kRecordDate || key == schema::kRecordDatePrecision ||
                                key == schema::kRecordDateSource;
        bool left_out = (date_field && value.is_null()) ||
                        (value.is_string() && value.get_ref<const std::string&>().empty()) ||
                        (value.is_array() && value.empty());
        if (key == schema::kRecordPersonMentions)  // left out where the same as persons, kept where it differs
            left_out = value == persons;
        if (!left_out) out[key] = value;
    }
    return out;
}

// A record as schema versions up to 9 wrote it (with its content hash, its
// source file and every list, also those the facet pack holds as they
// are) in today's form.
nlohmann::ordered_json without_what_values_hold(nlohmann::ordered_json stored, const Article& record) {
    stored.erase(std::string(schema::kRecordContentHash));
    if (stored.value(schema::kRecordSourceFile, "") == schema::file_of_path(record.path))
        stored.erase(std::string(schema::kRecordSourceFile));
    std::vector<std::string> packed;
    for (const auto& [key, value] : stored.items())
        if (const auto facet = schema::packed_list_facet(key); !facet.empty())
            if (value == nlohmann::ordered_json(schema::facet_values(record, *schema::find_facet_field(facet))))
                packed.push_back(key);
    for (const auto& key : packed) stored.erase(key);
    return stored;
}

// The record must be exactly what encode_record() writes for what
// decode_record() reads from it: every field there, readable, in order (a
// date that cannot be read, or a precision that does not match the date,
// fails this).
void check_record_form(const std::string& data, const Article& record, Problems& out) {
    const std::string canonical = schema::encode_record(record);
    if (canonical == data) return;
    auto stored = nlohmann::ordered_json::parse(data, nullptr, false);
    if (const auto old = as_written_today(stored); old && old->dump() == canonical)
        return;  // written before analysis revision 16
    if (stored.is_object() &&
        without_what_values_hold(as_written_today(stored).value_or(stored), record).dump() == canonical)
        return;  // written before schema version 10
    const auto expected = nlohmann::ordered_json::parse(canonical);
    const std::size_t before = out.size();
    for (const auto& [key, value] : expected.items()) {
        if (!stored.contains(key)) out.push_back({"record", "the record has no field \"" + key + "\""});
        else if (stored[key] != value)
            out.push_back({"record", "record field \"" + key + "\" is " + shortened(stored[key].dump()) +
                                         ", expected " + shortened(value.dump())});
    }
    for (const auto& [key, value] : stored.items())
        if (!expected.contains(key))
            out.push_back({"record", "the record has a field newsdex does not write: " + json_quoted(key)});
    if (out.size() == before) out.push_back({"record", "the record's fields are not in the order newsdex writes them"});
}

// ---- terms ----

// The document's terms that carry a prefix newsdex writes and this check
// compares, by part; title words ("S") are the analyser's, not compared.
struct PrefixedTerms {
    std::set<std::string> id, date, source_file, sample_bucket, filter, unknown;
};

bool is_filter_term(std::string_view term) {
    if (term.starts_with(schema::kCountryPrefix)) return true;
    for (const auto& f : schema::entity_fields())
        if (term.starts_with(f.whole_prefix) || term.starts_with(f.word_prefix)) return true;
    return false;
}

bool is_date_term(std::string_view term) {
    for (std::string_view prefix : {schema::kYearPrefix, schema::kMonthPrefix, schema::kDayPrefix})
        if (term.size() > prefix.size() && term.starts_with(prefix) &&
            std::isdigit(static_cast<unsigned char>(term[1])))
            return true;
    return false;
}

PrefixedTerms prefixed_terms(const Xapian::Document& doc) {
    PrefixedTerms t;
    auto it = doc.termlist_begin();
    it.skip_to("A");  // prefixes are capitals; unprefixed words are folded to lower case
    for (; it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (std::string_view(term) >= schema::kStemPrefix) break;  // stems, then unprefixed words
        if (term.starts_with(schema::kTitlePrefix)) continue;
        if (term.starts_with(schema::kIdPrefix)) t.id.insert(term);
        else if (term.starts_with(schema::kSourceFilePrefix)) t.source_file.insert(term);
        else if (term.starts_with(schema::kSampleBucketPrefix)) t.sample_bucket.insert(term);
        else if (is_filter_term(term)) t.filter.insert(term);
        else if (is_date_term(term)) t.date.insert(term);
        else t.unknown.insert(term);
    }
    return t;
}

// "\"Y2005\"", or "\"XPa\", \"XPb\", \"XPc\" and 4 more".
std::string listed(const std::vector<std::string>& terms) {
    constexpr std::size_t kListed = 3;
    std::string text;
    for (std::size_t n = 0; n < terms.size() && n < kListed; ++n) text += (n ? ", " : "") + json_quoted(terms[n]);
    if (terms.size() > kListed) text += " and " + std::to_string(terms.size() - kListed) + " more";
    return text;
}

void expect_terms(const std::set<std::string>& actual, std::vector<std::string> expected, const std::string& what,
                  const char* kind, Problems& out) {
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    std::vector<std::string> missing, unexpected;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(unexpected));
    auto terms = [&](std::size_t n) { return what + (n == 1 ? " term " : " terms "); };
    if (!missing.empty()) out.push_back({kind, "missing " + terms(missing.size()) + listed(missing)});
    if (!unexpected.empty()) out.push_back({kind, "unexpected " + terms(unexpected.size()) + listed(unexpected)});
}

// The filter terms schema versions up to 9 wrote: also each name's whole
// run of words as a word term ("XWPantony blinken" beside "XPantony blinken").
std::set<std::string> filter_terms_before_schema_10(const Article& a) {
    std::set<std::string> terms;
    for (auto& t : schema::filter_terms(a)) {
        for (const auto& f : schema::entity_fields())
            if (t.starts_with(f.whole_prefix))
                terms.insert(std::string(f.word_prefix) + t.substr(f.whole_prefix.size()));
        terms.insert(std::move(t));
    }
    return terms;
}

void check_terms(const Xapian::Document& doc, const Article& a, Problems& out) {
    const PrefixedTerms t = prefixed_terms(doc);
    expect_terms(t.id, {schema::id_term(a.id)}, "id", "id term", out);
    expect_terms(t.date, a.date ? schema::date_terms(*a.date) : std::vector<std::string>(), "date", "date", out);
    if (a.source_file.empty()) out.push_back({"source file", "the record has no source_file"});
    else expect_terms(t.source_file, {schema::source_file_term(a.source_file)}, "source-file", "source file", out);
    if (t.filter != filter_terms_before_schema_10(a))
        expect_terms(t.filter, schema::filter_terms(a), "filter", "filter terms", out);
    // An article analysed before sample buckets existed has none.
    if (!t.sample_bucket.empty())
        expect_terms(t.sample_bucket, {schema::sample_bucket_term(a.id)}, "sample-bucket", "sample bucket", out);
    if (!t.unknown.empty())
        out.push_back({"unknown terms",
                       "terms with a prefix newsdex does not write: " + listed({t.unknown.begin(), t.unknown.end()})});
}

// ---- value slots ----

void expect_value(const Xapian::Document& doc, Xapian::valueno slot, const std::string& meaning,
                  const std::string& expected, const char* kind, Problems& out) {
    const std::string actual = doc.get_value(slot);
    if (actual == expected) return;
    out.push_back({kind, slot_name(slot, meaning) + " is " + (actual.empty() ? "missing" : json_quoted(actual)) +
                             ", expected " + (expected.empty() ? "none" : json_quoted(expected))});
}

// A facet pack's values with their fields and key hashes, whatever its
// version; nothing when malformed.
std::optional<std::vector<std::tuple<char, std::uint32_t, std::string>>> pack_entries(std::string_view pack) {
    std::vector<std::tuple<char, std::uint32_t, std::string>> out;
    schema::FacetPackReader reader(pack);
    schema::FacetPackEntry e;
    for (char code = 0; reader.next_field(code);)
        while (reader.next_value(e)) out.emplace_back(code, e.key_hash, std::string(e.value));
    if (reader.malformed()) return std::nullopt;
    return out;
}

void check_date_values(const Xapian::Document& doc, const Article& a, Problems& out) {
    const auto period = a.date ? schema::date_period(*a.date) : std::pair<std::string, std::string>();
    expect_value(doc, schema::kDateSlot, "date", a.date ? a.date->compact() : "", "date", out);
    expect_value(doc, schema::kDateFirstDaySlot, "first day of the date", period.first, "date", out);
    expect_value(doc, schema::kDateLastDaySlot, "last day of the date", period.second, "date", out);
    expect_value(doc, schema::kTieBreakSlot, "tie-break key", schema::tie_break_key(a.date, a.id), "sort keys", out);
    expect_value(doc, schema::kOldestFirstSlot, "oldest-first key", schema::oldest_first_key(a.date, a.id), "sort keys",
                 out);
}

void check_entity_values(const Xapian::Document& doc, const Article& a, Problems& out) {
    // Analysis revisions up to 15 wrote slot 2 as the names joined, for
    // every article.
    if (doc.get_value(schema::kPersonMentionsSlot) != schema::join_lines(a.person_mentions))
        expect_value(doc, schema::kPersonMentionsSlot, "persons as extracted", schema::person_mentions_value(a),
                     "persons", out);
    // Schema versions up to 9 wrote slot 3 for every article with persons.
    if (doc.get_value(schema::kPersonsSlot) != schema::join_lines(a.persons))
        expect_value(doc, schema::kPersonsSlot, "persons as resolved", schema::persons_value(a), "persons", out);
    for (const auto& field : schema::facet_fields()) {
        const auto values = schema::facet_values(a, field);
        for (unsigned n = 0; n < field.max_values; ++n)
            expect_value(doc, field.first_slot + n, std::string(field.name) + " facet value " + std::to_string(n + 1),
                         n < values.size() ? values[n] : "", "facets", out);
    }
    // An article analysed before the pack existed has none (its index is
    // counted with the per-slot spies); one it has must hold these values.
    const std::string pack = doc.get_value(schema::kFacetPackSlot);
    if (pack.empty()) return;
    if (pack[0] == schema::kFacetPackVersion)
        expect_value(doc, schema::kFacetPackSlot, "facet pack", schema::facet_pack(a), "facets", out);
    else if (pack[0] != 1)
        out.push_back({"facets", slot_name(schema::kFacetPackSlot, "facet pack") + " has an unknown version (" +
                                     std::to_string(static_cast<unsigned char>(pack[0])) + ")"});
    else if (const auto entries = pack_entries(pack); !entries || *entries != pack_entries(schema::facet_pack(a)))
        out.push_back({"facets", slot_name(schema::kFacetPackSlot, "facet pack") +
                                     " (version 1) holds other values than the stored record's facets"});
}

// What the writer and the corpus-wide passes add, and the content hash.
void check_stamped_values(const Xapian::Document& doc, const Article& a, Problems& out) {
    if (const std::string first = doc.get_value(schema::kFirstIndexedSlot); !schema::parse_first_indexed_value(first))
        out.push_back({"first-indexed time", slot_name(schema::kFirstIndexedSlot, "first-indexed time") + " is " +
                                                 (first.empty() ? "missing" : json_quoted(first) + ", not 17 digits")});
    // A record of schema version 9 or older holds the hash too: they must agree.
    const std::string hash = doc.get_value(schema::kContentHashSlot);
    const std::string slot = slot_name(schema::kContentHashSlot, "content hash");
    if (hash != a.content_hash)
        expect_value(doc, schema::kContentHashSlot, "content hash", a.content_hash, "content hash", out);
    else if (hash.empty()) out.push_back({"content hash", slot + " is missing"});
    else if (!is_hex(hash, kContentHashDigits))
        out.push_back({"content hash", slot + " is " + json_quoted(hash) + ", not 16 hex digits"});
    const std::string signature = doc.get_value(schema::kShingleSignatureSlot);
    if (!signature.empty() && !is_stored_signature(signature))
        out.push_back({"signature", slot_name(schema::kShingleSignatureSlot, "near-duplicate signature") + " is " +
                                        json_quoted(signature) + ", not 16 hashes of 4 bytes"});
    if (signature.empty() && !doc.get_value(schema::kDuplicateGroupSlot).empty())
        out.push_back({"near-duplicate groups", slot_name(schema::kDuplicateGroupSlot, "near-duplicate group") +
                                                    " is set, but the article has no signature to compare"});
}

bool is_known_slot(Xapian::valueno slot) {
    for (Xapian::valueno s : schema::kSingleSlots)
        if (slot == s) return true;
    for (const auto& f : schema::facet_fields())
        if (slot >= f.first_slot && slot < f.first_slot + f.max_values) return true;
    return false;
}

void check_unknown_slots(const Xapian::Document& doc, Problems& out) {
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (!is_known_slot(v.get_valueno()))
            out.push_back({"unknown slots", "slot " + std::to_string(v.get_valueno()) +
                                                " holds a value, but newsdex writes no such slot"});
}

// ---- reporting ----

// The progress line, shown only on a terminal, cleared before any other line.
class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
    void show(const std::string& text) {
        if (!enabled_) return;
        out_ << '\r' << text << std::flush;
        shown_ = true;
    }
    void clear() {
        if (shown_) out_ << "\r\x1b[K";
        shown_ = false;
    }

private:
    std::ostream& out_;
    bool enabled_, shown_ = false;
};

// Problem lines, the first `shown_per_kind` of each kind; the rest counted.
class ProblemLog {
public:
    ProblemLog(std::ostream& out, std::string prefix, std::size_t shown_per_kind, ProgressLine& progress)
        : out_(out), prefix_(std::move(prefix)), shown_per_kind_(shown_per_kind), progress_(progress) {}
    void add(const std::string& kind, const std::string& text) {
        ++total_;
        if (++per_kind_[kind] > shown_per_kind_) return;
        progress_.clear();
        out_ << prefix_ << text << '\n';
    }
    void print_unshown() {
        for (const auto& [kind, n] : per_kind_)
            if (n > shown_per_kind_)
                out_ << prefix_ << n - shown_per_kind_ << " more problems of this kind (" << kind << ") not shown\n";
    }
    std::size_t total() const { return total_; }

private:
    std::ostream& out_;
    std::string prefix_;
    std::size_t shown_per_kind_, total_ = 0;
    std::map<std::string, std::size_t> per_kind_;
    ProgressLine& progress_;
};

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// ---- the whole index ----

class IndexCheck {
public:
    IndexCheck(const CheckOptions& options, std::ostream& messages, const std::string& program)
        : options_(options), messages_(messages), program_(program), progress_(messages, options.progress),
          log_(messages, program + ": " + options.db_path + ": error: ", options.shown_per_kind, progress_) {}

    CheckSummary run() {
        const std::optional<Xapian::Database> db = open();
        if (!db) return finish("Xapian cannot read the index");
        if (db->locked())
            throw IndexError(
                "the index is being written (by newsdex-index or another Xapian writer): --check needs it unchanged; "
                "run it when the writer has finished");
        shards_ = index_shard_paths(options_.db_path);
        if (!tables_are_whole()) return finish("Xapian's tables are damaged");
        const auto revision = revisions();
        bool ours = true;
        for (const auto& shard : shards_) ours = schema_is_ours(Xapian::Database(shard)) && ours;
        if (!ours) return finish("the schema version is not this newsdex's");
        try {
            check_documents(*db);
        } catch (const Xapian::DatabaseModifiedError&) {
            throw changed_meanwhile();
        }
        if (revisions() != revision) throw changed_meanwhile();
        return finish("");
    }

private:
    // Nothing when Xapian finds the index damaged (a problem); IndexError
    // when it cannot open it for any other reason.
    std::optional<Xapian::Database> open() {
        require_index(options_.db_path);
        try {
            return Xapian::Database(options_.db_path);
        } catch (const Xapian::DatabaseCorruptError& e) {
            log_.add("xapian", "Xapian cannot read the index: " + e.get_description());
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open the index: " + e.get_msg());
        }
        return std::nullopt;
    }

    // Each shard's revision (Xapian gives none for several databases as one).
    std::vector<Xapian::rev> revisions() const {
        std::vector<Xapian::rev> all;
        for (const auto& shard : shards_) all.push_back(Xapian::Database(shard).get_revision());
        return all;
    }

    static IndexError changed_meanwhile() {
        return IndexError("the index changed during the check (a writer committed): run --check again");
    }

    // Xapian's own check (xapian-check): it throws at a damaged block, or
    // counts errors and describes them among its routine lines.
    bool tables_are_whole() {
        bool whole = true;
        for (const auto& shard : shards_) whole = shard_tables_are_whole(shard) && whole;
        return whole;
    }

    bool shard_tables_are_whole(const std::string& shard) {
        const std::string what = "Xapian's consistency check" +
                                 (shards_.size() > 1 ? " of " + fs::path(shard).filename().string() : "");
        const XapianCheck check = xapian_check_in_child(shard);
        if (!check.failure.empty()) {
            log_.add("xapian", what + ": " + check.failure);
            return false;
        }
        if (check.errors == 0) return true;
        const std::size_t before = log_.total();
        std::istringstream lines(check.report);
        for (std::string line; std::getline(lines, line);)
            if (!is_routine_check_line(line)) log_.add("xapian", what + ": " + line);
        if (log_.total() == before) log_.add("xapian", what + " found " + plural(check.errors, "error"));
        return false;
    }

    static bool is_routine_check_line(const std::string& line) {
        return line.empty() || line.ends_with(":") || line.ends_with("checked OK") ||
               line.starts_with("Lazily created") || line.starts_with("No errors");
    }

    // The metadata keys; false when the schema version is not this build's
    // (the rest of the format differs: the documents are not checked).
    bool schema_is_ours(const Xapian::Database& db) {
        for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key)
            if (!is_known_key(*key))
                log_.add("metadata", "metadata key " + json_quoted(*key) + " is not one newsdex writes");
        const std::string last_run = db.get_metadata(std::string(schema::kLastRunKey));
        if (!last_run.empty() && !schema::parse_first_indexed_value(last_run))
            log_.add("metadata", std::string(schema::kLastRunKey) + " is " + json_quoted(last_run) + ", not 17 digits");
        const std::string pending = db.get_metadata(std::string(schema::kPassesPendingKey));
        if (!pending.empty() && pending != "1")
            log_.add("metadata",
                     std::string(schema::kPassesPendingKey) + " is " + json_quoted(pending) + ", not \"1\"");
        passes_pending_ = passes_pending_ || !pending.empty();
        const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
        const std::string ours = std::to_string(schema::kSchemaVersion);
        if (schema::is_readable_schema_version(version)) return true;
        log_.add("schema", version.empty() ? "no schema version recorded: not a newsdex index"
                                           : "schema version " + version + ", but this newsdex reads schema version " +
                                                 ours + " (re-index the corpus into a new --db to upgrade)");
        return false;
    }

    static bool is_known_key(const std::string& key) {
        const auto keys = schema::metadata_keys();
        return std::any_of(keys.begin(), keys.end(), [&](const schema::Entry& e) { return e.name == key; });
    }

    void check_documents(const Xapian::Database& db) {
        const std::string of_total = " of " + std::to_string(db.get_doccount()) + " articles";
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            check_document_at(db.get_document(*it), *it);
            if (++articles_ % 500 == 0) progress_.show(program_ + ": checked " + std::to_string(articles_) + of_total);
        }
        progress_.clear();
        if (!passes_pending_) check_groups();
    }

    void check_document_at(const Xapian::Document& doc, Xapian::docid docid) {
        Article record;
        try {
            record = schema::decode_article(doc);
        } catch (const std::runtime_error& e) {
            log_.add("record", "document " + std::to_string(docid) + ": " + e.what());
            return;
        }
        if (record.id.empty()) {
            log_.add("record", "document " + std::to_string(docid) + ": the record has no id");
            return;
        }
        for (const auto& p : check_document(doc, record)) log_.add(p.kind, where(record.id) + p.reason);
        // Xapian numbers the shards' documents in turn: shard (docid - 1) % n.
        if (const std::size_t n = shards_.size(), belongs = schema::shard_of(record.id, n); (docid - 1) % n != belongs)
            log_.add("shards", where(record.id) + "stored in " + schema::shard_folder_name((docid - 1) % n) +
                                   ", but its id belongs in " + schema::shard_folder_name(belongs) +
                                   " (where newsdex-index looks for it)");
        if (auto [first, fresh] = docids_.try_emplace(record.id, docid); !fresh)
            log_.add("duplicate ids", where(record.id) + "stored twice, in documents " + std::to_string(first->second) +
                                          " and " + std::to_string(docid));
        if (std::string group = doc.get_value(schema::kDuplicateGroupSlot); !group.empty())
            groups_.emplace(record.id, std::move(group));
    }

    static std::string where(const std::string& id) { return "article " + display_article_id(id) + ": "; }

    // A group key is the id that sorts first among the group's articles
    // (common/index/near_duplicates.h), so it names a stored article whose
    // own key it is, in a group of two or more.
    void check_groups() {
        std::unordered_map<std::string, std::size_t> members;
        for (const auto& [id, group] : groups_) ++members[group];
        const std::string slot = slot_name(schema::kDuplicateGroupSlot, "near-duplicate group");
        for (const auto& [id, group] : groups_) {
            const auto keyed = groups_.find(group);
            std::string problem;
            if (!docids_.contains(group))
                problem = " names " + json_quoted(group) + ", which no article in the index has";
            else if (keyed == groups_.end() || keyed->second != group)
                problem = " names " + json_quoted(group) + ", whose own group is " +
                          (keyed == groups_.end() ? std::string("none") : json_quoted(keyed->second));
            else if (group > id) problem = " names " + json_quoted(group) + ", which sorts after the article's own id";
            else if (members[group] < 2) problem = " makes the article a group of its own";
            if (!problem.empty()) log_.add("near-duplicate groups", where(id) + slot + problem);
        }
    }

    CheckSummary finish(const std::string& not_checked) {
        log_.print_unshown();
        const CheckSummary summary{articles_, log_.total()};
        if (options_.quiet) return summary;
        const std::string prefix = program_ + ": " + options_.db_path + ": ";
        if (passes_pending_)
            messages_ << prefix
                      << "warning: the corpus-wide passes are pending (an indexing run stopped before them), so "
                         "near-duplicate groups were not checked; the next newsdex-index run does them\n";
        messages_ << prefix
                  << (not_checked.empty() ? "checked " + plural(articles_, "article")
                                          : "articles not checked (" + not_checked + ")")
                  << ": " << (summary.problems ? plural(summary.problems, "problem") : "OK") << '\n';
        return summary;
    }

    const CheckOptions& options_;
    std::ostream& messages_;
    std::string program_;
    ProgressLine progress_;
    ProblemLog log_;
    bool passes_pending_ = false;
    std::size_t articles_ = 0;
    std::unordered_map<std::string, Xapian::docid> docids_;
    std::vector<std::string> shards_;            // the databases of the index (one, or its shards)
    std::map<std::string, std::string> groups_;  // article id -> its group key (slot 7), in id order
};

}  // namespace

std::vector<DocumentProblem> check_document(const Xapian::Document& doc, const Article& record) {
    Problems out;
    check_record_form(doc.get_data(), record, out);
    check_terms(doc, record, out);
    check_date_values(doc, record, out);
    check_entity_values(doc, record, out);
    check_stamped_values(doc, record, out);
    check_unknown_slots(doc, out);
    return out;
}

CheckSummary check_index(const CheckOptions& options, std::ostream& messages, const std::string& program) {
    return IndexCheck(options, messages, program).run();
}

}  // namespace newsdex
