// A short-lived memory of recently checked sessions, so that a busy client's requests do not each
// read its session and user from the database (two queries and most of a small request's cost).
// An entry is used only while no write transaction has ended in this process since it was read
// (Database::write_epoch), so sign-out, password changes, locks and role changes made here take
// effect on the next request; changes made by another process are seen within `ttl`.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/records.hpp"

namespace lt::services {

class SessionCache {
 public:
  struct Entry {
    store::SessionRow session;
    store::UserRow user;
  };
  using Clock = std::chrono::steady_clock;

  explicit SessionCache(std::chrono::milliseconds ttl = std::chrono::seconds(2),
                        std::size_t capacity = 10000)
      : ttl_(ttl), capacity_(capacity) {}

  // The entry for this token hash if it was stored at `epoch` less than ttl ago.
  std::optional<Entry> find(const std::string& token_hash, std::uint64_t epoch) const;
  // Remembers what was read at `epoch` (the epoch read *before* the database was).
  void store(const std::string& token_hash, Entry entry, std::uint64_t epoch);

 private:
  struct Slot {
    Entry entry;
    std::uint64_t epoch;
    Clock::time_point stored_at;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
};

}  // namespace lt::services
