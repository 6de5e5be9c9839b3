// SQL for tenants.
#include "store/tenants_repo.hpp"

#include "store/query.hpp"

namespace lt::store::tenants {

namespace {
template <class... Uses>
std::optional<TenantRow> select_one(soci::session& sql, const std::string& where, Uses&&... uses) {
  TenantRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, name, password_policy, max_failed_logins, created_at, updated_at, version "
      "FROM tenants " +
          where,
      soci::into(r.id), soci::into(r.name), soci::into(r.password_policy),
      soci::into(r.max_failed_logins), soci::into(r.created_at), soci::into(r.updated_at),
      soci::into(r.version), std::forward<Uses>(uses)...);
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}
}  // namespace

std::optional<TenantRow> find(soci::session& sql, Id id) {
  return select_one(sql, "WHERE id = :id", soci::use(id));
}

std::optional<TenantRow> find_by_name(soci::session& sql, const std::string& name) {
  return select_one(sql, "WHERE name = :n", soci::use(name));
}

Id insert(soci::session& sql, const std::string& name, const std::string& now) {
  return insert_returning_id(
      sql, "INSERT INTO tenants (name, created_at, updated_at) VALUES (:n, :c, :u)",
      soci::use(name), soci::use(now), soci::use(now));
}

bool update_settings(soci::session& sql, const TenantRow& t, const std::string& now) {
  return execute_counting(
             sql,
             "UPDATE tenants SET password_policy = :p, max_failed_logins = :m, "
             "updated_at = :now, version = version + 1 WHERE id = :id AND version = :v",
             soci::use(t.password_policy), soci::use(t.max_failed_logins), soci::use(now),
             soci::use(t.id), soci::use(t.version)) == 1;
}

}  // namespace lt::store::tenants
