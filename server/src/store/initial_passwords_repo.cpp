// SQL for sealed first passwords: the column users.initial_password (migration 0015).
#include "store/initial_passwords_repo.hpp"

namespace lt::store::initial_passwords {

std::optional<std::string> find(soci::session& sql, Id tenant, Id user_id) {
  std::string sealed;
  soci::indicator ind = soci::i_null;
  sql << "SELECT initial_password FROM users WHERE tenant_id = :t AND id = :u", soci::use(tenant),
      soci::use(user_id), soci::into(sealed, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return sealed;
}

std::map<Id, std::string> for_users(soci::session& sql, Id tenant,
                                    const std::vector<Id>& user_ids) {
  std::map<Id, std::string> out;
  if (user_ids.empty()) return out;
  std::string list;
  for (Id id : user_ids) list += (list.empty() ? "" : ",") + std::to_string(id);  // ids, not text
  Id user = 0;
  std::string sealed;
  soci::statement st =
      (sql.prepare << "SELECT id, initial_password FROM users WHERE "
                      "tenant_id = :t AND initial_password IS NOT NULL AND id IN (" +
                          list + ")",
       soci::use(tenant), soci::into(user), soci::into(sealed));
  st.execute();
  while (st.fetch()) out[user] = sealed;
  return out;
}

void erase(soci::session& sql, Id tenant, Id user_id) {
  sql << "UPDATE users SET initial_password = NULL WHERE tenant_id = :t AND id = :u "
         "AND initial_password IS NOT NULL",
      soci::use(tenant), soci::use(user_id);
}

}  // namespace lt::store::initial_passwords
