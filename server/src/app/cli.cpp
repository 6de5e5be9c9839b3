// Command definitions and dispatch.
#include "app/cli.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "app/backup.hpp"
#include "app/demo_import_file.hpp"
#include "app/demo_seed.hpp"
#include "app/server_log.hpp"
#include "services/audit.hpp"
#include "services/users.hpp"
#include "store/database.hpp"

namespace lt::app {

namespace {

struct UserOptions {
  std::string username, password, role, email, first_name, last_name, tenant = "default";
  long long provider = 0;
};

int fail_with(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  return 1;
}

std::string describe(const domain::Error& error) {
  std::string text = error.message;
  for (const auto& f : error.fields) text += "\n  " + f.field + ": " + f.message;
  return text;
}

int serve(const std::optional<std::string>& config_file) {
  buffer_server_log_unless_terminal();
  Application app(load_config(config_file));
  app.migrate();
  const auto boot = app.tenants().bootstrap(app.config().tenant);
  if (boot.created_admin) {
    std::cout << "\n  First run: created the administrator of tenant '" << app.config().tenant
              << "'.\n    username: " << boot.username
              << "\n    one-time password: " << boot.password
              << "\n  You will be asked to choose a new password at first "
              << "sign-in.\n\n";
  }
  app.listen();
  std::cout << "Learnertrack serving on " << app.config().effective_public_url() << " (database "
            << app.db().description() << ")" << std::endl;
  app.run();
  std::cout << "Learnertrack stopped." << std::endl;
  return 0;
}

int create_user(const std::optional<std::string>& config_file, const UserOptions& o) {
  Application app(load_config(config_file));
  app.migrate();
  if (o.tenant == app.config().tenant) app.tenants().ensure(o.tenant);
  auto tenant = app.tenants().find_by_name(o.tenant);
  if (!tenant) return fail_with("there is no tenant called '" + o.tenant + "'");
  services::Context ctx;
  ctx.tenant_id = tenant->id;
  ctx.request_id = "cli";
  services::NewUser input;
  input.username = o.username;
  input.password = o.password;
  if (!o.email.empty()) input.email = o.email;
  input.first_name = o.first_name.empty() ? o.username : o.first_name;
  input.last_name = o.last_name.empty() ? "-" : o.last_name;
  input.roles = {{o.role, o.provider ? "provider" : "tenant",
                  o.provider ? std::optional<long long>(o.provider) : std::nullopt}};
  auto created = app.users().create_as_operator(ctx, input);
  if (!created) return fail_with(describe(created.error()));
  std::cout << "Created user " << created->username << " (id " << created->id << ") with role "
            << o.role << ". The password must be changed at first sign-in."
            << (created->email ? " A verification email is in the outbox." : "") << "\n";
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"Learnertrack: learner management and tracking platform"};
  cli.require_subcommand(1);
  cli.fallthrough();  // `learnertrack serve --config FILE` as well as `learnertrack --config FILE
                      // serve`
  std::optional<std::string> config_file;
  cli.add_option("--config", config_file, "TOML configuration file (LT_* variables override it)");

  auto* serve_cmd = cli.add_subcommand("serve", "Apply migrations and serve the web app and API");
  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply pending database migrations");

  auto* tenant_cmd = cli.add_subcommand("tenant", "Manage tenants");
  tenant_cmd->require_subcommand(1);
  std::string tenant_name;
  auto* tenant_create = tenant_cmd->add_subcommand("create", "Create a tenant");
  tenant_create->add_option("NAME", tenant_name, "Tenant name (lower-case letters, digits, -)")
      ->required();

  auto* user_cmd = cli.add_subcommand("user", "Manage users");
  user_cmd->require_subcommand(1);
  UserOptions user;
  auto* user_create = user_cmd->add_subcommand("create", "Create a user");
  user_create->add_option("--username", user.username, "Username (6–256 characters)")->required();
  user_create
      ->add_option("--password", user.password, "Initial password (changed at first sign-in)")
      ->required();
  user_create->add_option("--role", user.role, "Role, e.g. administrator")->required();
  user_create->add_option("--email", user.email, "Email address (a verification email is sent)");
  user_create->add_option("--first-name", user.first_name, "First name");
  user_create->add_option("--last-name", user.last_name, "Last name");
  user_create->add_option("--tenant", user.tenant, "Tenant (default: default)");
  user_create->add_option("--provider", user.provider, "Scope the role to this provider id");

  auto* backup_cmd = cli.add_subcommand("backup", "Write a consistent copy of the database");
  std::string backup_to;
  backup_cmd->add_option("--to", backup_to, "Destination file")->required();

  auto* demo_cmd = cli.add_subcommand("demo", "Demonstration data");
  demo_cmd->require_subcommand(1);
  auto* demo_seed = demo_cmd->add_subcommand("seed", "Create providers, staff and learners");
  std::size_t demo_learners = 1000;
  std::string demo_tenant = "default";
  demo_seed->add_option("--learners", demo_learners, "How many learners")
      ->check(CLI::Range(1, 10000000));
  demo_seed->add_option("--tenant", demo_tenant, "Tenant (created when missing)");

  auto* demo_file = demo_cmd->add_subcommand(
      "import-file", "Write a learner import spreadsheet (.csv or .xlsx) of valid learners");
  std::size_t file_rows = 1000;
  std::string file_ukprn, file_out;
  bool file_bad_last_row = false;
  std::size_t file_start = 0;
  demo_file->add_option("--start", file_start, "Number the learners from this one");
  demo_file->add_option("--rows", file_rows, "How many learners")->check(CLI::Range(1, 1000000));
  demo_file->add_option("--ukprn", file_ukprn, "The provider's UKPRN")->required();
  demo_file->add_option("--out", file_out, "The file to write (.csv or .xlsx)")->required();
  demo_file->add_flag("--bad-last-row", file_bad_last_row, "Spoil the last row's postcode");

  auto* audit_cmd = cli.add_subcommand("audit", "Audit trail tools");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "Check the audit hash chain");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    if (*serve_cmd) return serve(config_file);
    if (*migrate_cmd) {
      Application app(load_config(config_file));
      app.migrate();
      app.tenants().ensure(app.config().tenant);
      std::cout << "Database is up to date (" << app.db().description() << ").\n";
      return 0;
    }
    if (*tenant_create) {
      Application app(load_config(config_file));
      app.migrate();
      auto created = app.tenants().create(tenant_name);
      if (!created) return fail_with(describe(created.error()));
      std::cout << "Created tenant " << created->name << " (id " << created->id << ").\n";
      return 0;
    }
    if (*user_create) return create_user(config_file, user);
    if (*backup_cmd) {
      Application app(load_config(config_file));
      backup_database(app.db(), app.config().effective_database_url(), backup_to);
      std::cout << "Backup written to " << backup_to << "\n";
      return 0;
    }
    if (*demo_seed) {
      Application app(load_config(config_file));
      app.migrate();
      const auto report = seed_demo(app, demo_tenant, demo_learners);
      std::cout << "Seeded " << report.learners << " learners, " << report.providers
                << " providers and " << report.managers << " learner managers (password "
                << "Demo1234!) in " << report.seconds << " s.\n";
      return 0;
    }
    if (*demo_file) {
      write_demo_import_file(file_out, file_rows, file_ukprn, file_bad_last_row, file_start);
      std::cout << "Wrote " << file_rows << " learners to " << file_out << ".\n";
      return 0;
    }
    if (*audit_verify) {
      Application app(load_config(config_file));
      app.migrate();
      auto result = app.audit().verify_chain();
      if (result.ok) {
        std::cout << "Audit chain intact: " << result.events_checked << " events checked.\n";
        return 0;
      }
      const auto& e = *result.first_broken;
      std::cout << "Audit chain BROKEN at event " << e.id << " (tenant " << e.tenant_id << ", "
                << e.at << ", " << e.action << " on " << e.entity_type << "): " << result.problem
                << ".\n";
      return 1;
    }
  } catch (const std::exception& e) {
    return fail_with(e.what());
  }
  return 1;
}

}  // namespace lt::app
