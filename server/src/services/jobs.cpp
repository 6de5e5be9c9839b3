// Jobs: queueing, visibility, cancelling, result files. Reads and writes of one job are one
// transaction each; every change is audited.
#include "services/jobs.hpp"

#include <algorithm>
#include <stdexcept>

namespace lt::services {

using domain::Error;
using domain::ErrorKind;
using domain::fail;
using store::jobs::JobRow;

bool may_see_job(const auth::Principal& who, const JobRow& job) {
  if (who.tenant_id != job.tenant_id) return false;
  if (job.requested_by && *job.requested_by == who.user_id) return true;
  return auth::can(who, auth::Permission::jobs_manage, auth::Resource{job.tenant_id, {}, {}, {}});
}

Event job_event(const JobRow& job) {
  return Event{job.tenant_id,
               job.requested_by.value_or(0),
               "job",
               {{"id", job.id},
                {"kind", job.kind},
                {"status", job.status},
                {"progress", {{"done", job.progress_done}, {"total", job.progress_total}}},
                {"version", job.version}}};
}

void publish_job(const Deps& deps, const JobRow& job) {
  if (!deps.events || !job.requested_by) return;
  store::Database::after_commit([&deps, event = job_event(job)] { deps.events->publish(event); });
}

Id Jobs::enqueue(soci::session& sql, const Context& ctx, const std::string& kind,
                 const nlohmann::json& payload, int max_attempts) {
  // A kind no runner could ever claim is a programming error, not a user's.
  const bool valid_kind = !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
  if (!valid_kind) throw std::invalid_argument("job kind must be [a-z0-9_.]+: " + kind);
  if (max_attempts < 1) throw std::invalid_argument("max_attempts must be at least 1");
  store::jobs::NewJob job;
  job.tenant_id = ctx.tenant_id;
  job.kind = kind;
  job.payload = payload.dump();
  if (ctx.principal && ctx.principal->user_id > 0) job.requested_by = ctx.principal->user_id;
  job.max_attempts = max_attempts;
  const Id id = store::jobs::insert(sql, job, deps_.now());
  Changes changes;
  changes.field("kind", nullptr, kind);
  changes.field("status", nullptr, "queued");
  audit_.record(sql, ctx, "job.queued", "job", id, changes);
  if (auto row = store::jobs::find(sql, ctx.tenant_id, id)) publish_job(deps_, *row);
  store::Database::after_commit([this] {
    if (on_queued_) on_queued_();
  });
  return id;
}

domain::Result<JobRow> Jobs::enqueue(const Context& ctx, const std::string& kind,
                                     const nlohmann::json& payload, int max_attempts) {
  return deps_.db.write([&](soci::session& sql) -> domain::Result<JobRow> {
    const Id id = enqueue(sql, ctx, kind, payload, max_attempts);
    return *store::jobs::find(sql, ctx.tenant_id, id);
  });
}

domain::Result<JobRow> Jobs::get(const Context& ctx, Id id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto job =
      deps_.db.read([&](soci::session& sql) { return store::jobs::find(sql, ctx.tenant_id, id); });
  if (!job || !may_see_job(*ctx.principal, *job)) return fail(Error::not_found("job"));
  return *job;
}

domain::Result<JobRow> Jobs::cancel(const Context& ctx, Id id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.write([&](soci::session& sql) -> domain::Result<JobRow> {
    auto job = store::jobs::find(sql, ctx.tenant_id, id);
    if (!job || !may_see_job(*ctx.principal, *job)) return fail(Error::not_found("job"));
    using store::jobs::CancelOutcome;
    const auto outcome = store::jobs::request_cancel(sql, ctx.tenant_id, id, deps_.now());
    if (outcome == CancelOutcome::already_finished || outcome == CancelOutcome::not_found)
      return fail(Error::make(ErrorKind::conflict, "job_finished",
                              "This job has already finished, so it cannot be cancelled."));
    auto after = store::jobs::find(sql, ctx.tenant_id, id);
    Changes changes;
    changes.field("status", job->status, after->status);
    changes.field("cancel_requested", job->cancel_requested, after->cancel_requested);
    audit_.record(sql, ctx,
                  outcome == CancelOutcome::cancelled ? "job.cancelled" : "job.cancel_requested",
                  "job", id, changes);
    publish_job(deps_, *after);
    return *after;
  });
}

domain::Result<store::blobs::BlobRow> Jobs::result_file(const Context& ctx, Id id) {
  auto job = get(ctx, id);
  if (!job) return fail(job.error());
  if (!job->result_blob_id)
    return fail(
        Error::make(ErrorKind::not_found, "no_result", "This job has no result file (yet)."));
  auto blob = deps_.db.read([&](soci::session& sql) {
    return store::blobs::find(sql, ctx.tenant_id, *job->result_blob_id);
  });
  if (!blob) return fail(Error::not_found("result file"));
  return *blob;
}

}  // namespace lt::services
