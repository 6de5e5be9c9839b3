// The append-only audit log. Each event stores the hash of the tenant's previous event and its own
// hash over both, so any edit or deletion breaks the chain (see services/audit.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::audit {

struct ListFilter {
  std::optional<std::string> entity_type;
  std::optional<Id> entity_id;
  std::optional<Id> actor_id;
  int limit = 50;
  Id before = 0;  // newest first: the page starts below this id (0 = from the newest)
};

// Serialises appends per tenant for the rest of the transaction (PostgreSQL advisory lock; SQLite
// has a single writer already) and returns the tenant's latest hash ("" for the first event).
std::string lock_chain_head(soci::session& sql, bool postgres, Id tenant);
Id insert(soci::session& sql, const AuditRow& event);
Page<AuditRow> list(soci::session& sql, Id tenant, const ListFilter& filter);
// Every event of every tenant in id order, in batches, for chain verification.
std::vector<AuditRow> batch_after(soci::session& sql, Id after, int limit);

}  // namespace lt::store::audit
