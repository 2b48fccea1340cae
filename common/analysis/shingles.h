// Near-duplicate signatures: the same story from several outlets shares most
// of its word 4-shingles. An article's signature is the MinHash of its
// folded body's shingles: 16 hashes of 32 bits, 64 bytes (binary,
// big-endian; analysis revisions up to 15 stored each as 8 hex digits). Two signatures that
// agree on at least 12 of the 16 (an estimated Jaccard similarity of 0.75)
// are the same story. The index groups such articles after loading
// (common/index/near_duplicates.h), finding candidates through
// locality-sensitive hashing: 8 bands of 2 hashes; signatures that agree on a
// whole band are compared. Pure functions: safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

inline constexpr int kSignatureHashes = 16;
inline constexpr int kSignatureBands = 8;
inline constexpr int kSameStoryHashes = 12;  // shared hashes that make one story
inline constexpr std::size_t kSignatureHashBytes = 4;

// 16 hashes of 4 bytes each, big-endian; empty when the body has under 4
// words.
std::string minhash_signature(std::string_view folded_body);

// How many of the 16 hashes two signatures share.
int shared_hashes(std::string_view a, std::string_view b);

// Enough shared hashes to call two articles one story.
bool same_story(std::string_view a, std::string_view b);

// Band `band` (0 to kSignatureBands - 1) of a signature: the LSH bucket key.
std::string_view signature_band(std::string_view signature, int band);

}  // namespace newsdex
