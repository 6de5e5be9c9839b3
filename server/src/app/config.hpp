// Configuration: defaults, then an optional TOML file (`--config FILE`), then LT_* environment
// variables, which win (DESIGN section 13).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace lt::app {

struct Config {
  std::string database_url;               // LT_DATABASE_URL; empty = SQLite file in data_dir
  std::string data_dir = "./data";        // LT_DATA_DIR
  std::string listen = "127.0.0.1:8080";  // LT_LISTEN host:port
  std::string public_url;                 // LT_PUBLIC_URL; default http://<listen>
  std::string smtp_url;                   // LT_SMTP_URL; empty = mail stays in the outbox
  std::string mail_from = "Learnertrack <no-reply@learnertrack.local>";  // LT_MAIL_FROM
  std::string web_dir = "web/dist";  // LT_WEB_DIR: the built web app
  std::string secret_key_file;  // LT_SECRET_KEY_FILE; empty = <data_dir>/secret.key, made at start
  std::string tenant = "default";          // tenant created on first run
  std::size_t worker_threads = 0;          // LT_WORKERS; 0 = effective_worker_threads()
  std::size_t db_connections = 8;          // LT_DB_CONNECTIONS
  std::size_t job_workers = 1;             // LT_JOB_WORKERS: jobs run at once by this instance
  std::size_t login_attempts_per_ip = 50;  // per 5 minutes
  std::size_t import_max_rows = 100'000;   // LT_IMPORT_MAX_ROWS: data rows one import may hold
  bool access_log = true;                  // LT_ACCESS_LOG=0 turns it off
  // LT_PASSWORD_HASH_COST: "standard", or "minimum" for test servers only (auth/secrets.hpp).
  std::string password_hash_cost = "standard";

  // The SQLite path or PostgreSQL URL actually used.
  std::string effective_database_url() const;
  std::string effective_public_url() const;
  // The request worker threads: worker_threads when set; otherwise one more than the cores on
  // SQLite, whose handlers only compute, and 8 on PostgreSQL, whose handlers wait on the network.
  std::size_t effective_worker_threads() const;
  std::string host() const;
  unsigned short port() const;
};

// Throws std::runtime_error with a clear message for an unreadable file or a bad value.
Config load_config(const std::optional<std::string>& file);

}  // namespace lt::app
