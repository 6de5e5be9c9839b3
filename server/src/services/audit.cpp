// Recording, listing and verifying the hash-chained audit trail.
#include "services/audit.hpp"

#include <map>
#include <stdexcept>

#include "auth/secrets.hpp"
#include "store/audit_repo.hpp"
#include "store/query.hpp"
#include "store/users_repo.hpp"

namespace lt::services {

using domain::Error;
using domain::fail;

Changes& Changes::field(const std::string& name, const nlohmann::json& before,
                        const nlohmann::json& after) {
  const bool secret = name == "password" || name.ends_with("_password") ||
                      name.ends_with("_hash") || name.find("token") != std::string::npos;
  if (secret && name != "must_change_password")
    throw std::logic_error("secrets must not be audited: " + name);
  if (before != after) json_[name] = {{"before", before}, {"after", after}};
  return *this;
}

std::string AuditLog::event_hash(const store::AuditRow& e) {
  // Every stored field but the id and the hash itself, in a fixed order, after the previous hash.
  nlohmann::json canonical = {e.prev_hash,
                              e.tenant_id,
                              e.at,
                              e.actor_id ? nlohmann::json(*e.actor_id) : nlohmann::json(nullptr),
                              e.actor_username,
                              e.action,
                              e.entity_type,
                              e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json(nullptr),
                              e.changes,
                              e.request_id};
  return auth::sha256_hex(canonical.dump());
}

void AuditLog::record(soci::session& sql, const Context& ctx, const std::string& action,
                      const std::string& entity_type, std::optional<Id> entity_id,
                      const Changes& changes) {
  store::AuditRow e;
  e.tenant_id = ctx.tenant_id;
  e.at = deps_.now();
  if (ctx.principal) {
    e.actor_id = ctx.principal->user_id;
    e.actor_username = ctx.principal->username;
  }
  e.action = action;
  e.entity_type = entity_type;
  e.entity_id = entity_id;
  e.changes = changes.json().dump();
  e.request_id = ctx.request_id;
  e.prev_hash = store::audit::lock_chain_head(sql, deps_.db.is_postgres(), ctx.tenant_id);
  e.hash = event_hash(e);
  store::audit::insert(sql, e);
}

domain::Result<store::Page<store::AuditRow>> AuditLog::list(
    const Context& ctx, const std::optional<std::string>& entity_type, std::optional<Id> entity_id,
    std::optional<Id> actor_id, std::optional<int> limit,
    const std::optional<std::string>& cursor) {
  if (!ctx.principal || !auth::can(*ctx.principal, auth::Permission::audit_view, {ctx.tenant_id}))
    return fail(Error::forbidden());
  store::audit::ListFilter filter{entity_type, entity_id, actor_id, store::page_limit(limit),
                                  store::cursor_after(cursor)};
  return deps_.db.read(
      [&](soci::session& sql) { return store::audit::list(sql, ctx.tenant_id, filter); });
}

AuditLog::Verification AuditLog::verify_chain() {
  Verification result;
  std::map<Id, std::string> heads;  // tenant → hash of its latest event
  store::Id after = 0;
  while (true) {
    auto batch = deps_.db.read(
        [&](soci::session& sql) { return store::audit::batch_after(sql, after, 1000); });
    if (batch.empty()) break;
    for (const auto& event : batch) {
      ++result.events_checked;
      const std::string expected_prev = heads[event.tenant_id];
      if (event.prev_hash != expected_prev) {
        result.ok = false;
        result.first_broken = event;
        result.problem =
            "its previous-hash does not match the event before it (an event was "
            "removed, inserted or reordered)";
        return result;
      }
      if (event_hash(event) != event.hash) {
        result.ok = false;
        result.first_broken = event;
        result.problem = "its contents do not match its hash (the event was edited)";
        return result;
      }
      heads[event.tenant_id] = event.hash;
    }
    after = batch.back().id;
  }
  return result;
}

}  // namespace lt::services
