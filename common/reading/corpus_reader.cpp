#include "common/reading/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <unistd.h>

#include "common/reading/encoding.h"
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

Diagnostic error_at(const std::string& path, long line, std::string message) {
    return {Severity::error, path, line, std::move(message)};
}

Diagnostic warning_at(const std::string& path, long line, std::string message) {
    return {Severity::warning, path, line, std::move(message)};
}

bool is_xapian_database(const fs::path& dir) {
    std::error_code ec;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"})
        if (fs::exists(dir / marker, ec)) return true;
    return false;
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
        if (!it->is_regular_file(ec) || !is_article_file_name(name)) continue;
        // Lexical, not fs::relative: a symlinked file keeps the id of where it
        // stands in the tree, not of its target.
        const std::string rel = it->path().lexically_relative(root).generic_string();
        found.push_back({(fs::path(root) / rel).generic_string(), rel});
    }
    // Byte order of relative paths: independent of the file system's order.
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.id_base < b.id_base; });
    std::move(found.begin(), found.end(), std::back_inserter(out));
}

// Control characters other than tab and line breaks would reach terminals
// (escape sequences in a title) and mean nothing in news text.
void remove_control_characters(Article& a) {
    for (std::string* field : {&a.id, &a.title, &a.body, &a.source, &a.url, &a.section})
        *field = without_control_characters(*field);
    for (auto& author : a.authors) author = without_control_characters(author);
}

void emit(Article&& a, const CorpusSink& sink) {
    remove_control_characters(a);
    sink.on_article(std::move(a));
}

// JSON Lines are checked line by line, so one bad byte costs one line, not
// the file, and the stream is never held in memory whole.
std::size_t read_json_lines(const InputFile& file, std::istream& in, const CorpusSink& sink) {
    std::size_t errors = 0, records = 0;
    long line_no = 0;
    for (std::string raw; std::getline(in, raw);) {
        ++line_no;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (raw.find_first_not_of(" \t") == std::string::npos) continue;
        ++records;
        if (contains_nul(raw)) {
            sink.on_diagnostic(error_at(file.path, line_no, "binary data (NUL bytes), not JSON"));
            ++errors;
            continue;
        }
        const DecodedText line = decode_text(raw);
        if (line.was_windows1252)
            sink.on_diagnostic(warning_at(file.path, line_no, "not valid UTF-8; read as Windows-1252"));
        auto parsed = parse_json_article(line.utf8);
        if (auto* err = std::get_if<JsonArticleError>(&parsed)) {
            sink.on_diagnostic(error_at(file.path, line_no, err->message));
            ++errors;
            continue;
        }
        auto& ja = std::get<JsonArticle>(parsed);
        if (!ja.date_warning.empty()) sink.on_diagnostic(warning_at(file.path, line_no, ja.date_warning));
        Article& a = ja.article;
        if (a.id.empty()) a.id = file.id_base + ":" + std::to_string(line_no);
        if (a.title.empty()) a.title = derive_title(a.body);
        a.path = file.path + ":" + std::to_string(line_no);
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
    ScrapedArticle scraped = parse_scraped_text(text.utf8);
    for (const auto& w : scraped.warnings) sink.on_diagnostic(warning_at(file.path, 0, w));
    if (scraped.article.body.empty()) {
        sink.on_diagnostic(error_at(file.path, 0, "no article text"));
        return 1;
    }
    scraped.article.id = file.id_base;
    scraped.article.path = file.path;
    emit(std::move(scraped.article), sink);
    return 0;
}

// A file of JSON records under a text name ("export.txt"): its first
// non-blank character, after any byte-order mark, is '{'.
bool looks_like_json_lines(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && bytes[first] == '{';
}

}  // namespace

bool is_article_file_name(const std::string& file_name) {
    const std::string ext = extension_of(file_name);
    return ext.empty() || ext == ".txt" || ext == ".md" || is_jsonl_name(file_name);
}

std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        const std::function<void(const Diagnostic&)>& report) {
    std::vector<InputFile> files;
    for (const auto& input : inputs) {
        if (input == "-") {
            files.push_back({"-", "-"});
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            report(error_at(input, 0, "no such file or directory"));
        } else if (fs::is_directory(status)) {
            walk_directory(input, files, report);
        } else {
            files.push_back({input, fs::path(input).filename().string()});
        }
    }
    return files;
}

std::size_t read_input_file(const InputFile& file, const CorpusSink& sink) {
    if (file.path == "-") return read_json_lines(file, std::cin, sink);
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        sink.on_diagnostic(
            error_at(file.path, 0, "cannot open: " + std::error_code(errno, std::generic_category()).message()));
        return 1;
    }
    if (is_jsonl_name(file.path)) return read_json_lines(file, in, sink);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        sink.on_diagnostic(error_at(file.path, 0, "read error"));
        return 1;
    }
    const std::string bytes = std::move(ss).str();
    if (looks_like_json_lines(bytes)) {
        std::istringstream lines(bytes);
        return read_json_lines(file, lines, sink);
    }
    return read_text_article(file, bytes, sink);
}

}  // namespace newsdex
