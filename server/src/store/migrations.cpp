// Applying and inspecting schema migrations.
#include "store/migrations.hpp"

#include <algorithm>
#include <cctype>
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

// Whether `statement` (so far) is a SQLite CREATE TRIGGER whose BEGIN … END body is still open:
// its inner statements end in semicolons too, and only "END;" closes it. (SOCI's SQLite backend
// runs only the first statement of a string, so a wrong split would drop statements silently.)
bool inside_trigger_body(const std::string& statement) {
  std::string upper;
  for (char c : statement) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::size_t start = 0;
  while (start < upper.size()) {
    if (std::isspace(static_cast<unsigned char>(upper[start]))) {
      ++start;
    } else if (upper.compare(start, 2, "--") == 0) {
      start = upper.find('\n', start);
      if (start == std::string::npos) return false;
    } else {
      break;
    }
  }
  if (upper.compare(start, 14, "CREATE TRIGGER") != 0) return false;
  // PostgreSQL triggers name a function and have no body.
  bool has_body = false;
  for (auto at = upper.find("BEGIN", start); at != std::string::npos && !has_body;
       at = upper.find("BEGIN", at + 1))
    has_body = std::isspace(static_cast<unsigned char>(upper[at - 1])) &&
               (at + 5 == upper.size() || std::isspace(static_cast<unsigned char>(upper[at + 5])));
  if (!has_body) return false;
  auto end = upper.find_last_not_of(" \t\r\n;");
  return end == std::string::npos || end < 2 || upper.compare(end - 2, 3, "END") != 0;
}

}  // namespace

std::vector<std::string> split_statements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  bool in_quote = false, in_dollar = false;  // '…' strings; PostgreSQL $$ … $$ function bodies
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '-' && !in_quote && !in_dollar && sql.compare(i, 2, "--") == 0) {
      // A comment runs to the end of its line; its apostrophes and semicolons mean nothing.
      const auto eol = std::min(sql.find('\n', i), sql.size());
      current.append(sql, i, eol - i);
      i = eol - 1;
      continue;
    }
    current += c;
    if (c == '\'' && !in_dollar) in_quote = !in_quote;
    if (c == '$' && !in_quote && i + 1 < sql.size() && sql[i + 1] == '$') {
      in_dollar = !in_dollar;
      current += sql[++i];
      continue;
    }
    const bool line_end = i + 1 == sql.size() || sql[i + 1] == '\n' || sql[i + 1] == '\r';
    if (c == ';' && !in_quote && !in_dollar && line_end && !inside_trigger_body(current)) {
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
