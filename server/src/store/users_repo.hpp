// Users and their role assignments. Every method takes the tenant explicitly, so no query can
// forget it. Updates are optimistic: they match on version and report whether a row changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::users {

struct ListFilter {
  std::optional<std::string> q;                 // matches username, email, first or last name
  std::optional<std::string> status;            // active | disabled
  std::optional<std::vector<Id>> provider_ids;  // only users with a role at one of these
  int limit = 50;
  Id after = 0;
};

std::optional<UserRow> find(soci::session& sql, Id tenant, Id id);
std::optional<UserRow> find_by_username(soci::session& sql, Id tenant, const std::string& username);
// Users whose email matches, case-insensitively (an email may serve several accounts).
std::vector<UserRow> find_by_email(soci::session& sql, Id tenant, const std::string& email);
bool username_taken(soci::session& sql, Id tenant, const std::string& username, Id except_id = 0);
Page<UserRow> list(soci::session& sql, Id tenant, const ListFilter& filter);

Id insert(soci::session& sql, const UserRow& user);
// Saves every mutable field when the stored version equals user.version, and bumps it. False when
// the version is stale.
bool update(soci::session& sql, const UserRow& user, const std::string& now);
void replace_roles(soci::session& sql, Id tenant, Id user_id,
                   const std::vector<RoleAssignmentRow>& roles, const std::string& now);
std::vector<RoleAssignmentRow> roles_of(soci::session& sql, Id user_id);

// Lower-case form used for uniqueness and look-up.
std::string username_key(const std::string& username);

}  // namespace lt::store::users
