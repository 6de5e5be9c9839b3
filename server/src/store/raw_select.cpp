// raw_select: the SQLite and the PostgreSQL reader (see raw_select.hpp).
#include "store/raw_select.hpp"

#include <charconv>
#include <memory>
#include <stdexcept>
#include <vector>

#include "store/dialect.hpp"
#include "store/raw_handles.hpp"

namespace lt::store {

namespace {

class SqliteRow final : public RawRow {
 public:
  explicit SqliteRow(sqlite_api::sqlite3_stmt* st) : st_(st) {}
  bool is_null(int column) const override {
    return sqlite_api::sqlite3_column_type(st_, column) == SQLITE_NULL;
  }
  std::string_view text(int column) const override {
    const auto* data = sqlite_api::sqlite3_column_text(st_, column);
    if (!data) return {};
    return {reinterpret_cast<const char*>(data),
            static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(st_, column))};
  }
  long long integer(int column) const override {
    return sqlite_api::sqlite3_column_int64(st_, column);
  }

 private:
  sqlite_api::sqlite3_stmt* st_;
};

class PgRow final : public RawRow {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}
  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::string_view text(int column) const override {
    return {PQgetvalue(result_, row_, column),
            static_cast<std::size_t>(PQgetlength(result_, row_, column))};
  }
  long long integer(int column) const override {
    const std::string_view digits = text(column);
    long long value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
  }

 private:
  const PGresult* result_;
  int row_;
};

// A prepared statement kept in the connection's StatementCache.
struct CachedSqlite : StatementCache::Entry {
  SqliteStatement st;
  CachedSqlite(soci::session& sql, const std::string& text) : st(sql, text, "raw select") {}
};

void sqlite_select(soci::session& sql, const std::string& query, const Binds& binds,
                   const std::function<void(const RawRow&)>& on_row) {
  with_cached<CachedSqlite>(sql, query, [&](CachedSqlite& entry) {
    SqliteStatement& st = entry.st;
    // Reset however this ends: a statement left on a row would keep its read transaction open.
    struct Reset {
      sqlite_api::sqlite3_stmt* st;
      ~Reset() { sqlite_api::sqlite3_reset(st); }
    } reset{st.get()};
    if (sqlite_api::sqlite3_bind_parameter_count(st.get()) != static_cast<int>(binds.size()))
      throw std::logic_error("raw select: placeholders and values differ in number");
    for (std::size_t i = 0; i < binds.size(); ++i) st.text(static_cast<int>(i) + 1, binds[i]);
    const SqliteRow row(st.get());
    while (st.step()) on_row(row);
  });
}

// ":b0" → "$1": PostgreSQL numbers its parameters from 1.
std::string pg_placeholders(const std::string& query) {
  std::string out;
  out.reserve(query.size());
  for (std::size_t i = 0; i < query.size(); ++i) {
    if (query[i] == ':' && i + 2 < query.size() && query[i + 1] == 'b' && query[i + 2] >= '0' &&
        query[i + 2] <= '9') {
      std::size_t end = i + 2;
      long n = 0;
      for (; end < query.size() && query[end] >= '0' && query[end] <= '9'; ++end)
        n = n * 10 + (query[end] - '0');
      out += '$' + std::to_string(n + 1);
      i = end - 1;
    } else {
      out += query[i];
    }
  }
  return out;
}

void pg_select(soci::session& sql, const std::string& query, const Binds& binds,
               const std::function<void(const RawRow&)>& on_row) {
  PGconn* conn = pg_connection(sql);
  std::vector<const char*> values;
  values.reserve(binds.size());
  for (const auto& value : binds) values.push_back(value.c_str());
  const std::unique_ptr<PGresult, void (*)(PGresult*)> result(
      PQexecParams(conn, pg_placeholders(query).c_str(), static_cast<int>(values.size()), nullptr,
                   values.data(), nullptr, nullptr, 0),
      &PQclear);
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
    throw std::runtime_error(std::string("raw select: ") + PQerrorMessage(conn));
  const int rows = PQntuples(result.get());
  for (int r = 0; r < rows; ++r) on_row(PgRow(result.get(), r));
}

}  // namespace

void raw_select(soci::session& sql, const std::string& query, const Binds& binds,
                const std::function<void(const RawRow&)>& on_row) {
  if (is_postgres(sql))
    pg_select(sql, query, binds, on_row);
  else
    sqlite_select(sql, query, binds, on_row);
}

}  // namespace lt::store
