// Loading configuration from TOML and the environment.
#include "app/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include <toml++/toml.h>

#include "store/database.hpp"

namespace lt::app {

namespace {

void from_env(const char* name, std::string& target) {
  if (const char* value = std::getenv(name); value && *value) target = value;
}

void from_env(const char* name, std::size_t& target) {
  const char* value = std::getenv(name);
  if (!value || !*value) return;
  try {
    const long parsed = std::stol(value);
    if (parsed <= 0) throw std::invalid_argument("not positive");
    target = static_cast<std::size_t>(parsed);
  } catch (const std::exception&) {
    throw std::runtime_error(std::string(name) + " must be a positive whole number, not '" + value +
                             "'");
  }
}

}  // namespace

std::string Config::effective_database_url() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + data_dir + "/learnertrack.db";
}

std::size_t Config::effective_worker_threads() const {
  if (worker_threads > 0) return worker_threads;
  if (store::is_postgres_url(effective_database_url())) return 8;
  return std::max(2u, std::thread::hardware_concurrency()) + 1;
}

std::string Config::effective_public_url() const {
  if (!public_url.empty()) {
    std::string url = public_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
  }
  return "http://" + listen;
}

std::string Config::host() const {
  const auto colon = listen.rfind(':');
  return colon == std::string::npos ? listen : listen.substr(0, colon);
}

unsigned short Config::port() const {
  const auto colon = listen.rfind(':');
  const std::string text = colon == std::string::npos ? "" : listen.substr(colon + 1);
  try {
    const int port = std::stoi(text);
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    return static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    throw std::runtime_error("LT_LISTEN must be HOST:PORT, like 127.0.0.1:8080, not '" + listen +
                             "'");
  }
}

Config load_config(const std::optional<std::string>& file) {
  Config c;
  if (file) {
    toml::table table;
    try {
      table = toml::parse_file(*file);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error("cannot read configuration " + *file + ": " +
                               std::string(e.description()));
    }
    auto text = [&](const char* key, std::string& target) {
      if (auto v = table[key].value<std::string>()) target = *v;
    };
    auto number = [&](const char* key, std::size_t& target) {
      if (auto v = table[key].value<int64_t>()) {
        if (*v <= 0) throw std::runtime_error(std::string(key) + " must be positive");
        target = static_cast<std::size_t>(*v);
      }
    };
    text("database_url", c.database_url);
    text("data_dir", c.data_dir);
    text("listen", c.listen);
    text("public_url", c.public_url);
    text("smtp_url", c.smtp_url);
    text("mail_from", c.mail_from);
    text("web_dir", c.web_dir);
    text("secret_key_file", c.secret_key_file);
    text("tenant", c.tenant);
    number("workers", c.worker_threads);
    number("db_connections", c.db_connections);
    number("job_workers", c.job_workers);
    number("login_attempts_per_ip", c.login_attempts_per_ip);
    number("import_max_rows", c.import_max_rows);
  }
  from_env("LT_DATABASE_URL", c.database_url);
  from_env("LT_DATA_DIR", c.data_dir);
  from_env("LT_LISTEN", c.listen);
  from_env("LT_PUBLIC_URL", c.public_url);
  from_env("LT_SMTP_URL", c.smtp_url);
  from_env("LT_MAIL_FROM", c.mail_from);
  from_env("LT_WEB_DIR", c.web_dir);
  from_env("LT_SECRET_KEY_FILE", c.secret_key_file);
  from_env("LT_WORKERS", c.worker_threads);
  from_env("LT_DB_CONNECTIONS", c.db_connections);
  from_env("LT_JOB_WORKERS", c.job_workers);
  from_env("LT_LOGIN_ATTEMPTS_PER_IP", c.login_attempts_per_ip);
  from_env("LT_IMPORT_MAX_ROWS", c.import_max_rows);
  if (const char* log = std::getenv("LT_ACCESS_LOG"); log && std::string(log) == "0")
    c.access_log = false;
  from_env("LT_PASSWORD_HASH_COST", c.password_hash_cost);
  if (c.password_hash_cost != "standard" && c.password_hash_cost != "minimum")
    throw std::runtime_error("LT_PASSWORD_HASH_COST must be standard or minimum, not '" +
                             c.password_hash_cost + "'");
  c.port();  // validate early
  return c;
}

}  // namespace lt::app
