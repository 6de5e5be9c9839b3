// The audit trail: every change writes one event in the same transaction as the change — actor,
// time, entity, field-level before and after, request id — chained to the tenant's previous event
// by SHA-256, so tampering is detectable (`verify_chain`). Secrets never enter it: callers pass
// only the fields a person may see, and `Changes` refuses names that look like secrets.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "services/context.hpp"
#include "store/records.hpp"

namespace lt::services {

// Field-level differences, recorded only where before and after differ.
class Changes {
 public:
  Changes& field(const std::string& name, const nlohmann::json& before,
                 const nlohmann::json& after);
  bool empty() const { return json_.empty(); }
  const nlohmann::json& json() const { return json_; }

 private:
  nlohmann::json json_ = nlohmann::json::object();
};

class AuditLog {
 public:
  explicit AuditLog(Deps& deps) : deps_(deps) {}

  // Appends an event inside the caller's transaction.
  void record(soci::session& sql, const Context& ctx, const std::string& action,
              const std::string& entity_type, std::optional<Id> entity_id,
              const Changes& changes = {});

  domain::Result<store::Page<store::AuditRow>> list(const Context& ctx,
                                                    const std::optional<std::string>& entity_type,
                                                    std::optional<Id> entity_id,
                                                    std::optional<Id> actor_id,
                                                    std::optional<int> limit,
                                                    const std::optional<std::string>& cursor);

  struct Verification {
    bool ok = true;
    long long events_checked = 0;
    std::optional<store::AuditRow> first_broken;
    std::string problem;
  };
  // Recomputes every tenant's chain from the start.
  Verification verify_chain();

  static std::string event_hash(const store::AuditRow& event);

 private:
  Deps& deps_;
};

}  // namespace lt::services
