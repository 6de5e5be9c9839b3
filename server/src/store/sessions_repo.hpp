// Sign-in sessions, stored by the hash of their token (the token itself is only in the cookie) and
// single-use tokens for password resets and account verification, stored the same way.
#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::sessions {

Id insert(soci::session& sql, Id tenant, Id user_id, const std::string& token_hash,
          const std::string& now, const std::string& expires_at, const std::string& ip,
          const std::string& user_agent);
std::optional<SessionRow> find_by_hash(soci::session& sql, const std::string& token_hash);
void touch(soci::session& sql, Id id, const std::string& now);
void remove(soci::session& sql, Id id);
// Ends every session of the user except `keep` (0 = none).
void remove_for_user(soci::session& sql, Id user_id, Id keep = 0);
void remove_expired(soci::session& sql, const std::string& now);

}  // namespace lt::store::sessions

namespace lt::store::tokens {

Id insert(soci::session& sql, Id tenant, Id user_id, const std::string& purpose,
          const std::string& token_hash, const std::string& now, const std::string& expires_at);
std::optional<TokenRow> find_by_hash(soci::session& sql, const std::string& purpose,
                                     const std::string& token_hash);
// Marks the token used; false if it was used already (a concurrent use lost the race).
bool mark_used(soci::session& sql, Id id, const std::string& now);
// Marks every unused token of the user for this purpose used (a new one replaces them).
void retire_for_user(soci::session& sql, Id user_id, const std::string& purpose,
                     const std::string& now);

}  // namespace lt::store::tokens
