// Provider records.
#include "services/providers.hpp"

#include "domain/account_rules.hpp"
#include "domain/learner_rules.hpp"
#include "domain/text.hpp"
#include "store/providers_repo.hpp"
#include "store/query.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::FieldError;
using domain::Result;

namespace {

Error ukprn_taken() {
  return Error::validation("ukprn", "ukprn_taken", "Another provider already has this UKPRN.");
}

// Validates the fields present; `creating` makes name and UKPRN required.
Result<ProviderInput> clean(const ProviderInput& in, bool creating) {
  std::vector<FieldError> errors;
  ProviderInput out = in;
  if (in.name || creating) {
    auto name = domain::check_name(in.name.value_or(""), "name");
    if (name)
      out.name = *name;
    else
      errors.push_back(name.error().fields.front());
  }
  if (in.ukprn || creating) {
    auto ukprn = domain::check_ukprn(in.ukprn.value_or(""));
    if (ukprn)
      out.ukprn = *ukprn;
    else
      errors.push_back(ukprn.error().fields.front());
  }
  if (!creating && !in.version)
    errors.push_back({"version", "required", "Send the version you edited."});
  auto optional_text = [&](const std::optional<std::string>& value, const std::string& field,
                           std::optional<std::string>& out) {
    if (!value) return;
    out = domain::trim(*value);
    if (domain::utf8_length(*out) > 100)
      errors.push_back({field, "too_long", "Use 100 characters or fewer."});
  };
  optional_text(in.local_authority, "local_authority", out.local_authority);
  optional_text(in.referee_name, "default_referee.name", out.referee_name);
  optional_text(in.referee_position, "default_referee.position", out.referee_position);
  if (in.referee_email && !domain::trim(*in.referee_email).empty()) {
    if (auto email = domain::check_email(*in.referee_email, "default_referee.email"))
      out.referee_email = *email;
    else
      errors.push_back(email.error().fields.front());
  }
  if (in.referee_telephone && !domain::trim(*in.referee_telephone).empty()) {
    if (auto phone = domain::check_uk_telephone(*in.referee_telephone, "default_referee.telephone"))
      out.referee_telephone = *phone;
    else
      errors.push_back(phone.error().fields.front());
  }
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return out;
}

// Copies each field present in `in` onto the row, recording what changed.
void apply(const ProviderInput& in, store::ProviderRow& row, Changes& changes) {
  auto set = [&](const char* field, const auto& value, auto& target) {
    if (!value) return;
    changes.field(field, target, *value);
    target = *value;
  };
  set("name", in.name, row.name);
  set("ukprn", in.ukprn, row.ukprn);
  set("local_authority", in.local_authority, row.local_authority);
  set("sign_off_profiles", in.sign_off_profiles, row.sign_off_profiles);
  set("learners_add_qualifications", in.learners_add_qualifications,
      row.learners_add_qualifications);
  set("referee_name", in.referee_name, row.referee_name);
  set("referee_position", in.referee_position, row.referee_position);
  set("referee_telephone", in.referee_telephone, row.referee_telephone);
  set("referee_email", in.referee_email, row.referee_email);
}

}  // namespace

Result<store::Page<store::ProviderRow>> Providers::list(const Context& ctx,
                                                        const std::optional<std::string>& q,
                                                        std::optional<int> limit,
                                                        const std::optional<std::string>& cursor) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::providers_view))
    return fail(Error::forbidden());
  store::providers::ListFilter filter;
  if (q && !domain::trim(*q).empty()) filter.q = domain::trim(*q);
  filter.only_ids =
      auth::scope_ids(*ctx.principal, Permission::providers_view, auth::ScopeType::provider);
  filter.limit = store::page_limit(limit);
  filter.after = store::cursor_after(cursor);
  return deps_.db.read(
      [&](soci::session& sql) { return store::providers::list(sql, ctx.tenant_id, filter); });
}

Result<store::ProviderRow> Providers::get(const Context& ctx, Id id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can(*ctx.principal, Permission::providers_view, {ctx.tenant_id, {id}, {}, {}}))
    return fail(auth::can_somewhere(*ctx.principal, Permission::providers_view)
                    ? Error::not_found("provider")
                    : Error::forbidden());
  auto row = deps_.db.read(
      [&](soci::session& sql) { return store::providers::find(sql, ctx.tenant_id, id); });
  if (!row) return fail(Error::not_found("provider"));
  return *row;
}

Result<store::ProviderRow> Providers::create(const Context& ctx, const ProviderInput& input) {
  if (!ctx.principal || !auth::can(*ctx.principal, Permission::providers_edit, {ctx.tenant_id}))
    return fail(Error::forbidden());
  auto cleaned = clean(input, true);
  if (!cleaned) return fail(cleaned.error());
  return deps_.db.write([&](soci::session& sql) -> Result<store::ProviderRow> {
    if (store::providers::ukprn_taken(sql, ctx.tenant_id, *cleaned->ukprn))
      return fail(ukprn_taken());
    store::ProviderRow row;
    row.tenant_id = ctx.tenant_id;
    row.created_at = row.updated_at = deps_.now();
    Changes changes;
    apply(*cleaned, row, changes);
    row.id = store::providers::insert(sql, row);
    audit_.record(sql, ctx, "provider.created", "provider", row.id, changes);
    return row;
  });
}

Result<store::ProviderRow> Providers::update(const Context& ctx, Id id,
                                             const ProviderInput& input) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto existing = get(ctx, id);
  if (!existing) return fail(existing.error());
  if (!auth::can(*ctx.principal, Permission::providers_edit, {ctx.tenant_id, {id}, {}, {}}))
    return fail(Error::forbidden());
  auto cleaned = clean(input, false);
  if (!cleaned) return fail(cleaned.error());
  return deps_.db.write([&](soci::session& sql) -> Result<store::ProviderRow> {
    auto row = store::providers::find(sql, ctx.tenant_id, id);
    if (!row) return fail(Error::not_found("provider"));
    if (row->version != *cleaned->version) return fail(Error::version_conflict());
    if (cleaned->ukprn && *cleaned->ukprn != row->ukprn &&
        store::providers::ukprn_taken(sql, ctx.tenant_id, *cleaned->ukprn, id))
      return fail(ukprn_taken());
    Changes changes;
    apply(*cleaned, *row, changes);
    if (changes.empty()) return *row;
    if (!store::providers::update(sql, *row, deps_.now())) return fail(Error::version_conflict());
    audit_.record(sql, ctx, "provider.updated", "provider", id, changes);
    return *store::providers::find(sql, ctx.tenant_id, id);
  });
}

}  // namespace lt::services
