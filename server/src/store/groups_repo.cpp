// SQL for learner groups.
#include "store/groups_repo.hpp"

#include "domain/text.hpp"
#include "store/query.hpp"

namespace lt::store::groups {

namespace {
template <class... Uses>
std::vector<GroupRow> select_groups(soci::session& sql, const std::string& where, Uses&&... uses) {
  GroupRow r;
  soci::statement st = prepared(
      sql,
      "SELECT g.id, g.tenant_id, g.provider_id, p.name, g.name, (SELECT COUNT(*) FROM "
      "learner_group_members m JOIN learners l ON l.id = m.learner_id WHERE m.group_id = g.id "
      "AND l.deleted_at IS NULL), g.created_at, g.updated_at, g.version FROM learner_groups g "
      "JOIN providers p ON p.id = g.provider_id " +
          where + " ORDER BY p.name, g.name_key, g.id",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.provider_id),
      soci::into(r.provider_name), soci::into(r.name), soci::into(r.members),
      soci::into(r.created_at), soci::into(r.updated_at), soci::into(r.version),
      std::forward<Uses>(uses)...);
  st.execute();
  std::vector<GroupRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}
}  // namespace

std::vector<GroupRow> list(soci::session& sql, Id tenant,
                           const std::optional<std::vector<Id>>& provider_ids,
                           std::optional<Id> provider_id) {
  std::string where = "WHERE g.tenant_id = " + std::to_string(tenant);
  if (provider_ids) where += " AND g.provider_id IN (" + id_list(*provider_ids) + ")";
  if (provider_id) where += " AND g.provider_id = " + std::to_string(*provider_id);
  return select_groups(sql, where);
}

std::optional<GroupRow> find(soci::session& sql, Id tenant, Id id) {
  auto rows =
      select_groups(sql, "WHERE g.tenant_id = :t AND g.id = :id", soci::use(tenant), soci::use(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool name_taken(soci::session& sql, Id tenant, Id provider_id, const std::string& name,
                Id except_id) {
  const std::string key = domain::ascii_lower(name);
  long long count = 0;
  sql << "SELECT COUNT(*) FROM learner_groups WHERE tenant_id = :t AND provider_id = :p AND "
         "name_key = :k AND id <> :x",
      soci::use(tenant), soci::use(provider_id), soci::use(key), soci::use(except_id),
      soci::into(count);
  return count > 0;
}

Id insert(soci::session& sql, const GroupRow& g) {
  const std::string key = domain::ascii_lower(g.name);
  return insert_returning_id(sql,
                             "INSERT INTO learner_groups (tenant_id, provider_id, name, name_key, "
                             "created_at, updated_at, version) VALUES (:t, :p, :n, :k, :c, :c2, 1)",
                             soci::use(g.tenant_id), soci::use(g.provider_id), soci::use(g.name),
                             soci::use(key), soci::use(g.created_at), soci::use(g.created_at));
}

bool rename(soci::session& sql, const GroupRow& g, const std::string& now) {
  const std::string key = domain::ascii_lower(g.name);
  return execute_counting(
             sql,
             "UPDATE learner_groups SET name = :n, name_key = :k, updated_at = :now, "
             "version = version + 1 WHERE tenant_id = :t AND id = :id AND version = :v",
             soci::use(g.name), soci::use(key), soci::use(now), soci::use(g.tenant_id),
             soci::use(g.id), soci::use(g.version)) == 1;
}

void remove(soci::session& sql, Id tenant, Id id) {
  sql << "DELETE FROM learner_group_members WHERE group_id = :g AND tenant_id = :t", soci::use(id),
      soci::use(tenant);
  sql << "DELETE FROM learner_groups WHERE id = :g AND tenant_id = :t", soci::use(id),
      soci::use(tenant);
}

long long add_members(soci::session& sql, Id tenant, Id group_id, const std::vector<Id>& learners,
                      const std::string& now) {
  long long added = 0;
  for (Id learner : learners)
    added += execute_counting(sql,
                              "INSERT INTO learner_group_members (group_id, learner_id, tenant_id, "
                              "created_at) VALUES (:g, :l, :t, :c) ON CONFLICT DO NOTHING",
                              soci::use(group_id), soci::use(learner), soci::use(tenant),
                              soci::use(now));
  return added;
}

long long remove_members(soci::session& sql, Id group_id, const std::vector<Id>& learners) {
  return execute_counting(
      sql,
      "DELETE FROM learner_group_members WHERE group_id = :g AND learner_id IN (" +
          id_list(learners) + ")",
      soci::use(group_id));
}

std::vector<Id> of_learner(soci::session& sql, Id learner_id) {
  Id id = 0;
  soci::statement st =
      prepared(sql, "SELECT group_id FROM learner_group_members WHERE learner_id = :l",
               soci::into(id), soci::use(learner_id));
  st.execute();
  std::vector<Id> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace lt::store::groups
