// Counting learners by status without scanning them: the per-provider counters that migration
// 0006's triggers keep (learner_status_counts), plus a direct count of group-scoped extras.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "store/learners_repo.hpp"

namespace lt::store::learner_counts {

// Learners per combination of status flags (learners.status_flags).
using Histogram = std::map<int, long long>;

// The learners in `scope`, and at `only_provider` when given, per combination of flags: the
// counters for whole providers, and a direct count of scope's group members at other providers
// (groups are small).
Histogram in_scope(soci::session& sql, Id tenant, const learners::Scope& scope,
                   std::optional<Id> only_provider);

// How many learners of the histogram have all of `flags` (0: every learner).
long long with_flags(const Histogram& histogram, int flags);

// The dashboard's counts from a histogram: "learners", then each of learners::statuses().
std::vector<std::pair<std::string, long long>> dashboard(const Histogram& histogram);

}  // namespace lt::store::learner_counts
