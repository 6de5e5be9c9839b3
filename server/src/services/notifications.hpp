// In-app notifications (DESIGN section 8): each user reads, counts and marks read only their own.
// Other use cases call notify() inside their own transaction, so a notification exists exactly
// when the change it tells of was committed.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "services/context.hpp"
#include "store/notifications_repo.hpp"

namespace lt::services {

struct NotificationList {
  store::Page<store::notifications::NotificationRow> page;
  long long unread = 0;
};

class Notifications {
 public:
  explicit Notifications(Deps& deps) : deps_(deps) {}

  // The signed-in user's notifications, newest first, with the unread count.
  domain::Result<NotificationList> list(const Context& ctx, bool unread_only,
                                        std::optional<int> limit,
                                        const std::optional<std::string>& cursor);
  // The signed-in user's unread count.
  domain::Result<long long> unread(const Context& ctx);
  // 404 for someone else's notification, as if it did not exist.
  domain::Result<void> mark_read(const Context& ctx, Id id);
  domain::Result<long long> mark_all_read(const Context& ctx);

 private:
  Deps& deps_;
};

// Queues a notification for `user_id` in the caller's transaction; once that commits, the user's
// open event streams hear the new unread count.
void notify(soci::session& sql, const Deps& deps, Id tenant, Id user_id, std::string kind,
            std::string title, std::string body, std::string link);

}  // namespace lt::services
