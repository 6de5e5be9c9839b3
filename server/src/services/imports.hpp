// Imports as users see them (manual 7.4): upload a file to start one, watch it, read its errors
// and download them as a spreadsheet, and the history of one's imports. An import is a job (its
// id is the job's, so its progress arrives on the event stream as job events); the file is kept
// as a blob. Visible, like every job, to its requester and to tenant administrators.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"
#include "services/context.hpp"
#include "services/import_templates.hpp"
#include "services/jobs.hpp"
#include "store/jobs_repo.hpp"

namespace lt::services {

// An import with what the list and detail views show besides the job itself.
struct ImportView {
  store::jobs::JobRow job;
  std::string filename;
  std::string requested_by_name;
};

class Imports {
 public:
  Imports(Deps& deps, Jobs& jobs, formats::Limits limits)
      : deps_(deps), jobs_(jobs), limits_(limits) {}

  // Starts a learner import of `bytes`: 401 signed out; 403 without learners.edit anywhere;
  // 413 file_too_large; 415 unsupported_file_type / file_type_mismatch (checked at once, from the
  // declared type and the first bytes); 422 not_a_spreadsheet for an empty or binary file; 409
  // import_in_progress when the same file is already queued or running. The rows are read and
  // checked by the job.
  domain::Result<ImportView> submit_learners(const Context& ctx, std::string_view bytes,
                                             const std::string& content_type,
                                             const std::string& filename) {
    return submit(ctx, "learner_import", bytes, content_type, filename);
  }
  // The same for an edited learner qualifications sheet (manual 9.3).
  domain::Result<ImportView> submit_qualifications(const Context& ctx, std::string_view bytes,
                                                   const std::string& content_type,
                                                   const std::string& filename) {
    return submit(ctx, "qualification_import", bytes, content_type, filename);
  }
  // 404 for a job that is not an import or that the caller may not see.
  domain::Result<ImportView> get(const Context& ctx, Id id);
  // The caller's imports of `kind` (learner_import when not given; every one of the tenant for
  // jobs.manage), newest first. 422 for a kind that is not an import's.
  domain::Result<store::Page<ImportView>> list(const Context& ctx,
                                               const std::optional<std::string>& kind,
                                               std::optional<int> limit,
                                               const std::optional<std::string>& cursor);
  // The import's errors as a workbook (Row, Column, Value, Message).
  domain::Result<DownloadFile> errors_workbook(const Context& ctx, Id id);

 private:
  domain::Result<ImportView> submit(const Context& ctx, const std::string& kind,
                                    std::string_view bytes, const std::string& content_type,
                                    const std::string& filename);
  ImportView view(soci::session& sql, store::jobs::JobRow job);
  Deps& deps_;
  Jobs& jobs_;
  formats::Limits limits_;
};

// Whether a job kind is an import's.
bool is_import_kind(const std::string& kind);

}  // namespace lt::services
