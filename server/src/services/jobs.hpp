// Jobs as users see them (issue 4): a feature queues one for its long work (an import, an
// export), its requester watches it, cancels it and downloads its result file. Who may see a job:
// the user who requested it and whoever holds jobs.manage tenant-wide (administrators); for anyone
// else, and in any other tenant, it does not exist (404). The work itself is done by
// jobs::JobRunner, which claims queued jobs from the database.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/event_bus.hpp"
#include "store/blobs_repo.hpp"
#include "store/jobs_repo.hpp"

namespace lt::services {

class Jobs {
 public:
  Jobs(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // Called after a transaction that queued a job has committed: the composition root wakes the
  // job runner with it, so the job starts at once rather than at the runner's next poll.
  void on_queued(std::function<void()> callback) { on_queued_ = std::move(callback); }

  // Queues a job inside the caller's transaction, requested by the signed-in user of `ctx` (none
  // for the system), audited as job.queued. `kind` must be registered with the runner
  // ([a-z0-9_.]). Returns the new job's id.
  Id enqueue(soci::session& sql, const Context& ctx, const std::string& kind,
             const nlohmann::json& payload, int max_attempts = 3);
  // The same in a transaction of its own; returns the queued job.
  domain::Result<store::jobs::JobRow> enqueue(const Context& ctx, const std::string& kind,
                                              const nlohmann::json& payload, int max_attempts = 3);

  domain::Result<store::jobs::JobRow> get(const Context& ctx, Id id);
  // Queued: cancelled at once. Running: asked to stop (cancel_requested); it ends cancelled at
  // its handler's next check. Already finished: 409 job_finished. Audited either way.
  domain::Result<store::jobs::JobRow> cancel(const Context& ctx, Id id);
  // The job's result file; 404 until the job has stored one.
  domain::Result<store::blobs::BlobRow> result_file(const Context& ctx, Id id);

 private:
  Deps& deps_;
  AuditLog& audit_;
  std::function<void()> on_queued_;
};

// Whether the principal may see (and cancel) the job.
bool may_see_job(const auth::Principal& who, const store::jobs::JobRow& job);

// The "job" event its requester's streams hear when the job changes: {id, kind, status,
// progress: {done, total}, version}.
Event job_event(const store::jobs::JobRow& job);
// Publishes job_event(job) once the current transaction commits (at once outside one); nothing
// for a job nobody requested.
void publish_job(const Deps& deps, const store::jobs::JobRow& job);

}  // namespace lt::services
