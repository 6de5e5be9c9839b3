// Learner groups.
#include "services/groups.hpp"

#include <algorithm>

#include "domain/account_rules.hpp"
#include "store/groups_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/providers_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::ok;
using domain::Result;

namespace {

auth::Resource at_provider(Id tenant, Id provider, Id group = 0) {
  return {tenant, {provider}, group ? std::vector<Id>{group} : std::vector<Id>{}, {}};
}

// Seeing a group: learner or group permission at its provider (or the group itself).
bool may_see(const auth::Principal& who, const auth::Resource& where) {
  return auth::can(who, Permission::learners_view, where) ||
         auth::can(who, Permission::groups_edit, where);
}

Error name_taken() {
  return Error::validation("name", "name_taken",
                           "This provider already has a group with that name.");
}

}  // namespace

Result<store::GroupRow> Groups::load(soci::session& sql, const Context& ctx, Id id,
                                     Permission permission) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto group = store::groups::find(sql, ctx.tenant_id, id);
  const auto where = group ? at_provider(ctx.tenant_id, group->provider_id, id) : auth::Resource{};
  if (!group || !may_see(*ctx.principal, where)) return fail(Error::not_found("group"));
  if (!auth::can(*ctx.principal, permission, where)) return fail(Error::forbidden());
  return *group;
}

Result<std::vector<store::GroupRow>> Groups::list(const Context& ctx,
                                                  std::optional<Id> provider_id) {
  if (!ctx.principal || (!auth::can_somewhere(*ctx.principal, Permission::learners_view) &&
                         !auth::can_somewhere(*ctx.principal, Permission::groups_edit)))
    return fail(Error::forbidden());
  auto all = deps_.db.read([&](soci::session& sql) {
    return store::groups::list(sql, ctx.tenant_id, std::nullopt, provider_id);
  });
  std::vector<store::GroupRow> visible;
  for (auto& g : all)
    if (may_see(*ctx.principal, at_provider(ctx.tenant_id, g.provider_id, g.id)))
      visible.push_back(std::move(g));
  return visible;
}

Result<store::GroupRow> Groups::get(const Context& ctx, Id id) {
  return deps_.db.read(
      [&](soci::session& sql) { return load(sql, ctx, id, Permission::learners_view); });
}

Result<store::GroupRow> Groups::create(const Context& ctx, const GroupInput& input) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::groups_edit))
    return fail(Error::forbidden());
  std::vector<domain::FieldError> errors;
  auto name = domain::check_name(input.name.value_or(""), "name");
  if (!name) errors.push_back(name.error().fields.front());
  if (!input.provider_id) errors.push_back({"provider_id", "required", "Choose the provider."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return deps_.db.write([&](soci::session& sql) -> Result<store::GroupRow> {
    if (!store::providers::find(sql, ctx.tenant_id, *input.provider_id) ||
        !auth::can(*ctx.principal, Permission::groups_edit,
                   at_provider(ctx.tenant_id, *input.provider_id)))
      return fail(
          Error::validation("provider_id", "unknown_provider", "Choose one of your providers."));
    if (store::groups::name_taken(sql, ctx.tenant_id, *input.provider_id, *name))
      return fail(name_taken());
    store::GroupRow g;
    g.tenant_id = ctx.tenant_id;
    g.provider_id = *input.provider_id;
    g.name = *name;
    g.created_at = deps_.now();
    g.id = store::groups::insert(sql, g);
    Changes changes;
    changes.field("name", nullptr, g.name).field("provider_id", nullptr, g.provider_id);
    audit_.record(sql, ctx, "group.created", "group", g.id, changes);
    return *store::groups::find(sql, ctx.tenant_id, g.id);
  });
}

Result<store::GroupRow> Groups::rename(const Context& ctx, Id id, const GroupInput& input) {
  std::vector<domain::FieldError> errors;
  auto name = domain::check_name(input.name.value_or(""), "name");
  if (!name) errors.push_back(name.error().fields.front());
  if (!input.version) errors.push_back({"version", "required", "Send the version you edited."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return deps_.db.write([&](soci::session& sql) -> Result<store::GroupRow> {
    auto group = load(sql, ctx, id, Permission::groups_edit);
    if (!group) return fail(group.error());
    if (group->version != *input.version) return fail(Error::version_conflict());
    if (store::groups::name_taken(sql, ctx.tenant_id, group->provider_id, *name, id))
      return fail(name_taken());
    Changes changes;
    changes.field("name", group->name, *name);
    group->name = *name;
    if (changes.empty()) return *group;
    if (!store::groups::rename(sql, *group, deps_.now())) return fail(Error::version_conflict());
    audit_.record(sql, ctx, "group.renamed", "group", id, changes);
    return *store::groups::find(sql, ctx.tenant_id, id);
  });
}

Result<void> Groups::remove(const Context& ctx, Id id) {
  return deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto group = load(sql, ctx, id, Permission::groups_edit);
    if (!group) return fail(group.error());
    store::groups::remove(sql, ctx.tenant_id, id);
    Changes changes;
    changes.field("name", group->name, nullptr).field("members", group->members, 0);
    audit_.record(sql, ctx, "group.deleted", "group", id, changes);
    return ok();
  });
}

Result<store::GroupRow> Groups::change_members(const Context& ctx, Id id,
                                               const MembershipChange& change) {
  return deps_.db.write([&](soci::session& sql) -> Result<store::GroupRow> {
    auto group = load(sql, ctx, id, Permission::learners_view);
    if (!group) return fail(group.error());
    std::vector<domain::FieldError> errors;
    auto check = [&](const std::vector<Id>& ids, const std::string& field) {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        auto learner = store::learners::find(sql, ctx.tenant_id, ids[i]);
        if (!learner || learner->provider_id != group->provider_id ||
            !auth::can(*ctx.principal, Permission::learners_edit,
                       {ctx.tenant_id,
                        {learner->provider_id},
                        store::groups::of_learner(sql, learner->id),
                        {}}))
          errors.push_back({field + "[" + std::to_string(i) + "]", "unknown_learner",
                            "That learner is not one of this provider's learners you manage."});
      }
    };
    check(change.add, "add");
    check(change.remove, "remove");
    if (!errors.empty()) return fail(Error::validation(std::move(errors)));
    const auto added = store::groups::add_members(sql, ctx.tenant_id, id, change.add, deps_.now());
    const auto removed =
        change.remove.empty() ? 0 : store::groups::remove_members(sql, id, change.remove);
    if (added + removed > 0) {
      Changes changes;
      changes.field("added", nullptr, change.add).field("removed", nullptr, change.remove);
      audit_.record(sql, ctx, "group.members_changed", "group", id, changes);
    }
    return *store::groups::find(sql, ctx.tenant_id, id);
  });
}

Result<std::vector<store::GroupRow>> Groups::of_learner(const Context& ctx, Id learner_id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can_somewhere(*ctx.principal, Permission::learners_view))
    return fail(Error::forbidden());
  return deps_.db.read([&](soci::session& sql) -> Result<std::vector<store::GroupRow>> {
    auto learner = store::learners::find(sql, ctx.tenant_id, learner_id);
    if (!learner) return fail(Error::not_found("learner"));
    const auto ids = store::groups::of_learner(sql, learner->id);
    if (!auth::can(*ctx.principal, Permission::learners_view,
                   {ctx.tenant_id, {learner->provider_id}, ids, {}}))
      return fail(Error::not_found("learner"));
    std::vector<store::GroupRow> visible;
    for (Id id : ids) {
      auto group = store::groups::find(sql, ctx.tenant_id, id);
      if (group && may_see(*ctx.principal, at_provider(ctx.tenant_id, group->provider_id, id)))
        visible.push_back(std::move(*group));
    }
    // By name, like the groups list, so the learner's page reads the same way.
    std::sort(visible.begin(), visible.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return visible;
  });
}

}  // namespace lt::services
