// Test server and per-test databases.
#include "support/app/test_app.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <stdexcept>

#include <fmt/format.h>

#include "api/render.hpp"
#include "services/providers.hpp"
#include "services/users.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/outbox_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::test {

namespace {

std::string pg_base_url() {
  const char* url = std::getenv("LT_TEST_DATABASE_URL");
  return url && *url ? url : "";
}

// postgresql://user@host:port/db → the same URL naming another database.
std::string with_database(const std::string& url, const std::string& name) {
  const auto slash = url.find('/', url.find("://") + 3);
  const auto query = url.find('?');
  return url.substr(0, slash) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

// CREATE/DROP DATABASE cannot run in a transaction: use a plain (read) connection.
void run_admin(const std::string& statement) {
  auto admin = store::Database::open({pg_base_url(), 1});
  admin->read([&](soci::session& sql) { sql << statement; });
}

std::atomic<int> counter{0};

// The name of a PostgreSQL database with every embedded migration applied, created at most once
// per cluster: named after the migrations' content, built under an advisory lock by the first test
// process that needs it and published by a rename, so parallel test processes share it. Nobody
// connects to it afterwards, so CREATE DATABASE ... TEMPLATE may copy it at any time.
std::string migrated_template() {
  static std::once_flag once;
  static std::string name;
  std::call_once(once, [] {
    std::string all;
    for (const auto& m : store::embedded_postgres_migrations()) all += m.name + "\n" + m.sql;
    name = fmt::format("lt_template_{:016x}", std::hash<std::string>{}(all));
    auto admin = store::Database::open({pg_base_url(), 1});
    admin->read([&](soci::session& sql) {
      sql << "SELECT pg_advisory_lock(7261500)";
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM pg_database WHERE datname = :name", soci::use(name),
          soci::into(exists);
      if (exists == 0) {
        const std::string building = name + "_" + std::to_string(getpid());
        sql << "DROP DATABASE IF EXISTS " + building;
        sql << "CREATE DATABASE " + building;
        {
          auto db = store::Database::open({with_database(pg_base_url(), building), 1});
          store::migrate(*db);
        }  // closed: a database being renamed or copied must have no connections
        sql << "ALTER DATABASE " + building + " RENAME TO " + name;
      }
      sql << "SELECT pg_advisory_unlock(7261500)";
    });
  });
  return name;
}

}  // namespace

std::string database_kind() {
  return pg_base_url().empty() ? "sqlite" : "postgres";
}

TestDatabase::TestDatabase(bool migrated) {
  const std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (pg_base_url().empty()) {
    dir_ = std::filesystem::temp_directory_path() / ("lt-test-" + unique);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "test.db").string();
  } else {
    pg_name_ = "lt_test_" + unique;
    run_admin("DROP DATABASE IF EXISTS " + pg_name_);
    run_admin("CREATE DATABASE " + pg_name_ +
              (migrated ? " TEMPLATE " + migrated_template() : std::string()));
    url_ = with_database(pg_base_url(), pg_name_);
  }
}

TestDatabase::~TestDatabase() {
  try {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!pg_name_.empty()) run_admin("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is thrown away after the run anyway.
  }
}

TestApp::TestApp(TestAppOptions options) {
  data_dir_ = std::filesystem::temp_directory_path() /
              ("lt-app-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(data_dir_);
  app::Config config;
  config.database_url = db_.url();
  config.data_dir = data_dir_.string();
  config.listen = "127.0.0.1:0";
  config.web_dir = "";
  config.smtp_url = options.smtp_url;
  config.access_log = false;
  config.worker_threads = 4;
  config.db_connections = 4;
  config.login_attempts_per_ip = options.login_attempts_per_ip;
  config.password_hash_cost = "minimum";  // thousands of hashes per run (auth/secrets.hpp)
  app_ = std::make_unique<app::Application>(config, options.clock);
  app_->migrate();
  tenant_id_ = app_->tenants().ensure("default").id;
  if (options.before_listen) options.before_listen(*app_);
  port_ = app_->listen();
  // Emails must link to the port we actually got.
  app_->deps().settings.public_url = origin();
  thread_ = std::thread([this] { app_->run(); });
}

TestApp::~TestApp() {
  app_->stop();
  if (thread_.joinable()) thread_.join();
  app_.reset();
  std::filesystem::remove_all(data_dir_);
}

std::unique_ptr<HttpClient> TestApp::client() {
  auto c = std::make_unique<HttpClient>(port_);
  c->set_default_header("Origin", origin());
  return c;
}

long long TestApp::create_user(const std::string& username, const std::string& password,
                               const std::vector<nlohmann::json>& roles,
                               const std::optional<std::string>& email, long long tenant) {
  services::Context ctx;
  ctx.tenant_id = tenant ? tenant : tenant_id_;
  ctx.request_id = "test-setup";
  services::NewUser input;
  input.username = username;
  input.password = password;
  input.email = email;
  input.first_name = "Test";
  input.last_name = username;
  for (const auto& r : roles) {
    store::RoleAssignmentRow row;
    row.role = r.at("role").get<std::string>();
    row.scope_type = r.value("scope_type", std::string("tenant"));
    if (r.contains("scope_id") && !r["scope_id"].is_null())
      row.scope_id = r["scope_id"].get<long long>();
    input.roles.push_back(row);
  }
  auto created = app_->users().create_as_operator(ctx, input);
  if (!created) throw std::runtime_error("create_user failed: " + created.error().message);
  // The user has chosen this password: clear the forced change an operator-set one carries.
  app_->db().write([&](soci::session& sql) {
    auto user = store::users::find(sql, ctx.tenant_id, created->id);
    user->must_change_password = false;
    store::users::update(sql, *user, "2026-01-01T00:00:00.000Z");
  });
  return created->id;
}

std::unique_ptr<HttpClient> TestApp::sign_in(const std::string& username,
                                             const std::string& password,
                                             const std::string& tenant) {
  auto c = client();
  nlohmann::json body = {{"username", username}, {"password", password}, {"tenant", tenant}};
  auto response = c->post("/api/v1/session", body.dump());
  if (response.status != 200)
    throw std::runtime_error("sign in as " + username +
                             " failed: " + std::to_string(response.status) + " " + response.body);
  return c;
}

std::unique_ptr<HttpClient> TestApp::admin() {
  static const std::string password = "Admin123!";
  if (!app_->db().read([&](soci::session& sql) {
        return store::users::find_by_username(sql, tenant_id_, "test.admin").has_value();
      }))
    create_user("test.admin", password, {{{"role", "administrator"}}});
  return sign_in("test.admin", password);
}

long long TestApp::create_tenant(const std::string& name) {
  auto created = app_->tenants().create(name);
  if (!created) throw std::runtime_error("create_tenant failed: " + created.error().message);
  return created->id;
}

long long TestApp::create_provider(const std::string& name, const std::string& ukprn,
                                   long long tenant) {
  services::Context ctx;
  ctx.tenant_id = tenant ? tenant : tenant_id_;
  auth::Principal operator_principal;
  operator_principal.tenant_id = ctx.tenant_id;
  operator_principal.user_id = -1;
  operator_principal.username = "test-setup";
  operator_principal.assignments = {{"administrator", auth::ScopeType::tenant, std::nullopt}};
  ctx.principal = operator_principal;
  services::Providers providers(app_->deps(), app_->audit());
  auto created = providers.create(ctx, {name, ukprn, std::nullopt});
  if (!created) throw std::runtime_error("create_provider failed: " + created.error().message);
  return created->id;
}

std::vector<nlohmann::json> TestApp::outbox(long long tenant) {
  auto page = app_->db().read([&](soci::session& sql) {
    return store::outbox::list(sql, tenant ? tenant : tenant_id_, std::nullopt, 500, 0);
  });
  std::vector<nlohmann::json> out;
  for (const auto& m : page.items) out.push_back(api::outbox_json(m));
  return out;
}

std::string token_from(const std::string& body, const std::string& path) {
  const auto at = body.find(path);
  if (at == std::string::npos) return {};
  const auto start = at + path.size();
  auto end = body.find_first_of(" \r\n\t", start);
  return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace lt::test
