#include "common/reading/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include <unistd.h>

#include "common/base/strings.h"
#include "common/reading/encoding.h"
#include "common/reading/html_article.h"
#include "common/reading/json_article.h"
#include "common/reading/scraped_text.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

std::string extension_of(const std::string& file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string::npos || dot == 0) return "";
    std::string ext = file_name.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool is_jsonl_name(const std::string& file_name) {
    const std::string ext = extension_of(file_name);
    return ext == ".jsonl" || ext == ".ndjson";
}

bool is_html_name(const std::string& file_name) {
    const std::string ext = extension_of(file_name);
    return ext == ".html" || ext == ".htm";
}

Diagnostic error_at(const std::string& path, long line, std::string message) {
    return {Severity::error, path, line, std::move(message)};
}

Diagnostic warning_at(const std::string& path, long line, std::string message) {
    return {Severity::warning, path, line, std::move(message)};
}

// A database's marker file, or a Xapian stub file ("XAPIANDB": a sharded
// newsdex index is a folder of shards named by one).
bool is_xapian_database(const fs::path& dir) {
    std::error_code ec;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney", "XAPIANDB"})
        if (fs::exists(dir / marker, ec)) return true;
    return false;
}

// Why a path that is not a regular file cannot be read, for its diagnostic.
std::string not_a_file_reason(const fs::path& p) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec) return "cannot read: " + ec.message();  // a symbolic-link loop, a dangling link
    switch (st.type()) {
        case fs::file_type::fifo: return "a FIFO (named pipe), not a file: not read";
        case fs::file_type::socket: return "a socket, not a file: not read";
        case fs::file_type::block:
        case fs::file_type::character: return "a device, not a file: not read";
        default: return "not a regular file: not read";
    }
}

void walk_directory(const std::string& root, std::vector<InputFile>& out,
                    const std::function<void(const Diagnostic&)>& report) {
    std::vector<InputFile> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
        report(error_at(root, 0, "cannot read directory: " + ec.message()));
        return;
    }
    const fs::path source_root = absolute_source_path(root);
    for (; it != end; it.increment(ec)) {
        if (ec) {
            report(error_at(root, 0, "cannot read directory: " + ec.message()));
            break;
        }
        const std::string name = it->path().filename().string();
        if (name.starts_with(".")) {  // hidden files and folders (.git, editor backups)
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) {
            // Links to folders are not followed (a link to a folder above
            // would loop); said, so that nobody wonders where its articles went.
            if (it->is_symlink(ec)) {
                report(warning_at(it->path().generic_string(), 0,
                                  "a link to a folder: not followed (name it on the command line to index it)"));
                continue;
            }
            // A Xapian database (the index itself, in `newsdex-index .`) holds
            // no articles: its files would be rejected as binary or empty.
            if (is_xapian_database(it->path())) {
                it.disable_recursion_pending();
                continue;
            }
            // skip_permission_denied would pass over it in silence.
            if (::access(it->path().c_str(), R_OK | X_OK) != 0) {
                report(error_at(it->path().generic_string(), 0,
                                "cannot read directory: " + std::error_code(errno, std::generic_category()).message()));
                it.disable_recursion_pending();
            }
            continue;
        }
        if (!is_article_file_name(name)) continue;
        if (!it->is_regular_file(ec)) {  // named like an article, but a FIFO, a device or a link to nowhere
            report(error_at(it->path().generic_string(), 0, not_a_file_reason(it->path())));
            continue;
        }
        // Lexical below the root: a symlinked file keeps the id of where it
        // stands in the tree, not of its target.
        const fs::path rel = it->path().lexically_relative(root);
        const std::string top_folder = rel.has_parent_path() ? rel.begin()->generic_string() : "";
        found.push_back({(fs::path(root) / rel).generic_string(), (source_root / rel).generic_string(), top_folder});
    }
    // Byte order of paths: independent of the file system's order.
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.source_file < b.source_file; });
    std::move(found.begin(), found.end(), std::back_inserter(out));
}

// Control characters other than tab and line breaks would reach terminals
// (escape sequences in a title) and mean nothing in news text; a title, a
// source, a byline, a tag or a name a feed tags is one line wherever it is shown ("Line one\nLine
// two" would break a hit's lines and a facet's).
void clean_text_fields(Article& a) {
    a.body = without_control_characters(a.body);  // an id is never changed: one with a control character is refused
    for (std::string* field : {&a.title, &a.source, &a.url, &a.section})
        *field = collapse_whitespace(without_control_characters(*field));
    for (auto* names : {&a.authors, &a.keywords, &a.persons, &a.locations, &a.countries, &a.organizations})
        for (auto& name : *names) name = collapse_whitespace(without_control_characters(name));
}

void emit(Article&& a, const CorpusSink& sink) {
    clean_text_fields(a);
    sink.on_article(std::move(a));
}

// A file's id is its path, kept in the index as text: a name that is not
// UTF-8, or holds a control character, cannot be one (and would reach the
// terminal as escapes).
std::optional<std::string> unusable_file_name(const std::string& path) {
    if (!is_valid_utf8(path))
        return "the file's name is not valid UTF-8, so it cannot be an article id (rename the file)";
    if (without_control_characters(path) != path || path.find_first_of("\t\n\r") != std::string::npos)
        return "the file's name holds a control character, a tab or a line break, so it cannot be an article id "
               "(rename the file)";
    return std::nullopt;
}

// One line of at most `max` bytes kept (the rest read and dropped, so a
// 1 GB line costs no memory); false at the end of the input.
bool next_line(std::istream& in, std::string& line, std::size_t max, bool& too_long) {
    line.clear();
    too_long = false;
    std::streambuf* buf = in.rdbuf();
    bool any = false;
    for (;;) {
        const int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            return any;
        }
        any = true;
        if (c == '\n') return true;
        if (line.size() < max) line.push_back(static_cast<char>(c));
        else too_long = true;
    }
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes >> 10) + " KiB";
}

std::string too_large(std::size_t limit) {
    return "larger than the " + size_text(limit) + " article limit (--max-article-size): not indexed";
}

// An id for a record that has none: where it stands in its file, or for
// standard input (which has no lasting place) its content.
std::string record_id(const InputFile& file, long line_no, const std::string& raw) {
    if (file.source_file == "-") return "-:" + stable_hash_hex(raw);
    return file.source_file + ":" + std::to_string(line_no);
}

// JSON Lines are checked line by line, so one bad byte costs one line, not
// the file, and the stream is never held in memory whole.
std::size_t read_json_lines(const InputFile& file, std::istream& in, const CorpusSink& sink, std::size_t max_bytes) {
    std::size_t errors = 0, records = 0;
    long line_no = 0;
    std::string raw;
    bool too_long = false;
    while (next_line(in, raw, max_bytes, too_long)) {
        ++line_no;
        if (too_long) {
            ++records;
            sink.on_diagnostic(error_at(file.path, line_no, "record " + too_large(max_bytes)));
            ++errors;
            continue;
        }
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        // A byte-order mark opening the file is no part of its first record
        // (nor of the id hashed from it).
        if (line_no == 1 && raw.starts_with("\xEF\xBB\xBF")) raw.erase(0, 3);
        if (raw.find_first_not_of(" \t") == std::string::npos) continue;
        ++records;
        if (contains_nul(raw)) {
            sink.on_diagnostic(error_at(file.path, line_no, "binary data (NUL bytes), not JSON"));
            ++errors;
            continue;
        }
        const DecodedText line = decode_text(raw);
        auto parsed = parse_json_article(line.utf8);
        if (auto* err = std::get_if<JsonArticleError>(&parsed)) {  // one line per rejected record
            sink.on_diagnostic(
                error_at(file.path, line_no, err->message + (line.was_windows1252 ? " (and not valid UTF-8)" : "")));
            ++errors;
            continue;
        }
        if (line.was_windows1252)
            sink.on_diagnostic(warning_at(file.path, line_no, "not valid UTF-8; read as Windows-1252"));
        auto& ja = std::get<JsonArticle>(parsed);
        if (!ja.date_warning.empty()) sink.on_diagnostic(warning_at(file.path, line_no, ja.date_warning));
        for (const auto& w : ja.warnings) sink.on_diagnostic(warning_at(file.path, line_no, w));
        Article& a = ja.article;
        if (a.id.empty()) a.id = record_id(file, line_no, raw);
        if (a.title.empty()) a.title = derive_title(a.body);
        a.path = file.source_file + ":" + std::to_string(line_no);
        a.source_file = file.source_file;
        a.content_hash = stable_hash_hex(raw);
        emit(std::move(a), sink);
    }
    if (in.bad()) {
        sink.on_diagnostic(error_at(file.path, line_no, "read error"));
        return errors + 1;
    }
    if (records == 0) {
        sink.on_diagnostic(error_at(file.path, 0, "empty file"));
        return 1;
    }
    return errors;
}

// A whole file is one article: its id is the file.
std::size_t emit_file_article(const InputFile& file, const std::string& bytes, Article&& a, const CorpusSink& sink) {
    a.id = file.source_file;
    a.path = file.source_file;
    a.source_file = file.source_file;
    a.content_hash = stable_hash_hex(bytes);
    emit(std::move(a), sink);
    return 0;
}

std::size_t read_text_article(const InputFile& file, const std::string& bytes, const CorpusSink& sink) {
    if (contains_nul(bytes)) {
        sink.on_diagnostic(error_at(file.path, 0, "binary file (contains NUL bytes), not an article"));
        return 1;
    }
    const DecodedText text = decode_text(bytes);
    if (text.utf8.find_first_not_of(" \t\r\n") == std::string::npos) {  // after decoding, which drops a BOM
        sink.on_diagnostic(error_at(file.path, 0, "empty file"));
        return 1;
    }
    if (text.was_windows1252) sink.on_diagnostic(warning_at(file.path, 0, "not valid UTF-8; read as Windows-1252"));
    ScrapedArticle scraped = parse_scraped_text(decode_character_references(text.utf8));
    for (const auto& w : scraped.warnings) sink.on_diagnostic(warning_at(file.path, 0, w));
    if (scraped.article.body.empty()) {
        sink.on_diagnostic(error_at(file.path, 0, "no article text"));
        return 1;
    }
    return emit_file_article(file, bytes, std::move(scraped.article), sink);
}

std::size_t read_html_article(const InputFile& file, const std::string& bytes, const CorpusSink& sink) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        sink.on_diagnostic(error_at(file.path, 0, "empty file"));
        return 1;
    }
    HtmlArticle page = parse_html_page(bytes);
    for (const auto& w : page.warnings) sink.on_diagnostic(warning_at(file.path, 0, w));
    if (!page.error.empty()) {
        sink.on_diagnostic(error_at(file.path, 0, page.error));
        return 1;
    }
    return emit_file_article(file, bytes, std::move(page.article), sink);
}

// A file of JSON records under a text name ("export.txt"): its first
// non-blank character, after any byte-order mark, is '{'. Reads a little of
// the stream and puts it back at the start.
bool looks_like_json_lines(std::istream& in) {
    char head[4096];
    in.read(head, sizeof head);
    std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && bytes[first] == '{';
}

}  // namespace

bool is_article_file_name(const std::string& file_name) {
    const std::string ext = extension_of(file_name);
    return ext.empty() || ext == ".txt" || ext == ".md" || is_jsonl_name(file_name) || is_html_name(file_name);
}

std::string absolute_source_path(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    if (ec) p = path;
    p = p.lexically_normal();
    // A folder is named by where it is, links resolved ("link" and "link/"
    // alike); a file keeps its own name, link or not.
    if (p.has_filename() && !fs::is_directory(p, ec)) {
        // The folders' symbolic links resolved (one file, one id, however the
        // folder was reached); the file's own name kept, link or not.
        const fs::path folder = fs::weakly_canonical(p.parent_path(), ec);
        if (!ec) p = folder / p.filename();
    } else {
        if (!p.has_filename()) p = p.parent_path();  // "dir/" -> "dir"
        const fs::path canonical = fs::weakly_canonical(p, ec);
        if (!ec) p = canonical;
    }
    return p.generic_string();
}

std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        const std::function<void(const Diagnostic&)>& report) {
    std::vector<InputFile> files;
    for (const auto& input : inputs) {
        if (input == "-") {
            files.push_back({"-", "-", ""});
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (fs::is_symlink(fs::symlink_status(input, ec)) && !fs::exists(status)) {
            report(error_at(input, 0, not_a_file_reason(input)));
        } else if (!fs::exists(status)) {
            report(error_at(input, 0, "no such file or directory"));
        } else if (fs::is_directory(status)) {
            walk_directory(input, files, report);
        } else if (!fs::is_regular_file(status)) {
            report(error_at(input, 0, not_a_file_reason(input)));  // reading a FIFO would wait for ever
        } else {
            files.push_back({input, absolute_source_path(input), ""});
        }
    }
    // One file named twice (alone and inside its folder) is read once, with
    // the first folder below a named folder that any of its listings gives
    // (--section-from-folder): naming the file too changes nothing.
    std::map<std::string, std::size_t> listed_at;  // source file -> its place in `listed`
    std::vector<InputFile> listed;
    for (auto& f : files) {
        const auto [it, fresh] = listed_at.try_emplace(f.source_file, listed.size());
        if (fresh || f.source_file == "-") listed.push_back(std::move(f));
        else if (listed[it->second].top_folder.empty()) listed[it->second].top_folder = f.top_folder;
    }
    return listed;
}

std::size_t read_input_file(const InputFile& file, const CorpusSink& sink, std::size_t max_article_bytes) {
    if (file.path == "-") return read_json_lines(file, std::cin, sink, max_article_bytes);
    if (const auto why = unusable_file_name(file.source_file)) {
        sink.on_diagnostic(error_at(file.path, 0, *why));
        return 1;
    }
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        sink.on_diagnostic(
            error_at(file.path, 0, "cannot open: " + std::error_code(errno, std::generic_category()).message()));
        return 1;
    }
    const bool html = is_html_name(file.path);
    if (is_jsonl_name(file.path) || (!html && looks_like_json_lines(in)))
        return read_json_lines(file, in, sink, max_article_bytes);
    std::error_code ec;
    if (const auto size = fs::file_size(file.path, ec); !ec && size > max_article_bytes) {
        sink.on_diagnostic(error_at(file.path, 0, size_text(size) + ": " + too_large(max_article_bytes)));
        return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        sink.on_diagnostic(error_at(file.path, 0, "read error"));
        return 1;
    }
    if (html) return read_html_article(file, std::move(ss).str(), sink);
    return read_text_article(file, std::move(ss).str(), sink);
}

}  // namespace newsdex
