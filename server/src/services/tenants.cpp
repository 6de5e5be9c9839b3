// Tenant creation, bootstrap and settings.
#include "services/tenants.hpp"

#include "auth/secrets.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"
#include "services/qualification_catalogue.hpp"
#include "store/tenants_repo.hpp"

namespace lt::services {

using domain::Error;
using domain::fail;
using domain::Result;

Result<store::TenantRow> Tenants::create(const std::string& raw_name) {
  const std::string name = domain::trim(raw_name);
  const bool valid =
      !name.empty() && name.size() <= 63 &&
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  if (!valid)
    return fail(Error::validation("name", "invalid_tenant_name",
                                  "A tenant name is 1–63 lower-case letters, digits or hyphens."));
  return deps_.db.write([&](soci::session& sql) -> Result<store::TenantRow> {
    if (store::tenants::find_by_name(sql, name))
      return fail(Error::make(domain::ErrorKind::conflict, "tenant_exists",
                              "A tenant called " + name + " already exists."));
    const Id id = store::tenants::insert(sql, name, deps_.now());
    QualificationCatalogue::seed_tenant(sql, id, deps_.now());  // its own editable copy
    Context ctx;
    ctx.tenant_id = id;
    Changes changes;
    changes.field("name", nullptr, name);
    audit_.record(sql, ctx, "tenant.created", "tenant", id, changes);
    return *store::tenants::find(sql, id);
  });
}

std::optional<store::TenantRow> Tenants::find_by_name(const std::string& name) {
  return deps_.db.read([&](soci::session& sql) { return store::tenants::find_by_name(sql, name); });
}

store::TenantRow Tenants::ensure(const std::string& name) {
  if (auto tenant = find_by_name(name)) return *tenant;
  auto created = create(name);
  if (!created) throw std::runtime_error("cannot create tenant: " + created.error().message);
  return *created;
}

Bootstrap Tenants::bootstrap(const std::string& tenant_name) {
  Bootstrap result;
  result.tenant_id = ensure(tenant_name).id;
  long long users = deps_.db.read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM users", soci::into(n);
    return n;
  });
  if (users > 0) return result;
  Context ctx;
  ctx.tenant_id = result.tenant_id;
  NewUser admin;
  admin.username = "administrator";  // usernames are at least 6 characters
  admin.first_name = "Platform";
  admin.last_name = "Administrator";
  admin.password = auth::generate_password();
  admin.roles = {{"administrator", "tenant", std::nullopt}};
  auto created = users_.create_as_operator(ctx, admin);
  if (!created) throw std::runtime_error("cannot create administrator: " + created.error().message);
  result.created_admin = true;
  result.username = admin.username;
  result.password = *admin.password;
  return result;
}

Result<store::TenantRow> Tenants::settings(const Context& ctx) {
  if (!ctx.principal ||
      !auth::can(*ctx.principal, auth::Permission::settings_edit, {ctx.tenant_id}))
    return fail(Error::forbidden());
  auto row =
      deps_.db.read([&](soci::session& sql) { return store::tenants::find(sql, ctx.tenant_id); });
  if (!row) return fail(Error::not_found("tenant"));
  return *row;
}

Result<store::TenantRow> Tenants::update_settings(const Context& ctx, const SettingsPatch& patch) {
  if (!ctx.principal ||
      !auth::can(*ctx.principal, auth::Permission::settings_edit, {ctx.tenant_id}))
    return fail(Error::forbidden());
  std::vector<domain::FieldError> errors;
  if (!patch.version) errors.push_back({"version", "required", "Send the version you edited."});
  if (patch.password_policy && !domain::PasswordPolicy::named(*patch.password_policy))
    errors.push_back({"password_policy", "invalid_choice", "Choose standard or strong."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return deps_.db.write([&](soci::session& sql) -> Result<store::TenantRow> {
    auto row = store::tenants::find(sql, ctx.tenant_id);
    if (!row) return fail(Error::not_found("tenant"));
    if (row->version != *patch.version) return fail(Error::version_conflict());
    Changes changes;
    if (patch.password_policy) {
      changes.field("password_policy", row->password_policy, *patch.password_policy);
      row->password_policy = *patch.password_policy;
    }
    if (changes.empty()) return *row;
    if (!store::tenants::update_settings(sql, *row, deps_.now()))
      return fail(Error::version_conflict());
    audit_.record(sql, ctx, "tenant.settings_updated", "tenant", row->id, changes);
    return *store::tenants::find(sql, ctx.tenant_id);
  });
}

}  // namespace lt::services
