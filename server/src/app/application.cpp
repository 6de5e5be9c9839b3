// Wiring of every layer.
#include "app/application.hpp"

#include <malloc.h>

#include <spdlog/spdlog.h>

#include "api/gatekeeper.hpp"
#include "api/routes.hpp"
#include "auth/login_throttle.hpp"
#include "auth/secret_box.hpp"
#include "auth/secrets.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "jobs/job_watch.hpp"
#include "jobs/learner_import_job.hpp"
#include "jobs/qualification_jobs.hpp"
#include "mail/delivery_worker.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/credentials.hpp"
#include "services/groups.hpp"
#include "services/imports.hpp"
#include "services/learner_exports.hpp"
#include "services/learners.hpp"
#include "services/notifications.hpp"
#include "services/outbox.hpp"
#include "services/providers.hpp"
#include "services/qualification_transfer.hpp"
#include "services/references.hpp"
#include "services/tenants.hpp"
#include "services/users.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace lt::app {

struct Application::Parts {
  Config config;
  domain::SystemClock system_clock;
  services::EventBus events;  // before everything that publishes to it or subscribes
  std::unique_ptr<store::Database> db;
  std::unique_ptr<services::Deps> deps;
  std::unique_ptr<services::AuditLog> audit;
  std::unique_ptr<services::Accounts> accounts;
  std::unique_ptr<services::Users> users;
  std::unique_ptr<services::Providers> providers;
  std::unique_ptr<services::Outbox> outbox;
  std::unique_ptr<services::Tenants> tenants;
  std::unique_ptr<services::Learners> learners;
  std::unique_ptr<services::Groups> groups;
  std::unique_ptr<services::Notifications> notifications;
  std::unique_ptr<services::QualificationCatalogue> qualification_catalogue;
  std::unique_ptr<services::Qualifications> qualifications;
  std::unique_ptr<services::References> references;
  std::unique_ptr<services::Jobs> jobs;
  jobs::Registry job_registry;
  jobs::RunnerSettings job_settings;
  std::unique_ptr<jobs::JobRunner> job_runner;
  std::unique_ptr<jobs::JobWatch> job_watch;
  std::unique_ptr<services::ImportTemplates> import_templates;
  std::optional<auth::SecretBox> secrets;
  std::unique_ptr<services::Imports> imports;
  std::unique_ptr<services::Credentials> credentials;
  std::unique_ptr<services::QualificationTransfer> qualification_transfer;
  std::unique_ptr<services::LearnerExports> learner_exports;
  std::unique_ptr<mail::DeliveryWorker> mailer;
  http::Metrics metrics;
  auth::LoginThrottle throttle;
  std::unique_ptr<api::Gatekeeper> gate;
  std::unique_ptr<api::Api> api;
  http::Router router;
  std::unique_ptr<http::Server> server;

  explicit Parts(Config c)
      : config(std::move(c)), throttle(config.login_attempts_per_ip, std::chrono::minutes(5)) {}
};

Application::Application(Config config, const domain::Clock* clock)
    : parts_(std::make_unique<Parts>(std::move(config))) {
  auto& p = *parts_;
  auth::init_crypto();
  if (p.config.password_hash_cost == "minimum") {
    auth::set_password_hash_cost(auth::HashCost::minimum);
    spdlog::warn(
        "passwords are hashed at the minimum cost (LT_PASSWORD_HASH_COST=minimum): for "
        "test servers only, never for real accounts");
  }
  p.db = store::Database::open({p.config.effective_database_url(), p.config.db_connections});
  services::ServiceSettings settings;
  settings.public_url = p.config.effective_public_url();
  p.secrets = p.config.secret_key_file.empty()
                  ? auth::SecretBox::from_file(p.config.data_dir + "/secret.key", true)
                  : auth::SecretBox::from_file(p.config.secret_key_file, false);
  p.deps = std::make_unique<services::Deps>(
      services::Deps{*p.db, clock ? *clock : p.system_clock, settings, &p.events, &*p.secrets});
  p.audit = std::make_unique<services::AuditLog>(*p.deps);
  p.accounts = std::make_unique<services::Accounts>(*p.deps, *p.audit);
  p.users = std::make_unique<services::Users>(*p.deps, *p.audit);
  p.providers = std::make_unique<services::Providers>(*p.deps, *p.audit);
  p.outbox = std::make_unique<services::Outbox>(*p.deps);
  p.tenants = std::make_unique<services::Tenants>(*p.deps, *p.audit, *p.users);
  p.learners = std::make_unique<services::Learners>(*p.deps, *p.audit);
  p.groups = std::make_unique<services::Groups>(*p.deps, *p.audit);
  p.notifications = std::make_unique<services::Notifications>(*p.deps);
  p.qualification_catalogue = std::make_unique<services::QualificationCatalogue>(*p.deps, *p.audit);
  p.qualifications = std::make_unique<services::Qualifications>(*p.deps, *p.audit, *p.learners);
  p.references = std::make_unique<services::References>(*p.deps, *p.audit);
  p.jobs = std::make_unique<services::Jobs>(*p.deps, *p.audit);
  p.jobs->on_queued([this] {
    if (parts_->job_runner) parts_->job_runner->wake();
  });
  p.job_settings.workers = p.config.job_workers;
  p.import_templates =
      std::make_unique<services::ImportTemplates>(*p.deps, p.config.import_max_rows);
  formats::Limits import_limits;
  import_limits.max_rows = p.config.import_max_rows;
  p.imports = std::make_unique<services::Imports>(*p.deps, *p.jobs, import_limits);
  p.credentials = std::make_unique<services::Credentials>(*p.deps, *p.audit);
  p.learner_exports = std::make_unique<services::LearnerExports>(*p.deps, *p.audit, *p.learners);
  p.job_registry.add(jobs::kLearnerImportKind,
                     jobs::learner_import_handler(*p.audit, {import_limits, {}}));
  p.qualification_transfer = std::make_unique<services::QualificationTransfer>(*p.deps, *p.jobs);
  p.job_registry.add(services::kQualificationExportKind, jobs::qualification_export_handler());
  p.job_registry.add(services::kQualificationImportKind,
                     jobs::qualification_import_handler(*p.audit, import_limits));
  if (!p.config.smtp_url.empty())
    p.mailer = std::make_unique<mail::DeliveryWorker>(
        *p.deps, mail::SmtpSettings{p.config.smtp_url, p.config.mail_from});

  p.gate = std::make_unique<api::Gatekeeper>(*p.accounts, settings.public_url);
  p.api = std::make_unique<api::Api>(
      api::Api{*p.accounts, *p.users, *p.providers, *p.audit, *p.outbox, *p.tenants, *p.learners,
               *p.groups, *p.notifications, *p.db, p.metrics, p.throttle, *p.gate, p.config.tenant,
               [this] { wake_mail(); }, *p.references});
  p.api->qualification_catalogue = p.qualification_catalogue.get();
  p.api->qualifications = p.qualifications.get();
  p.api->jobs = p.jobs.get();
  p.api->events = &p.events;
  p.api->import_templates = p.import_templates.get();
  p.api->imports = p.imports.get();
  p.api->credentials = p.credentials.get();
  p.api->qualification_transfer = p.qualification_transfer.get();
  p.api->learner_exports = p.learner_exports.get();
  api::add_routes(p.router, *p.api);
  store::Database* db = p.db.get();
  p.metrics.add_gauge("lt_db_connections_in_use", "Database connections in use",
                      [db] { return static_cast<double>(db->in_use()); });
  p.metrics.add_gauge("lt_db_connections", "Database connections open",
                      [db] { return static_cast<double>(db->capacity()); });
}

Application::~Application() {
  stop_workers();
}

void Application::stop_workers() {
  auto& p = *parts_;
  if (p.job_runner) p.job_runner->stop();
  if (p.job_watch) p.job_watch->stop();
  if (p.mailer) p.mailer->stop();
}

const Config& Application::config() const {
  return parts_->config;
}
store::Database& Application::db() {
  return *parts_->db;
}
services::Deps& Application::deps() {
  return *parts_->deps;
}
services::AuditLog& Application::audit() {
  return *parts_->audit;
}
services::Users& Application::users() {
  return *parts_->users;
}
services::Tenants& Application::tenants() {
  return *parts_->tenants;
}
services::Accounts& Application::accounts() {
  return *parts_->accounts;
}
const http::Router& Application::router() const {
  return parts_->router;
}
services::Jobs& Application::jobs() {
  return *parts_->jobs;
}
services::EventBus& Application::events() {
  return parts_->events;
}
jobs::Registry& Application::job_registry() {
  return parts_->job_registry;
}
jobs::RunnerSettings& Application::job_settings() {
  return parts_->job_settings;
}
jobs::JobRunner* Application::job_runner() {
  return parts_->job_runner.get();
}
http::EventStream::Settings& Application::event_stream_settings() {
  return parts_->api->event_stream;
}
std::size_t& Application::max_streams_per_user() {
  return parts_->api->max_streams_per_user;
}

void Application::migrate() {
  for (const auto& name : store::migrate(*parts_->db)) spdlog::info("applied migration {}", name);
}

// glibc's allocator hands a freed heap top back to the kernel above 128 KB and serves blocks
// above 128 KB (adaptively more) with mmap, so each learner page's ~25–45 KB reply buffer and rows
// were faulted in afresh on every request: 9% of the list's CPU in page faults. A server keeps
// its working set instead; blocks of a megabyte and more (exports, uploads) still go to mmap.
static void keep_heap_for_serving() {
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

unsigned short Application::listen() {
  auto& p = *parts_;
  keep_heap_for_serving();
  http::ServerSettings settings;
  settings.address = p.config.host();
  settings.port = p.config.port();
  settings.worker_threads = p.config.effective_worker_threads();
  settings.static_dir = p.config.web_dir;
  settings.access_log = p.config.access_log;
  p.server = std::make_unique<http::Server>(settings, p.router, p.metrics);
  if (!p.job_runner) {
    p.job_runner =
        std::make_unique<jobs::JobRunner>(*p.deps, *p.audit, p.job_registry, p.job_settings);
    p.job_watch = std::make_unique<jobs::JobWatch>(*p.deps, p.events);
  }
  p.job_runner->start();
  p.job_watch->start();
  if (p.mailer) p.mailer->start();
  return p.server->port();
}

void Application::run() {
  parts_->server->run();
  stop_workers();  // after the last request: nothing queues new work any more
}

void Application::stop() {
  if (parts_->server) parts_->server->stop();
}

void Application::wake_mail() {
  if (parts_->mailer) parts_->mailer->wake();
}

}  // namespace lt::app
