// Reads the rows of a hot SELECT straight from the driver (sqlite3 or libpq) rather than through
// SOCI, whose per-column conversion into bound variables was a fifth of the learner list's CPU.
// On SQLite the statement stays prepared per connection (store/statement_cache); on PostgreSQL
// it is sent with its parameters in one round trip. Rows are read as text or integers by column
// number, so one mapping serves both databases (our columns are TEXT and INTEGER on both).
//
// Placeholders are :b0, :b1, … in the order of `binds`, each used once, as store::Binds numbers
// them. Runs in the session's current transaction. Not thread-safe: one session, one thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <soci/soci.h>

#include "store/statement_cache.hpp"

namespace lt::store {

// One row of a raw_select(), valid only during the callback.
class RawRow {
 public:
  virtual ~RawRow() = default;
  virtual bool is_null(int column) const = 0;
  // The column's text ("" for NULL); a view into the driver's buffer.
  virtual std::string_view text(int column) const = 0;
  virtual long long integer(int column) const = 0;

  std::string string(int column) const { return std::string(text(column)); }
  std::optional<std::string> optional(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(string(column));
  }
};

// Runs `query` with `binds` and calls `on_row` for each row, in order.
void raw_select(soci::session& sql, const std::string& query, const Binds& binds,
                const std::function<void(const RawRow&)>& on_row);

}  // namespace lt::store
