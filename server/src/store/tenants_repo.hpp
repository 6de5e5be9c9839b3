// Tenants: the outermost boundary of every record, and their settings.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::tenants {

std::optional<TenantRow> find(soci::session& sql, Id id);
std::optional<TenantRow> find_by_name(soci::session& sql, const std::string& name);
Id insert(soci::session& sql, const std::string& name, const std::string& now);
// Saves the settings when the version matches; false when stale.
bool update_settings(soci::session& sql, const TenantRow& tenant, const std::string& now);

}  // namespace lt::store::tenants
