// The job runner's loops: claim, run, conclude; renew leases.
#include "jobs/job_runner.hpp"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "auth/secrets.hpp"
#include "services/jobs.hpp"

namespace lt::jobs {

using domain::Error;
using store::jobs::JobRow;

namespace {

// The audit actor of what the runner decides on its own (a job abandoned, failed, cancelled).
services::Context system_context(const JobRow& job) {
  services::Context ctx;
  ctx.tenant_id = job.tenant_id;
  ctx.request_id = "job-" + std::to_string(job.id);
  return ctx;
}

void audit_end(services::AuditLog& audit, soci::session& sql, const services::Context& ctx,
               const JobRow& before, const JobRow& after) {
  services::Changes changes;
  changes.field("status", before.status, after.status);
  if (after.error) changes.field("error", nullptr, *after.error);
  audit.record(sql, ctx, "job." + after.status, "job", after.id, changes);
}

}  // namespace

JobRunner::JobRunner(services::Deps& deps, services::AuditLog& audit, const Registry& registry,
                     RunnerSettings settings)
    : deps_(deps), audit_(audit), registry_(registry), settings_(std::move(settings)) {
  if (settings_.owner.empty()) settings_.owner = make_owner();
  if (settings_.workers == 0) settings_.workers = 1;
}

JobRunner::~JobRunner() {
  stop();
}

std::string JobRunner::make_owner() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(getpid()) + ":" +
         auth::random_hex(4);
}

void JobRunner::start() {
  std::lock_guard lock(mutex_);
  if (!workers_.empty()) return;
  stopping_ = false;
  for (std::size_t i = 0; i < settings_.workers; ++i)
    workers_.emplace_back([this] { work_loop(); });
  heartbeat_thread_ = std::thread([this] { heartbeat_loop(); });
  spdlog::info("job runner {} started with {} worker(s)", settings_.owner, settings_.workers);
}

void JobRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  for (auto& worker : workers_)
    if (worker.joinable()) worker.join();
  workers_.clear();
  if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
}

void JobRunner::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

void JobRunner::work_loop() {
  while (!stopping_) {
    bool ran = false;
    try {
      ran = run_one();
    } catch (const std::exception& e) {
      spdlog::error("job runner pass failed: {}", e.what());
    }
    if (ran) continue;
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, settings_.poll, [&] { return stopping_.load() || woken_; });
    woken_ = false;
  }
}

void JobRunner::heartbeat_loop() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (wakeup_.wait_for(lock, settings_.heartbeat, [&] { return stopping_.load(); })) return;
    }
    try {
      heartbeat();
    } catch (const std::exception& e) {
      spdlog::error("job lease renewal failed: {}", e.what());
    }
  }
}

void JobRunner::heartbeat() {
  std::lock_guard lock(active_mutex_);
  for (JobContext* ctx : active_) {
    bool cancel = false;
    const bool held = deps_.db.write([&](soci::session& sql) {
      return store::jobs::renew(sql, ctx->claim(), deps_.from_now(settings_.lease), deps_.now(),
                                cancel);
    });
    if (!held) {
      spdlog::warn("job {}: lease lost by {}", ctx->id(), settings_.owner);
      ctx->mark_lease_lost();
    } else {
      ctx->set_cancel_requested(cancel);
    }
  }
}

bool JobRunner::run_one() {
  const auto kinds = registry_.kinds();
  if (kinds.empty()) return false;
  const std::string now = deps_.now();
  if (!deps_.db.read(
          [&](soci::session& sql) { return store::jobs::any_claimable(sql, kinds, now); }))
    return false;
  auto job = deps_.db.write([&](soci::session& sql) {
    for (const auto& ended : store::jobs::end_abandoned(sql, now)) {
      JobRow before = ended;
      before.status = "running";
      audit_end(audit_, sql, system_context(ended), before, ended);
      services::publish_job(deps_, ended);
      spdlog::warn("job {} ({}) {} after its lease expired", ended.id, ended.kind, ended.status);
    }
    auto claimed =
        store::jobs::claim_next(sql, kinds, settings_.owner, now, deps_.from_now(settings_.lease));
    if (claimed) services::publish_job(deps_, *claimed);
    return claimed;
  });
  if (!job) return false;
  spdlog::info("job {} ({}) claimed by {}, attempt {} of {}", job->id, job->kind, settings_.owner,
               job->attempts, job->max_attempts);
  execute(std::move(*job));
  return true;
}

void JobRunner::execute(JobRow job) {
  JobContext ctx(deps_, audit_, job, settings_.owner, stopping_, settings_.context);
  {
    std::lock_guard lock(active_mutex_);
    active_.insert(&ctx);
  }
  domain::Result<nlohmann::json> outcome =
      domain::fail(Error::internal("no handler for job kind " + job.kind));
  if (auto handler = registry_.find(job.kind)) {
    try {
      outcome = (*handler)(ctx);
    } catch (const std::exception& e) {
      outcome = domain::fail(Error::internal(std::string("job handler threw: ") + e.what()));
    }
  }
  {
    std::lock_guard lock(active_mutex_);
    active_.erase(&ctx);
  }
  conclude(ctx, outcome);
}

void JobRunner::conclude(JobContext& ctx, domain::Result<nlohmann::json>& outcome) {
  if (ctx.committed()) {
    spdlog::info("job {} ({}) succeeded", ctx.id(), ctx.kind());
    return;
  }
  if (ctx.lease_lost()) {
    spdlog::warn("job {} ({}): {} no longer holds it; its outcome is dropped", ctx.id(), ctx.kind(),
                 settings_.owner);
    return;
  }
  const bool stopped_by_us = !outcome && outcome.error().code == "job_stopped" && stopping_;
  deps_.db.write([&](soci::session& sql) {
    bool cancel = false;
    if (!store::jobs::still_held(sql, ctx.claim(), cancel)) {
      spdlog::warn("job {} ({}): claim gone before it could end", ctx.id(), ctx.kind());
      return;
    }
    auto before = store::jobs::find(sql, ctx.tenant_id(), ctx.id());
    if (stopped_by_us && !cancel) {
      store::jobs::release(sql, ctx.claim(), deps_.now());
      spdlog::info("job {} ({}) released for another run: the runner is stopping", ctx.id(),
                   ctx.kind());
    } else {
      std::string status = "succeeded";
      std::optional<std::string> result, error;
      if (outcome) {
        result = outcome->dump();
      } else if (cancel) {
        status = "cancelled";  // whatever made the handler stop, the user asked for it
      } else {
        status = "failed";
        error = outcome.error().message;
        if (ctx.failure_result()) result = ctx.failure_result()->dump();
        if (!outcome.error().detail.empty())
          spdlog::error("job {} ({}) failed: {}", ctx.id(), ctx.kind(), outcome.error().detail);
      }
      store::jobs::finish(sql, ctx.claim(), status, result, error, ctx.done(), ctx.total(),
                          deps_.now());
      spdlog::info("job {} ({}) {}", ctx.id(), ctx.kind(), status);
    }
    auto after = store::jobs::find(sql, ctx.tenant_id(), ctx.id());
    if (after->finished()) {
      audit_end(audit_, sql, ctx.context(), *before, *after);
      ctx.run_end_hook(sql, *after);
    }
    services::publish_job(deps_, *after);
  });
}

}  // namespace lt::jobs
