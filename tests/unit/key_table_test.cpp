// Unit tests for common/base/key_table.h: the table behind the word lists and
// the gazetteer, checked against std::unordered_map on many keys.
#include "common/base/key_table.h"

#include <string>
#include <unordered_map>

#include <gtest/gtest.h>

#include "common/base/strings.h"

namespace newsdex {
namespace {

TEST(KeyTable, AgreesWithAnUnorderedMapThroughManyGrowths) {
    KeyTable<std::string, int> table;
    std::unordered_map<std::string, int> expected;
    for (int n = 0; n < 20000; ++n) {
        // Keys of every length from 0 to 24, many sharing their first eight bytes.
        const std::string key = std::string(static_cast<std::size_t>(n % 25), 'k') + std::to_string(n % 7001);
        const auto [value, added] = table.try_emplace(key, n);
        const auto [it, expected_added] = expected.try_emplace(key, n);
        ASSERT_EQ(added, expected_added) << key;
        ASSERT_EQ(*value, it->second) << key;
    }
    EXPECT_EQ(table.size(), expected.size());
    for (const auto& [key, value] : expected) {
        const int* found = table.find(key);
        ASSERT_NE(found, nullptr) << key;
        EXPECT_EQ(*found, value) << key;
    }
    EXPECT_EQ(table.find("absent"), nullptr);
    EXPECT_FALSE(table.contains("k"));  // a key's prefix is no key
    EXPECT_FALSE(table.contains(""));
    EXPECT_TRUE(table.try_emplace("", -1).second);  // the empty key is a key like any other
    EXPECT_EQ(*table.find(""), -1);
}

// As std::unordered_map::try_emplace: a present key leaves the arguments
// alone, so a caller may still read what it offered.
TEST(KeyTable, TryEmplaceOnAPresentKeyMovesNothing) {
    KeyTable<std::string, std::string> table;
    std::string first = "first", second = "second";
    EXPECT_TRUE(table.try_emplace("key", std::move(first)).second);
    const auto [value, added] = table.try_emplace("key", std::move(second));
    EXPECT_FALSE(added);
    EXPECT_EQ(*value, "first");
    EXPECT_EQ(second, "second");
}

TEST(KeyTable, EmptyTableFindsNothing) {
    const KeyTable<std::string, int> table;
    EXPECT_EQ(table.find(""), nullptr);
    EXPECT_EQ(table.find("x"), nullptr);
}

TEST(WordSet, ContainsOnlyItsWords) {
    const WordSet words{"Bank", "of", "England", "Isle"};
    for (const char* w : {"Bank", "of", "England", "Isle"}) EXPECT_TRUE(words.contains(w)) << w;
    for (const char* w : {"bank", "Of", "", "Englan", "Englands", "Isles", "Man"}) EXPECT_FALSE(words.contains(w)) << w;
}

// hash_bytes() reads a key's last bytes in loads that may overlap: every
// byte must still count, whatever the length, and so must the length.
TEST(HashBytes, EveryByteAndTheLengthCount) {
    for (std::size_t length = 1; length <= 40; ++length) {
        const std::string key(length, 'a');
        const std::uint64_t h = hash_bytes(key);
        for (std::size_t at = 0; at < length; ++at) {
            std::string changed = key;
            changed[at] = 'b';
            EXPECT_NE(hash_bytes(changed), h) << "length " << length << ", byte " << at;
        }
        EXPECT_NE(hash_bytes(key + '\0'), h) << "length " << length;
    }
    EXPECT_NE(hash_bytes(""), hash_bytes(std::string(1, '\0')));
}

}  // namespace
}  // namespace newsdex
