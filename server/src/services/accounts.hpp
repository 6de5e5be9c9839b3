// Signing in and out, the signed-in user's own account (details, username, password), forgotten
// passwords and account verification (source manual sections 1.4, 2 and 3).
// Slow password hashing always happens outside database transactions, so the SQLite writer is
// never held while argon2id runs.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "domain/password_policy.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/epoch_cache.hpp"

namespace lt::services {

struct SignedIn {
  std::string token;  // goes in the session cookie; only its hash is stored
  auth::Principal principal;
};

struct MeView {
  store::UserRow user;
  store::TenantRow tenant;
  auth::Principal principal;
  domain::PasswordPolicy policy;
};

struct MePatch {
  std::optional<std::string> first_name, last_name, email, telephone;
  std::optional<int> version;
};

// What the user holds, as a principal (session_id 0 for work done on their behalf, e.g. a job).
auth::Principal principal_of(const store::UserRow& user, Id session_id);

class Accounts {
 public:
  Accounts(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // Checks credentials in the named tenant. Failures: invalid_credentials (also for unknown users
  // and tenants), account_locked (after too many failures, even with the right password),
  // account_disabled.
  domain::Result<SignedIn> sign_in(const std::string& tenant_name, const std::string& username,
                                   const std::string& password, const Context& ctx);
  void sign_out(const std::string& token);
  // The principal of a live session, or nullopt for a missing, expired or revoked one. When
  // `user` is given it receives the user's record.
  std::optional<auth::Principal> authenticate(const std::string& token,
                                              store::UserRow* user = nullptr);

  domain::Result<MeView> me(const Context& ctx);
  domain::Result<MeView> update_me(const Context& ctx, const MePatch& patch);
  // Ends every session of the user, including this one.
  domain::Result<void> change_username(const Context& ctx, const std::string& username);
  // Ends the user's other sessions.
  domain::Result<MeView> change_password(const Context& ctx, const std::string& current,
                                         const std::string& next);

  // Always succeeds from the caller's point of view: never reveals whether an account exists.
  void request_password_reset(const std::string& tenant_name, const std::string& username_or_email,
                              const Context& ctx);
  domain::Result<domain::PasswordPolicy> check_reset(const std::string& token);
  domain::Result<void> complete_reset(const std::string& token, const std::string& password,
                                      const Context& ctx);

  struct VerificationView {
    std::string username;
    domain::PasswordPolicy policy;
  };
  domain::Result<VerificationView> check_verification(const std::string& token);
  domain::Result<void> complete_verification(const std::string& token, const std::string& password,
                                             const Context& ctx);

  // The tenant's password policy.
  domain::PasswordPolicy policy_for(Id tenant_id);

 private:
  domain::Result<void> complete_token(const std::string& purpose, const std::string& token,
                                      const std::string& password, const Context& ctx);
  Deps& deps_;
  AuditLog& audit_;
  struct CheckedSession {
    store::SessionRow session;
    store::UserRow user;
  };
  EpochCache<CheckedSession> sessions_;  // by token hash
};

}  // namespace lt::services
