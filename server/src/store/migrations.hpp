// Versioned schema migrations, one list per dialect, compiled into the binary from
// server/migrations/{sqlite,postgres}/NNNN_name.sql. Applied in order, each in its own transaction,
// and recorded in schema_migrations; applying twice is a no-op.
#pragma once

#include <string>
#include <vector>

namespace lt::store {

class Database;

struct Migration {
  std::string name;  // "0001_foundation"
  std::string sql;   // statements separated by lines ending in ';'
};

const std::vector<Migration>& embedded_sqlite_migrations();
const std::vector<Migration>& embedded_postgres_migrations();

struct MigrationStatus {
  std::vector<std::string> applied;
  std::vector<std::string> pending;
};

// Applies every pending migration; returns the names applied now. Throws on a failing statement
// (that migration is rolled back).
std::vector<std::string> migrate(Database& db);
MigrationStatus migration_status(Database& db);

// Splits a migration into statements at semicolons that end a line, outside quotes.
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace lt::store
