// The SQLite and libpq handles under a SOCI session, for the few places SOCI 4.0.3 cannot serve
// or serves too slowly: bulk inserts (store/bulk_insert), raw bytes (store/blobs_repo) and the
// learner list's rows (store/raw_select). Statements made here run in the session's current
// transaction.
#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace lt::store {

inline PGconn* pg_connection(soci::session& sql) {
  return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

// sqlite3.h's SQLITE_STATIC, which names its type unqualified (SOCI wraps sqlite3.h in a
// namespace): bound text or bytes are not copied and must stay put until the statement is stepped.
inline const auto kSqliteStatic = reinterpret_cast<sqlite_api::sqlite3_destructor_type>(0);

// A prepared SQLite statement on the session's connection, finalised when it goes. Failures throw
// std::runtime_error naming `what` and SQLite's message.
class SqliteStatement {
 public:
  SqliteStatement(soci::session& sql, const std::string& text, std::string what)
      : db_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_),
        what_(std::move(what)) {
    if (sqlite_api::sqlite3_prepare_v2(db_, text.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~SqliteStatement() { sqlite_api::sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  sqlite_api::sqlite3_stmt* get() const { return stmt_; }
  // Binds text at `at` (1-based) without copying it.
  void text(int at, std::string_view value) {
    sqlite_api::sqlite3_bind_text(stmt_, at, value.data(), static_cast<int>(value.size()),
                                  kSqliteStatic);
  }
  // Steps once; true with a row, false when done.
  bool step() {
    const int rc = sqlite_api::sqlite3_step(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail();
    return rc == SQLITE_ROW;
  }
  [[noreturn]] void fail() const {
    throw std::runtime_error(what_ + ": " + sqlite_api::sqlite3_errmsg(db_));
  }

 private:
  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* stmt_ = nullptr;
  std::string what_;
};

}  // namespace lt::store
