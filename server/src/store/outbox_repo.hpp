// The email outbox: messages written in the same transaction as the change that causes them, and
// claimed by the delivery worker when due.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::outbox {

Id insert(soci::session& sql, Id tenant, const std::string& to, const std::string& subject,
          const std::string& body, const std::string& now);
Page<OutboxRow> list(soci::session& sql, Id tenant, const std::optional<std::string>& status,
                     int limit, Id before);
// Pending messages whose next attempt is due, oldest first.
std::vector<OutboxRow> due(soci::session& sql, const std::string& now, int limit);
void mark_sent(soci::session& sql, Id id, const std::string& now);
// Records a failed attempt; `final` marks the message failed, else schedules the next attempt.
void mark_attempt_failed(soci::session& sql, Id id, const std::string& error,
                         const std::string& next_attempt_at, bool final);

}  // namespace lt::store::outbox

namespace lt::store::outbox {
// Takes a due message for one delivery attempt by pushing its next attempt to `lease_until`; false
// when another worker took it first. A worker that dies leaves the message to be retried then.
bool claim(soci::session& sql, Id id, const std::string& now, const std::string& lease_until);
}  // namespace lt::store::outbox
