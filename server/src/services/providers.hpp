// Providers (schools, colleges, training centres): list, create and edit. A provider-scoped
// manager sees and edits only their providers; creating one needs the permission tenant-wide.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"

namespace lt::services {

struct ProviderInput {
  std::optional<std::string> name, ukprn;
  std::optional<int> version;  // required for updates
  std::optional<std::string> local_authority;
  std::optional<bool> sign_off_profiles, learners_add_qualifications;
  std::optional<std::string> referee_name, referee_position, referee_telephone, referee_email;
};

class Providers {
 public:
  Providers(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  domain::Result<store::Page<store::ProviderRow>> list(const Context& ctx,
                                                       const std::optional<std::string>& q,
                                                       std::optional<int> limit,
                                                       const std::optional<std::string>& cursor);
  domain::Result<store::ProviderRow> get(const Context& ctx, Id id);
  domain::Result<store::ProviderRow> create(const Context& ctx, const ProviderInput& input);
  domain::Result<store::ProviderRow> update(const Context& ctx, Id id, const ProviderInput& input);

 private:
  Deps& deps_;
  AuditLog& audit_;
};

}  // namespace lt::services
