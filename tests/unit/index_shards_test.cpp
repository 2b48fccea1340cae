// Unit tests for common/index/index_shards.h: reading the shard list of an
// index (a sharded index's folder, any Xapian stub file, one database) and
// opening it shard by shard, with a missing shard named or left out.
#include "common/index/index_shards.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/index/article_index.h"
#include "common/index/schema.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class IndexShards : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("newsdex-shards-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // A database newsdex reads: the current schema version, `articles` documents.
    void make_shard(const fs::path& where, int articles) {
        Xapian::WritableDatabase db(where.string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
        for (int n = 0; n < articles; ++n) db.add_document(Xapian::Document());
        db.commit();
    }
    void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

    fs::path dir_;
};

TEST_F(IndexShards, ReadsEveryKindOfLineRelativeToTheStub) {
    write(dir_ / "index.stub",
          "# a newsroom's archive\n"
          "glass shards/a\n"
          "  auto /srv/archive/b  \n"
          "\n"
          "remote 10.0.0.2:33333\n"
          "remote [::1]:33334\n"
          "remote :ssh host xapian-progsrv /srv/c\n");
    const auto shards = index_shard_locations((dir_ / "index.stub").string());
    ASSERT_EQ(shards.size(), 5u);
    EXPECT_EQ(shards[0].kind, ShardLocation::Kind::local);
    EXPECT_EQ(shards[0].where, (dir_ / "shards/a").string());  // relative to the stub's folder
    EXPECT_EQ(shards[0].label, "shards/a");
    EXPECT_EQ(shards[1].kind, ShardLocation::Kind::local);
    EXPECT_EQ(shards[1].where, "/srv/archive/b");
    EXPECT_EQ(shards[1].label, "/srv/archive/b");
    EXPECT_EQ(shards[2].kind, ShardLocation::Kind::remote_tcp);
    EXPECT_EQ(shards[2].where, "10.0.0.2:33333");
    EXPECT_EQ(shards[2].label, "remote 10.0.0.2:33333");
    EXPECT_EQ(shards[3].kind, ShardLocation::Kind::remote_tcp);
    EXPECT_EQ(shards[3].where, "[::1]:33334");
    // Xapian's program form: a colon, then the program and its arguments.
    EXPECT_EQ(shards[4].kind, ShardLocation::Kind::remote_program);
    EXPECT_EQ(shards[4].where, "ssh host xapian-progsrv /srv/c");
    EXPECT_EQ(shards[4].label, "remote :ssh host xapian-progsrv /srv/c");

    // One database: the index itself, which messages call "the index".
    const auto one = index_shard_locations(dir_.string());
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].where, dir_.string());
    EXPECT_EQ(one[0].label, "");
}

TEST_F(IndexShards, BadListsAreIndexErrors) {
    write(dir_ / "bad.stub", "glass a\nbogus b\n");
    EXPECT_THROW(index_shard_locations((dir_ / "bad.stub").string()), IndexError);
    write(dir_ / "empty.stub", "# nothing\n\n");
    EXPECT_THROW(index_shard_locations((dir_ / "empty.stub").string()), IndexError);
    write(dir_ / "bare.stub", "remote\n");
    EXPECT_THROW(index_shard_locations((dir_ / "bare.stub").string()), IndexError);
    for (const char* line :
         {"remote host\n", "remote host:0\n", "remote host:70000\n", "remote host:12x\n", "remote :\n"}) {
        write(dir_ / "port.stub", line);
        EXPECT_THROW(index_shard_locations((dir_ / "port.stub").string()), IndexError) << line;
    }
    EXPECT_THROW(index_shard_locations((dir_ / "absent").string()), IndexError);
}

TEST_F(IndexShards, AMissingShardIsNamedOrLeftOutWhenAllowed) {
    make_shard(dir_ / "a", 2);
    make_shard(dir_ / "c", 3);
    write(dir_ / "index.stub", "glass a\nglass b\nglass c\n");
    const std::string stub = (dir_ / "index.stub").string();
    try {
        open_index_shards(stub, false);
        ADD_FAILURE() << "a missing shard must be an error";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("shard 2 of 3 (b)"), std::string::npos) << e.what();
    }
    const OpenedIndex partial = open_index_shards(stub, true);
    EXPECT_EQ(partial.db.get_doccount(), 5u);
    EXPECT_EQ(partial.missing, std::vector<std::string>{"b"});

    make_shard(dir_ / "b", 1);
    const OpenedIndex whole = open_index_shards(stub, false);
    EXPECT_EQ(whole.db.get_doccount(), 6u);
    EXPECT_TRUE(whole.missing.empty());

    write(dir_ / "none.stub", "glass x\nglass y\n");
    EXPECT_THROW(open_index_shards((dir_ / "none.stub").string(), true), IndexError);  // nothing reached
}

TEST_F(IndexShards, AShardOfAnotherSchemaIsNamed) {
    make_shard(dir_ / "a", 1);
    {
        Xapian::WritableDatabase old((dir_ / "b").string(), Xapian::DB_CREATE_OR_OPEN);
        old.set_metadata(std::string(schema::kSchemaVersionKey), "2");
        old.add_document(Xapian::Document());
        old.commit();
    }
    write(dir_ / "index.stub", "glass a\nglass b\n");
    try {
        open_index_shards((dir_ / "index.stub").string(), true);
        ADD_FAILURE() << "an old shard must be an error, even with partial results allowed";
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("shard 2 of 2 (b): index schema version 2"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace newsdex
