// Writes many rows into one table in the caller's transaction, as fast as each database allows:
// one prepared INSERT stepped per row on SQLite (in-process, no round trips), COPY … FROM STDIN on
// PostgreSQL (one stream instead of a round trip per row). The learner import uses it to commit
// 100,000 learners inside its budget (DESIGN section 10).
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store {

// One value of a row: NULL, a whole number, or text. Text is viewed, not copied (100,000 rows of
// some 25 values each): it must stay valid until `row` is next called.
using BulkValue = std::variant<std::monostate, long long, std::string_view>;
// One row's values, in the order of the columns given to bulk_insert.
using BulkRow = std::vector<BulkValue>;

// What bulk_insert throws on PostgreSQL when a row would repeat a unique key: `constraint` names
// the key, so a caller can tell a clash it can recover from (store/learner_import_repo).
class UniqueKeyRefused : public std::runtime_error {
 public:
  UniqueKeyRefused(const std::string& what, std::string constraint)
      : std::runtime_error(what), constraint(std::move(constraint)) {}
  std::string constraint;
};

// Inserts `count` rows produced by `row(i)` into `table` (`columns` named in order). Table and
// column names are code, never user input. Throws soci::soci_error (or std::runtime_error, or
// UniqueKeyRefused) when the database refuses a row; the caller's transaction then rolls back
// whole.
void bulk_insert(soci::session& sql, std::string_view table,
                 const std::vector<std::string>& columns, std::size_t count,
                 const std::function<void(std::size_t, BulkRow&)>& row);

// `count` new ids for `table` that no other insert will take: the next values of its identity
// sequence on PostgreSQL, MAX(id)+1… on SQLite (safe there because the caller holds the single
// writer's transaction).
std::vector<Id> reserve_ids(soci::session& sql, std::string_view table, std::size_t count);

}  // namespace lt::store
