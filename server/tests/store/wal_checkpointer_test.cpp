// SQLite's WAL is copied into the database file by the checkpoint thread, not inside commits: the
// file grows only after a write has ended (the thread waits for the write epoch to move), and a
// Database's writes reach the file without any commit checkpointing them.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/database.hpp"
#include "store/wal_checkpointer.hpp"

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

class WalFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lt-wal-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<soci::session> open() const {
    auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=" + path());
    *sql << "PRAGMA journal_mode=WAL";
    *sql << "PRAGMA wal_autocheckpoint = 0";
    return sql;
  }
  std::string path() const { return (dir_ / "wal.db").string(); }
  std::uintmax_t file_size() const { return fs::file_size(path()); }
  // Waits up to five seconds for the database file to exceed `bytes`.
  bool grows_past(std::uintmax_t bytes) const {
    for (int i = 0; i < 100 && file_size() <= bytes; ++i) std::this_thread::sleep_for(50ms);
    return file_size() > bytes;
  }
  // About 4 MB: all of it in the WAL until a checkpoint.
  static void write_4mb(soci::session& sql) {
    sql << "CREATE TABLE IF NOT EXISTS t (x TEXT)";
    const std::string row(2000, 'x');
    for (int i = 0; i < 2000; ++i) sql << "INSERT INTO t (x) VALUES (:x)", soci::use(row);
  }

  fs::path dir_;
};

}  // namespace

TEST_F(WalFiles, TheThreadCheckpointsOnlyAfterAWriteHasEnded) {
  auto writer = open();
  {
    soci::transaction tx(*writer);
    write_4mb(*writer);
    tx.commit();
  }
  const auto before = file_size();
  std::atomic<std::uint64_t> epoch{0};
  lt::store::WalCheckpointer checkpointer(open(), epoch, 100ms);
  std::this_thread::sleep_for(600ms);
  EXPECT_EQ(file_size(), before) << "no write has ended since the thread started";
  epoch.fetch_add(1);
  EXPECT_TRUE(grows_past(before + (3 << 20))) << "the WAL reaches the database file";
}

TEST_F(WalFiles, ADatabasesWritesReachTheFileWithoutCheckpointingCommits) {
  auto db = lt::store::Database::open({"sqlite:" + path(), 1});
  long long autocheckpoint = -1;
  db->write([&](soci::session& sql) {
    sql << "PRAGMA wal_autocheckpoint", soci::into(autocheckpoint);
    write_4mb(sql);
  });
  EXPECT_EQ(autocheckpoint, 0) << "commits leave the WAL to the checkpoint thread";
  EXPECT_TRUE(grows_past(3 << 20));
}
