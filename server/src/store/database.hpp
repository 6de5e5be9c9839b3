// The database: a pool of SOCI sessions over SQLite or PostgreSQL and the one way to run work in a
// transaction. SQLite gets one writer connection (serialised by a mutex, transactions started with
// BEGIN IMMEDIATE) and a pool of readers (WAL lets them read while the writer writes); PostgreSQL
// gets one pool used for both. Thread-safe: any thread may call read() and write().
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "domain/error.hpp"
#include "store/wal_checkpointer.hpp"

namespace lt::store {

enum class Dialect { sqlite, postgres };

struct DatabaseSettings {
  // "postgresql://user@host:port/db" for PostgreSQL; "sqlite:/path/file.db" or a plain path for
  // SQLite.
  std::string url;
  std::size_t readers = 8;  // reader connections (SQLite) or pool size (PostgreSQL)
};

// Whether `url` names a PostgreSQL database (anything else opens as SQLite).
inline bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<domain::Result<T>> : std::true_type {};

class Database {
 public:
  // Opens and configures every connection (WAL, foreign keys, busy timeout on SQLite). Throws
  // std::runtime_error with a clear message when the database cannot be opened.
  static std::unique_ptr<Database> open(const DatabaseSettings& settings);
  ~Database();

  Dialect dialect() const { return dialect_; }
  bool is_postgres() const { return dialect_ == Dialect::postgres; }
  std::size_t capacity() const;
  std::size_t in_use() const;
  const std::string& description() const { return description_; }  // for logs, no password
  const std::string& sqlite_path() const { return sqlite_path_; }

  // Runs fn(session) on a reader connection, outside any explicit transaction.
  template <class F>
  auto read(F&& fn) {
    Lease lease = acquire_reader();
    return fn(*lease.session);
  }

  // Changes whenever a write transaction of this process ends (committed or not). A cache of
  // database reads taken at epoch e is current while write_epoch() is still e — for changes made
  // through this process; other processes' changes need the cache's own time limit.
  std::uint64_t write_epoch() const { return write_epoch_.load(std::memory_order_acquire); }

  // Runs fn(session) inside a transaction. Commits when fn returns normally — for a Result, only
  // when it holds a value — and rolls back otherwise; an exception rolls back and propagates.
  // Callbacks fn registers with after_commit run once the transaction has committed and its
  // connection is back in the pool.
  template <class F>
  auto write(F&& fn) {
    CommitHooks hooks;
    if constexpr (std::is_void_v<decltype(fn(std::declval<soci::session&>()))>) {
      in_transaction(fn);
      hooks.run();
    } else {
      auto result = in_transaction(fn);
      if constexpr (is_result<decltype(result)>::value) {
        if (result.has_value()) hooks.run();
      } else {
        hooks.run();
      }
      return result;
    }
  }

  // Inside write(): runs `fn` on this thread after the transaction commits (after any rollback,
  // never). Outside a transaction it runs at once. For what must follow a commit and never
  // precede it: waking a worker for a queued job, publishing an event.
  static void after_commit(std::function<void()> fn);

 private:
  // The callbacks of the write() running on this thread, installed for its duration.
  class CommitHooks {
   public:
    CommitHooks() : outer_(current_) { current_ = this; }
    ~CommitHooks() { current_ = outer_; }
    CommitHooks(const CommitHooks&) = delete;
    CommitHooks& operator=(const CommitHooks&) = delete;
    void add(std::function<void()> fn) { callbacks_.push_back(std::move(fn)); }
    // Restores the outer hooks first, so a callback that writes gets its own.
    void run();
    static CommitHooks* current() { return current_; }

   private:
    static inline thread_local CommitHooks* current_ = nullptr;
    CommitHooks* outer_;
    std::vector<std::function<void()>> callbacks_;
  };

  template <class F>
  auto in_transaction(F&& fn) {
    // Destroyed when the transaction has ended and its connection is back, before any
    // after_commit callback runs (so what they announce is read afresh).
    EpochBump bump{write_epoch_};
    Lease lease = acquire_writer();
    soci::session& sql = *lease.session;
    begin(sql);
    try {
      if constexpr (std::is_void_v<decltype(fn(sql))>) {
        fn(sql);
        sql << "COMMIT";
      } else {
        auto result = fn(sql);
        if constexpr (is_result<decltype(result)>::value) {
          if (result.has_value())
            sql << "COMMIT";
          else
            sql << "ROLLBACK";
        } else {
          sql << "COMMIT";
        }
        return result;
      }
    } catch (...) {
      try {
        sql << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  }

  struct EpochBump {
    std::atomic<std::uint64_t>& epoch;
    ~EpochBump() { epoch.fetch_add(1, std::memory_order_acq_rel); }
  };
  struct Lease {
    Database* owner = nullptr;
    soci::session* session = nullptr;
    bool writer = false;
    Lease() = default;
    Lease(Database* o, soci::session* s, bool w) : owner(o), session(s), writer(w) {}
    Lease(Lease&& other) noexcept { *this = std::move(other); }
    Lease& operator=(Lease&& other) noexcept {
      std::swap(owner, other.owner);
      std::swap(session, other.session);
      std::swap(writer, other.writer);
      return *this;
    }
    ~Lease() {
      if (owner) owner->release(*this);
    }
  };

  Database() = default;
  Lease acquire_reader();
  Lease acquire_writer();
  void release(Lease& lease);
  void begin(soci::session& sql);

  Dialect dialect_ = Dialect::sqlite;
  std::string description_;
  std::string sqlite_path_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<soci::session>> sessions_;  // every connection we own
  std::vector<soci::session*> free_;                      // idle readers (or pool, PostgreSQL)
  std::unique_ptr<soci::session> writer_;                 // SQLite only
  std::mutex writer_mutex_;                               // SQLite only
  std::size_t in_use_ = 0;
  std::atomic<std::uint64_t> write_epoch_{0};
  std::unique_ptr<WalCheckpointer> checkpointer_;  // SQLite only
};

}  // namespace lt::store
