// Learner groups (manual section 8): provider and user managers create, rename and delete groups
// at their providers; learner managers put their learners into groups and take them out. A learner
// manager scoped to groups then sees only those groups' learners (see Learners::list).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"

namespace lt::services {

struct GroupInput {
  std::optional<Id> provider_id;
  std::optional<std::string> name;
  std::optional<int> version;
};

struct MembershipChange {
  std::vector<Id> add, remove;
};

class Groups {
 public:
  Groups(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  domain::Result<std::vector<store::GroupRow>> list(const Context& ctx,
                                                    std::optional<Id> provider_id);
  domain::Result<store::GroupRow> get(const Context& ctx, Id id);
  domain::Result<store::GroupRow> create(const Context& ctx, const GroupInput& input);
  domain::Result<store::GroupRow> rename(const Context& ctx, Id id, const GroupInput& input);
  domain::Result<void> remove(const Context& ctx, Id id);
  // Every learner must be at the group's provider and editable by the caller.
  domain::Result<store::GroupRow> change_members(const Context& ctx, Id id,
                                                 const MembershipChange& change);
  // The groups the learner is in that the caller may see; the learner must be one the caller may
  // see (else 404, or 403 for a caller who sees no learners at all), as for Learners::get.
  domain::Result<std::vector<store::GroupRow>> of_learner(const Context& ctx, Id learner_id);

 private:
  domain::Result<store::GroupRow> load(soci::session& sql, const Context& ctx, Id id,
                                       auth::Permission permission);
  Deps& deps_;
  AuditLog& audit_;
};

}  // namespace lt::services
