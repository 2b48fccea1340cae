// Unit tests for indexer/run_ledger.h: one entry per id, through the
// table's growth, with paths kept only where they differ from the id.
#include "indexer/run_ledger.h"

#include <string>

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(RunLedger, OneEntryPerIdThroughGrowth) {
    RunLedger ledger;
    for (int k = 0; k < 100000; ++k) {
        bool fresh = false;
        RunLedger::Entry& e = ledger.entry("feed-" + std::to_string(k), fresh);
        ASSERT_TRUE(fresh) << k;
        e.written = k % 3 == 0;
    }
    EXPECT_EQ(ledger.size(), 100000u);
    for (int k = 0; k < 100000; k += 997) {
        bool fresh = true;
        const RunLedger::Entry& e = ledger.entry("feed-" + std::to_string(k), fresh);
        EXPECT_FALSE(fresh) << k;
        EXPECT_EQ(e.written, k % 3 == 0) << k;
        ASSERT_NE(ledger.find("feed-" + std::to_string(k)), nullptr);
    }
    EXPECT_EQ(ledger.size(), 100000u);
    EXPECT_EQ(ledger.find("feed-100000"), nullptr);
    EXPECT_EQ(ledger.find(""), nullptr);
}

TEST(RunLedger, PathsAreTheIdUnlessSetOtherwise) {
    RunLedger ledger;
    bool fresh = false;
    const std::string file = "/news/world/001.txt";
    RunLedger::Entry& a = ledger.entry(file, fresh);
    EXPECT_EQ(ledger.kept_path(a), file);
    EXPECT_EQ(ledger.stored_path(a), file);
    EXPECT_EQ(ledger.stored_source(a), file);
    EXPECT_FALSE(a.had_stored);
    ledger.set_stored(a, file, file, file);
    EXPECT_TRUE(a.had_stored);
    EXPECT_EQ(ledger.stored_source(a), file);

    RunLedger::Entry& b = ledger.entry("w1", fresh);
    ledger.set_kept_path(b, "w1", "/feeds/b.jsonl:7");
    ledger.set_stored(b, "w1", "/feeds/a.jsonl:1", "/feeds/a.jsonl");
    ledger.set_kept_path(b, "w1", "/feeds/a.jsonl:3");  // a path that sorts first replaces the kept one
    const RunLedger::Entry* found = ledger.find("w1");
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(ledger.kept_path(*found), "/feeds/a.jsonl:3");
    EXPECT_EQ(ledger.stored_path(*found), "/feeds/a.jsonl:1");
    EXPECT_EQ(ledger.stored_source(*found), "/feeds/a.jsonl");
    // A long id (past a block of bytes) is kept whole.
    const std::string long_id(3u << 20, 'x');
    RunLedger::Entry& c = ledger.entry(long_id, fresh);
    EXPECT_TRUE(fresh);
    EXPECT_EQ(ledger.kept_path(c), long_id);
    EXPECT_EQ(ledger.kept_path(*ledger.find("w1")), "/feeds/a.jsonl:3");
}

TEST(IdHashSet, EachHashOnceThroughGrowthZeroIncluded) {
    IdHashSet met;
    for (std::uint64_t k = 0; k < 50000; ++k) EXPECT_TRUE(met.insert(k * 0x9E3779B97F4A7C15ULL)) << k;
    EXPECT_EQ(met.size(), 50000u);
    for (std::uint64_t k = 0; k < 50000; k += 101) EXPECT_FALSE(met.insert(k * 0x9E3779B97F4A7C15ULL)) << k;
    EXPECT_FALSE(met.insert(0));  // k = 0 gave the hash 0
    EXPECT_TRUE(met.insert(1));
    EXPECT_EQ(met.size(), 50001u);
}

}  // namespace
}  // namespace newsdex
