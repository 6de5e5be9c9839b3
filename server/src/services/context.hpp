// What every use case receives: who is asking (tenant, principal, request id, address) and the
// collaborators services share (database, clock, settings). Built by the composition root.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "auth/permissions.hpp"
#include "domain/clock.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace lt::auth {
class SecretBox;
}

namespace lt::services {

using store::Id;
class EventBus;

struct Context {
  Id tenant_id = 0;
  std::optional<auth::Principal> principal;
  // The signed-in user's record as loaded when the session was checked, so a use case that needs
  // it (e.g. "me") does not load it again. Never trusted for writes: they reload inside their
  // transaction.
  std::optional<store::UserRow> user;
  std::string request_id;
  std::string ip;
  std::string user_agent;

  Id actor_id() const { return principal ? principal->user_id : 0; }
};

struct ServiceSettings {
  std::string public_url = "http://127.0.0.1:8080";  // links in emails
  std::chrono::minutes session_idle{120};
  std::chrono::minutes session_absolute{12 * 60};
  std::chrono::minutes reset_token_lifetime{60};
  std::chrono::minutes verification_token_lifetime{7 * 24 * 60};
};

struct Deps {
  store::Database& db;
  const domain::Clock& clock;
  ServiceSettings settings;
  EventBus* events = nullptr;  // live updates for open event streams; none in CLI commands
  const auth::SecretBox* secrets = nullptr;  // seals generated passwords (auth/secret_box)

  std::string now() const { return domain::format_timestamp(clock.now()); }
  std::string from_now(std::chrono::system_clock::duration d) const {
    return domain::format_timestamp(clock.now() + d);
  }
};

}  // namespace lt::services
