// Applying and inspecting schema migrations.
#include "store/migrations.hpp"

#include <algorithm>
#include <set>

#include "domain/clock.hpp"
#include "store/database.hpp"

namespace lt::store {

namespace {

const std::vector<Migration>& migrations_for(const Database& db) {
  return db.is_postgres() ? embedded_postgres_migrations() : embedded_sqlite_migrations();
}

void ensure_table(Database& db) {
  db.write([](soci::session& sql) {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
           "applied_at TEXT NOT NULL)";
  });
}

std::set<std::string> applied_names(Database& db) {
  return db.read([](soci::session& sql) {
    std::set<std::string> names;
    soci::rowset<std::string> rows = (sql.prepare << "SELECT name FROM schema_migrations");
    for (const auto& name : rows) names.insert(name);
    return names;
  });
}

bool is_blank_or_comment(const std::string& statement) {
  std::size_t i = 0;
  while (i < statement.size()) {
    const char c = statement[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else if (statement.compare(i, 2, "--") == 0) {
      i = statement.find('\n', i);
      if (i == std::string::npos) return true;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> split_statements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  bool in_quote = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    current += c;
    if (c == '\'') in_quote = !in_quote;
    const bool line_end = i + 1 == sql.size() || sql[i + 1] == '\n' || sql[i + 1] == '\r';
    if (c == ';' && !in_quote && line_end) {
      current.pop_back();
      if (!is_blank_or_comment(current)) out.push_back(current);
      current.clear();
    }
  }
  if (!is_blank_or_comment(current)) out.push_back(current);
  return out;
}

std::vector<std::string> migrate(Database& db) {
  ensure_table(db);
  const auto done = applied_names(db);
  std::vector<std::string> applied_now;
  for (const auto& migration : migrations_for(db)) {
    if (done.contains(migration.name)) continue;
    db.write([&](soci::session& sql) {
      for (const auto& statement : split_statements(migration.sql)) sql << statement;
      const std::string now = domain::format_timestamp(domain::SystemClock().now());
      sql << "INSERT INTO schema_migrations (name, applied_at) VALUES (:n, :t)",
          soci::use(migration.name), soci::use(now);
    });
    applied_now.push_back(migration.name);
  }
  return applied_now;
}

MigrationStatus migration_status(Database& db) {
  std::set<std::string> done;
  try {
    done = applied_names(db);
  } catch (const soci::soci_error&) {
    // No schema_migrations table yet: everything is pending.
  }
  MigrationStatus status;
  for (const auto& migration : migrations_for(db)) {
    (done.contains(migration.name) ? status.applied : status.pending).push_back(migration.name);
  }
  return status;
}

}  // namespace lt::store
