#include "common/analysis/shingles.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace newsdex {

namespace {

constexpr int kHashes = kSignatureHashes;
constexpr int kRows = kSignatureHashes / kSignatureBands;  // hashes per band
constexpr std::size_t kShingleWords = 4;
constexpr std::size_t kHashBytes = kSignatureHashBytes;

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

std::string minhash_signature(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t')) ++pos;
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
        if (end > pos) words.push_back(text.substr(pos, end - pos));
        pos = end;
    }
    if (words.size() < kShingleWords) return "";
    std::vector<std::uint64_t> minima(kHashes, ~0ULL);
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t k = 0; k < kShingleWords; ++k) h = mix(h ^ fnv1a(words[i + k]));
        for (int j = 0; j < kHashes; ++j) minima[j] = std::min(minima[j], mix(h + 0x9e3779b97f4a7c15ULL * (j + 1)));
    }
    std::string out;
    for (const auto m : minima)  // the top 32 bits, big-endian
        for (int shift = 56; shift >= 32; shift -= 8) out += static_cast<char>((m >> shift) & 0xFF);
    return out;
}

int shared_hashes(std::string_view a, std::string_view b) {
    if (a.size() != kHashes * kHashBytes || b.size() != a.size()) return 0;
    int same = 0;
    for (int j = 0; j < kHashes; ++j)
        same += a.substr(j * kHashBytes, kHashBytes) == b.substr(j * kHashBytes, kHashBytes);
    return same;
}

bool same_story(std::string_view a, std::string_view b) { return shared_hashes(a, b) >= kSameStoryHashes; }

std::string_view signature_band(std::string_view signature, int band) {
    return signature.substr(static_cast<std::size_t>(band) * kRows * kHashBytes, kRows * kHashBytes);
}

}  // namespace newsdex
