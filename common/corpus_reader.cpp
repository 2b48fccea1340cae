#include "common/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "common/encoding.h"
#include "common/json_article.h"
#include "common/scraped_text.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

std::string extension_of(const std::string& file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string::npos || dot == 0) return "";
    std::string ext = file_name.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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
        if (!it->is_regular_file(ec) || !is_article_file_name(name)) continue;
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        found.push_back({(fs::path(root) / rel).generic_string(), rel});
    }
    // Byte order of relative paths: independent of the file system's order.
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.id_base < b.id_base; });
    std::move(found.begin(), found.end(), std::back_inserter(out));
}

bool read_all(const InputFile& file, std::string& bytes, std::string& error) {
    if (file.path == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
        std::error_code ec(errno, std::generic_category());
        error = "cannot open: " + ec.message();
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = "cannot read file";
        return false;
    }
    bytes = std::move(ss).str();
    return true;
}

std::size_t read_json_lines(const InputFile& file, const std::string& text, const CorpusSink& sink) {
    std::size_t errors = 0;
    long line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + pos, nl - pos);
        ++line_no;
        pos = nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            if (nl == text.size()) break;
            continue;
        }
        auto parsed = parse_json_article(line);
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
        sink.on_article(std::move(a));
    }
    return errors;
}

std::size_t read_text_article(const InputFile& file, const std::string& text, const CorpusSink& sink) {
    ScrapedArticle scraped = parse_scraped_text(text);
    for (const auto& w : scraped.warnings) sink.on_diagnostic(warning_at(file.path, 0, w));
    if (scraped.article.body.empty()) {
        sink.on_diagnostic(error_at(file.path, 0, "no article text"));
        return 1;
    }
    scraped.article.id = file.id_base;
    scraped.article.path = file.path;
    sink.on_article(std::move(scraped.article));
    return 0;
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
    std::string bytes, error;
    if (!read_all(file, bytes, error)) {
        sink.on_diagnostic(error_at(file.path, 0, error));
        return 1;
    }
    if (contains_nul(bytes)) {
        sink.on_diagnostic(error_at(file.path, 0, "binary file (contains NUL bytes), not an article"));
        return 1;
    }
    DecodedText decoded = decode_text(bytes);
    // Checked after decoding, which drops a byte-order mark.
    const auto first = decoded.utf8.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        sink.on_diagnostic(error_at(file.path, 0, "empty file"));
        return 1;
    }
    if (decoded.was_windows1252)
        sink.on_diagnostic(warning_at(file.path, 0, "not valid UTF-8; read as Windows-1252"));

    const bool jsonl = file.path == "-" || is_jsonl_name(file.path) || decoded.utf8[first] == '{';
    return jsonl ? read_json_lines(file, decoded.utf8, sink) : read_text_article(file, decoded.utf8, sink);
}

}  // namespace newsdex
