// The composition root: builds the database, event bus, services, API routes, HTTP server, job
// runner and mail worker in order and hands each its collaborators. No globals: everything lives in
// this object, so tests can run several applications in one process.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "domain/clock.hpp"
#include "http/event_stream.hpp"
#include "jobs/job_runner.hpp"
#include "jobs/registry.hpp"
#include "services/accounts.hpp"
#include "services/event_bus.hpp"
#include "services/jobs.hpp"
#include "services/tenants.hpp"

namespace lt::store {
class Database;
}
namespace lt::http {
class Router;
class Server;
}  // namespace lt::http

namespace lt::app {

class Application {
 public:
  // Opens the database (throws std::runtime_error when it cannot). The HTTP server is created by
  // `listen()`, so CLI commands that only touch the database never bind a port.
  explicit Application(Config config, const domain::Clock* clock = nullptr);
  ~Application();

  const Config& config() const;
  store::Database& db();
  services::Deps& deps();
  services::AuditLog& audit();
  services::Users& users();
  services::Tenants& tenants();
  services::Accounts& accounts();
  const http::Router& router() const;
  services::Jobs& jobs();
  services::EventBus& events();
  // The job kinds this process runs; add a kind before or after listen().
  jobs::Registry& job_registry();
  // How the job runner runs; read by listen(), so change it before then.
  jobs::RunnerSettings& job_settings();
  // The runner listen() started; nullptr before.
  jobs::JobRunner* job_runner();
  // Heartbeat, retry and lifetime of event streams opened from now on.
  http::EventStream::Settings& event_stream_settings();
  std::size_t& max_streams_per_user();

  void migrate();
  // Binds the listening socket (port 0 = any free port), starts the job runner and its
  // cross-instance watch, and the mail worker when SMTP is configured. Returns the bound port.
  unsigned short listen();
  // Serves until stopped (SIGTERM/SIGINT or stop()), then stops the job runner, which gives the
  // jobs it was running back to the queue. Call listen() first.
  void run();
  void stop();
  // Sends due mail now (tests, and the API after it queues mail).
  void wake_mail();

 private:
  void stop_workers();
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace lt::app
