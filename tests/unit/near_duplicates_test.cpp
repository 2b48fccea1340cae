// Unit tests for common/index/near_duplicates.h: signatures, and groups whose key
// does not depend on the order articles were added.
#include "common/index/near_duplicates.h"
#include "common/analysis/shingles.h"

#include <cstdio>

#include <gtest/gtest.h>

#include "common/base/text_folding.h"
#include "common/index/document_builder.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

const std::string kStory =
    "ministers from the three countries met in the capital on tuesday to discuss the new border agreement and the "
    "reopening of the crossing for trucks carrying food fuel and medical supplies after weeks of closure and talks";

TEST(MinhashSignature, SameTextSameSignatureNearTextMostHashes) {
    const std::string a = minhash_signature(kStory);
    ASSERT_EQ(a.size(), 16u * 4u);
    EXPECT_EQ(a, minhash_signature(kStory));
    EXPECT_EQ(shared_hashes(a, a), 16);
    EXPECT_GE(shared_hashes(a, minhash_signature(kStory + " officials said")), 12);
    EXPECT_LT(
        shared_hashes(a, minhash_signature("the football season opened with a late goal in a cold stadium as "
                                           "fans of both clubs sang through the rain and the referee waved play on")),
        4);
    EXPECT_EQ(minhash_signature("too few words"), "");
}

// A signature as analysis revisions up to 15 stored it: 8 hex digits a hash.
std::string as_hex(std::string_view signature) {
    std::string hex;
    char buf[3];
    for (const char c : signature) {
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
        hex += buf;
    }
    return hex;
}

std::map<std::string, std::string> groups_after_adding(const std::vector<std::pair<std::string, std::string>>& articles,
                                                       bool hex_signatures = false) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(/*extract_entities=*/false);
    for (const auto& [id, body] : articles) {
        Article a;
        a.id = id;
        a.title = "Talks";
        a.body = body;
        Xapian::Document doc = builder.build(a);
        if (hex_signatures)
            doc.add_value(schema::kShingleSignatureSlot, as_hex(doc.get_value(schema::kShingleSignatureSlot)));
        db.replace_document(schema::id_term(id), doc);
    }
    group_near_duplicates(db);
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document d = db.get_document(*it);
        out[schema::decode_record(d.get_data()).id] = d.get_value(schema::kDuplicateGroupSlot);
    }
    return out;
}

TEST(GroupNearDuplicates, TheFirstIdNamesTheGroupWhateverTheOrder) {
    const std::vector<std::pair<std::string, std::string>> articles = {
        {"c", kStory + " a spokesman said"},
        {"a", kStory},
        {"b",
         "an entirely different report about rain and "
         "floods in the north of the country this week"}};
    const auto groups = groups_after_adding(articles);
    EXPECT_EQ(groups.at("a"), "a");
    EXPECT_EQ(groups.at("c"), "a");
    EXPECT_EQ(groups.at("b"), "");  // no near duplicate: no key
    EXPECT_EQ(groups_after_adding({articles[2], articles[1], articles[0]}), groups);
    // An index analysed before signatures were binary groups the same.
    EXPECT_EQ(groups_after_adding(articles, /*hex_signatures=*/true), groups);
}

TEST(GroupNearDuplicates, StoredSignaturesAreBinaryOrOldHex) {
    const std::string binary = minhash_signature(kStory);
    EXPECT_TRUE(is_stored_signature(binary));
    EXPECT_TRUE(is_stored_signature(as_hex(binary)));
    EXPECT_FALSE(is_stored_signature(binary.substr(1)));
    EXPECT_FALSE(is_stored_signature(std::string(128, 'g')));  // 128 bytes, not hex
    EXPECT_FALSE(is_stored_signature(""));
}

}  // namespace
}  // namespace newsdex
