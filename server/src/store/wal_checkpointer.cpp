// The WAL checkpoint thread (see wal_checkpointer.hpp).
#include "store/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace lt::store {

WalCheckpointer::WalCheckpointer(std::unique_ptr<soci::session> sql,
                                 const std::atomic<std::uint64_t>& write_epoch,
                                 std::chrono::milliseconds interval)
    : sql_(std::move(sql)),
      write_epoch_(write_epoch),
      interval_(interval),
      thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void WalCheckpointer::run() {
  std::uint64_t done = write_epoch_.load(std::memory_order_acquire);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [&] { return stopping_; })) {
    const std::uint64_t now = write_epoch_.load(std::memory_order_acquire);
    if (now == done) continue;
    lock.unlock();
    try {
      int busy = 0, frames = 0, copied = 0;
      *sql_ << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(frames),
          soci::into(copied);
      // Frames a reader still needs stay for the next round: count this epoch done only when
      // every frame went over.
      if (copied == frames) done = now;
    } catch (const std::exception& e) {
      spdlog::warn("WAL checkpoint failed (the next round tries again): {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace lt::store
