// The qualification catalogue.
#include "services/qualification_catalogue.hpp"

#include "domain/qualification_rules.hpp"

namespace lt::services {

using domain::Error;
using domain::fail;
using domain::ok;
using domain::Result;
namespace catalogue = store::catalogue;

namespace {

std::string entity_of(catalogue::Kind kind) {
  switch (kind) {
    case catalogue::Kind::type:
      return "qualification_type";
    case catalogue::Kind::subject:
      return "qualification_subject";
    case catalogue::Kind::grade:
      return "qualification_grade";
  }
  return "qualification_type";
}

}  // namespace

void QualificationCatalogue::seed_tenant(soci::session& sql, Id tenant, const std::string& now) {
  catalogue::copy_seed(sql, tenant, now);
}

Result<void> QualificationCatalogue::check_admin(const Context& ctx) const {
  if (!ctx.principal) return fail(Error::unauthenticated());
  // A tenant-level resource: only a tenant-wide settings editor (an administrator) covers it.
  if (!auth::can(*ctx.principal, auth::Permission::settings_edit, {ctx.tenant_id}))
    return fail(Error::forbidden());
  return ok();
}

Result<std::vector<QualificationCatalogue::Item>> QualificationCatalogue::types(
    const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read(
      [&](soci::session& sql) { return catalogue::types(sql, ctx.tenant_id, false); });
}

Result<std::vector<QualificationCatalogue::Item>> QualificationCatalogue::entries(
    const Context& ctx, const std::string& type_code, Kind kind) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) -> Result<std::vector<Item>> {
    auto type = catalogue::type_by_code(sql, ctx.tenant_id, type_code);
    if (!type || type->retired) return fail(Error::not_found("qualification type"));
    return catalogue::entries(sql, ctx.tenant_id, kind, type->id, false);
  });
}

Result<std::vector<CatalogueTypeView>> QualificationCatalogue::everything(const Context& ctx) {
  if (auto allowed = check_admin(ctx); !allowed) return fail(allowed.error());
  return deps_.db.read([&](soci::session& sql) {
    std::vector<CatalogueTypeView> out;
    for (auto& type : catalogue::types(sql, ctx.tenant_id, true)) out.push_back({type, {}, {}});
    // Two queries for every subject and grade rather than two per type.
    for (const auto kind : {Kind::subject, Kind::grade})
      for (auto& entry : catalogue::entries(sql, ctx.tenant_id, kind, std::nullopt, true))
        for (auto& view : out)
          if (view.type.id == entry.type_id)
            (kind == Kind::subject ? view.subjects : view.grades).push_back(entry);
    return out;
  });
}

Result<QualificationCatalogue::Item> QualificationCatalogue::add(const Context& ctx, Kind kind,
                                                                 std::optional<Id> type_id,
                                                                 const CatalogueInput& input) {
  if (auto allowed = check_admin(ctx); !allowed) return fail(allowed.error());
  auto label = domain::check_catalogue_label(input.label.value_or(""));
  if (!label) return fail(label.error());
  return deps_.db.write([&](soci::session& sql) -> Result<Item> {
    Item row;
    row.tenant_id = ctx.tenant_id;
    if (kind != Kind::type) {
      auto type =
          type_id ? catalogue::find(sql, ctx.tenant_id, Kind::type, *type_id) : std::nullopt;
      if (!type) return fail(Error::not_found("qualification type"));
      row.type_id = type->id;
    }
    row.label = *label;
    row.code = domain::code_from_label(*label);
    if (catalogue::code_taken(sql, ctx.tenant_id, kind, row.type_id, row.code))
      return fail(Error::validation("label", "label_taken",
                                    "There is already one with that name. If it is retired, bring "
                                    "it back instead."));
    row.created_at = deps_.now();
    row.id = catalogue::insert(sql, kind, row);
    Changes changes;
    changes.field("code", nullptr, row.code).field("label", nullptr, row.label);
    if (row.type_id) changes.field("type_id", nullptr, row.type_id);
    audit_.record(sql, ctx, entity_of(kind) + ".created", entity_of(kind), row.id, changes);
    return *catalogue::find(sql, ctx.tenant_id, kind, row.id);
  });
}

Result<QualificationCatalogue::Item> QualificationCatalogue::change(const Context& ctx, Kind kind,
                                                                    Id id,
                                                                    const CatalogueInput& input) {
  if (auto allowed = check_admin(ctx); !allowed) return fail(allowed.error());
  std::vector<domain::FieldError> errors;
  std::optional<std::string> label;
  if (input.label) {
    auto checked = domain::check_catalogue_label(*input.label);
    if (checked)
      label = *checked;
    else
      errors.push_back(checked.error().fields.front());
  }
  if (!input.version) errors.push_back({"version", "required", "Send the version you edited."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  return deps_.db.write([&](soci::session& sql) -> Result<Item> {
    auto row = catalogue::find(sql, ctx.tenant_id, kind, id);
    if (!row)
      return fail(Error::not_found(kind == Kind::type      ? "qualification type"
                                   : kind == Kind::subject ? "subject"
                                                           : "grade"));
    if (row->version != *input.version) return fail(Error::version_conflict());
    Changes changes;
    if (label) {
      changes.field("label", row->label, *label);
      row->label = *label;
    }
    if (input.retired) {
      changes.field("retired", row->retired, *input.retired);
      row->retired = *input.retired;
    }
    if (changes.empty()) return *row;
    if (!catalogue::update(sql, kind, *row, deps_.now())) return fail(Error::version_conflict());
    audit_.record(sql, ctx, entity_of(kind) + ".updated", entity_of(kind), id, changes);
    return *catalogue::find(sql, ctx.tenant_id, kind, id);
  });
}

}  // namespace lt::services
