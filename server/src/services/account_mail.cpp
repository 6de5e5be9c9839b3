// Token issue and email queuing for verification and password reset.
#include "services/account_mail.hpp"

#include "auth/secrets.hpp"
#include "services/emails.hpp"
#include "store/outbox_repo.hpp"
#include "store/sessions_repo.hpp"

namespace lt::services {

namespace {
std::string issue(soci::session& sql, const Deps& deps, const store::UserRow& user,
                  const std::string& purpose, std::chrono::minutes lifetime) {
  const std::string now = deps.now();
  store::tokens::retire_for_user(sql, user.id, purpose, now);
  const std::string token = auth::random_token();
  store::tokens::insert(sql, user.tenant_id, user.id, purpose, auth::sha256_hex(token), now,
                        deps.from_now(lifetime));
  return token;
}
}  // namespace

void send_verification_email(soci::session& sql, const Deps& deps, const store::UserRow& user) {
  if (!user.email) return;
  const std::string token =
      issue(sql, deps, user, kVerificationPurpose, deps.settings.verification_token_lifetime);
  const auto email = emails::verification(user.first_name, user.username,
                                          deps.settings.public_url + "/verify/" + token);
  store::outbox::insert(sql, user.tenant_id, *user.email, email.subject, email.body, deps.now());
}

void send_password_reset_email(soci::session& sql, const Deps& deps, const store::UserRow& user) {
  if (!user.email) return;
  const std::string token =
      issue(sql, deps, user, kResetPurpose, deps.settings.reset_token_lifetime);
  const auto email = emails::password_reset(user.first_name, user.username,
                                            deps.settings.public_url + "/reset-password/" + token);
  store::outbox::insert(sql, user.tenant_id, *user.email, email.subject, email.body, deps.now());
}

}  // namespace lt::services
