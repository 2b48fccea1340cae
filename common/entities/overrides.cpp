#include "common/entities/overrides.h"

#include <algorithm>
#include <sstream>

#include "common/base/strings.h"
#include "common/base/text_folding.h"
#include "common/base/whole_file.h"
#include "common/entities/entity_extractor.h"

namespace newsdex {

namespace {

std::vector<std::string> fields_of(std::string_view line) {
    std::vector<std::string> out;
    while (true) {
        const auto tab = line.find('\t');
        out.emplace_back(trim(line.substr(0, tab)));
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return out;
}

void rewrite(std::vector<std::string>& names, const std::map<std::string, std::string>* aliases,
             const std::set<std::string>& never) {
    std::vector<std::string> out;
    for (const auto& n : names) {
        const std::string key = entity_key(n);
        if (never.count(key)) continue;
        std::string name = n;
        if (aliases)
            if (auto it = aliases->find(key); it != aliases->end()) name = it->second;
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    names = std::move(out);
}

}  // namespace

Overrides Overrides::parse(const std::string& text, const std::string& path, std::vector<Diagnostic>& errors) {
    Overrides o;
    std::istringstream in(text);
    long line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || trim(line).front() == '#') continue;
        const auto f = fields_of(line);
        auto fail = [&](const std::string& why) { errors.push_back({Severity::error, path, line_no, why}); };
        if (f[0] == "alias") {
            if (f.size() != 4) {
                fail("alias needs 3 tab-separated fields: TYPE, NAME, CANONICAL");
                continue;
            }
            if (f[1] != "person" && f[1] != "location" && f[1] != "org") {
                fail("unknown type \"" + f[1] + "\": use person, location or org");
                continue;
            }
            if (f[2].empty() || f[3].empty()) {
                fail("empty name");
                continue;
            }
            o.aliases_[f[1]][entity_key(f[2])] = f[3];
        } else if (f[0] == "split") {
            if (f.size() != 5) {
                fail("split needs 4 tab-separated fields: TYPE, NAME, ID-PREFIX, CANONICAL");
                continue;
            }
            if (f[1] != "person" && f[1] != "location" && f[1] != "org") {
                fail("unknown type \"" + f[1] + "\": use person, location or org");
                continue;
            }
            if (f[2].empty() || f[3].empty() || f[4].empty()) {
                fail("empty field");
                continue;
            }
            o.splits_.push_back({f[1], entity_key(f[2]), f[3], f[4]});
        } else if (f[0] == "never") {
            if (f.size() != 2 || f[1].empty()) {
                fail("never needs 1 tab-separated field: NAME");
                continue;
            }
            o.never_.insert(entity_key(f[1]));
        } else if (const std::string rule = f[0].substr(0, f[0].find(' '));
                   rule == "alias" || rule == "split" || rule == "never") {
            // "never Hochstein": an editor turned the tabs into spaces.
            fail("\"" + rule + "\" must be followed by a tab, not a space: fields are tab-separated");
        } else {
            fail("unknown rule \"" + f[0] + "\": use alias, split or never");
        }
    }
    return o;
}

std::variant<Overrides, std::vector<Diagnostic>> Overrides::load(const std::string& path) {
    std::string text;
    if (auto why = read_whole_file(path, text))
        return std::vector<Diagnostic>{{Severity::error, path, 0, "cannot read the overrides file: " + *why}};
    std::vector<Diagnostic> errors;
    Overrides o = parse(text, path, errors);
    if (!errors.empty()) return errors;
    return o;
}

namespace {

// A split's ID-PREFIX names the start of an id ("wire:2024-"), or, since a
// file's id is its absolute path, a folder path inside it ("sport/" matches
// /archive/bbc/sport/001.txt).
bool split_applies(std::string_view article_id, const std::string& prefix) {
    if (article_id.starts_with(prefix)) return true;
    if (!article_id.starts_with("/") || prefix.starts_with("/")) return false;
    for (auto slash = article_id.find('/'); slash != std::string_view::npos; slash = article_id.find('/', slash + 1))
        if (article_id.substr(slash + 1).starts_with(prefix)) return true;
    return false;
}

}  // namespace

void Overrides::apply(ArticleEntities& e, std::string_view article_id) const {
    // Splits first: in the articles they name, the name is another entity,
    // and no alias of the name applies there.
    auto split = [&](const char* type, std::vector<std::string>& names) {
        for (const auto& s : splits_) {
            if (s.type != type || !split_applies(article_id, s.id_prefix)) continue;
            for (auto& n : names)
                if (entity_key(n) == s.key) n = s.canonical;
        }
    };
    split("person", e.persons);
    split("location", e.locations);
    split("org", e.organizations);
    auto aliases = [&](const char* type) {
        auto it = aliases_.find(type);
        return it == aliases_.end() ? nullptr : &it->second;
    };
    rewrite(e.persons, aliases("person"), never_);
    rewrite(e.locations, aliases("location"), never_);
    rewrite(e.organizations, aliases("org"), never_);
}

}  // namespace newsdex
