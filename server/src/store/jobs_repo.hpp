// SQL for the durable job queue (migration 0008). A job is claimed by one worker at a time under a
// lease: the claim sets lease_owner and lease_expires_at and counts an attempt, and every later
// write by that worker is checked against the claim (job id, owner and attempt number), so a
// worker that lost its lease — it stalled, another instance reclaimed the job — can no longer
// change the job. Claiming uses FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite it must run inside
// the single writer's BEGIN IMMEDIATE transaction (Database::write), which serialises claims.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::jobs {

struct JobRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string kind;
  std::string payload = "{}";     // JSON text
  std::string status = "queued";  // queued | running | succeeded | failed | cancelled
  long long progress_done = 0;
  long long progress_total = 0;
  std::optional<std::string> result;  // JSON text
  std::optional<Id> result_blob_id;
  std::optional<std::string> error;
  int attempts = 0;
  int max_attempts = 3;
  std::optional<std::string> lease_owner;
  std::optional<std::string> lease_expires_at;
  std::optional<Id> requested_by;
  std::string created_at;
  std::optional<std::string> started_at, finished_at;
  std::string updated_at;
  int version = 1;
  bool cancel_requested = false;

  bool finished() const {
    return status == "succeeded" || status == "failed" || status == "cancelled";
  }
};

struct NewJob {
  Id tenant_id = 0;
  std::string kind;
  std::string payload = "{}";
  std::optional<Id> requested_by;
  int max_attempts = 3;
  long long progress_total = 0;
};

// Who holds a job: the claim every write of a running job is checked against.
struct Claim {
  Id job_id = 0;
  std::string owner;
  int attempt = 0;
};

Id insert(soci::session& sql, const NewJob& job, const std::string& now);
std::optional<JobRow> find(soci::session& sql, Id tenant, Id id);

// Newest first; `kind` and `requested_by` narrow the list when given.
Page<JobRow> list(soci::session& sql, Id tenant, const std::optional<std::string>& kind,
                  std::optional<Id> requested_by, int limit,
                  const std::optional<std::string>& cursor);

// The tenant's jobs of `kind` that are queued or running, oldest first.
std::vector<JobRow> active(soci::session& sql, Id tenant, const std::string& kind);

// Whether claim_next would find something (a cheap read, so idle workers need not open a write
// transaction to learn there is nothing to do).
bool any_claimable(soci::session& sql, const std::vector<std::string>& kinds,
                   const std::string& now);

// Ends running jobs whose lease expired and that must not run again: cancelled when a cancel was
// requested, failed when they already used max_attempts. Returns the jobs it ended.
std::vector<JobRow> end_abandoned(soci::session& sql, const std::string& now);

// Claims the oldest queued job, or a running one whose lease expired, of one of `kinds` (code
// identifiers, [a-z0-9_.]): status running, attempts + 1, the lease to `owner` until
// `lease_until`. Returns the claimed job, or nullopt when there is none. Run it in a write
// transaction.
std::optional<JobRow> claim_next(soci::session& sql, const std::vector<std::string>& kinds,
                                 const std::string& owner, const std::string& now,
                                 const std::string& lease_until);

// Extends the lease. False when the claim no longer holds. `cancel_requested` receives the flag.
bool renew(soci::session& sql, const Claim& claim, const std::string& lease_until,
           const std::string& now, bool& cancel_requested);
// Records progress under the claim. False when the claim no longer holds; otherwise
// `cancel_requested` and `version` receive the job's flag and new version.
bool set_progress(soci::session& sql, const Claim& claim, long long done, long long total,
                  const std::string& now, bool& cancel_requested, int& version);
// Locks the job row for the rest of the transaction and checks the claim holds and no cancel was
// requested: the first step of a handler's commit transaction. False otherwise.
bool hold(soci::session& sql, const Claim& claim, const std::string& now);
bool set_result_blob(soci::session& sql, const Claim& claim, Id blob_id, const std::string& now);
// Ends the job under the claim with a final status (succeeded | failed | cancelled). False when
// the claim no longer holds (nothing changed).
bool finish(soci::session& sql, const Claim& claim, const std::string& status,
            const std::optional<std::string>& result, const std::optional<std::string>& error,
            long long progress_done, long long progress_total, const std::string& now);
// Gives the job back to the queue without counting the attempt (graceful shutdown).
bool release(soci::session& sql, const Claim& claim, const std::string& now);
// Whether the claim still holds (running, same owner and attempt); `cancel_requested` receives
// the job's flag.
bool still_held(soci::session& sql, const Claim& claim, bool& cancel_requested);

enum class CancelOutcome { cancelled, requested, already_finished, not_found };
// Queued: cancelled at once. Running: cancel_requested set; the worker stops at its next check.
CancelOutcome request_cancel(soci::session& sql, Id tenant, Id id, const std::string& now);

// Jobs changed at or after `since`, oldest change first (the event stream's fallback across
// instances).
std::vector<JobRow> changed_since(soci::session& sql, const std::string& since, int limit);

}  // namespace lt::store::jobs
