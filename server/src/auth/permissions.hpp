// Roles, permissions and scopes, and the one function that answers "may this user do this to this
// record?". Handlers and services never compare role names: they ask `can`. Deny by default: an
// unknown role grants nothing, a scope that does not cover the record grants nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lt::auth {

using Id = long long;

enum class Permission {
  users_view,
  users_edit,
  providers_view,
  providers_edit,
  audit_view,
  outbox_view,
  settings_edit,
  learners_view,
  learners_edit,
  groups_edit,
  jobs_manage,  // see and cancel every job of the tenant, not only one's own
};

std::string_view permission_name(Permission p);  // "users.view"…
const std::vector<Permission>& all_permissions();

enum class ScopeType { tenant, provider, group, employer };
std::string_view scope_type_name(ScopeType s);
std::optional<ScopeType> parse_scope_type(std::string_view name);

struct RoleDefinition {
  std::string name;  // "learner_manager"
  std::string label;
  std::string description;
  std::vector<Permission> permissions;
  std::vector<ScopeType> scope_types;  // scopes this role may be given
};

const std::vector<RoleDefinition>& role_definitions();
const RoleDefinition* find_role(std::string_view name);

struct Assignment {
  std::string role;
  ScopeType scope_type = ScopeType::tenant;
  std::optional<Id> scope_id;
};

// Who is asking: the signed-in user of one tenant and what they hold.
struct Principal {
  Id tenant_id = 0;
  Id user_id = 0;
  Id session_id = 0;
  std::string username;
  bool must_change_password = false;
  std::vector<Assignment> assignments;
};

// Where a record lives: its tenant and the providers, groups and employers it belongs to. A
// tenant-level record (a setting, a user without a provider) has empty lists.
struct Resource {
  Id tenant_id = 0;
  std::vector<Id> provider_ids;
  std::vector<Id> group_ids;
  std::vector<Id> employer_ids;
};

// True when one of the principal's assignments grants `permission` with a scope covering the
// resource: a tenant-wide assignment covers everything in the tenant; a provider/group/employer
// assignment covers records that belong to that provider/group/employer.
bool can(const Principal& who, Permission permission, const Resource& what);

// True when the principal holds `permission` at any scope (to show a menu, or to run a list query
// that is then filtered by `scope_ids`).
bool can_somewhere(const Principal& who, Permission permission);

// The ids of the given scope type at which the principal holds the permission, or nullopt when it
// holds it tenant-wide (no filter needed).
std::optional<std::vector<Id>> scope_ids(const Principal& who, Permission permission,
                                         ScopeType type);

// Every permission the principal holds anywhere, by name (for the UI).
std::vector<std::string> permission_names(const Principal& who);

}  // namespace lt::auth
