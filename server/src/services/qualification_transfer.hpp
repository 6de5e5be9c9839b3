// Bulk qualifications (manual 9): the export of the learners of a year group (optionally one
// group) whose qualifications their managers add, and the checks of the edited sheet coming back.
// Each learner of the sheet is matched by its account id, its identifying columns must be
// unchanged, and each of its (up to 18) qualifications is checked against the catalogue by the
// same rules as adding one by hand (domain/qualification_rules). The import replaces the listed
// learners' qualifications with the sheet's, all or nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "domain/error.hpp"
#include "domain/qualification_rules.hpp"
#include "formats/table.hpp"
#include "services/context.hpp"
#include "services/import_errors.hpp"
#include "services/jobs.hpp"
#include "store/jobs_repo.hpp"
#include "store/learner_qualifications_repo.hpp"

namespace lt::services {

inline constexpr const char* kQualificationExportKind = "qualification_export";
inline constexpr const char* kQualificationImportKind = "qualification_import";

// The tenant's qualification catalogue with ids, findable by label or code (any case).
struct CatalogueIndex {
  struct Entry {
    Id id = 0;
    std::string code, label;
    bool retired = false;
  };
  struct Type {
    Entry entry;
    std::vector<Entry> subjects, grades;
    domain::CatalogueType rules;
  };
  std::vector<Type> types;  // display order, retired ones included

  const Type* type(std::string_view label_or_code) const;
  static const Entry* find(const std::vector<Entry>& entries, std::string_view label_or_code);
  static CatalogueIndex load(soci::session& sql, Id tenant);
};

// Whether this learner's qualifications are added by their manager (the learner's own choice, or
// their provider's default): only those learners are exported and imported.
bool manager_adds(const store::LearnerRow& learner);

// The learners the principal may edit in `year_group` (and `group_id`) whose managers add their
// qualifications, by last name.
std::vector<store::LearnerRow> learners_for_export(soci::session& sql, const Context& ctx,
                                                   const std::string& year_group,
                                                   std::optional<Id> group_id);

// One learner's qualifications as the sheet gives them.
struct LearnerQualificationSet {
  Id learner_id = 0;
  std::vector<store::learner_qualifications::Row> rows;
};
struct QualificationImportCheck {
  std::vector<LearnerQualificationSet> learners;
  ImportProblems problems;
};
// Checks every row as `ctx`'s principal would edit those learners. `progress(done)` as in the
// learner import.
QualificationImportCheck check_qualification_import(
    soci::session& sql, const Context& ctx, const formats::Table& table, const std::string& today,
    const std::function<bool(std::size_t)>& progress);

class QualificationTransfer {
 public:
  QualificationTransfer(Deps& deps, Jobs& jobs) : deps_(deps), jobs_(jobs) {}

  // Queues the export: 401; 403 without learners.edit anywhere; 422 year_group required or
  // invalid_choice, group_id unknown_group (a group the caller may not see is unknown).
  domain::Result<store::jobs::JobRow> start_export(const Context& ctx,
                                                   const std::optional<std::string>& year_group,
                                                   std::optional<Id> group_id);
  // The caller's qualification exports, newest first.
  domain::Result<store::Page<store::jobs::JobRow>> exports(
      const Context& ctx, std::optional<int> limit, const std::optional<std::string>& cursor);

 private:
  Deps& deps_;
  Jobs& jobs_;
};

}  // namespace lt::services
