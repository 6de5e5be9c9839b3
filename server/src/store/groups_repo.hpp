// Learner groups at a provider and their members.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::groups {

// Groups of the tenant, optionally only at these providers / this provider, by name.
std::vector<GroupRow> list(soci::session& sql, Id tenant,
                           const std::optional<std::vector<Id>>& provider_ids,
                           std::optional<Id> provider_id);
std::optional<GroupRow> find(soci::session& sql, Id tenant, Id id);
bool name_taken(soci::session& sql, Id tenant, Id provider_id, const std::string& name,
                Id except_id = 0);
Id insert(soci::session& sql, const GroupRow& group);
bool rename(soci::session& sql, const GroupRow& group, const std::string& now);
void remove(soci::session& sql, Id tenant, Id id);
// Adds or removes members; learners already in (or not in) the group are skipped. Returns how many
// memberships changed.
long long add_members(soci::session& sql, Id tenant, Id group_id, const std::vector<Id>& learners,
                      const std::string& now);
long long remove_members(soci::session& sql, Id group_id, const std::vector<Id>& learners);
// The groups a learner belongs to.
std::vector<Id> of_learner(soci::session& sql, Id learner_id);

}  // namespace lt::store::groups
