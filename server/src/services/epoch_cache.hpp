// A short-lived memory of database reads that many requests repeat: a signed-in client's session
// and user (two queries and most of a small request's cost) and a manager's learner counts (the
// totals on every list page and the dashboard). An entry is used only while no write transaction
// has ended in this process since it was read (Database::write_epoch), so a change made here —
// sign-out, a password change, a lock, a new learner — shows on the very next request; changes
// made by another process show within `ttl`. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace lt::services {

template <class Value>
class EpochCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit EpochCache(std::chrono::milliseconds ttl = std::chrono::seconds(2),
                      std::size_t capacity = 10000)
      : ttl_(ttl), capacity_(capacity) {}

  // The value stored for `key` at `epoch`, if stored less than ttl ago.
  std::optional<Value> find(const std::string& key, std::uint64_t epoch) const {
    std::lock_guard lock(mutex_);
    const auto found = slots_.find(key);
    if (found == slots_.end() || found->second.epoch != epoch ||
        Clock::now() - found->second.stored_at >= ttl_)
      return std::nullopt;
    return found->second.value;
  }

  // Remembers what was read at `epoch` — the epoch taken *before* the database was read, so a
  // write that ends while reading makes the entry stale at once.
  void store(const std::string& key, Value value, std::uint64_t epoch) {
    std::lock_guard lock(mutex_);
    // Bounded: when full, start again rather than track recency; entries are cheap to reload.
    if (slots_.size() >= capacity_ && !slots_.contains(key)) slots_.clear();
    slots_.insert_or_assign(key, Slot{std::move(value), epoch, Clock::now()});
  }

 private:
  struct Slot {
    Value value;
    std::uint64_t epoch;
    Clock::time_point stored_at;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
};

}  // namespace lt::services
