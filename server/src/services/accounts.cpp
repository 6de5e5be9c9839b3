// Sign-in, sessions, own-account changes, password resets and verification.
#include "services/accounts.hpp"

#include <sodium.h>

#include "auth/secret_box.hpp"
#include "auth/secrets.hpp"
#include "domain/account_rules.hpp"
#include "domain/text.hpp"
#include "services/account_mail.hpp"
#include "store/initial_passwords_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/sessions_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::services {

using domain::Error;
using domain::ErrorKind;
using domain::fail;
using domain::ok;
using domain::Result;

namespace {

// Whether `password` is the generated first password sealed in `sealed`.
bool matches_generated(const auth::SecretBox* box, std::string_view password,
                       const std::string& sealed) {
  if (!box) return false;
  const auto plain = box->open(sealed);
  return plain && plain->size() == password.size() &&
         sodium_memcmp(plain->data(), password.data(), password.size()) == 0;
}

Error invalid_credentials() {
  return Error::make(ErrorKind::unauthenticated, "invalid_credentials",
                     "The username or password is incorrect.");
}
Error account_locked() {
  return Error::make(ErrorKind::unauthenticated, "account_locked",
                     "This account is locked after too many failed sign-in attempts. Ask your "
                     "administrator to unlock it, or reset your password.");
}
Error account_disabled() {
  return Error::make(ErrorKind::unauthenticated, "account_disabled",
                     "This account has been disabled. Contact your administrator.");
}
Error token_invalid() {
  return Error::make(ErrorKind::gone, "token_invalid",
                     "This link has expired or has already been used. Ask for a new one.");
}

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

auth::Principal principal_of(const store::UserRow& user, Id session_id) {
  auth::Principal p;
  p.tenant_id = user.tenant_id;
  p.user_id = user.id;
  p.session_id = session_id;
  p.username = user.username;
  p.must_change_password = user.must_change_password;
  for (const auto& role : user.roles) {
    auth::Assignment a;
    a.role = role.role;
    a.scope_type = auth::parse_scope_type(role.scope_type).value_or(auth::ScopeType::tenant);
    a.scope_id = role.scope_id;
    // A malformed scope grants nothing rather than everything.
    if (a.scope_type != auth::ScopeType::tenant && !a.scope_id) continue;
    p.assignments.push_back(std::move(a));
  }
  return p;
}

domain::PasswordPolicy Accounts::policy_for(Id tenant_id) {
  auto tenant =
      deps_.db.read([&](soci::session& sql) { return store::tenants::find(sql, tenant_id); });
  if (!tenant) return domain::PasswordPolicy::standard();
  return domain::PasswordPolicy::named(tenant->password_policy)
      .value_or(domain::PasswordPolicy::standard());
}

Result<SignedIn> Accounts::sign_in(const std::string& tenant_name, const std::string& username,
                                   const std::string& password, const Context& ctx) {
  std::vector<domain::FieldError> missing;
  if (domain::trim(username).empty())
    missing.push_back({"username", "required", "Enter your username."});
  if (password.empty()) missing.push_back({"password", "required", "Enter your password."});
  if (!missing.empty()) return fail(Error::validation(std::move(missing)));

  struct Found {
    std::optional<store::TenantRow> tenant;
    std::optional<store::UserRow> user;
    std::optional<std::string> generated;  // sealed first password of an imported learner
  };
  Found found = deps_.db.read([&](soci::session& sql) {
    Found f;
    f.tenant = store::tenants::find_by_name(sql, tenant_name);
    if (f.tenant)
      f.user = store::users::find_by_username(sql, f.tenant->id, domain::trim(username));
    if (f.user && !f.user->password_hash)
      f.generated = store::initial_passwords::find(sql, f.user->tenant_id, f.user->id);
    return f;
  });
  if (!found.user || (!found.user->password_hash && !found.generated)) {
    auth::verify_password(password, auth::dummy_password_hash());  // same time as a real check
    return fail(invalid_credentials());
  }
  store::UserRow user = *found.user;
  if (user.locked) return fail(account_locked());
  // An imported learner's first sign-in checks the generated password, then keeps only a hash of
  // it (taking the time a real check takes either way).
  std::optional<std::string> first_hash;
  bool password_ok = false;
  if (user.password_hash) {
    password_ok = auth::verify_password(password, *user.password_hash);
  } else {
    password_ok = matches_generated(deps_.secrets, password, *found.generated);
    if (password_ok)
      first_hash = auth::hash_password(password);
    else
      auth::verify_password(password, auth::dummy_password_hash());
  }

  Context audit_ctx = ctx;
  audit_ctx.tenant_id = user.tenant_id;
  if (password_ok) {
    if (user.status != "active") return fail(account_disabled());
    const std::string token = auth::random_token();
    const Id session_id = deps_.db.write([&](soci::session& sql) -> Id {
      // Reload inside the transaction: a concurrent failure or lock must not be overwritten.
      auto current = store::users::find(sql, user.tenant_id, user.id);
      if (!current || current->locked) return 0;
      current->failed_logins = 0;
      current->last_login_at = deps_.now();
      if (first_hash && !current->password_hash) {
        current->password_hash = *first_hash;
        store::initial_passwords::erase(sql, user.tenant_id, user.id);
      }
      store::users::update(sql, *current, deps_.now());
      const Id id = store::sessions::insert(
          sql, user.tenant_id, user.id, auth::sha256_hex(token), deps_.now(),
          deps_.from_now(deps_.settings.session_absolute), ctx.ip, ctx.user_agent.substr(0, 200));
      audit_ctx.principal = principal_of(*current, id);
      audit_.record(sql, audit_ctx, "session.signed_in", "user", user.id);
      return id;
    });
    if (session_id == 0) return fail(account_locked());
    user.failed_logins = 0;
    return SignedIn{token, principal_of(user, session_id)};
  }

  const bool now_locked = deps_.db.write([&](soci::session& sql) {
    auto current = store::users::find(sql, user.tenant_id, user.id);
    if (!current) return false;
    auto tenant = store::tenants::find(sql, user.tenant_id);
    const int limit = tenant ? tenant->max_failed_logins : 5;
    current->failed_logins += 1;
    const bool lock = current->failed_logins >= limit;
    Changes changes;
    changes.field("failed_logins", current->failed_logins - 1, current->failed_logins);
    if (lock) {
      current->locked = true;
      changes.field("locked", false, true);
    }
    store::users::update(sql, *current, deps_.now());
    audit_.record(sql, audit_ctx, lock ? "user.locked" : "session.sign_in_failed", "user",
                  current->id, changes);
    return lock;
  });
  return fail(now_locked ? account_locked() : invalid_credentials());
}

void Accounts::sign_out(const std::string& token) {
  deps_.db.write([&](soci::session& sql) {
    if (auto session = store::sessions::find_by_hash(sql, auth::sha256_hex(token)))
      store::sessions::remove(sql, session->id);
  });
}

std::optional<auth::Principal> Accounts::authenticate(const std::string& token,
                                                      store::UserRow* user) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::string hash = auth::sha256_hex(token);
  const auto now_point = deps_.clock.now();
  const std::string now = domain::format_timestamp(now_point);
  struct Loaded {
    std::optional<store::SessionRow> session;
    std::optional<store::UserRow> user;
  };
  const std::uint64_t epoch = deps_.db.write_epoch();  // before reading (epoch_cache.hpp)
  Loaded loaded;
  if (auto cached = sessions_.find(hash, epoch)) {
    loaded = {std::move(cached->session), std::move(cached->user)};
  } else {
    loaded = deps_.db.read([&](soci::session& sql) {
      Loaded l;
      l.session = store::sessions::find_by_hash(sql, hash);
      if (l.session) l.user = store::users::find(sql, l.session->tenant_id, l.session->user_id);
      return l;
    });
    if (loaded.session && loaded.user)
      sessions_.store(hash, {*loaded.session, *loaded.user}, epoch);
  }
  if (loaded.session && loaded.session->expires_at <= now) return std::nullopt;
  if (!loaded.session || !loaded.user) return std::nullopt;
  const auto last_seen = domain::parse_timestamp(loaded.session->last_seen_at);
  if (!last_seen || now_point - *last_seen > deps_.settings.session_idle) return std::nullopt;
  if (loaded.user->status != "active" || loaded.user->locked) return std::nullopt;
  // Record activity at most once a minute: a write per request would serialise every reader.
  if (now_point - *last_seen > std::chrono::minutes(1)) {
    deps_.db.write(
        [&](soci::session& sql) { store::sessions::touch(sql, loaded.session->id, now); });
  }
  if (user) *user = *loaded.user;
  return principal_of(*loaded.user, loaded.session->id);
}

Result<MeView> Accounts::me(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) -> Result<MeView> {
    auto user =
        ctx.user ? ctx.user : store::users::find(sql, ctx.tenant_id, ctx.principal->user_id);
    auto tenant = store::tenants::find(sql, ctx.tenant_id);
    if (!user || !tenant) return fail(Error::unauthenticated());
    auto policy = domain::PasswordPolicy::named(tenant->password_policy)
                      .value_or(domain::PasswordPolicy::standard());
    return MeView{*user, *tenant, principal_of(*user, ctx.principal->session_id), policy};
  });
}

Result<MeView> Accounts::update_me(const Context& ctx, const MePatch& patch) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!patch.version)
    return fail(Error::validation("version", "required", "Send the version you edited."));
  std::vector<domain::FieldError> errors;
  auto take = [&](const std::optional<std::string>& value, auto check,
                  std::optional<std::string>& out) {
    if (!value) return;
    auto checked = check(*value);
    if (checked)
      out = *checked;
    else
      errors.insert(errors.end(), checked.error().fields.begin(), checked.error().fields.end());
  };
  std::optional<std::string> first, last, email, telephone;
  take(
      patch.first_name, [](const std::string& v) { return domain::check_name(v, "first_name"); },
      first);
  take(
      patch.last_name, [](const std::string& v) { return domain::check_name(v, "last_name"); },
      last);
  if (patch.email && domain::trim(*patch.email).empty())
    email = "";
  else
    take(
        patch.email, [](const std::string& v) { return domain::check_email(v); }, email);
  take(
      patch.telephone, [](const std::string& v) { return domain::check_telephone(v); }, telephone);
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));

  auto saved = deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto user = store::users::find(sql, ctx.tenant_id, ctx.principal->user_id);
    if (!user) return fail(Error::unauthenticated());
    if (user->version != *patch.version) return fail(Error::version_conflict());
    Changes changes;
    if (first) changes.field("first_name", user->first_name, *first), user->first_name = *first;
    if (last) changes.field("last_name", user->last_name, *last), user->last_name = *last;
    if (telephone)
      changes.field("telephone", user->telephone, *telephone), user->telephone = *telephone;
    if (email) {
      std::optional<std::string> next = email->empty() ? std::nullopt : email;
      if (next != user->email) {
        changes.field("email", opt(user->email), opt(next));
        user->email = next;
        user->email_verified = false;
      }
    }
    if (changes.empty()) return ok();
    if (!store::users::update(sql, *user, deps_.now())) return fail(Error::version_conflict());
    store::learners::sync_keys(sql, *user);
    audit_.record(sql, ctx, "user.updated", "user", user->id, changes);
    return ok();
  });
  if (!saved) return fail(saved.error());
  Context after = ctx;
  after.user.reset();  // changed: load it again
  return me(after);
}

Result<void> Accounts::change_username(const Context& ctx, const std::string& username) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto checked = domain::check_username(username);
  if (!checked) return fail(checked.error());
  return deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto user = store::users::find(sql, ctx.tenant_id, ctx.principal->user_id);
    if (!user) return fail(Error::unauthenticated());
    if (store::users::username_taken(sql, ctx.tenant_id, *checked, user->id))
      return fail(Error::validation("username", "username_taken",
                                    "That username is already in use. Choose another."));
    Changes changes;
    changes.field("username", user->username, *checked);
    user->username = *checked;
    if (!store::users::update(sql, *user, deps_.now())) return fail(Error::version_conflict());
    store::learners::sync_keys(sql, *user);
    store::sessions::remove_for_user(sql, user->id);
    audit_.record(sql, ctx, "user.username_changed", "user", user->id, changes);
    return ok();
  });
}

Result<MeView> Accounts::change_password(const Context& ctx, const std::string& current,
                                         const std::string& next) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto user = deps_.db.read([&](soci::session& sql) {
    return store::users::find(sql, ctx.tenant_id, ctx.principal->user_id);
  });
  if (!user) return fail(Error::unauthenticated());
  std::vector<domain::FieldError> errors;
  if (!user->password_hash || !auth::verify_password(current, *user->password_hash))
    errors.push_back({"current_password", "wrong_password", "The current password is incorrect."});
  if (auto policy_ok = policy_for(ctx.tenant_id).check(next, "new_password"); !policy_ok)
    errors.push_back(policy_ok.error().fields.front());
  else if (next == current)
    errors.push_back(
        {"new_password", "same_password", "Choose a password different from the current one."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  const std::string hash = auth::hash_password(next);
  auto saved = deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto fresh = store::users::find(sql, ctx.tenant_id, ctx.principal->user_id);
    if (!fresh) return fail(Error::unauthenticated());
    Changes changes;
    changes.field("must_change_password", fresh->must_change_password, false);
    fresh->password_hash = hash;
    store::initial_passwords::erase(sql, fresh->tenant_id, fresh->id);
    fresh->must_change_password = false;
    if (!store::users::update(sql, *fresh, deps_.now())) return fail(Error::version_conflict());
    store::sessions::remove_for_user(sql, fresh->id, ctx.principal->session_id);
    audit_.record(sql, ctx, "user.password_changed", "user", fresh->id, changes);
    return ok();
  });
  if (!saved) return fail(saved.error());
  Context after = ctx;
  after.principal->must_change_password = false;
  after.user.reset();
  return me(after);
}

void Accounts::request_password_reset(const std::string& tenant_name,
                                      const std::string& username_or_email, const Context& ctx) {
  const std::string wanted = domain::trim(username_or_email);
  if (wanted.empty()) return;
  deps_.db.write([&](soci::session& sql) {
    auto tenant = store::tenants::find_by_name(sql, tenant_name);
    if (!tenant) return;
    std::vector<store::UserRow> users;
    if (auto by_name = store::users::find_by_username(sql, tenant->id, wanted))
      users.push_back(*by_name);
    else if (wanted.find('@') != std::string::npos)
      users = store::users::find_by_email(sql, tenant->id, wanted);
    Context audit_ctx = ctx;
    audit_ctx.tenant_id = tenant->id;
    for (const auto& user : users) {
      if (!user.email || user.status != "active") continue;
      send_password_reset_email(sql, deps_, user);
      audit_.record(sql, audit_ctx, "user.password_reset_requested", "user", user.id);
    }
  });
}

Result<domain::PasswordPolicy> Accounts::check_reset(const std::string& token) {
  auto row = deps_.db.read([&](soci::session& sql) {
    return store::tokens::find_by_hash(sql, kResetPurpose, auth::sha256_hex(token));
  });
  if (!row || row->used_at || row->expires_at <= deps_.now()) return fail(token_invalid());
  return policy_for(row->tenant_id);
}

Result<Accounts::VerificationView> Accounts::check_verification(const std::string& token) {
  struct Loaded {
    std::optional<store::TokenRow> token;
    std::optional<store::UserRow> user;
  };
  auto loaded = deps_.db.read([&](soci::session& sql) {
    Loaded l;
    l.token = store::tokens::find_by_hash(sql, kVerificationPurpose, auth::sha256_hex(token));
    if (l.token) l.user = store::users::find(sql, l.token->tenant_id, l.token->user_id);
    return l;
  });
  if (!loaded.token || !loaded.user || loaded.token->used_at ||
      loaded.token->expires_at <= deps_.now())
    return fail(token_invalid());
  return VerificationView{loaded.user->username, policy_for(loaded.token->tenant_id)};
}

Result<void> Accounts::complete_reset(const std::string& token, const std::string& password,
                                      const Context& ctx) {
  return complete_token(kResetPurpose, token, password, ctx);
}

Result<void> Accounts::complete_verification(const std::string& token, const std::string& password,
                                             const Context& ctx) {
  return complete_token(kVerificationPurpose, token, password, ctx);
}

Result<void> Accounts::complete_token(const std::string& purpose, const std::string& token,
                                      const std::string& password, const Context& ctx) {
  const std::string token_hash = auth::sha256_hex(token);
  auto row = deps_.db.read(
      [&](soci::session& sql) { return store::tokens::find_by_hash(sql, purpose, token_hash); });
  if (!row || row->used_at || row->expires_at <= deps_.now()) return fail(token_invalid());
  if (auto policy_ok = policy_for(row->tenant_id).check(password, "password"); !policy_ok)
    return fail(policy_ok.error());
  const std::string hash = auth::hash_password(password);
  return deps_.db.write([&](soci::session& sql) -> Result<void> {
    if (!store::tokens::mark_used(sql, row->id, deps_.now())) return fail(token_invalid());
    auto user = store::users::find(sql, row->tenant_id, row->user_id);
    if (!user) return fail(token_invalid());
    Changes changes;
    changes.field("locked", user->locked, false)
        .field("failed_logins", user->failed_logins, 0)
        .field("must_change_password", user->must_change_password, false)
        .field("email_verified", user->email_verified, true);
    user->password_hash = hash;
    store::initial_passwords::erase(sql, user->tenant_id, user->id);
    user->locked = false;
    user->failed_logins = 0;
    user->must_change_password = false;
    user->email_verified = true;  // following the emailed link proves the address
    if (!store::users::update(sql, *user, deps_.now())) return fail(Error::version_conflict());
    store::sessions::remove_for_user(sql, user->id);
    Context audit_ctx = ctx;
    audit_ctx.tenant_id = user->tenant_id;
    audit_.record(sql, audit_ctx,
                  purpose == kResetPurpose ? "user.password_reset" : "user.verified", "user",
                  user->id, changes);
    return ok();
  });
}

}  // namespace lt::services
