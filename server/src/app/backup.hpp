// `learnertrack backup`: a consistent copy of the database while the server keeps serving. SQLite
// uses its online backup API; PostgreSQL runs pg_dump (custom format).
#pragma once

#include <string>

namespace lt::store {
class Database;
}

namespace lt::app {
// Throws std::runtime_error saying what went wrong.
void backup_database(store::Database& db, const std::string& database_url,
                     const std::string& destination);
}  // namespace lt::app
