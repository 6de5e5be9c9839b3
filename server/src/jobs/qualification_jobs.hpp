// The bulk qualification jobs (manual 9): "qualification_export" writes the learner
// qualifications workbook of a year group (the learners' sheet first, then the qualification
// types, subjects by type and grades by type to choose from) as the job's result file;
// "qualification_import" checks an edited sheet (services/qualification_transfer) and, only when
// every row is right, replaces those learners' qualifications with the sheet's in one exactly-once
// commit. Both tell the requester how they ended.
#pragma once

#include "formats/table.hpp"
#include "jobs/registry.hpp"
#include "services/audit.hpp"

namespace lt::jobs {

Handler qualification_export_handler();
Handler qualification_import_handler(services::AuditLog& audit, formats::Limits limits);

}  // namespace lt::jobs
