// SQL for the audit log.
#include "store/audit_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::audit {

namespace {
const std::string kColumns =
    "id, tenant_id, at, actor_id, actor_username, action, entity_type, entity_id, changes, "
    "request_id, prev_hash, hash";

template <class... Uses>
std::vector<AuditRow> select_events(soci::session& sql, const std::string& tail, Uses&&... uses) {
  AuditRow r;
  soci::statement st =
      prepared(sql, "SELECT " + kColumns + " FROM audit_events " + tail, soci::into(r.id),
               soci::into(r.tenant_id), soci::into(r.at), soci::into(r.actor_id),
               soci::into(r.actor_username), soci::into(r.action), soci::into(r.entity_type),
               soci::into(r.entity_id), soci::into(r.changes), soci::into(r.request_id),
               soci::into(r.prev_hash), soci::into(r.hash), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<AuditRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}
}  // namespace

std::string lock_chain_head(soci::session& sql, bool postgres, Id tenant) {
  if (postgres) sql << "SELECT pg_advisory_xact_lock(4242, CAST(:t AS INTEGER))", soci::use(tenant);
  std::string hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT hash FROM audit_events WHERE tenant_id = :t ORDER BY id DESC LIMIT 1",
      soci::use(tenant), soci::into(hash, ind);
  return (sql.got_data() && ind == soci::i_ok) ? hash : std::string();
}

Id insert(soci::session& sql, const AuditRow& e) {
  return insert_returning_id(
      sql,
      "INSERT INTO audit_events (tenant_id, at, actor_id, actor_username, action, entity_type, "
      "entity_id, changes, request_id, prev_hash, hash) VALUES (:t, :at, :a, :au, :ac, :et, :ei, "
      ":ch, :r, :ph, :h)",
      soci::use(e.tenant_id), soci::use(e.at), soci::use(e.actor_id), soci::use(e.actor_username),
      soci::use(e.action), soci::use(e.entity_type), soci::use(e.entity_id), soci::use(e.changes),
      soci::use(e.request_id), soci::use(e.prev_hash), soci::use(e.hash));
}

Page<AuditRow> list(soci::session& sql, Id tenant, const ListFilter& f) {
  std::string where = "WHERE tenant_id = " + std::to_string(tenant);
  if (f.entity_type) where += " AND entity_type = :et";
  if (f.entity_id) where += " AND entity_id = " + std::to_string(*f.entity_id);
  if (f.actor_id) where += " AND actor_id = " + std::to_string(*f.actor_id);
  Page<AuditRow> page;
  const std::string paged = where + (f.before > 0 ? " AND id < " + std::to_string(f.before) : "") +
                            " ORDER BY id DESC LIMIT " + std::to_string(f.limit);
  if (f.entity_type) {
    sql << "SELECT COUNT(*) FROM audit_events " + where, soci::use(*f.entity_type),
        soci::into(page.total);
    page.items = select_events(sql, paged, soci::use(*f.entity_type));
  } else {
    sql << "SELECT COUNT(*) FROM audit_events " + where, soci::into(page.total);
    page.items = select_events(sql, paged);
  }
  if (static_cast<int>(page.items.size()) == f.limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

std::vector<AuditRow> batch_after(soci::session& sql, Id after, int limit) {
  return select_events(sql, "WHERE id > :a ORDER BY id LIMIT :l", soci::use(after),
                       soci::use(limit));
}

}  // namespace lt::store::audit
