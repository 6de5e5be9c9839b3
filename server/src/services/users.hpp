// Staff account administration: list, create, edit, disable, enable and unlock users and give them
// roles with scopes. A manager may only touch users within their own scope and may only grant
// scopes they hold themselves; only a tenant-wide user editor may grant the administrator role.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"

namespace lt::services {

struct NewUser {
  std::string username;
  std::optional<std::string> email;
  std::string first_name, last_name;
  std::optional<std::string> telephone;
  std::optional<std::string> password;  // set by someone else: must be changed at first sign-in
  std::vector<store::RoleAssignmentRow> roles;
};

struct UserPatch {
  std::optional<std::string> first_name, last_name, email, telephone;
  std::optional<std::vector<store::RoleAssignmentRow>> roles;
  std::optional<int> version;
};

struct UserQuery {
  std::optional<std::string> q, status, cursor;
  std::optional<int> limit;
};

class Users {
 public:
  Users(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  domain::Result<store::Page<store::UserRow>> list(const Context& ctx, const UserQuery& query);
  domain::Result<store::UserRow> get(const Context& ctx, Id id);
  domain::Result<store::UserRow> create(const Context& ctx, const NewUser& input);
  domain::Result<store::UserRow> update(const Context& ctx, Id id, const UserPatch& patch);
  domain::Result<store::UserRow> set_disabled(const Context& ctx, Id id, bool disabled);
  domain::Result<store::UserRow> unlock(const Context& ctx, Id id);

  // Creates a user without a permission check: for the CLI and first-run bootstrap, which act as
  // the operator of the machine. Validation and audit still apply.
  domain::Result<store::UserRow> create_as_operator(const Context& ctx, const NewUser& input);

 private:
  domain::Result<store::UserRow> create_checked(const Context& ctx, const NewUser& input);
  domain::Result<void> check_roles(soci::session& sql, const Context& ctx,
                                   const std::vector<store::RoleAssignmentRow>& roles,
                                   bool check_grantor);
  domain::Result<store::UserRow> load_for(soci::session& sql, const Context& ctx, Id id,
                                          auth::Permission permission);
  domain::Result<store::UserRow> change_flags(
      const Context& ctx, Id id, const std::string& action,
      const std::function<domain::Result<void>(store::UserRow&, Changes&)>& apply);
  Deps& deps_;
  AuditLog& audit_;
};

// Where a user "lives" for permission checks: the providers their roles are scoped to.
auth::Resource resource_of(const store::UserRow& user);

}  // namespace lt::services
