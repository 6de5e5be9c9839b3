// Providers (schools, colleges, training centres) within a tenant.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::providers {

struct ListFilter {
  std::optional<std::string> q;             // name or UKPRN
  std::optional<std::vector<Id>> only_ids;  // restrict to these (the caller's scope)
  int limit = 50;
  Id after = 0;
};

std::optional<ProviderRow> find(soci::session& sql, Id tenant, Id id);
bool ukprn_taken(soci::session& sql, Id tenant, const std::string& ukprn, Id except_id = 0);
Page<ProviderRow> list(soci::session& sql, Id tenant, const ListFilter& filter);
Id insert(soci::session& sql, const ProviderRow& provider);
bool update(soci::session& sql, const ProviderRow& provider, const std::string& now);

}  // namespace lt::store::providers
