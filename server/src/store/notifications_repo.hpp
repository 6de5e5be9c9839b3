// In-app notifications of one user: written in the same transaction as the change they tell of,
// listed newest first with keyset paging, counted while unread, marked read by their owner.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::notifications {

struct NotificationRow {
  Id id = 0;
  Id tenant_id = 0;
  Id user_id = 0;
  std::string kind;   // machine code, e.g. "profile_approved"
  std::string title;  // one line the user reads
  std::string body;
  std::string link;  // a path in the web app, or ""
  std::string created_at;
  std::optional<std::string> read_at;
};

Id insert(soci::session& sql, const NotificationRow& notification);
// Newest first; `unread_only` leaves out the read ones; `total` counts what the filter matches.
Page<NotificationRow> list(soci::session& sql, Id tenant, Id user_id, bool unread_only, int limit,
                           const std::optional<std::string>& cursor);
long long unread_count(soci::session& sql, Id tenant, Id user_id);
// Marks one of the user's notifications read; false when it is not theirs (or does not exist).
bool mark_read(soci::session& sql, Id tenant, Id user_id, Id id, const std::string& now);
// Marks every unread notification of the user read; returns how many.
long long mark_all_read(soci::session& sql, Id tenant, Id user_id, const std::string& now);

}  // namespace lt::store::notifications
