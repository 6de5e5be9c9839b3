// Token issue and email queuing for verification and password reset.
#include "services/account_mail.hpp"

#include "auth/secrets.hpp"
#include "services/emails.hpp"
#include "store/outbox_repo.hpp"
#include "store/sessions_repo.hpp"

namespace lt::services {

namespace {

// Retires the user's unused tokens of this purpose, issues a new one and queues the email whose
// link ends with it.
void send_link(soci::session& sql, const Deps& deps, const store::UserRow& user,
               const std::string& purpose, std::chrono::minutes lifetime, const std::string& path,
               emails::Email (*compose)(const std::string&, const std::string&,
                                        const std::string&)) {
  if (!user.email) return;
  const std::string now = deps.now();
  store::tokens::retire_for_user(sql, user.id, purpose, now);
  const std::string token = auth::random_token();
  store::tokens::insert(sql, user.tenant_id, user.id, purpose, auth::sha256_hex(token), now,
                        deps.from_now(lifetime));
  const auto email =
      compose(user.first_name, user.username, deps.settings.public_url + path + token);
  store::outbox::insert(sql, user.tenant_id, *user.email, email.subject, email.body, now);
}

}  // namespace

void send_verification_email(soci::session& sql, const Deps& deps, const store::UserRow& user) {
  send_link(sql, deps, user, kVerificationPurpose, deps.settings.verification_token_lifetime,
            "/verify/", emails::verification);
}

void send_password_reset_email(soci::session& sql, const Deps& deps, const store::UserRow& user) {
  send_link(sql, deps, user, kResetPurpose, deps.settings.reset_token_lifetime, "/reset-password/",
            emails::password_reset);
}

}  // namespace lt::services
