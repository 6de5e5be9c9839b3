// SQL for in-app notifications.
#include "store/notifications_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::notifications {

Id insert(soci::session& sql, const NotificationRow& n) {
  return insert_returning_id(
      sql,
      "INSERT INTO notifications (tenant_id, user_id, kind, title, body, link, created_at) "
      "VALUES (:t, :u, :k, :ti, :b, :l, :c)",
      soci::use(n.tenant_id), soci::use(n.user_id), soci::use(n.kind), soci::use(n.title),
      soci::use(n.body), soci::use(n.link), soci::use(n.created_at));
}

Page<NotificationRow> list(soci::session& sql, Id tenant, Id user_id, bool unread_only, int limit,
                           const std::optional<std::string>& cursor) {
  const std::string where = std::string("WHERE tenant_id = :t AND user_id = :u") +
                            (unread_only ? " AND read_at IS NULL" : "");
  Page<NotificationRow> page;
  sql << "SELECT COUNT(*) FROM notifications " + where, soci::use(tenant), soci::use(user_id),
      soci::into(page.total);
  const Id after = cursor_after(cursor);
  NotificationRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, user_id, kind, title, body, link, created_at, read_at FROM "
      "notifications " +
          where + (after > 0 ? " AND id < :a" : " AND :a = 0") + " ORDER BY id DESC LIMIT " +
          std::to_string(limit),
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.user_id), soci::into(r.kind),
      soci::into(r.title), soci::into(r.body), soci::into(r.link), soci::into(r.created_at),
      soci::into(r.read_at), soci::use(tenant), soci::use(user_id), soci::use(after));
  st.execute();
  while (st.fetch()) page.items.push_back(r);
  if (static_cast<int>(page.items.size()) == limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

long long unread_count(soci::session& sql, Id tenant, Id user_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM notifications WHERE tenant_id = :t AND user_id = :u AND read_at "
         "IS NULL",
      soci::use(tenant), soci::use(user_id), soci::into(count);
  return count;
}

bool mark_read(soci::session& sql, Id tenant, Id user_id, Id id, const std::string& now) {
  long long mine = 0;
  sql << "SELECT COUNT(*) FROM notifications WHERE tenant_id = :t AND user_id = :u AND id = :id",
      soci::use(tenant), soci::use(user_id), soci::use(id), soci::into(mine);
  if (mine == 0) return false;
  sql << "UPDATE notifications SET read_at = :n WHERE tenant_id = :t AND user_id = :u AND id = "
         ":id AND read_at IS NULL",
      soci::use(now), soci::use(tenant), soci::use(user_id), soci::use(id);
  return true;
}

long long mark_all_read(soci::session& sql, Id tenant, Id user_id, const std::string& now) {
  return execute_counting(sql,
                          "UPDATE notifications SET read_at = :n WHERE tenant_id = :t AND "
                          "user_id = :u AND read_at IS NULL",
                          soci::use(now), soci::use(tenant), soci::use(user_id));
}

}  // namespace lt::store::notifications
