// One index per test suite: a fixture that prepares a corpus in a fresh
// scratch directory, runs the real newsdex-index over it once, before the
// suite's first test, and removes directory and index after its last.
//
// The fixture is parameterised by a corpus type that says what to index:
//
//   struct MyCorpus {
//       static constexpr const char* kDatabase = "corpus.db";  // the index, inside the scratch directory
//       // Writes or generates any inputs under `dir` and sets `args`: what
//       // newsdex-index gets after "--db DATABASE" (inputs and options).
//       // Returns "" when ready, else why not (say, describe() of a generator
//       // run that failed): then nothing is indexed and every test fails
//       // with that reason.
//       static std::string prepare(const std::filesystem::path& dir, std::vector<std::string>& args);
//       // Optional: non-empty when the corpus is not there to index (the
//       // suite's tests are then skipped with this reason).
//       static std::string unavailable();
//   };
//   class MyTest : public IndexedCorpusTest<MyCorpus> {};
//
// Every test starts by asserting that the index run exited 0, and a failure
// prints the command and both streams. indexing() keeps the run's result for
// tests that check what newsdex-index said.
//
// Failures are reported from each test's SetUp(), never asserted in
// SetUpTestSuite(): a fatal failure there makes GoogleTest skip the suite's
// tests, and ctest (gtest_discover_tests) then counts them as skipped, not
// failed.
//
// ctest runs each test in a process of its own, so there the set-up runs
// once per test; a whole-binary run indexes once per suite. Suites built on
// the same corpus type share the fixture's static state, which is safe
// because GoogleTest runs suites one after another, each torn down before
// the next is set up.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "helpers.h"
#include "process.h"

namespace newsdex::e2e {

template <class Corpus>
class IndexedCorpusTest : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        if constexpr (requires { Corpus::unavailable(); }) {
            skipped_ = Corpus::unavailable();
            if (!skipped_.empty()) return;
        }
        dir_ = new ScratchDir;
        std::vector<std::string> args;
        unprepared_ = Corpus::prepare(dir_->path(), args);
        if (unprepared_.empty()) indexing_ = new RunResult(index_into(db(), args));
    }

    static void TearDownTestSuite() {
        delete indexing_;
        indexing_ = nullptr;
        delete dir_;  // removes the inputs and the index
        dir_ = nullptr;
        skipped_.clear();
        unprepared_.clear();
    }

protected:
    void SetUp() override {
        if (!skipped_.empty()) GTEST_SKIP() << skipped_;
        ASSERT_EQ(unprepared_, "") << "the corpus could not be prepared, so nothing was indexed";
        ASSERT_NE(indexing_, nullptr);
        ASSERT_EQ(indexing_->status, 0) << describe(*indexing_);
    }

    // The suite's scratch directory: the corpus's inputs and the index.
    static const std::filesystem::path& dir() { return dir_->path(); }
    static std::filesystem::path db() { return dir_->path() / Corpus::kDatabase; }
    // The newsdex-index run: command, exit status, stdout, stderr.
    static const RunResult& indexing() { return *indexing_; }

private:
    inline static ScratchDir* dir_ = nullptr;
    inline static RunResult* indexing_ = nullptr;
    inline static std::string skipped_;     // Corpus::unavailable()
    inline static std::string unprepared_;  // Corpus::prepare()'s failure
};

// The bundled corpus/ of the source tree, indexed as it is.
struct BundledCorpus {
    static constexpr const char* kDatabase = "corpus.db";
    static std::string prepare(const std::filesystem::path&, std::vector<std::string>& args) {
        args = {(source_dir() / "corpus").string()};
        return "";
    }
};

}  // namespace newsdex::e2e
