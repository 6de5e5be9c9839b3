// SQL for the email outbox.
#include "store/outbox_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::outbox {

namespace {
template <class... Uses>
std::vector<OutboxRow> select_messages(soci::session& sql, const std::string& tail,
                                       Uses&&... uses) {
  OutboxRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, to_address, subject, body, status, attempts, next_attempt_at, "
      "last_error, created_at, sent_at FROM outbox " +
          tail,
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.to_address), soci::into(r.subject),
      soci::into(r.body), soci::into(r.status), soci::into(r.attempts),
      soci::into(r.next_attempt_at), soci::into(r.last_error), soci::into(r.created_at),
      soci::into(r.sent_at), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<OutboxRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}
}  // namespace

Id insert(soci::session& sql, Id tenant, const std::string& to, const std::string& subject,
          const std::string& body, const std::string& now) {
  return insert_returning_id(sql,
                             "INSERT INTO outbox (tenant_id, to_address, subject, body, status, "
                             "attempts, next_attempt_at, created_at) VALUES (:t, :to, :s, :b, "
                             "'pending', 0, :n, :c)",
                             soci::use(tenant), soci::use(to), soci::use(subject), soci::use(body),
                             soci::use(now), soci::use(now));
}

Page<OutboxRow> list(soci::session& sql, Id tenant, const std::optional<std::string>& status,
                     int limit, Id before) {
  std::string where = "WHERE tenant_id = " + std::to_string(tenant);
  const std::string wanted = status.value_or("");
  if (status) where += " AND status = :s";
  const std::string paged = where + (before > 0 ? " AND id < " + std::to_string(before) : "") +
                            " ORDER BY id DESC LIMIT " + std::to_string(limit);
  Page<OutboxRow> page;
  if (status) {
    sql << "SELECT COUNT(*) FROM outbox " + where, soci::use(wanted), soci::into(page.total);
    page.items = select_messages(sql, paged, soci::use(wanted));
  } else {
    sql << "SELECT COUNT(*) FROM outbox " + where, soci::into(page.total);
    page.items = select_messages(sql, paged);
  }
  if (static_cast<int>(page.items.size()) == limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

std::vector<OutboxRow> due(soci::session& sql, const std::string& now, int limit) {
  return select_messages(sql,
                         "WHERE status = 'pending' AND next_attempt_at <= :n ORDER BY id LIMIT :l",
                         soci::use(now), soci::use(limit));
}

void mark_sent(soci::session& sql, Id id, const std::string& now) {
  sql << "UPDATE outbox SET status = 'sent', sent_at = :n, attempts = attempts + 1, "
         "last_error = '' WHERE id = :id",
      soci::use(now), soci::use(id);
}

void mark_attempt_failed(soci::session& sql, Id id, const std::string& error,
                         const std::string& next_attempt_at, bool final) {
  const std::string status = final ? "failed" : "pending";
  sql << "UPDATE outbox SET status = :s, attempts = attempts + 1, last_error = :e, "
         "next_attempt_at = :n WHERE id = :id",
      soci::use(status), soci::use(error), soci::use(next_attempt_at), soci::use(id);
}

}  // namespace lt::store::outbox

namespace lt::store::outbox {
bool claim(soci::session& sql, Id id, const std::string& now, const std::string& lease_until) {
  return execute_counting(sql,
                          "UPDATE outbox SET next_attempt_at = :l WHERE id = :id AND "
                          "status = 'pending' AND next_attempt_at <= :n",
                          soci::use(lease_until), soci::use(id), soci::use(now)) == 1;
}
}  // namespace lt::store::outbox
