// The "learner_import" job (issue 4, manual 7.4): reads the uploaded file (a blob), checks every
// row (services/learner_import) and, only when no row has an error, creates all the learners at
// once with generated usernames and sealed generated passwords, through JobContext::commit so it
// happens exactly once even if the job is run again after a crash. A rejected import keeps its
// errors (row, column, value, message) as the failed job's result. The requester hears the
// outcome in-app and by email, either way.
#pragma once

#include "formats/table.hpp"
#include "jobs/registry.hpp"
#include "services/audit.hpp"
#include "services/learner_import.hpp"

namespace lt::jobs {

inline constexpr const char* kLearnerImportKind = "learner_import";

struct LearnerImportSettings {
  formats::Limits limits;  // what the file may hold (rows, cells, decompressed size…)
  services::LearnerImportLimits checks;
};

// The handler, for the composition root to register under kLearnerImportKind.
Handler learner_import_handler(services::AuditLog& audit, LearnerImportSettings settings);

}  // namespace lt::jobs
