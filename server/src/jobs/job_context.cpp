// The job handler's context (see job_context.hpp).
#include "jobs/job_context.hpp"

#include <spdlog/spdlog.h>

#include "auth/secrets.hpp"
#include "services/accounts.hpp"
#include "services/jobs.hpp"
#include "store/blobs_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::jobs {

using domain::Error;
using domain::ErrorKind;
using domain::fail;

Error lease_lost_error() {
  return Error::make(ErrorKind::conflict, "job_lease_lost",
                     "This job is no longer held by this worker.");
}

Error cancelled_error() {
  return Error::make(ErrorKind::conflict, "job_cancelled", "The job was cancelled.");
}

JobContext::JobContext(services::Deps& deps, services::AuditLog& audit, store::jobs::JobRow job,
                       std::string owner, const std::atomic<bool>& stopping,
                       ContextSettings settings)
    : deps_(deps),
      audit_(audit),
      job_(std::move(job)),
      claim_{job_.id, std::move(owner), job_.attempts},
      payload_(nlohmann::json::parse(job_.payload, nullptr, false)),
      stopping_(stopping),
      settings_(settings),
      done_(job_.progress_done),
      total_(job_.progress_total) {
  if (payload_.is_discarded()) payload_ = nlohmann::json::object();
  cancel_requested_ = job_.cancel_requested;
  context_.tenant_id = job_.tenant_id;
  context_.request_id = "job-" + std::to_string(job_.id);
  if (job_.requested_by) {
    auto user = deps_.db.read([&](soci::session& sql) {
      return store::users::find(sql, job_.tenant_id, *job_.requested_by);
    });
    if (user && user->status == "active") {
      context_.principal = services::principal_of(*user, 0);
      context_.user = std::move(user);
    }
  }
}

void JobContext::progress(long long done, long long total) {
  done_ = done;
  total_ = total;
  const auto now = std::chrono::steady_clock::now();
  if (in_commit_) return;  // a second write transaction here would wait for this one (SQLite)
  if (done != total && now - last_progress_write_ < settings_.progress_interval) return;
  write_progress();
}

void JobContext::write_progress() {
  if (lease_lost_) return;
  last_progress_write_ = std::chrono::steady_clock::now();
  bool cancel = false;
  int version = 0;
  const bool held = deps_.db.write([&](soci::session& sql) {
    return store::jobs::set_progress(sql, claim_, done_, total_, deps_.now(), cancel, version);
  });
  if (!held) {
    lease_lost_ = true;
    return;
  }
  cancel_requested_ = cancel;
  job_.status = "running";
  job_.progress_done = done_;
  job_.progress_total = total_;
  job_.version = version;
  job_.cancel_requested = cancel;
  services::publish_job(deps_, job_);
}

bool JobContext::cancelled() {
  if (stopping_ || lease_lost_ || cancel_requested_) return true;
  if (in_commit_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_cancel_check_ < settings_.cancel_check_interval) return false;
  last_cancel_check_ = now;
  bool cancel = false;
  const bool held = deps_.db.read(
      [&](soci::session& sql) { return store::jobs::still_held(sql, claim_, cancel); });
  if (!held) lease_lost_ = true;
  cancel_requested_ = cancel;
  return lease_lost_ || cancel_requested_;
}

domain::Result<store::Id> JobContext::store_result_blob(std::string_view bytes,
                                                        const std::string& content_type,
                                                        const std::string& filename) {
  if (in_commit_)
    return fail(Error::internal("store_result_blob called inside JobContext::commit"));
  const std::string sha = auth::sha256_hex(bytes);  // outside the transaction: it takes a while
  return deps_.db.write([&](soci::session& sql) -> domain::Result<store::Id> {
    const store::Id blob =
        store::blobs::put(sql, job_.tenant_id, sha, bytes, content_type, filename, deps_.now());
    if (!store::jobs::set_result_blob(sql, claim_, blob, deps_.now())) {
      lease_lost_ = true;
      return fail(lease_lost_error());
    }
    return blob;
  });
}

domain::Result<nlohmann::json> JobContext::commit(const CommitWork& work) {
  auto outcome = deps_.db.write([&](soci::session& sql) -> domain::Result<nlohmann::json> {
    // First: the row lock (PostgreSQL) that keeps any other worker from reclaiming the job while
    // this transaction runs, and the check that the claim still holds.
    if (!store::jobs::hold(sql, claim_, deps_.now())) {
      bool cancel = false;
      if (store::jobs::still_held(sql, claim_, cancel) && cancel) {
        cancel_requested_ = true;
        return fail(cancelled_error());
      }
      lease_lost_ = true;
      return fail(lease_lost_error());
    }
    in_commit_ = true;
    struct Leave {
      bool& flag;
      ~Leave() { flag = false; }
    } leave{in_commit_};
    auto result = work(sql);
    if (!result) return result;
    if (!store::jobs::finish(sql, claim_, "succeeded", result->dump(), std::nullopt, done_, total_,
                             deps_.now()))
      throw std::logic_error("job row changed under its own lock");
    services::Changes changes;
    changes.field("status", "running", "succeeded");
    audit_.record(sql, context_, "job.succeeded", "job", job_.id, changes);
    if (auto after = store::jobs::find(sql, job_.tenant_id, job_.id)) {
      run_end_hook(sql, *after);
      services::publish_job(deps_, *after);
    }
    return result;
  });
  if (outcome) committed_ = true;
  return outcome;
}

}  // namespace lt::jobs
