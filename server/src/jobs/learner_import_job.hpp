// The "learner_import" job (issue 4, manual 7.4): reads the uploaded file (a blob), checks every
// row (services/learner_import) and, only when no row has an error, creates all the learners in
// one transaction with generated usernames and sealed generated passwords, through
// JobContext::commit so it happens exactly once even if the job is run again after a crash. The
// reading, checking and writing overlap (jobs/learner_import_pipeline). A rejected import keeps its
// errors (row, column, value, message) as the failed job's result. The requester hears the
// outcome in-app and by email, either way.
#pragma once

#include <optional>

#include "formats/table.hpp"
#include "jobs/registry.hpp"
#include "services/audit.hpp"
#include "services/learner_import.hpp"

namespace lt::jobs {

inline constexpr const char* kLearnerImportKind = "learner_import";

struct LearnerImportSettings {
  formats::Limits limits;  // what the file may hold (rows, cells, decompressed size…)
  services::LearnerImportLimits checks;
  // Rows read and checked before they go to the writer (see jobs/learner_import_pipeline); 0:
  // 4,096 on SQLite, where small batches let the writing start early, and 25,000 on PostgreSQL,
  // which pays per statement (100,000 rows in batches of 4,096 took 12 s there, against 8 s in
  // batches of 25,000). Tests use a few rows.
  std::size_t batch_rows = 0;
  // Whether writing starts before the file is read to its end; unset: on SQLite only. On
  // PostgreSQL, on two cores, reading and the server's COPYs slow each other down (in a traced
  // 100,000-row import each batch's write took half as long again, and the reading 70% longer),
  // a rejected file leaves the dead rows of the batches it wrote for autovacuum, and over several
  // runs it was as often slower as faster.
  std::optional<bool> overlap_writing;
};

// The handler, for the composition root to register under kLearnerImportKind.
Handler learner_import_handler(services::AuditLog& audit, LearnerImportSettings settings);

}  // namespace lt::jobs
