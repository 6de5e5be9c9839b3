// SQL for providers.
#include "store/providers_repo.hpp"

#include "store/query.hpp"

namespace lt::store::providers {

namespace {
template <class... Uses>
std::vector<ProviderRow> select_providers(soci::session& sql, const std::string& tail,
                                          Uses&&... uses) {
  ProviderRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, name, ukprn, created_at, updated_at, version FROM providers " + tail,
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.name), soci::into(r.ukprn),
      soci::into(r.created_at), soci::into(r.updated_at), soci::into(r.version),
      std::forward<Uses>(uses)...);
  st.execute();
  std::vector<ProviderRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}
}  // namespace

std::optional<ProviderRow> find(soci::session& sql, Id tenant, Id id) {
  auto rows = select_providers(sql, "WHERE tenant_id = :t AND id = :id AND deleted_at IS NULL",
                               soci::use(tenant), soci::use(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool ukprn_taken(soci::session& sql, Id tenant, const std::string& ukprn, Id except_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM providers WHERE tenant_id = :t AND ukprn = :u AND id <> :x",
      soci::use(tenant), soci::use(ukprn), soci::use(except_id), soci::into(count);
  return count > 0;
}

Page<ProviderRow> list(soci::session& sql, Id tenant, const ListFilter& filter) {
  std::string where = "WHERE tenant_id = :t AND deleted_at IS NULL";
  const std::string pattern = filter.q ? like_pattern(*filter.q) : std::string();
  if (filter.q) where += " AND (LOWER(name) LIKE :q1 ESCAPE '\\' OR ukprn LIKE :q2 ESCAPE '\\')";
  if (filter.only_ids) where += " AND id IN (" + id_list(*filter.only_ids) + ")";
  Page<ProviderRow> page;
  const int limit = filter.limit;
  const Id after = filter.after;
  auto run = [&](auto&&... uses) {
    prepared(sql, "SELECT COUNT(*) FROM providers " + where, soci::into(page.total), uses...)
        .execute(true);
    page.items = select_providers(sql, where + " AND id > :after ORDER BY id LIMIT :lim", uses...,
                                  soci::use(after), soci::use(limit));
  };
  if (filter.q)
    run(soci::use(tenant), soci::use(pattern), soci::use(pattern));
  else
    run(soci::use(tenant));
  if (static_cast<int>(page.items.size()) == limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

Id insert(soci::session& sql, const ProviderRow& p) {
  return insert_returning_id(sql,
                             "INSERT INTO providers (tenant_id, name, ukprn, created_at, "
                             "updated_at, version) VALUES (:t, :n, :u, :c, :c2, 1)",
                             soci::use(p.tenant_id), soci::use(p.name), soci::use(p.ukprn),
                             soci::use(p.created_at), soci::use(p.created_at));
}

bool update(soci::session& sql, const ProviderRow& p, const std::string& now) {
  return execute_counting(sql,
                          "UPDATE providers SET name = :n, ukprn = :u, updated_at = :now, "
                          "version = version + 1 WHERE tenant_id = :t AND id = :id AND "
                          "version = :v AND deleted_at IS NULL",
                          soci::use(p.name), soci::use(p.ukprn), soci::use(now),
                          soci::use(p.tenant_id), soci::use(p.id), soci::use(p.version)) == 1;
}

}  // namespace lt::store::providers
