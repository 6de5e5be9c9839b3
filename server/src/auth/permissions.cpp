// The role table and the permission check.
#include "auth/permissions.hpp"

#include <algorithm>

namespace lt::auth {

namespace {
using P = Permission;
using S = ScopeType;
}  // namespace

std::string_view permission_name(Permission p) {
  switch (p) {
    case P::users_view:
      return "users.view";
    case P::users_edit:
      return "users.edit";
    case P::providers_view:
      return "providers.view";
    case P::providers_edit:
      return "providers.edit";
    case P::audit_view:
      return "audit.view";
    case P::outbox_view:
      return "outbox.view";
    case P::settings_edit:
      return "settings.edit";
    case P::learners_view:
      return "learners.view";
    case P::learners_edit:
      return "learners.edit";
    case P::groups_edit:
      return "groups.edit";
    case P::jobs_manage:
      return "jobs.manage";
  }
  return "unknown";
}

const std::vector<Permission>& all_permissions() {
  static const std::vector<Permission> all = {
      P::users_view,    P::users_edit,  P::providers_view, P::providers_edit,
      P::audit_view,    P::outbox_view, P::settings_edit,  P::learners_view,
      P::learners_edit, P::groups_edit, P::jobs_manage};
  return all;
}

std::string_view scope_type_name(ScopeType s) {
  switch (s) {
    case S::tenant:
      return "tenant";
    case S::provider:
      return "provider";
    case S::group:
      return "group";
    case S::employer:
      return "employer";
  }
  return "tenant";
}

std::optional<ScopeType> parse_scope_type(std::string_view name) {
  for (S s : {S::tenant, S::provider, S::group, S::employer})
    if (scope_type_name(s) == name) return s;
  return std::nullopt;
}

const std::vector<RoleDefinition>& role_definitions() {
  // Permissions for learners, imports, trackers and the rest arrive with those features; the
  // roles already exist so that accounts can be set up before them.
  static const std::vector<RoleDefinition> roles = {
      {"administrator",
       "Administrator",
       "Runs the platform for the tenant: settings, users, providers, audit and email.",
       all_permissions(),
       {S::tenant}},
      {"provider_manager",
       "Provider manager",
       "Manages providers: their details, defaults, groups and staff.",
       {P::providers_view, P::providers_edit, P::users_view, P::learners_view, P::groups_edit},
       {S::tenant, S::provider}},
      {"user_manager",
       "User manager",
       "Creates and edits staff accounts at providers.",
       {P::users_view, P::users_edit, P::providers_view, P::groups_edit},
       {S::tenant, S::provider}},
      {"learner_manager",
       "Learner manager",
       "Creates and manages learners at their providers or groups.",
       {P::providers_view, P::learners_view, P::learners_edit},
       {S::tenant, S::provider, S::group}},
      {"tutor",
       "Tutor",
       "Trainer, assessor or mentor of their learners.",
       {P::providers_view, P::learners_view},
       {S::tenant, S::provider, S::group}},
      {"compliance_admin",
       "Compliance administrator",
       "Processes enrolments, change trackers and ILR data.",
       {P::providers_view, P::learners_view},
       {S::tenant, S::provider}},
      {"ilr_qa",
       "ILR quality assurance",
       "Quality-assures ILR records.",
       {P::providers_view, P::learners_view},
       {S::tenant, S::provider}},
      {"employer_contact",
       "Employer contact",
       "An employer's contact: sees their applicants and learners.",
       {},
       {S::employer}},
      {"learner",
       "Learner",
       "The learner or participant: their own profile and applications.",
       {},
       {S::tenant, S::provider}},
      {"viewer",
       "Viewer",
       "Read-only staff access at their scope.",
       {P::providers_view, P::users_view, P::learners_view},
       {S::tenant, S::provider, S::group}},
  };
  return roles;
}

const RoleDefinition* find_role(std::string_view name) {
  for (const auto& role : role_definitions())
    if (role.name == name) return &role;
  return nullptr;
}

namespace {

bool grants(const Assignment& a, Permission p) {
  const RoleDefinition* role = find_role(a.role);
  if (!role) return false;
  return std::find(role->permissions.begin(), role->permissions.end(), p) !=
         role->permissions.end();
}

bool contains(const std::vector<Id>& ids, const std::optional<Id>& id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

bool covers(const Assignment& a, const Resource& what) {
  switch (a.scope_type) {
    case S::tenant:
      return true;
    case S::provider:
      return contains(what.provider_ids, a.scope_id);
    case S::group:
      return contains(what.group_ids, a.scope_id);
    case S::employer:
      return contains(what.employer_ids, a.scope_id);
  }
  return false;
}

}  // namespace

bool can(const Principal& who, Permission permission, const Resource& what) {
  if (who.user_id == 0 || who.tenant_id != what.tenant_id) return false;
  return std::any_of(who.assignments.begin(), who.assignments.end(),
                     [&](const Assignment& a) { return grants(a, permission) && covers(a, what); });
}

bool can_somewhere(const Principal& who, Permission permission) {
  if (who.user_id == 0) return false;
  return std::any_of(who.assignments.begin(), who.assignments.end(),
                     [&](const Assignment& a) { return grants(a, permission); });
}

std::optional<std::vector<Id>> scope_ids(const Principal& who, Permission permission,
                                         ScopeType type) {
  std::vector<Id> ids;
  for (const auto& a : who.assignments) {
    if (!grants(a, permission)) continue;
    if (a.scope_type == S::tenant) return std::nullopt;
    if (a.scope_type == type && a.scope_id) ids.push_back(*a.scope_id);
  }
  return ids;
}

std::vector<std::string> permission_names(const Principal& who) {
  std::vector<std::string> names;
  for (Permission p : all_permissions())
    if (can_somewhere(who, p)) names.emplace_back(permission_name(p));
  return names;
}

}  // namespace lt::auth
