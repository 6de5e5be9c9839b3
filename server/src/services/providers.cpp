// Provider records.
#include "services/providers.hpp"

#include "domain/account_rules.hpp"
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
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return out;
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
    row.name = *cleaned->name;
    row.ukprn = *cleaned->ukprn;
    row.created_at = row.updated_at = deps_.now();
    row.id = store::providers::insert(sql, row);
    Changes changes;
    changes.field("name", nullptr, row.name).field("ukprn", nullptr, row.ukprn);
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
    Changes changes;
    if (cleaned->name) changes.field("name", row->name, *cleaned->name), row->name = *cleaned->name;
    if (cleaned->ukprn) {
      if (*cleaned->ukprn != row->ukprn &&
          store::providers::ukprn_taken(sql, ctx.tenant_id, *cleaned->ukprn, id))
        return fail(ukprn_taken());
      changes.field("ukprn", row->ukprn, *cleaned->ukprn);
      row->ukprn = *cleaned->ukprn;
    }
    if (changes.empty()) return *row;
    if (!store::providers::update(sql, *row, deps_.now())) return fail(Error::version_conflict());
    audit_.record(sql, ctx, "provider.updated", "provider", id, changes);
    return *store::providers::find(sql, ctx.tenant_id, id);
  });
}

}  // namespace lt::services
