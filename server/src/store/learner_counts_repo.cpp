// Learner counts from the status counters (migration 0006) and, for group scopes, group members.
#include "store/learner_counts_repo.hpp"

#include <algorithm>

#include "store/query.hpp"
#include "store/statement_cache.hpp"

namespace lt::store::learner_counts {

namespace {

struct FlagCountInto {
  int flags = 0;
  long long count = 0;
  void bind(soci::details::prepare_temp_type& temp) { temp, soci::into(flags), soci::into(count); }
};

void add_rows(soci::session& sql, const std::string& query, Histogram& out) {
  with_cached<CachedQuery<FlagCountInto>>(sql, query, [&](CachedQuery<FlagCountInto>& q) {
    q.st->execute();
    while (q.st->fetch()) out[q.into.flags] += q.into.count;
  });
}

}  // namespace

Histogram in_scope(soci::session& sql, Id tenant, const learners::Scope& scope,
                   std::optional<Id> only_provider) {
  Histogram out;
  // Whole providers: all of the tenant's, the scope's, or just the filtered one within them.
  std::optional<std::vector<Id>> providers = scope.provider_ids;
  if (only_provider) {
    if (providers &&
        std::find(providers->begin(), providers->end(), *only_provider) == providers->end())
      providers = std::vector<Id>{};
    else
      providers = std::vector<Id>{*only_provider};
  }
  if (!providers || !providers->empty()) {
    std::string query =
        "SELECT status_flags, CAST(SUM(learners) AS BIGINT) FROM learner_status_counts WHERE "
        "tenant_id = " +
        std::to_string(tenant);
    if (providers) query += " AND provider_id IN (" + id_list(*providers) + ")";
    add_rows(sql, query + " GROUP BY status_flags", out);
  }
  // Group members at providers the scope does not already count whole.
  if (scope.provider_ids && !scope.group_ids.empty()) {
    std::string query =
        "SELECT l.status_flags, COUNT(*) FROM learners l WHERE l.tenant_id = " +
        std::to_string(tenant) +
        " AND l.deleted_at IS NULL AND l.id IN (SELECT learner_id FROM learner_group_members "
        "WHERE group_id IN (" +
        id_list(scope.group_ids) + "))";
    if (!scope.provider_ids->empty())
      query += " AND l.provider_id NOT IN (" + id_list(*scope.provider_ids) + ")";
    if (only_provider) query += " AND l.provider_id = " + std::to_string(*only_provider);
    add_rows(sql, query + " GROUP BY l.status_flags", out);
  }
  return out;
}

long long with_flags(const Histogram& histogram, int flags) {
  long long total = 0;
  for (const auto& [combination, count] : histogram)
    if ((combination & flags) == flags) total += count;
  return total;
}

std::vector<std::pair<std::string, long long>> dashboard(const Histogram& histogram) {
  std::vector<std::pair<std::string, long long>> out = {{"learners", with_flags(histogram, 0)}};
  for (const auto& status : learners::statuses())
    out.emplace_back(status, with_flags(histogram, learners::status_flag(status)));
  return out;
}

}  // namespace lt::store::learner_counts
