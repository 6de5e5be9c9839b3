// SQL for sealed first passwords (migrations 0009 and 0015): read for the never-logged-in list and
// the first sign-in, erased once the learner has a password of their own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::initial_passwords {

std::optional<std::string> find(soci::session& sql, Id tenant, Id user_id);
// The sealed passwords of those of `user_ids` that have one.
std::map<Id, std::string> for_users(soci::session& sql, Id tenant, const std::vector<Id>& user_ids);
void erase(soci::session& sql, Id tenant, Id user_id);

}  // namespace lt::store::initial_passwords
