// Online backup of SQLite and PostgreSQL databases.
#include "app/backup.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "store/database.hpp"

namespace lt::app {

namespace {

void backup_sqlite(const std::string& source, const std::string& destination) {
  sqlite3* from = nullptr;
  sqlite3* to = nullptr;
  auto close = [&] {
    if (from) sqlite3_close(from);
    if (to) sqlite3_close(to);
  };
  if (sqlite3_open_v2(source.c_str(), &from, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    close();
    throw std::runtime_error("cannot open " + source);
  }
  const std::string partial = destination + ".partial";
  std::filesystem::remove(partial);
  if (sqlite3_open(partial.c_str(), &to) != SQLITE_OK) {
    close();
    throw std::runtime_error("cannot create " + partial);
  }
  sqlite3_busy_timeout(from, 10000);
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup) {
    const std::string message = sqlite3_errmsg(to);
    close();
    throw std::runtime_error("backup failed: " + message);
  }
  int rc;
  // Copy in steps so writers are not blocked for the whole copy; restart if a writer changes pages.
  do {
    rc = sqlite3_backup_step(backup, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  close();
  if (rc != SQLITE_DONE)
    throw std::runtime_error("backup failed with SQLite code " + std::to_string(rc));
  std::filesystem::rename(partial, destination);
}

void backup_postgres(const std::string& url, const std::string& destination) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("cannot start pg_dump");
  if (pid == 0) {
    execlp("pg_dump", "pg_dump", "--format=custom", "--file", destination.c_str(), "--dbname",
           url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("pg_dump failed (exit " +
                             std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
}

}  // namespace

void backup_database(store::Database& db, const std::string& database_url,
                     const std::string& destination) {
  if (db.is_postgres())
    backup_postgres(database_url, destination);
  else
    backup_sqlite(db.sqlite_path(), destination);
}

}  // namespace lt::app
