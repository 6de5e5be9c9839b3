// A real Learnertrack server for API tests: a fresh database per test (an SQLite file by default;
// a new PostgreSQL database cloned from a migrated template when LT_TEST_DATABASE_URL is set, as
// `scripts/with-postgres` does), migrated, serving on a free loopback port in a background thread.
// Helpers create users with known passwords and sign in clients that send our Origin.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/application.hpp"
#include "domain/clock.hpp"
#include "support/http_client.hpp"

namespace lt::test {

// "sqlite" or "postgres": which database this test process runs against.
std::string database_kind();

// A fresh database URL for one test, and its disposal. Empty by default; `migrated` asks for every
// migration applied already, which on PostgreSQL clones a template database migrated once for all
// test processes (SQLite files are quick to migrate and stay empty).
class TestDatabase {
 public:
  explicit TestDatabase(bool migrated = false);
  ~TestDatabase();
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::filesystem::path dir_;
  std::string pg_name_;
};

struct TestAppOptions {
  std::string smtp_url;  // empty: mail stays in the outbox
  const domain::Clock* clock = nullptr;
  std::size_t login_attempts_per_ip = 10000;
  // Runs after migration and before listen(): register job kinds, tune the job runner or the
  // event streams.
  std::function<void(app::Application&)> before_listen;
};

class TestApp {
 public:
  explicit TestApp(TestAppOptions options = {});
  ~TestApp();

  app::Application& app() { return *app_; }
  unsigned short port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  long long tenant_id() const { return tenant_id_; }
  const std::string& database_url() const { return db_.url(); }

  // A client for this server that sends our Origin (as a browser would).
  std::unique_ptr<HttpClient> client();

  // Creates a user in `tenant` (default: the default tenant) holding `roles`, with `password`
  // already chosen by the user (no forced change). Returns the user's id.
  long long create_user(const std::string& username, const std::string& password,
                        const std::vector<nlohmann::json>& roles,
                        const std::optional<std::string>& email = std::nullopt,
                        long long tenant = 0);
  // A signed-in client for that user.
  std::unique_ptr<HttpClient> sign_in(const std::string& username, const std::string& password,
                                      const std::string& tenant = "default");
  // Shortcut: an administrator of the default tenant, signed in.
  std::unique_ptr<HttpClient> admin();

  long long create_tenant(const std::string& name);
  long long create_provider(const std::string& name, const std::string& ukprn,
                            long long tenant = 0);
  // Every outbox message of the tenant, newest first, straight from the database.
  std::vector<nlohmann::json> outbox(long long tenant = 0);

 private:
  TestDatabase db_{true};
  std::filesystem::path data_dir_;
  std::unique_ptr<app::Application> app_;
  std::thread thread_;
  unsigned short port_ = 0;
  long long tenant_id_ = 0;
};

// The token at the end of the first link in a mail body that contains `path` ("/reset-password/").
std::string token_from(const std::string& body, const std::string& path);

}  // namespace lt::test
