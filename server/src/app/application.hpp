// The composition root: builds the database, services, API routes, HTTP server and mail worker in
// order and hands each its collaborators. No globals: everything lives in this object, so tests
// can run several applications in one process.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "domain/clock.hpp"
#include "services/accounts.hpp"
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

  void migrate();
  // Binds the listening socket (port 0 = any free port) and starts the mail worker when SMTP is
  // configured. Returns the bound port.
  unsigned short listen();
  // Serves until stopped (SIGTERM/SIGINT or stop()). Call listen() first.
  void run();
  void stop();
  // Sends due mail now (tests, and the API after it queues mail).
  void wake_mail();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace lt::app
