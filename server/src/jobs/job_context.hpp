// What a job handler works with: the job (payload, tenant, requester), a services Context acting
// as the requester, progress reporting, the cancel check, its result file, and the exactly-once
// commit.
//
// Exactly once. A job can run more than once: its worker may die or stall, its lease expire and
// another instance claim it again. Work that only reads, or that can simply be redone (parsing,
// validating, building a file), is redone. A change to records must commit through
// commit(work): one write transaction that first locks the job row and checks that this worker
// still holds its claim (job, owner, attempt) and that no cancel was requested, then runs `work`,
// then marks the job succeeded with work's result. So the change and "succeeded" commit together
// or not at all: a later claim finds the job finished and never runs it, and a stale worker's
// commit finds its claim gone and rolls back.
//
// Thread safety: a JobContext belongs to the thread running its handler; the runner's heartbeat
// thread only touches its atomic flags.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "store/jobs_repo.hpp"

namespace lt::jobs {

struct ContextSettings {
  std::chrono::milliseconds progress_interval{100};      // at most ~10 progress writes a second
  std::chrono::milliseconds cancel_check_interval{250};  // cancelled() reads at most this often
};

class JobContext {
 public:
  // Loads the requester (their current roles; no principal when they no longer exist or are
  // disabled). `stopping` is the runner's flag: true while it shuts down.
  JobContext(services::Deps& deps, services::AuditLog& audit, store::jobs::JobRow job,
             std::string owner, const std::atomic<bool>& stopping, ContextSettings settings);

  store::Id id() const { return job_.id; }
  store::Id tenant_id() const { return job_.tenant_id; }
  const std::string& kind() const { return job_.kind; }
  std::optional<store::Id> requested_by() const { return job_.requested_by; }
  int attempt() const { return job_.attempts; }  // 1 on the first run
  // The payload as queued; an unreadable one is an empty object.
  const nlohmann::json& payload() const { return payload_; }
  // A services Context acting as the requester, request id "job-<id>".
  const services::Context& context() const { return context_; }
  services::Deps& deps() const { return deps_; }

  // Reports progress. Written (and published to the requester's event streams) at most every
  // progress_interval, and always when done == total; the last value is written when the job
  // ends either way. Inside commit()'s work it is only remembered (the transaction is open).
  void progress(long long done, long long total);
  // True once the handler should stop: a cancel was requested, the runner is shutting down, or
  // this worker lost its claim. Reads the database at most every cancel_check_interval (never
  // inside commit()'s work, which has checked already).
  bool cancelled();

  // Stores a file as the job's result (content-addressed per tenant), in a transaction of its
  // own (so not inside commit()'s work: that fails). Returns the blob id; fails with
  // job_lease_lost when the claim no longer holds.
  domain::Result<store::Id> store_result_blob(std::string_view bytes,
                                              const std::string& content_type,
                                              const std::string& filename);

  // Keeps `result` as the job's result even when the handler fails, so the requester can see why
  // (an import's error list). Call it before returning the failure.
  void keep_result_on_failure(nlohmann::json result) { failure_result_ = std::move(result); }
  const std::optional<nlohmann::json>& failure_result() const { return failure_result_; }

  // Runs inside the transaction that ends the job, however it ends (succeeded through commit(),
  // failed, cancelled), with the job as it ends: e.g. to email the requester the outcome. Not run
  // when the job is given back to the queue or ended by another instance after its lease expired.
  using EndHook = std::function<void(soci::session&, const store::jobs::JobRow&)>;
  void on_end(EndHook hook) { end_hook_ = std::move(hook); }
  void run_end_hook(soci::session& sql, const store::jobs::JobRow& job) const {
    if (end_hook_) end_hook_(sql, job);
  }

  using CommitWork = std::function<domain::Result<nlohmann::json>(soci::session&)>;
  // The exactly-once commit (see the top of this file). Returns work's result, work's error
  // (rolled back), or job_cancelled / job_lease_lost (nothing ran). A handler returns it.
  domain::Result<nlohmann::json> commit(const CommitWork& work);

  // --- for the runner ---
  const store::jobs::Claim& claim() const { return claim_; }
  bool committed() const { return committed_; }
  bool lease_lost() const { return lease_lost_.load(); }
  void mark_lease_lost() { lease_lost_ = true; }
  bool cancel_requested() const { return cancel_requested_.load(); }
  void set_cancel_requested(bool requested) { cancel_requested_ = requested; }
  long long done() const { return done_; }
  long long total() const { return total_; }

 private:
  void write_progress();

  services::Deps& deps_;
  services::AuditLog& audit_;
  store::jobs::JobRow job_;
  store::jobs::Claim claim_;
  nlohmann::json payload_;
  services::Context context_;
  const std::atomic<bool>& stopping_;
  ContextSettings settings_;
  std::atomic<bool> lease_lost_{false};
  std::atomic<bool> cancel_requested_{false};
  std::optional<nlohmann::json> failure_result_;
  EndHook end_hook_;
  bool committed_ = false;
  bool in_commit_ = false;  // commit()'s transaction is open on this thread
  long long done_ = 0, total_ = 0;
  std::chrono::steady_clock::time_point last_progress_write_{};
  std::chrono::steady_clock::time_point last_cancel_check_{};
};

// The errors commit() and store_result_blob() give when they may not change the job.
domain::Error lease_lost_error();
domain::Error cancelled_error();

}  // namespace lt::jobs
