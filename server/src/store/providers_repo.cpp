// SQL for providers.
#include "store/providers_repo.hpp"

#include "store/query.hpp"

namespace lt::store::providers {

namespace {
template <class... Uses>
std::vector<ProviderRow> select_providers(soci::session& sql, const std::string& tail,
                                          Uses&&... uses) {
  ProviderRow r;
  int sign_off = 0, learners_add = 1;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, name, ukprn, local_authority, sign_off_profiles, "
      "learners_add_qualifications, referee_name, referee_position, referee_telephone, "
      "referee_email, created_at, updated_at, version FROM providers " +
          tail,
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.name), soci::into(r.ukprn),
      soci::into(r.local_authority), soci::into(sign_off), soci::into(learners_add),
      soci::into(r.referee_name), soci::into(r.referee_position), soci::into(r.referee_telephone),
      soci::into(r.referee_email), soci::into(r.created_at), soci::into(r.updated_at),
      soci::into(r.version), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<ProviderRow> out;
  while (st.fetch()) {
    r.sign_off_profiles = sign_off != 0;
    r.learners_add_qualifications = learners_add != 0;
    out.push_back(r);
  }
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
  const int sign_off = p.sign_off_profiles, learners_add = p.learners_add_qualifications;
  return insert_returning_id(
      sql,
      "INSERT INTO providers (tenant_id, name, ukprn, local_authority, sign_off_profiles, "
      "learners_add_qualifications, referee_name, referee_position, referee_telephone, "
      "referee_email, created_at, updated_at, version) VALUES (:t, :n, :u, :la, :so, :laq, :rn, "
      ":rp, :rt, :re, :c, :c2, 1)",
      soci::use(p.tenant_id), soci::use(p.name), soci::use(p.ukprn), soci::use(p.local_authority),
      soci::use(sign_off), soci::use(learners_add), soci::use(p.referee_name),
      soci::use(p.referee_position), soci::use(p.referee_telephone), soci::use(p.referee_email),
      soci::use(p.created_at), soci::use(p.created_at));
}

bool update(soci::session& sql, const ProviderRow& p, const std::string& now) {
  const int sign_off = p.sign_off_profiles, learners_add = p.learners_add_qualifications;
  return execute_counting(
             sql,
             "UPDATE providers SET name = :n, ukprn = :u, local_authority = :la, "
             "sign_off_profiles = :so, learners_add_qualifications = :laq, referee_name = :rn, "
             "referee_position = :rp, referee_telephone = :rt, referee_email = :re, "
             "updated_at = :now, version = version + 1 WHERE tenant_id = :t AND id = :id AND "
             "version = :v AND deleted_at IS NULL",
             soci::use(p.name), soci::use(p.ukprn), soci::use(p.local_authority),
             soci::use(sign_off), soci::use(learners_add), soci::use(p.referee_name),
             soci::use(p.referee_position), soci::use(p.referee_telephone),
             soci::use(p.referee_email), soci::use(now), soci::use(p.tenant_id), soci::use(p.id),
             soci::use(p.version)) == 1;
}

}  // namespace lt::store::providers
