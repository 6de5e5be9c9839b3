// SQL for sessions and single-use tokens.
#include "store/sessions_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::sessions {

Id insert(soci::session& sql, Id tenant, Id user_id, const std::string& token_hash,
          const std::string& now, const std::string& expires_at, const std::string& ip,
          const std::string& user_agent) {
  return insert_returning_id(
      sql,
      "INSERT INTO sessions (tenant_id, user_id, token_hash, created_at, last_seen_at, "
      "expires_at, ip, user_agent) VALUES (:t, :u, :h, :c, :l, :e, :ip, :ua)",
      soci::use(tenant), soci::use(user_id), soci::use(token_hash), soci::use(now), soci::use(now),
      soci::use(expires_at), soci::use(ip), soci::use(user_agent));
}

std::optional<SessionRow> find_by_hash(soci::session& sql, const std::string& token_hash) {
  SessionRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, user_id, last_seen_at, expires_at FROM sessions WHERE token_hash = :h",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.user_id), soci::into(r.last_seen_at),
      soci::into(r.expires_at), soci::use(token_hash));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}

void touch(soci::session& sql, Id id, const std::string& now) {
  sql << "UPDATE sessions SET last_seen_at = :n WHERE id = :id", soci::use(now), soci::use(id);
}

void remove(soci::session& sql, Id id) {
  sql << "DELETE FROM sessions WHERE id = :id", soci::use(id);
}

void remove_for_user(soci::session& sql, Id user_id, Id keep) {
  sql << "DELETE FROM sessions WHERE user_id = :u AND id <> :k", soci::use(user_id),
      soci::use(keep);
}

void remove_expired(soci::session& sql, const std::string& now) {
  sql << "DELETE FROM sessions WHERE expires_at < :n", soci::use(now);
}

}  // namespace lt::store::sessions

namespace lt::store::tokens {

Id insert(soci::session& sql, Id tenant, Id user_id, const std::string& purpose,
          const std::string& token_hash, const std::string& now, const std::string& expires_at) {
  return insert_returning_id(sql,
                             "INSERT INTO tokens (tenant_id, user_id, purpose, token_hash, "
                             "expires_at, created_at) VALUES (:t, :u, :p, :h, :e, :c)",
                             soci::use(tenant), soci::use(user_id), soci::use(purpose),
                             soci::use(token_hash), soci::use(expires_at), soci::use(now));
}

std::optional<TokenRow> find_by_hash(soci::session& sql, const std::string& purpose,
                                     const std::string& token_hash) {
  TokenRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, user_id, purpose, expires_at, used_at FROM tokens "
      "WHERE purpose = :p AND token_hash = :h",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.user_id), soci::into(r.purpose),
      soci::into(r.expires_at), soci::into(r.used_at), soci::use(purpose), soci::use(token_hash));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}

bool mark_used(soci::session& sql, Id id, const std::string& now) {
  return execute_counting(sql, "UPDATE tokens SET used_at = :n WHERE id = :id AND used_at IS NULL",
                          soci::use(now), soci::use(id)) == 1;
}

void retire_for_user(soci::session& sql, Id user_id, const std::string& purpose,
                     const std::string& now) {
  sql << "UPDATE tokens SET used_at = :n WHERE user_id = :u AND purpose = :p AND used_at IS NULL",
      soci::use(now), soci::use(user_id), soci::use(purpose);
}

}  // namespace lt::store::tokens
