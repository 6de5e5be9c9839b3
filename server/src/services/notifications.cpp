// Notifications: the signed-in user's own inbox. Marking read is not audited: it changes no record
// of the organisation, only whether the user has seen a message (docs/decisions.md).
#include "services/notifications.hpp"

#include "services/event_bus.hpp"
#include "store/query.hpp"

namespace lt::services {

using domain::Error;
using domain::fail;

namespace {

// Tells the user's open event streams their new unread count, once the change has committed.
void publish_unread(const Deps& deps, Id tenant, Id user_id) {
  if (!deps.events) return;
  store::Database::after_commit([&deps, tenant, user_id] {
    const long long unread = deps.db.read([&](soci::session& sql) {
      return store::notifications::unread_count(sql, tenant, user_id);
    });
    deps.events->publish({tenant, user_id, "notification", {{"unread", unread}}});
  });
}

}  // namespace

domain::Result<long long> Notifications::unread(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) {
    return store::notifications::unread_count(sql, ctx.tenant_id, ctx.actor_id());
  });
}

domain::Result<NotificationList> Notifications::list(const Context& ctx, bool unread_only,
                                                     std::optional<int> limit,
                                                     const std::optional<std::string>& cursor) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) {
    NotificationList out;
    out.page = store::notifications::list(sql, ctx.tenant_id, ctx.actor_id(), unread_only,
                                          store::page_limit(limit), cursor);
    out.unread = unread_only
                     ? out.page.total
                     : store::notifications::unread_count(sql, ctx.tenant_id, ctx.actor_id());
    return out;
  });
}

domain::Result<void> Notifications::mark_read(const Context& ctx, Id id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.write([&](soci::session& sql) -> domain::Result<void> {
    if (!store::notifications::mark_read(sql, ctx.tenant_id, ctx.actor_id(), id, deps_.now()))
      return fail(Error::not_found("notification"));
    publish_unread(deps_, ctx.tenant_id, ctx.actor_id());
    return domain::ok();
  });
}

domain::Result<long long> Notifications::mark_all_read(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.write([&](soci::session& sql) -> domain::Result<long long> {
    const long long marked =
        store::notifications::mark_all_read(sql, ctx.tenant_id, ctx.actor_id(), deps_.now());
    if (marked > 0) publish_unread(deps_, ctx.tenant_id, ctx.actor_id());
    return marked;
  });
}

void notify(soci::session& sql, const Deps& deps, Id tenant, Id user_id, std::string kind,
            std::string title, std::string body, std::string link) {
  store::notifications::NotificationRow row;
  row.tenant_id = tenant;
  row.user_id = user_id;
  row.kind = std::move(kind);
  row.title = std::move(title);
  row.body = std::move(body);
  row.link = std::move(link);
  row.created_at = deps.now();
  store::notifications::insert(sql, row);
  publish_unread(deps, tenant, user_id);
}

}  // namespace lt::services
