// A learner's qualifications (manual 5.4): list, add, edit (with version) and delete, by their
// manager (`learner` = the learner's id) or by the learner themselves (`learner` nullopt) when
// they add their own (domain::manager_adds_qualifications). A completed qualifications section
// must be reopened first (409 section_complete); a learner's change un-approves an approved
// profile.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/learners.hpp"
#include "store/learner_qualifications_repo.hpp"

namespace lt::services {

// Codes from the catalogue; absent fields are left alone on update, and an empty grade (JSON null
// or "") clears it.
struct QualificationInput {
  std::optional<std::string> type, subject, completed_on, predicted_grade, actual_grade;
  std::optional<int> version;
};

struct QualificationList {
  std::vector<store::learner_qualifications::Row> items;
  std::string section;   // the learner's qualifications_state: incomplete | complete
  bool learner_may_add;  // false: the manager adds them and the learner only reads them
};

class Qualifications {
 public:
  using Row = store::learner_qualifications::Row;

  Qualifications(Deps& deps, AuditLog& audit, Learners& learners)
      : deps_(deps), audit_(audit), learners_(learners) {}

  domain::Result<QualificationList> list(const Context& ctx, std::optional<Id> learner);
  domain::Result<Row> add(const Context& ctx, std::optional<Id> learner,
                          const QualificationInput& input);
  domain::Result<Row> update(const Context& ctx, std::optional<Id> learner, Id id,
                             const QualificationInput& input);
  domain::Result<void> remove(const Context& ctx, std::optional<Id> learner, Id id);

 private:
  // Loads the learner for a change and checks who may make it and that the section is open.
  domain::Result<store::LearnerRow> open_for_change(soci::session& sql, const Context& ctx,
                                                    std::optional<Id> learner);
  // Saves the learner row when the change un-approved it, and writes the audit event.
  domain::Result<void> finish(soci::session& sql, const Context& ctx, std::optional<Id> learner,
                              store::LearnerRow& row, const std::string& action, Changes& changes);
  Deps& deps_;
  AuditLog& audit_;
  Learners& learners_;
};

}  // namespace lt::services
