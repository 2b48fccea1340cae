// newsdex-generate-corpus: a deterministic synthetic news corpus with the
// ground truth of every article's metadata, for tests and benchmarks.
//
// The same --seed and --articles always give the same bytes. Text follows a
// Zipf law over a made-up vocabulary, in sentences, paragraphs and titles;
// people have titles, honorifics and shared surnames; places come from the
// gazetteer (so their countries are known); organisations, sources, authors
// and sections from fixed pools; dates spread over several years, some to
// the month or the year only, some undated; near-duplicate copies of earlier
// stories appear under other outlets. Articles are written as JSON Lines with
// their entities tagged (so facet counts can be checked against the truth
// without depending on extraction) and, with --text, also as plain-text
// files with header blocks; with --html, also as saved web pages in five
// publishing systems' styles, furniture and all (html_pages.h), the same
// articles, so that the HTML reader can be checked and timed against the
// plain-text one (issue 16). truth.jsonl holds every article's metadata.
//
// --realistic gives the news style the statistics of real news, measured on
// the 2,225 BBC articles of ../shared/bbc-news (issue 13; figures below):
// an open vocabulary whose words follow Zipf's law with the measured
// exponent over its head and a steeper tail, so that the vocabulary grows
// with the corpus as Heaps' law measured there says; body lengths drawn from
// the measured log-normal; as many persons, places and organisations per
// article as the extractor finds there. The default keeps the small
// vocabulary (4,000 words) for stress tests: nearly every query matches a
// large share of the corpus.
//
// --style wire writes wire copy instead (issue 12): plain-text files
// hard-wrapped at one width of 60 to 75 columns, a headline in capitals
// first, a dateline ("CAIRO, March 3 - "), persons introduced by role
// phrases ("Chancellor of the Exchequer Anna Halvorsen") with names
// deliberately broken across line ends; truth.jsonl then says who and where
// each story names, and which capitalised words only its headline has.
// All of its text is made up here.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "common/cli/cli.h"
#include "common/entities/gazetteer.h"
#include "tests/generator/html_pages.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using nlohmann::ordered_json;
using namespace newsdex;

namespace {

const char* const kProgram = "newsdex-generate-corpus";
constexpr std::size_t kArticlesPerFile = 10000;

// std::mt19937_64 is specified bit for bit; the distributions are not, so
// every draw below goes through these two helpers.
class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    std::uint64_t below(std::uint64_t n) { return engine_() % n; }  // slight bias: irrelevant here
    double unit() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }

private:
    std::mt19937_64 engine_;
};

const std::vector<std::string> kSyllables = {"ka",  "lo", "ven",  "mar", "ti", "sul", "de",  "ran", "pe", "or",
                                             "ba",  "ni", "stro", "gal", "fe", "mun", "ri",  "cor", "sa", "pli",
                                             "ton", "vu", "em",   "dra", "ko", "lin", "ser", "qua", "ho", "bel"};
const std::vector<std::string> kFunctionWords = {"the",  "of", "and", "to", "in", "a",    "that", "is", "for", "on",
                                                 "with", "as", "was", "by", "at", "from", "it",   "an", "be",  "has"};
const std::vector<std::string> kGivenNames = {"Anna",  "David",  "Maria", "James", "Fatima", "Yusuf",  "Elena",
                                              "Kenji", "Sofia",  "Peter", "Amina", "Lucas",  "Ingrid", "Omar",
                                              "Clara", "Daniel", "Leila", "Marco", "Nadia",  "Samuel"};
const std::vector<std::string> kSurnames = {
    "Halvorsen", "Okafor", "Marlowe", "Quintero", "Vasquez", "Lindqvist", "Tanaka", "Abara",  "Castell", "Ferreira",
    "Kovac",     "Mbeki",  "Novak",   "Petrov",   "Rahimi",  "Santos",    "Varga",  "Weller", "Yilmaz",  "Zorin"};
const std::vector<std::string> kRoles = {"President", "Minister", "spokesman", "Governor", "Senator", "chairman"};
const std::vector<std::string> kHonorifics = {"Mr", "Ms", "Dr"};
const std::vector<std::string> kPlaceNames = {
    "Cairo",  "Egypt",      "Paris",     "France",      "Berlin", "Germany", "Nairobi",     "Kenya",     "Tokyo",
    "Japan",  "Lima",       "Peru",      "Madrid",      "Spain",  "Ottawa",  "Canada",      "Lisbon",    "Portugal",
    "Warsaw", "Poland",     "Jakarta",   "Indonesia",   "Seoul",  "Brazil",  "Mexico City", "Mexico",    "Doha",
    "Qatar",  "Gaza Strip", "West Bank", "Middle East", "Europe", "Africa",  "Sydney",      "Australia", "Rome",
    "Italy",  "Athens",     "Greece",    "Oslo",        "Norway"};
const std::vector<std::string> kOrgHeads = {"Meridian", "Kestrel",  "Veridian",  "Alder",      "Solace",
                                            "Harbor",   "Crescent", "Northgate", "Blue Finch", "Ironwood"};
const std::vector<std::string> kOrgTails = {"Group", "Bank", "Holdings", "Institute", "Council", "Party", "Corp"};
const std::vector<std::string> kSources = {"Meridian Wire", "Coastline Press", "Daily Ledger",    "Global Courier",
                                           "Harbor Times",  "Northern Post",   "Capital Tribune", "Evening Gazette"};
const std::vector<std::string> kSections = {"world",   "business", "politics", "sport",
                                            "science", "tech",     "culture",  "health"};

// Wire copy: roles as it writes them before a name, several with "of" or
// "of the" (the name starts after the whole role phrase).
const std::vector<std::string> kWireRoles = {"Chancellor of the Exchequer", "Secretary of State",
                                             "Minister of Finance",         "Governor of the Bank of England",
                                             "Minister of Agriculture",     "Federal Reserve Board Chairman",
                                             "Treasury Secretary",          "the spokesman"};
const std::vector<std::string> kWireCities = {"Cairo",  "Paris",  "Berlin",  "Nairobi", "Tokyo", "Lima",
                                              "Madrid", "Ottawa", "Lisbon",  "Warsaw",  "Seoul", "Doha",
                                              "Rome",   "Athens", "Jakarta", "Oslo"};
const std::vector<std::string> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

struct WireStory {
    std::string id, headline, text;
    std::size_t width = 0;
    std::vector<std::string> persons;        // full names, in order of first mention
    std::vector<std::string> broken;         // persons whose name a line end splits ("Anna" / "Halvorsen")
    std::vector<std::string> locations;      // the dateline's city and the body's
    std::vector<std::string> headline_only;  // a city and an organisation only the headline names
};

// Text filled word by word up to one width, as a wire terminal cut it.
class WrappedText {
public:
    explicit WrappedText(std::size_t width) : width_(width) {}

    // A new paragraph: after a blank line, or on an indented first line.
    void paragraph(bool indented) {
        if (!blank_line()) lines_.push_back(line_);
        if (!lines_.empty() && !indented) lines_.emplace_back();
        line_ = indented ? "    " : "";
    }
    void word(const std::string& w) {
        if (!blank_line() && line_.size() + 1 + w.size() > width_) {
            lines_.push_back(line_);
            line_.clear();
        }
        line_ += (blank_line() ? "" : " ") + w;
    }
    // Writes `words` so that a line ends after the first `head` of them:
    // words from `pad(longest)` go before them until they end a line the
    // way a greedy wrapper ends it (the next word would not fit).
    template <typename Pad>
    void break_after(const std::vector<std::string>& words, std::size_t head, Pad pad) {
        std::size_t chunk = head - 1;
        for (std::size_t k = 0; k < head; ++k) chunk += words[k].size();
        for (;;) {
            const std::size_t end = blank_line() ? line_.size() + chunk : line_.size() + 1 + chunk;
            if (end <= width_ && end + 1 + words[head].size() > width_) break;
            if (end <= width_) {
                word(pad(width_ - end - 1));  // the words still fit after it
            } else {
                // They go on the next line: this one is filled first.
                const std::size_t room = line_.size() + 1 < width_ ? width_ - line_.size() - 1 : 0;
                word(pad(room ? room : width_ / 2));
            }
        }
        for (const auto& w : words) word(w);
    }
    std::string text() const {
        std::string out;
        for (const auto& l : lines_) out += l + "\n";
        return blank_line() ? out : out + line_ + "\n";
    }

private:
    bool blank_line() const { return line_.find_first_not_of(' ') == std::string::npos; }

    std::size_t width_;
    std::vector<std::string> lines_;
    std::string line_;
};

std::string in_capitals(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

struct Person {
    std::string given, surname, role;
    std::string name() const { return given + " " + surname; }
};

struct Truth {
    std::string id, date, date_precision, source, section;
    std::vector<std::string> authors, persons, locations, countries, organizations;
    std::string duplicate_of;  // the id of the story this copies, or ""
    std::string title, body;
};

// Measured on ../shared/bbc-news (bodies, words of letters, lower-cased):
// 836,291 words, 29,843 distinct; Zipf exponent 1.06 over ranks 10-5,000;
// Heaps' law V = 13.4 n^0.569; body length log-normal, mu 5.81, sigma 0.48
// (median 325 words); per article 4.7 persons, 3.1 places and 3.4
// organisations found by newsdex's extractor.
constexpr double kZipfHead = 1.06;
// The tail's exponent and where it starts, set so that the generated
// vocabulary grows as the measured Heaps' law says (checked at 315,000 and
// 836,000 words: about 18,000 and 30,000 distinct words).
constexpr double kZipfTail = 1.75;
constexpr double kTailFrom = 4000;
constexpr double kBodyLogMean = 5.81, kBodyLogSd = 0.48;

class Generator {
public:
    explicit Generator(std::uint64_t seed, bool realistic = false) : rng_(seed), realistic_(realistic) {
        for (int w = 0; w < 4000; ++w) vocabulary_.push_back(make_word());
        // Zipf: the r-th word has weight 1/r.
        double total = 0;
        for (std::size_t r = 1; r <= vocabulary_.size(); ++r)
            cumulative_.push_back(total += 1.0 / static_cast<double>(r));
        for (const auto& g : kGivenNames)
            for (const auto& s : kSurnames)
                if (rng_.chance(0.4)) persons_.push_back({g, s, rng_.pick(kRoles)});
        for (const auto& name : kPlaceNames)
            if (const Place* p = Gazetteer::standard().find_place(name)) places_.push_back(p);
        for (const auto& h : kOrgHeads)
            for (const auto& t : kOrgTails)
                if (rng_.chance(0.5)) organizations_.push_back(h + " " + t);
        for (int a = 0; a < 40; ++a) authors_.push_back(rng_.pick(kGivenNames) + " " + capitalised(make_word()));
    }

    Truth article(std::size_t n, const std::vector<Truth>& earlier) {
        // About one story in twenty is a near-duplicate of an earlier one.
        if (!earlier.empty() && rng_.chance(0.05)) return near_duplicate(n, earlier[rng_.below(earlier.size())]);
        Truth t;
        t.id = id_of(n);
        t.section = rng_.pick(kSections);
        t.source = rng_.pick(kSources);
        t.authors.push_back(rng_.pick(authors_));
        if (rng_.chance(0.2)) add_unique(t.authors, rng_.pick(authors_));
        set_date(t);
        const std::size_t people = realistic_ ? 1 + rng_.below(8) : 1 + rng_.below(4);
        const std::size_t places = realistic_ ? 1 + rng_.below(5) : 1 + rng_.below(3);
        const std::size_t orgs = realistic_ ? rng_.below(7) : rng_.below(3);
        std::vector<const Person*> cast;
        for (std::size_t k = 0; k < people; ++k) {
            const Person* p = &rng_.pick(persons_);
            if (std::find(cast.begin(), cast.end(), p) == cast.end()) cast.push_back(p), t.persons.push_back(p->name());
        }
        for (std::size_t k = 0; k < places; ++k) {
            const Place* p = rng_.pick(places_);
            add_unique(t.locations, p->name);
            if (!p->country.empty()) add_unique(t.countries, p->country);
        }
        for (std::size_t k = 0; k < orgs; ++k) add_unique(t.organizations, rng_.pick(organizations_));
        t.title = title(t);
        t.body = body(t, cast);
        return t;
    }

    WireStory wire_story(std::size_t n) {
        WireStory s;
        char buf[32];
        std::snprintf(buf, sizeof buf, "wire-%07zu", n);
        s.id = buf;
        s.width = 60 + rng_.below(16);
        // One to three persons of distinct surnames, four distinct cities:
        // the dateline's, up to two in the body, one for the headline alone.
        std::vector<Person> cast;
        for (std::size_t k = 0, people = 1 + rng_.below(3); k < people; ++k) {
            Person p{rng_.pick(kGivenNames), rng_.pick(kSurnames), rng_.pick(kWireRoles)};
            if (std::none_of(cast.begin(), cast.end(), [&](const Person& q) { return q.surname == p.surname; }))
                cast.push_back(p);
        }
        std::vector<std::string> cities;
        const std::size_t city_count = 2 + 1 + rng_.below(2);
        while (cities.size() < city_count) add_unique(cities, rng_.pick(kWireCities));
        const std::string headline_city = cities.back();
        cities.pop_back();
        s.locations = cities;
        const std::string org = rng_.pick(kOrgHeads) + " " + rng_.pick(kOrgTails);
        s.headline_only = {headline_city, org};
        s.headline = wire_headline(cast.front(), headline_city, org);

        WrappedText text(s.width);
        const bool indented = rng_.chance(0.5);
        text.paragraph(indented);
        for (const auto& w :
             {in_capitals(cities[0]) + ",", rng_.pick(kMonths), std::to_string(1 + rng_.below(28)), std::string("-")})
            text.word(w);
        std::size_t introduced = 0, mentioned_cities = 1;
        const std::size_t paragraphs = 2 + rng_.below(3);
        for (std::size_t p = 0; p < paragraphs || introduced < cast.size() || mentioned_cities < cities.size(); ++p) {
            if (p) text.paragraph(indented);
            for (std::size_t k = 0, sentences = 2 + rng_.below(3); k < sentences; ++k) {
                const double r = rng_.unit();
                if (introduced < cast.size() && (r < 0.4 || p + 1 >= paragraphs)) {
                    introduce(text, cast[introduced++], s);
                } else if (introduced && r < 0.6) {
                    const Person& who = cast[rng_.below(introduced)];
                    sentence(text, rng_.chance(0.5) ? rng_.pick(kHonorifics) + " " + who.surname + " said"
                                                    : who.surname + " said");
                } else if (mentioned_cities < cities.size() && r < 0.8) {
                    sentence(text, "in " + cities[mentioned_cities++]);
                } else {
                    sentence(text, "");
                }
            }
        }
        s.text = s.headline + (rng_.chance(0.5) ? "\n\n" : "\n") + text.text();
        return s;
    }

private:
    // "HALVORSEN CUTS SHORT SCHEDULED LIMA TRIP": capitalised words the body
    // names (the surname) and words it does not (a city, an organisation),
    // and the short words wire headlines are full of (TO, IN, ON, UP TO).
    std::string wire_headline(const Person& lead, const std::string& city, const std::string& org) {
        const std::string who = in_capitals(lead.surname), where = in_capitals(city);
        const std::string what = in_capitals(zipf_word());
        switch (rng_.below(4)) {
            case 0: return who + " CUTS SHORT SCHEDULED " + where + " TRIP";
            case 1: return who + " TO BE IN " + where + " ON " + what + " TALKS";
            case 2:
                return in_capitals(org) + " PROFITS UP TO " + std::to_string(2 + rng_.below(9)) + " PCT IN " + where;
            default: return who + " SAYS " + what + " RATES SET BY " + in_capitals(org) + " IN " + where;
        }
    }

    // Made-up words as filler() makes them, less the ones that are particles
    // of names ("de", "la": "said de Halvorsen" would be a name). The last
    // one is no function word when a name follows (`before_name`): "from
    // Santos said" would be the town. The first is capitalised when it opens
    // a sentence (`opening`), and then no place or given name ("Bari").
    std::vector<std::string> wire_words(std::size_t n, bool opening = false, bool before_name = false) {
        std::vector<std::string> words;
        while (words.size() < n) {
            const bool made_up = (opening && words.empty()) || (before_name && words.size() + 1 == n);
            std::string w = made_up || !rng_.chance(0.3) ? zipf_word() : rng_.pick(kFunctionWords);
            if (w == "de" || w == "la" || w == "el") continue;
            if (opening && words.empty()) {
                w = capitalised(w);
                const Gazetteer& g = Gazetteer::standard();
                if (g.find_place(w) || g.given_name(w) != GivenName::no) continue;
            }
            words.push_back(w);
        }
        return words;
    }

    // A sentence of made-up words around `middle` (a mention, "in Cairo").
    void sentence(WrappedText& text, const std::string& middle) {
        std::vector<std::string> words = wire_words(2 + rng_.below(4), true, !middle.empty());
        if (!middle.empty())
            for (const auto& w : words_of(middle)) words.push_back(w);
        for (const auto& w : wire_words(5 + rng_.below(10))) words.push_back(w);
        words.back() += ".";
        for (const auto& w : words) text.word(w);
    }

    // The first mention, with the role phrase, broken across a line end:
    // mostly between given name and surname, else between role and name.
    void introduce(WrappedText& text, const Person& p, WireStory& s) {
        for (const auto& w : wire_words(2 + rng_.below(3), true, true)) text.word(w);
        std::vector<std::string> words = words_of(p.role);
        const bool split_name = rng_.chance(0.7);
        const std::size_t head = words.size() + (split_name ? 1 : 0);
        words.push_back(p.given);
        words.push_back(p.surname);
        words.push_back("said");
        text.break_after(words, head, [this](std::size_t longest) {
            const std::string w = wire_words(1, false, true).front();
            return w.size() <= longest ? w : std::string("a");
        });
        std::vector<std::string> rest = wire_words(5 + rng_.below(10));
        rest.back() += ".";
        for (const auto& w : rest) text.word(w);
        s.persons.push_back(p.given + " " + p.surname);
        if (split_name) s.broken.push_back(s.persons.back());
    }

    static std::string capitalised(std::string w) {
        if (!w.empty()) w[0] = static_cast<char>(w[0] - 'a' + 'A');
        return w;
    }
    static void add_unique(std::vector<std::string>& v, const std::string& x) {
        if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
    }
    static std::string id_of(std::size_t n) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "gen-%07zu", n);
        return buf;
    }

    std::string make_word() {
        std::string w;
        const std::size_t syllables = 1 + rng_.below(3);
        for (std::size_t s = 0; s < syllables; ++s) w += rng_.pick(kSyllables);
        return w;
    }

    // The word of a rank of the open vocabulary: the rank's digits in base
    // kSyllables.size(), one syllable each, so frequent words are short.
    static std::string word_of_rank(std::uint64_t rank) {
        std::string w;
        for (std::uint64_t r = rank; r > 0; r = (r - 1) / kSyllables.size())
            w += kSyllables[(r - 1) % kSyllables.size()];
        return w;
    }

    // A rank drawn from Zipf's law with exponent kZipfHead up to kTailFrom
    // and kZipfTail beyond (the continuous law's inverse distribution).
    std::uint64_t realistic_rank() {
        const double a = kZipfHead, b = kZipfTail, r0 = kTailFrom;
        const double head = (std::pow(r0, 1 - a) - 1) / (1 - a), tail = std::pow(r0, 1 - a) / (b - 1);
        const double u = rng_.unit() * (head + tail);
        const double x = u < head ? std::pow(1 + u * (1 - a), 1 / (1 - a))
                                  : r0 * std::pow(1 - (u - head) * (b - 1) * std::pow(r0, a - 1), 1 / (1 - b));
        return static_cast<std::uint64_t>(std::min(x, 1e15));
    }

    std::string zipf_word() {
        if (realistic_) return word_of_rank(realistic_rank());
        const double x = rng_.unit() * cumulative_.back();
        const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), x);
        return vocabulary_[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                                                 vocabulary_.size() - 1)];
    }

    std::string filler(std::size_t words) {
        std::string s;
        for (std::size_t k = 0; k < words; ++k)
            s += (s.empty() ? "" : " ") + (rng_.chance(0.3) ? rng_.pick(kFunctionWords) : zipf_word());
        return s;
    }

    void set_date(Truth& t) {
        const double r = rng_.unit();
        const int year = 2021 + static_cast<int>(rng_.below(5)), month = 1 + static_cast<int>(rng_.below(12));
        static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = year % 4 == 0;
        const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
        const int day = 1 + static_cast<int>(rng_.below(static_cast<std::uint64_t>(days)));
        char buf[32];
        if (r < 0.80) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
            t.date_precision = "day";
        } else if (r < 0.90) {
            std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
            t.date_precision = "month";
        } else if (r < 0.95) {
            std::snprintf(buf, sizeof buf, "%04d", year);
            t.date_precision = "year";
        } else {
            return;  // undated
        }
        t.date = buf;
    }

    std::string title(const Truth& t) {
        return capitalised(filler(2)) + " " + t.locations.front() + " " + filler(2 + rng_.below(4));
    }

    // A person as news names them: with a role first, then by honorific and surname.
    std::string mention(const Person& p, bool first) {
        if (first) return (p.role[0] >= 'a' ? "the " + p.role + " " : p.role + " ") + p.name();
        return rng_.pick(kHonorifics) + " " + p.surname;
    }

    // Realistic: words drawn from the measured log-normal (Box-Muller).
    std::size_t realistic_body_words() {
        const double z = std::sqrt(-2 * std::log(1 - rng_.unit())) * std::cos(2 * 3.141592653589793 * rng_.unit());
        return static_cast<std::size_t>(std::exp(kBodyLogMean + kBodyLogSd * z));
    }

    std::string body(const Truth& t, const std::vector<const Person*>& cast) {
        std::string text;
        // Realistic: as many paragraphs of three sentences (about 48 words
        // with their mentions) as the drawn length takes.
        const std::size_t paragraphs = realistic_ ? std::max<std::size_t>(1, realistic_body_words() / 48)
                                                  : 2 + rng_.below(3);
        std::set<const Person*> introduced;
        for (std::size_t p = 0; p < paragraphs; ++p) {
            const std::size_t sentences = realistic_ ? 3 : 2 + rng_.below(3);
            for (std::size_t s = 0; s < sentences; ++s) {
                std::string sentence = capitalised(filler(4 + rng_.below(8)));
                const double r = rng_.unit();
                if (r < 0.35) {
                    const Person* who = cast[rng_.below(cast.size())];
                    sentence += ", " + mention(*who, introduced.insert(who).second) + " said";
                } else if (r < 0.55) {
                    sentence += " in " + rng_.pick(t.locations);
                } else if (r < 0.7 && !t.organizations.empty()) {
                    sentence += " " + filler(2) + " " + rng_.pick(t.organizations);
                }
                text += (s ? " " : "") + sentence + " " + filler(3 + rng_.below(6)) + ".";
            }
            text += "\n\n";
        }
        // Everyone and everything in the truth is named at least once.
        std::string last;
        for (const Person* who : cast)
            if (!introduced.count(who)) last += capitalised(filler(3)) + ", " + mention(*who, true) + " said. ";
        for (const auto& place : t.locations) last += capitalised(filler(3)) + " in " + place + ". ";
        for (const auto& org : t.organizations) last += capitalised(filler(2)) + " " + org + " " + filler(2) + ". ";
        text += last.substr(0, last.size() - 1) + "\n";
        return text;
    }

    Truth near_duplicate(std::size_t n, const Truth& original) {
        Truth t = original;
        t.id = id_of(n);
        t.duplicate_of = original.duplicate_of.empty() ? original.id : original.duplicate_of;
        std::vector<std::string> others;
        for (const auto& s : kSources)
            if (s != original.source) others.push_back(s);
        t.source = rng_.pick(others);
        t.authors = {rng_.pick(authors_)};
        t.body += filler(6) + ".\n";  // a sentence added: near, not exact
        return t;
    }

    Random rng_;
    bool realistic_;
    std::vector<std::string> vocabulary_;
    std::vector<double> cumulative_;
    std::vector<Person> persons_;
    std::vector<const Place*> places_;
    std::vector<std::string> organizations_, authors_;
};

ordered_json null_if_empty(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

// The metadata both files carry, in one order.
void add_metadata(ordered_json& j, const Truth& t) {
    j["source"] = t.source;
    j["authors"] = t.authors;
    j["section"] = t.section;
    j["persons"] = t.persons;
    j["locations"] = t.locations;
    j["countries"] = t.countries;
    j["organizations"] = t.organizations;
}

ordered_json article_json(const Truth& t) {
    ordered_json j;
    j["id"] = t.id;
    j["title"] = t.title;
    j["body"] = t.body;
    if (!t.date.empty()) j["date"] = t.date;
    add_metadata(j, t);
    return j;
}

ordered_json truth_json(const Truth& t) {
    ordered_json j;
    j["id"] = t.id;
    j["date"] = null_if_empty(t.date);
    j["date_precision"] = null_if_empty(t.date_precision);
    add_metadata(j, t);
    j["duplicate_of"] = null_if_empty(t.duplicate_of);
    return j;
}

// False when the file could not be written whole (a full disk, no rights).
bool write_file(const fs::path& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    out.close();
    return !out.fail();
}

bool write_text_file(const fs::path& dir, const Truth& t) {
    std::ostringstream out;
    out << "title: " << t.title << "\n";
    if (!t.date.empty()) out << "date: " << t.date << "\n";
    out << "source: " << t.source << "\nsection: " << t.section << "\nauthor: ";
    for (std::size_t k = 0; k < t.authors.size(); ++k) out << (k ? "; " : "") << t.authors[k];
    out << "\n\n" << t.body;
    return write_file(dir / t.section / (t.id + ".txt"), out.str());
}

bool write_html_file(const fs::path& dir, const Truth& t, std::size_t n) {
    const generator::PageArticle page{t.id, t.title, t.source, t.section, t.date, t.authors, t.body};
    return write_file(dir / t.section / (t.id + ".html"), generator::html_page(page, n));
}

ordered_json wire_truth_json(const WireStory& s) {
    return ordered_json{{"id", s.id},
                        {"file", "wire/" + s.id + ".txt"},
                        {"title", s.headline},
                        {"width", s.width},
                        {"persons", s.persons},
                        {"broken", s.broken},
                        {"locations", s.locations},
                        {"headline_only", s.headline_only}};
}

// --style wire: DIR/wire/ID.txt and DIR/truth.jsonl.
int write_wire_copy(const fs::path& dir, std::uint64_t seed, std::size_t count) {
    fs::create_directories(dir / "wire");
    Generator gen(seed);
    std::ofstream truth(dir / "truth.jsonl", std::ios::binary);
    bool files_written = true;
    for (std::size_t n = 0; n < count; ++n) {
        const WireStory s = gen.wire_story(n);
        files_written = write_file(dir / "wire" / (s.id + ".txt"), s.text) && files_written;
        truth << wire_truth_json(s).dump() << '\n';
    }
    if (!truth || !files_written) {
        cli::print_error(kProgram, dir.string(), "cannot write the corpus");
        return 3;
    }
    std::cerr << kProgram << ": wrote " << count << " wire stories to " << dir.string() << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t seed = 1;
    std::size_t count = 1000;
    std::string out_dir;
    bool text = false, html = false;
    std::string style;
    bool realistic = false;
    po::options_description options("Options");
    options.add_options()("seed", po::value<std::uint64_t>(&seed)->default_value(1)->value_name("N"), "random seed")(
        "articles", po::value<std::size_t>(&count)->default_value(1000)->value_name("N"), "how many (1 to 1000000)")(
        "out", po::value<std::string>(&out_dir)->value_name("DIR"), "output directory (created; must be empty)")(
        "text", po::bool_switch(&text), "also write plain-text files under DIR/text/SECTION/")(
        "html", po::bool_switch(&html), "also write saved web pages of the same articles under DIR/html/SECTION/")(
        "realistic", po::bool_switch(&realistic),
        "news with the statistics of real news (vocabulary growth, word frequencies, lengths, entities per "
        "article, measured on ../shared/bbc-news); default: a small vocabulary, for stress tests")(
        "style", po::value<std::string>(&style)->default_value("news")->value_name("STYLE"),
        "news (the above) or wire: hard-wrapped wire copy in DIR/wire/ID.txt");
    std::vector<std::string> words;
    po::variables_map vm;
    const cli::ProgramHelp help{
        kProgram,
        "Usage: newsdex-generate-corpus --out DIR [--seed N] [--articles N] [--text] [--html] [--realistic]\n"
        "       newsdex-generate-corpus --style wire --out DIR [--seed N] [--articles N]\n\n"
        "Writes a deterministic synthetic news corpus: DIR/articles/articles-NNN.jsonl\n"
        "(10,000 articles a file, entities tagged; index DIR/articles), DIR/truth.jsonl\n"
        "(every article's metadata:\n"
        "date, date_precision, source, authors, section, persons, locations, countries,\n"
        "organizations, duplicate_of) and, with --text, DIR/text/SECTION/ID.txt.\n\n"
        "--html also writes each article as a saved web page, DIR/html/SECTION/ID.html,\n"
        "in the style of one of five publishing systems in turn (JSON-LD, Open Graph,\n"
        "microdata, bare markup with the outlet in <title>, AMP), with navigation,\n"
        "scripts, a cookie banner, share bars, captions, related stories and comments\n"
        "around the story. Bare pages name no section: index them with\n"
        "--section-from-folder DIR/html.\n\n"
        "--style wire writes hard-wrapped wire copy instead: DIR/wire/ID.txt (a headline\n"
        "in capitals, a dateline, names broken across line ends) and DIR/truth.jsonl\n"
        "(id, file, title, width, persons, broken, locations, headline_only).\n\n",
        "\nExit status: 0 written, 2 usage error, 3 cannot write.\n", "(see --help)", 2};
    if (auto code = cli::parse_command_line(argc, argv, help, options, words, vm)) return *code;
    if (out_dir.empty() || !words.empty() || count < 1 || count > 1000000 || (style != "news" && style != "wire")) {
        cli::print_error(kProgram, "", "need --out DIR, --articles between 1 and 1000000 and --style news or wire");
        return 2;
    }
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec || !fs::is_empty(out_dir, ec)) {
        cli::print_error(kProgram, out_dir, ec ? ec.message() : "the output directory is not empty");
        return 3;
    }
    if (style == "wire") return write_wire_copy(out_dir, seed, count);
    fs::create_directories(fs::path(out_dir) / "articles");
    for (const auto& [wanted, kind] : {std::pair{text, "text"}, std::pair{html, "html"}})
        if (wanted)
            for (const auto& s : kSections) fs::create_directories(fs::path(out_dir) / kind / s);
    Generator gen(seed, realistic);
    std::vector<Truth> written;  // kept for near-duplicates: bodies of earlier stories
    std::ofstream truth(fs::path(out_dir) / "truth.jsonl", std::ios::binary);
    std::ofstream articles;
    bool files_written = true;
    for (std::size_t n = 0; n < count; ++n) {
        if (n % kArticlesPerFile == 0) {
            char name[32];
            std::snprintf(name, sizeof name, "articles-%03zu.jsonl", n / kArticlesPerFile);
            articles = std::ofstream(fs::path(out_dir) / "articles" / name, std::ios::binary);
        }
        Truth t = gen.article(n, written);
        articles << article_json(t).dump() << '\n';
        truth << truth_json(t).dump() << '\n';
        if (text) files_written = write_text_file(fs::path(out_dir) / "text", t) && files_written;
        if (html) files_written = write_html_file(fs::path(out_dir) / "html", t, n) && files_written;
        if (written.size() < 2000) written.push_back(std::move(t));  // near-duplicates copy recent-ish stories
    }
    if (!truth || !articles || !files_written) {
        cli::print_error(kProgram, out_dir, "cannot write the corpus");
        return 3;
    }
    std::cerr << kProgram << ": wrote " << count << " articles to " << out_dir << '\n';
    return 0;
}
