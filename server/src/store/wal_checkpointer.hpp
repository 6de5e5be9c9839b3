// SQLite's WAL checkpoints, on a thread of their own. By default the connection whose commit takes
// the WAL past 1,000 pages copies it into the database file there and then, inside that commit:
// half a second of a 100,000-learner import, and a slow request now and then. The writer turns
// that off (wal_autocheckpoint = 0) and this thread checkpoints instead, every half second after
// a write has ended, PASSIVE so that it never waits for readers or the writer. Thread-safe; owned
// by store::Database.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include <soci/soci.h>

namespace lt::store {

class WalCheckpointer {
 public:
  // Checkpoints through `sql` (a connection of its own) whenever `write_epoch` has moved.
  WalCheckpointer(std::unique_ptr<soci::session> sql, const std::atomic<std::uint64_t>& write_epoch,
                  std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  // Stops the thread; closing the last connection checkpoints whatever is left.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void run();

  std::unique_ptr<soci::session> sql_;
  const std::atomic<std::uint64_t>& write_epoch_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace lt::store
