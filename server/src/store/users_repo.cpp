// SQL for users and role assignments.
#include "store/users_repo.hpp"

#include "domain/text.hpp"
#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::users {

namespace {

const std::string kColumns =
    "id, tenant_id, kind, username, email, first_name, last_name, telephone, password_hash, "
    "status, failed_logins, locked, must_change_password, email_verified, last_login_at, "
    "created_at, updated_at, version";

// Runs a SELECT of kColumns with the given tail (WHERE/ORDER/LIMIT) and bound values.
template <class... Uses>
std::vector<UserRow> select_users(soci::session& sql, const std::string& tail, Uses&&... uses) {
  UserRow r;
  int locked = 0, must_change = 0, verified = 0;
  soci::statement st =
      prepared(sql, "SELECT " + kColumns + " FROM users " + tail, soci::into(r.id),
               soci::into(r.tenant_id), soci::into(r.kind), soci::into(r.username),
               soci::into(r.email), soci::into(r.first_name), soci::into(r.last_name),
               soci::into(r.telephone), soci::into(r.password_hash), soci::into(r.status),
               soci::into(r.failed_logins), soci::into(locked), soci::into(must_change),
               soci::into(verified), soci::into(r.last_login_at), soci::into(r.created_at),
               soci::into(r.updated_at), soci::into(r.version), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<UserRow> out;
  while (st.fetch()) {
    r.locked = locked != 0;
    r.must_change_password = must_change != 0;
    r.email_verified = verified != 0;
    out.push_back(r);
  }
  return out;
}

std::optional<UserRow> with_roles(soci::session& sql, std::vector<UserRow> rows) {
  if (rows.empty()) return std::nullopt;
  rows.front().roles = roles_of(sql, rows.front().id);
  return std::move(rows.front());
}

}  // namespace

std::string username_key(const std::string& username) {
  return domain::ascii_lower(username);
}

std::optional<UserRow> find(soci::session& sql, Id tenant, Id id) {
  return with_roles(sql,
                    select_users(sql, "WHERE tenant_id = :t AND id = :id AND deleted_at IS NULL",
                                 soci::use(tenant), soci::use(id)));
}

std::optional<UserRow> find_by_username(soci::session& sql, Id tenant,
                                        const std::string& username) {
  const std::string key = username_key(username);
  return with_roles(
      sql, select_users(sql, "WHERE tenant_id = :t AND username_key = :k AND deleted_at IS NULL",
                        soci::use(tenant), soci::use(key)));
}

std::vector<UserRow> find_by_email(soci::session& sql, Id tenant, const std::string& email) {
  const std::string lowered = domain::ascii_lower(email);
  return select_users(
      sql, "WHERE tenant_id = :t AND LOWER(email) = :e AND deleted_at IS NULL ORDER BY id",
      soci::use(tenant), soci::use(lowered));
}

bool username_taken(soci::session& sql, Id tenant, const std::string& username, Id except_id) {
  const std::string key = username_key(username);
  long long count = 0;
  sql << "SELECT COUNT(*) FROM users WHERE tenant_id = :t AND username_key = :k AND id <> :x",
      soci::use(tenant), soci::use(key), soci::use(except_id), soci::into(count);
  return count > 0;
}

Page<UserRow> list(soci::session& sql, Id tenant, const ListFilter& filter) {
  std::string where = "WHERE tenant_id = :t AND deleted_at IS NULL";
  const std::string pattern = filter.q ? like_pattern(*filter.q) : std::string();
  const std::string status = filter.status.value_or("");
  if (filter.q)
    where +=
        " AND (LOWER(username) LIKE :q1 ESCAPE '\\' OR LOWER(COALESCE(email, '')) LIKE :q2 ESCAPE "
        "'\\' OR LOWER(first_name) LIKE :q3 ESCAPE '\\' OR LOWER(last_name) LIKE :q4 ESCAPE '\\')";
  if (filter.status) where += " AND status = :s";
  if (filter.provider_ids)
    where +=
        " AND id IN (SELECT user_id FROM role_assignments WHERE scope_type = 'provider' "
        "AND scope_id IN (" +
        id_list(*filter.provider_ids) + "))";

  Page<UserRow> page;
  const int limit = filter.limit;
  // Both queries bind the same values in order. Placeholders are never repeated in one
  // statement: the PostgreSQL backend numbers each occurrence separately.
  auto count_and_select = [&](auto&&... uses) {
    prepared(sql, "SELECT COUNT(*) FROM users " + where, soci::into(page.total), uses...)
        .execute(true);
    const Id after = filter.after;
    page.items = select_users(sql, where + " AND id > :after ORDER BY id LIMIT :lim", uses...,
                              soci::use(after), soci::use(limit));
  };
  if (filter.q && filter.status)
    count_and_select(soci::use(tenant), soci::use(pattern), soci::use(pattern), soci::use(pattern),
                     soci::use(pattern), soci::use(status));
  else if (filter.q)
    count_and_select(soci::use(tenant), soci::use(pattern), soci::use(pattern), soci::use(pattern),
                     soci::use(pattern));
  else if (filter.status)
    count_and_select(soci::use(tenant), soci::use(status));
  else
    count_and_select(soci::use(tenant));

  for (auto& user : page.items) user.roles = roles_of(sql, user.id);
  if (static_cast<int>(page.items.size()) == limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

Id insert(soci::session& sql, const UserRow& u) {
  const std::string key = username_key(u.username);
  const int locked = u.locked, must_change = u.must_change_password, verified = u.email_verified;
  return insert_returning_id(
      sql,
      "INSERT INTO users (tenant_id, kind, username, username_key, email, first_name, last_name, "
      "telephone, password_hash, status, failed_logins, locked, must_change_password, "
      "email_verified, created_at, updated_at, version) VALUES (:t, :kind, :u, :k, :e, :f, :l, "
      ":tel, :p, :s, 0, :lk, :m, :v, :c, :c2, 1)",
      soci::use(u.tenant_id), soci::use(u.kind), soci::use(u.username), soci::use(key),
      soci::use(u.email), soci::use(u.first_name), soci::use(u.last_name), soci::use(u.telephone),
      soci::use(u.password_hash), soci::use(u.status), soci::use(locked), soci::use(must_change),
      soci::use(verified), soci::use(u.created_at), soci::use(u.created_at));
}

bool update(soci::session& sql, const UserRow& u, const std::string& now) {
  const std::string key = username_key(u.username);
  const int locked = u.locked, must_change = u.must_change_password, verified = u.email_verified;
  return execute_counting(
             sql,
             "UPDATE users SET username = :u, username_key = :k, email = :e, first_name = :f, "
             "last_name = :l, telephone = :tel, password_hash = :p, status = :s, "
             "failed_logins = :fl, locked = :lk, must_change_password = :m, email_verified = :v, "
             "last_login_at = :ll, updated_at = :now, version = version + 1 "
             "WHERE tenant_id = :t AND id = :id AND version = :ver",
             soci::use(u.username), soci::use(key), soci::use(u.email), soci::use(u.first_name),
             soci::use(u.last_name), soci::use(u.telephone), soci::use(u.password_hash),
             soci::use(u.status), soci::use(u.failed_logins), soci::use(locked),
             soci::use(must_change), soci::use(verified), soci::use(u.last_login_at),
             soci::use(now), soci::use(u.tenant_id), soci::use(u.id), soci::use(u.version)) == 1;
}

void replace_roles(soci::session& sql, Id tenant, Id user_id,
                   const std::vector<RoleAssignmentRow>& roles, const std::string& now) {
  sql << "DELETE FROM role_assignments WHERE tenant_id = :t AND user_id = :u", soci::use(tenant),
      soci::use(user_id);
  for (const auto& role : roles) {
    sql << "INSERT INTO role_assignments (tenant_id, user_id, role, scope_type, scope_id, "
           "created_at) VALUES (:t, :u, :r, :st, :sid, :c)",
        soci::use(tenant), soci::use(user_id), soci::use(role.role), soci::use(role.scope_type),
        soci::use(role.scope_id), soci::use(now);
  }
}

std::vector<RoleAssignmentRow> roles_of(soci::session& sql, Id user_id) {
  RoleAssignmentRow r;
  soci::statement st = prepared(
      sql, "SELECT role, scope_type, scope_id FROM role_assignments WHERE user_id = :u ORDER BY id",
      soci::into(r.role), soci::into(r.scope_type), soci::into(r.scope_id), soci::use(user_id));
  st.execute();
  std::vector<RoleAssignmentRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

}  // namespace lt::store::users
