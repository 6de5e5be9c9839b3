// Staff account administration.
#include "services/users.hpp"

#include <functional>

#include "auth/secrets.hpp"
#include "domain/account_rules.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"
#include "services/account_mail.hpp"
#include "store/providers_repo.hpp"
#include "store/query.hpp"
#include "store/sessions_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::FieldError;
using domain::ok;
using domain::Result;

// Grant (or take away) only what you could edit yourself; the administrator role only tenant-wide
// editors.
bool may_grant(const Context& ctx, const store::RoleAssignmentRow& r) {
  auth::Resource where{ctx.tenant_id, {}, {}, {}};
  if (r.scope_id && r.scope_type == "provider") where.provider_ids = {*r.scope_id};
  if (r.scope_id && r.scope_type == "group") where.group_ids = {*r.scope_id};
  if (r.scope_id && r.scope_type == "employer") where.employer_ids = {*r.scope_id};
  const bool tenant_wide = auth::can(*ctx.principal, Permission::users_edit, {ctx.tenant_id});
  return auth::can(*ctx.principal, Permission::users_edit, where) &&
         (r.role != "administrator" || tenant_wide);
}

auth::Resource resource_of(const store::UserRow& user) {
  auth::Resource r{user.tenant_id, {}, {}, {}};
  for (const auto& role : user.roles) {
    if (!role.scope_id) continue;
    if (role.scope_type == "provider")
      r.provider_ids.push_back(*role.scope_id);
    else if (role.scope_type == "group")
      r.group_ids.push_back(*role.scope_id);
    else if (role.scope_type == "employer")
      r.employer_ids.push_back(*role.scope_id);
  }
  return r;
}

namespace {

nlohmann::json roles_json(const std::vector<store::RoleAssignmentRow>& roles) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : roles)
    out.push_back({{"role", r.role},
                   {"scope_type", r.scope_type},
                   {"scope_id", r.scope_id ? nlohmann::json(*r.scope_id) : nlohmann::json()}});
  return out;
}

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// Validates optional text fields into `errors`; returns the cleaned values.
struct Cleaned {
  std::optional<std::string> first_name, last_name, email, telephone;
};
Cleaned clean_fields(const std::optional<std::string>& first,
                     const std::optional<std::string>& last,
                     const std::optional<std::string>& email,
                     const std::optional<std::string>& telephone, std::vector<FieldError>& errors) {
  Cleaned c;
  auto collect = [&](auto result, std::optional<std::string>& out) {
    if (result)
      out = *result;
    else
      errors.insert(errors.end(), result.error().fields.begin(), result.error().fields.end());
  };
  if (first) collect(domain::check_name(*first, "first_name"), c.first_name);
  if (last) collect(domain::check_name(*last, "last_name"), c.last_name);
  if (email) {
    if (domain::trim(*email).empty())
      c.email = "";
    else
      collect(domain::check_email(*email), c.email);
  }
  if (telephone) collect(domain::check_telephone(*telephone), c.telephone);
  return c;
}

}  // namespace

Result<void> Users::check_roles(soci::session& sql, const Context& ctx,
                                const std::vector<store::RoleAssignmentRow>& roles,
                                bool check_grantor) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto& r = roles[i];
    const std::string at = "roles[" + std::to_string(i) + "]";
    const auth::RoleDefinition* def = auth::find_role(r.role);
    if (!def) {
      errors.push_back({at + ".role", "unknown_role", "Choose one of the listed roles."});
      continue;
    }
    auto scope = auth::parse_scope_type(r.scope_type);
    if (!scope || std::find(def->scope_types.begin(), def->scope_types.end(), *scope) ==
                      def->scope_types.end()) {
      errors.push_back(
          {at + ".scope_type", "invalid_scope", "This role cannot be given at that scope."});
      continue;
    }
    if (*scope == auth::ScopeType::tenant) {
      if (r.scope_id)
        errors.push_back(
            {at + ".scope_id", "invalid_scope", "A tenant-wide role has no scope id."});
    } else if (!r.scope_id) {
      errors.push_back({at + ".scope_id", "required", "Choose where this role applies."});
    } else if (*scope == auth::ScopeType::provider &&
               !store::providers::find(sql, ctx.tenant_id, *r.scope_id)) {
      errors.push_back({at + ".scope_id", "unknown_provider", "That provider does not exist."});
    }
    if (!check_grantor || !errors.empty()) continue;
    if (!may_grant(ctx, r))
      errors.push_back({at + ".role", "cannot_grant", "You cannot give this role at this scope."});
  }
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return ok();
}

Result<store::Page<store::UserRow>> Users::list(const Context& ctx, const UserQuery& query) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::users_view))
    return fail(Error::forbidden());
  if (query.status && *query.status != "active" && *query.status != "disabled")
    return fail(Error::validation("status", "invalid_status", "Use active or disabled."));
  store::users::ListFilter filter;
  if (query.q && !domain::trim(*query.q).empty()) filter.q = domain::trim(*query.q);
  filter.status = query.status;
  filter.provider_ids =
      auth::scope_ids(*ctx.principal, Permission::users_view, auth::ScopeType::provider);
  filter.limit = store::page_limit(query.limit);
  filter.after = store::cursor_after(query.cursor);
  return deps_.db.read(
      [&](soci::session& sql) { return store::users::list(sql, ctx.tenant_id, filter); });
}

Result<store::UserRow> Users::load_for(soci::session& sql, const Context& ctx, Id id,
                                       Permission permission) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto user = store::users::find(sql, ctx.tenant_id, id);
  // Someone who may not see the user learns nothing about whether it exists.
  if (!user || !auth::can(*ctx.principal, Permission::users_view, resource_of(*user)))
    return fail(auth::can_somewhere(*ctx.principal, Permission::users_view)
                    ? Error::not_found("user")
                    : Error::forbidden());
  if (!auth::can(*ctx.principal, permission, resource_of(*user))) return fail(Error::forbidden());
  return *user;
}

Result<store::UserRow> Users::get(const Context& ctx, Id id) {
  return deps_.db.read(
      [&](soci::session& sql) { return load_for(sql, ctx, id, Permission::users_view); });
}

Result<store::UserRow> Users::create(const Context& ctx, const NewUser& input) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::users_edit))
    return fail(Error::forbidden());
  return create_checked(ctx, input);
}

Result<store::UserRow> Users::create_as_operator(const Context& ctx, const NewUser& input) {
  return create_checked(ctx, input);
}

Result<store::UserRow> Users::create_checked(const Context& ctx, const NewUser& input) {
  std::vector<FieldError> errors;
  auto username = domain::check_username(input.username);
  if (!username) errors.push_back(username.error().fields.front());
  Cleaned c = clean_fields(input.first_name, input.last_name, input.email, input.telephone, errors);
  const bool has_email = c.email && !c.email->empty();
  std::optional<std::string> hash;
  if (input.password) {
    auto tenant =
        deps_.db.read([&](soci::session& sql) { return store::tenants::find(sql, ctx.tenant_id); });
    auto policy = domain::PasswordPolicy::named(tenant ? tenant->password_policy : "standard")
                      .value_or(domain::PasswordPolicy::standard());
    if (auto checked = policy.check(*input.password); !checked)
      errors.push_back(checked.error().fields.front());
  } else if (!has_email) {
    errors.push_back({"email", "required",
                      "Give an email address for the verification email, or set an initial "
                      "password."});
  }
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  if (input.password) hash = auth::hash_password(*input.password);  // outside the transaction

  return deps_.db.write([&](soci::session& sql) -> Result<store::UserRow> {
    if (auto roles_ok = check_roles(sql, ctx, input.roles, ctx.principal.has_value()); !roles_ok)
      return fail(roles_ok.error());
    if (store::users::username_taken(sql, ctx.tenant_id, *username))
      return fail(Error::validation("username", "username_taken",
                                    "That username is already in use. Choose another."));
    store::UserRow user;
    user.tenant_id = ctx.tenant_id;
    user.username = *username;
    user.email = has_email ? c.email : std::nullopt;
    user.first_name = c.first_name.value_or("");
    user.last_name = c.last_name.value_or("");
    user.telephone = c.telephone.value_or("");
    user.password_hash = hash;
    user.must_change_password = hash.has_value();
    user.created_at = deps_.now();
    user.id = store::users::insert(sql, user);
    store::users::replace_roles(sql, ctx.tenant_id, user.id, input.roles, user.created_at);
    user.roles = input.roles;
    send_verification_email(sql, deps_, user);
    Changes changes;
    changes.field("username", nullptr, user.username)
        .field("email", nullptr, opt(user.email))
        .field("first_name", nullptr, user.first_name)
        .field("last_name", nullptr, user.last_name)
        .field("telephone", nullptr, user.telephone)
        .field("roles", nullptr, roles_json(user.roles))
        .field("must_change_password", nullptr, user.must_change_password);
    audit_.record(sql, ctx, "user.created", "user", user.id, changes);
    return *store::users::find(sql, ctx.tenant_id, user.id);
  });
}

Result<store::UserRow> Users::update(const Context& ctx, Id id, const UserPatch& patch) {
  if (!patch.version)
    return fail(Error::validation("version", "required", "Send the version you edited."));
  std::vector<FieldError> errors;
  Cleaned c = clean_fields(patch.first_name, patch.last_name, patch.email, patch.telephone, errors);
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return deps_.db.write([&](soci::session& sql) -> Result<store::UserRow> {
    auto user = load_for(sql, ctx, id, Permission::users_edit);
    if (!user) return fail(user.error());
    if (user->version != *patch.version) return fail(Error::version_conflict());
    Changes changes;
    if (c.first_name)
      changes.field("first_name", user->first_name, *c.first_name),
          user->first_name = *c.first_name;
    if (c.last_name)
      changes.field("last_name", user->last_name, *c.last_name), user->last_name = *c.last_name;
    if (c.telephone)
      changes.field("telephone", user->telephone, *c.telephone), user->telephone = *c.telephone;
    bool email_changed = false;
    if (c.email) {
      std::optional<std::string> next = c.email->empty() ? std::nullopt : c.email;
      if (next != user->email) {
        changes.field("email", opt(user->email), opt(next));
        user->email = next;
        user->email_verified = false;
        email_changed = true;
      }
    }
    if (patch.roles && *patch.roles != user->roles) {
      if (auto roles_ok = check_roles(sql, ctx, *patch.roles, false); !roles_ok)
        return fail(roles_ok.error());
      // Only what changes needs the caller's reach: a role given or a role taken away. Roles held
      // at scopes the caller does not manage may stay as they are.
      const auto& held = user->roles;
      const auto& next = *patch.roles;
      auto has = [](const auto& list, const auto& r) {
        return std::find(list.begin(), list.end(), r) != list.end();
      };
      std::vector<FieldError> denied;
      for (std::size_t i = 0; i < next.size(); ++i)
        if (!has(held, next[i]) && !may_grant(ctx, next[i]))
          denied.push_back({"roles[" + std::to_string(i) + "].role", "cannot_grant",
                            "You cannot give this role at this scope."});
      for (const auto& r : held)
        if (!has(next, r) && !may_grant(ctx, r))
          denied.push_back({"roles", "cannot_grant",
                            "You cannot take away a role at a scope you do not manage."});
      if (!denied.empty()) return fail(Error::validation(std::move(denied)));
      changes.field("roles", roles_json(user->roles), roles_json(*patch.roles));
      store::users::replace_roles(sql, ctx.tenant_id, id, *patch.roles, deps_.now());
    }
    if (changes.empty()) return *user;
    if (!store::users::update(sql, *user, deps_.now())) return fail(Error::version_conflict());
    if (email_changed) send_verification_email(sql, deps_, *user);
    audit_.record(sql, ctx, "user.updated", "user", id, changes);
    return *store::users::find(sql, ctx.tenant_id, id);
  });
}

Result<store::UserRow> Users::change_flags(
    const Context& ctx, Id id, const std::string& action,
    const std::function<Result<void>(store::UserRow&, Changes&)>& apply) {
  return deps_.db.write([&](soci::session& sql) -> Result<store::UserRow> {
    auto user = load_for(sql, ctx, id, Permission::users_edit);
    if (!user) return fail(user.error());
    Changes changes;
    if (auto applied = apply(*user, changes); !applied) return fail(applied.error());
    if (changes.empty()) return *user;
    if (!store::users::update(sql, *user, deps_.now())) return fail(Error::version_conflict());
    if (user->status == "disabled") store::sessions::remove_for_user(sql, id);
    audit_.record(sql, ctx, action, "user", id, changes);
    return *store::users::find(sql, ctx.tenant_id, id);
  });
}

Result<store::UserRow> Users::set_disabled(const Context& ctx, Id id, bool disabled) {
  if (ctx.principal && ctx.principal->user_id == id && disabled)
    return fail(Error::make(domain::ErrorKind::conflict, "cannot_disable_self",
                            "You cannot disable your own account."));
  const std::string next = disabled ? "disabled" : "active";
  return change_flags(ctx, id, disabled ? "user.disabled" : "user.enabled",
                      [&](store::UserRow& user, Changes& changes) -> Result<void> {
                        changes.field("status", user.status, next);
                        user.status = next;
                        return ok();
                      });
}

Result<store::UserRow> Users::unlock(const Context& ctx, Id id) {
  return change_flags(
      ctx, id, "user.unlocked", [&](store::UserRow& user, Changes& changes) -> Result<void> {
        changes.field("locked", user.locked, false).field("failed_logins", user.failed_logins, 0);
        user.locked = false;
        user.failed_logins = 0;
        return ok();
      });
}

}  // namespace lt::services
