// Tenants and their settings: creating a tenant (CLI), first-run bootstrap of the administrator,
// and the per-tenant password policy.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/users.hpp"

namespace lt::services {

struct SettingsPatch {
  std::optional<std::string> password_policy;
  std::optional<int> version;
};

struct Bootstrap {
  Id tenant_id = 0;
  bool created_admin = false;
  std::string username, password;  // the one-time password, only when created_admin
};

class Tenants {
 public:
  Tenants(Deps& deps, AuditLog& audit, Users& users) : deps_(deps), audit_(audit), users_(users) {}

  // 422 invalid_tenant_name, 409 tenant_exists.
  domain::Result<store::TenantRow> create(const std::string& name);
  std::optional<store::TenantRow> find_by_name(const std::string& name);
  // The tenant of this name, created when missing.
  store::TenantRow ensure(const std::string& name);

  // Ensures the tenant exists and, when it has no users at all, creates an administrator with a
  // generated one-time password that must be changed at first sign-in.
  Bootstrap bootstrap(const std::string& tenant_name);

  domain::Result<store::TenantRow> settings(const Context& ctx);
  domain::Result<store::TenantRow> update_settings(const Context& ctx, const SettingsPatch& patch);

 private:
  Deps& deps_;
  AuditLog& audit_;
  Users& users_;
};

}  // namespace lt::services
