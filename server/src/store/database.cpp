// Opening connections, the pool, and transaction start per dialect.
#include "store/database.hpp"
#include "store/statement_cache.hpp"

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

namespace lt::store {

namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::string redact(const std::string& url) {
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// SOCI 4.0.3 re-parses its connection string as key=value pairs and mangles URIs, so a
// postgresql:// URL is turned into libpq's keyword form first (libpq itself parses the URL).
std::string pg_conninfo(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "invalid connection URL";
    PQfreemem(error);
    throw std::runtime_error(message);
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

// Before the first connection opens: multi-thread mode (no mutex around every call on a
// connection; the pool already gives each connection to one thread at a time) and no global
// memory statistics (a process-wide mutex on every SQLite allocation). Together these were an
// eighth of the learner list's CPU time under load, mostly threads waiting on each other.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SOCI's header declares the SQLite API inside namespace sqlite_api.
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

std::unique_ptr<soci::session> open_sqlite(const std::string& path) {
  configure_sqlite_once();
  auto sql = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path + "\" timeout=10");
  *sql << "PRAGMA journal_mode=WAL";
  *sql << "PRAGMA foreign_keys=ON";
  *sql << "PRAGMA busy_timeout=10000";
  *sql << "PRAGMA synchronous=NORMAL";
  return sql;
}

}  // namespace

std::unique_ptr<Database> Database::open(const DatabaseSettings& settings) {
  std::unique_ptr<Database> db(new Database());
  const std::size_t readers = std::max<std::size_t>(1, settings.readers);
  try {
    if (is_postgres_url(settings.url)) {
      db->dialect_ = Dialect::postgres;
      db->description_ = redact(settings.url);
      const std::string conninfo = pg_conninfo(settings.url);
      for (std::size_t i = 0; i < readers; ++i) {
        auto sql = std::make_unique<soci::session>(soci::postgresql, conninfo);
        *sql << "SET TIME ZONE 'UTC'";
        *sql << "SET client_min_messages = warning";
        StatementCache::attach(*sql);
        db->free_.push_back(sql.get());
        db->sessions_.push_back(std::move(sql));
      }
    } else {
      std::string path = settings.url;
      if (starts_with(path, "sqlite://"))
        path = path.substr(9);
      else if (starts_with(path, "sqlite:"))
        path = path.substr(7);
      db->dialect_ = Dialect::sqlite;
      db->sqlite_path_ = path;
      db->description_ = "sqlite:" + path;
      const auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
      db->writer_ = open_sqlite(path);
      *db->writer_ << "PRAGMA wal_autocheckpoint = 0";  // the checkpointer's job instead
      StatementCache::attach(*db->writer_);
      for (std::size_t i = 0; i < readers; ++i) {
        auto sql = open_sqlite(path);
        StatementCache::attach(*sql);
        db->free_.push_back(sql.get());
        db->sessions_.push_back(std::move(sql));
      }
      db->checkpointer_ = std::make_unique<WalCheckpointer>(open_sqlite(path), db->write_epoch_);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot open the database " + redact(settings.url) + ": " + e.what());
  }
  return db;
}

Database::~Database() {
  checkpointer_.reset();  // its thread stops before the connections go
  for (auto& sql : sessions_) StatementCache::forget(*sql);
  if (writer_) StatementCache::forget(*writer_);
}

std::size_t Database::capacity() const {
  return sessions_.size() + (writer_ ? 1 : 0);
}

std::size_t Database::in_use() const {
  std::lock_guard lock(mutex_);
  return in_use_;
}

Database::Lease Database::acquire_reader() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !free_.empty(); });
  soci::session* s = free_.back();
  free_.pop_back();
  ++in_use_;
  return Lease(this, s, false);
}

Database::Lease Database::acquire_writer() {
  if (dialect_ == Dialect::postgres) return acquire_reader();
  writer_mutex_.lock();
  std::lock_guard lock(mutex_);
  ++in_use_;
  return Lease(this, writer_.get(), true);
}

void Database::release(Lease& lease) {
  if (lease.writer) {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
    }
    writer_mutex_.unlock();
  } else {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(lease.session);
      --in_use_;
    }
    available_.notify_one();
  }
  lease.owner = nullptr;
}

void Database::after_commit(std::function<void()> fn) {
  if (CommitHooks* hooks = CommitHooks::current())
    hooks->add(std::move(fn));
  else
    fn();
}

void Database::CommitHooks::run() {
  current_ = outer_;
  auto callbacks = std::move(callbacks_);
  callbacks_.clear();
  for (auto& callback : callbacks) {
    try {
      callback();
    } catch (const std::exception& e) {
      // The transaction has committed; what follows it must not turn success into failure.
      spdlog::error("after-commit callback failed: {}", e.what());
    }
  }
}

void Database::begin(soci::session& sql) {
  if (dialect_ == Dialect::sqlite)
    sql << "BEGIN IMMEDIATE";
  else
    sql << "BEGIN";
}

}  // namespace lt::store
