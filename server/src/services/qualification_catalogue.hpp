// The tenant's qualification catalogue (manual 5.4): every signed-in user reads the types in use
// and the subjects and grades of a type; administrators add types, subjects and grades, rename them
// and retire them (never delete: learners' qualifications keep pointing at them). Edits change only
// the administrator's own tenant, whose rows were copied from the seed set when it was created.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "store/qualification_catalogue_repo.hpp"

namespace lt::services {

struct CatalogueInput {
  std::optional<std::string> label;
  std::optional<bool> retired;
  std::optional<int> version;
};

// One type with every subject and grade, retired ones included (the administrator's view).
struct CatalogueTypeView {
  store::catalogue::ItemRow type;
  std::vector<store::catalogue::ItemRow> subjects, grades;
};

class QualificationCatalogue {
 public:
  using Kind = store::catalogue::Kind;
  using Item = store::catalogue::ItemRow;

  QualificationCatalogue(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // Types not retired, in order.
  domain::Result<std::vector<Item>> types(const Context& ctx);
  // Subjects or grades not retired of the type with that code; 404 for an unknown or retired type.
  domain::Result<std::vector<Item>> entries(const Context& ctx, const std::string& type_code,
                                            Kind kind);
  // Administrators only (403 otherwise).
  domain::Result<std::vector<CatalogueTypeView>> everything(const Context& ctx);
  // Adds a type (`type_id` nullopt) or a subject or grade of the type `type_id`, with a code made
  // from the label. 422 label required/too_long/invalid_label/label_taken; 404 unknown type.
  domain::Result<Item> add(const Context& ctx, Kind kind, std::optional<Id> type_id,
                           const CatalogueInput& input);
  // Renames and/or retires (or brings back) one entry; `version` required, 409 when stale.
  domain::Result<Item> change(const Context& ctx, Kind kind, Id id, const CatalogueInput& input);

  // Gives a newly created tenant its own copy of the seed set (inside the caller's transaction).
  static void seed_tenant(soci::session& sql, Id tenant, const std::string& now);

 private:
  domain::Result<void> check_admin(const Context& ctx) const;
  Deps& deps_;
  AuditLog& audit_;
};

}  // namespace lt::services
