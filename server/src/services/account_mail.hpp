// Issuing single-use tokens and queuing the emails that carry them (verification, password
// reset). Called inside the caller's transaction, so the token, the email and the change that
// caused them commit together or not at all.
#pragma once

#include <soci/soci.h>

#include "services/context.hpp"
#include "store/records.hpp"

namespace lt::services {

inline constexpr const char* kVerificationPurpose = "verification";
inline constexpr const char* kResetPurpose = "password_reset";

// Retires the user's earlier verification tokens, issues a new one and queues the email.
void send_verification_email(soci::session& sql, const Deps& deps, const store::UserRow& user);
void send_password_reset_email(soci::session& sql, const Deps& deps, const store::UserRow& user);

}  // namespace lt::services
