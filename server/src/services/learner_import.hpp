// The learner import's checks (manual 7.3, 7.4): every row of an uploaded table checked by the
// create-learner rules (services/learner_checks: one implementation, not two), the UKPRN against
// the providers the uploader may add learners to, and duplicates within the file and against the
// learners already there (same ULN; same names, date of birth and provider). All or nothing: the
// caller writes the learners only when no row has an error. Also the generated usernames.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "formats/table.hpp"
#include "services/context.hpp"
#include "services/import_errors.hpp"
#include "store/learner_import_repo.hpp"

namespace lt::services {

struct LearnerImportCheck {
  // The learners to create, in file order, without usernames and passwords yet.
  std::vector<store::learner_import::NewLearner> learners;
  ImportProblems problems;
};

struct LearnerImportLimits {
  std::size_t max_errors = 10'000;  // errors kept and shown; all are counted
};

// Checks the table as `ctx`'s principal would create its learners, reading reference lists,
// providers and existing learners through `sql`. Consumes the table: each row's cells are freed
// once checked, so the file's cells and the learners made from them are not both held whole.
// `progress(done)` is called every few hundred rows; when it returns false the check stops early
// (cancelled) and the result is incomplete.
LearnerImportCheck check_learner_import(soci::session& sql, const Context& ctx,
                                        formats::Table& table, const std::string& today,
                                        const LearnerImportLimits& limits,
                                        const std::function<bool(std::size_t)>& progress);

// Gives each learner a username nobody in the tenant has (nor an earlier learner of the list),
// built from their names (domain/generated_username). Run it in the transaction that inserts
// them, so no one can take a name between the check and the insert.
void assign_usernames(soci::session& sql, Id tenant,
                      std::vector<store::learner_import::NewLearner>& learners);

}  // namespace lt::services
