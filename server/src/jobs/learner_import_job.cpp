// The learner import job (see learner_import_job.hpp); the reading, checking and writing are
// jobs/learner_import_pipeline's. Their timings go to the log and the job's result, so the
// benchmark can report them.
#include "jobs/learner_import_job.hpp"

#include <spdlog/spdlog.h>

#include <malloc.h>

#include "jobs/job_context.hpp"
#include "jobs/job_outcome_message.hpp"
#include "jobs/learner_import_pipeline.hpp"
#include "store/blobs_repo.hpp"
#include "store/learner_import_repo.hpp"

namespace lt::jobs {

using domain::fail;
using nlohmann::json;

namespace {

// Readings of the file when other imports keep taking its usernames first (see the handler).
constexpr int kUsernameAttempts = 3;

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return formats::with_thousands(n) + " " + (n == 1 ? one : many);
}

// One reading and writing of the uploaded file (see the handler below).
domain::Result<json> import_once(JobContext& ctx, services::AuditLog& audit,
                                 const LearnerImportSettings& settings) {
  auto& deps = ctx.deps();
  // The upload's copies (request body, blob) were freed by the threads that made them; give
  // that memory back before the file is read, so it does not add to the parse's peak.
  ::malloc_trim(0);
  const auto& payload = ctx.payload();
  auto blob = deps.db.read([&](soci::session& sql) {
    return store::blobs::find(sql, ctx.tenant_id(), payload.value("blob_id", 0ll));
  });
  if (!blob) return fail(failure("The uploaded file is no longer available; upload it again."));
  auto checker = deps.db.read([&](soci::session& sql) {
    return services::LearnerImportChecker::load(sql, ctx.context(), deps.now().substr(0, 10));
  });

  LearnerImportPipeline::Options options;
  options.tenant = ctx.tenant_id();
  options.max_errors = settings.checks.max_errors;
  options.batch_rows = settings.batch_rows     ? settings.batch_rows
                       : deps.db.is_postgres() ? 25'000
                                               : 4'096;
  options.overlap_writing = settings.overlap_writing.value_or(!deps.db.is_postgres());
  if (deps.db.is_postgres()) options.look_up_apart = &deps.db;
  LearnerImportPipeline pipeline(std::move(blob->bytes), payload.value("content_type", ""),
                                 payload.value("filename", ""), settings.limits, checker,
                                 *deps.secrets, options);
  blob.reset();
  std::size_t count = 0;
  auto outcome = ctx.commit([&](soci::session& sql) -> domain::Result<json> {
    auto written = pipeline.write(sql, ctx, deps.now());
    if (!written) return fail(std::move(written.error()));
    count = written->count;
    services::Changes changes;
    changes.field("created_count", nullptr, count)
        .field("first_learner_id", nullptr, written->first_id)
        .field("last_learner_id", nullptr, written->last_id)
        .field("filename", nullptr, payload.value("filename", ""));
    audit.record(sql, ctx.context(), "learners.imported", "job", ctx.id(), changes);
    return json{{"created_count", count},    {"error_count", 0},
                {"rows_with_errors", 0},     {"errors", json::array()},
                {"errors_truncated", false}, {"seconds", pipeline.timings()}};
  });
  // When the commit never began (cancelled first) the reader is still going: stop it.
  pipeline.stop();
  if (!outcome)
    if (auto rejected = pipeline.rejection()) ctx.keep_result_on_failure(std::move(*rejected));
  spdlog::info("learner import {}: {} learners, references checked {}; seconds {}", ctx.id(), count,
               pipeline.reference_checks(), pipeline.timings().dump());
  return outcome;
}

}  // namespace

Handler learner_import_handler(services::AuditLog& audit, LearnerImportSettings settings) {
  return [&audit, settings](JobContext& ctx) -> domain::Result<json> {
    auto& deps = ctx.deps();
    ctx.on_end([&deps](soci::session& sql, const store::jobs::JobRow& job) {
      const auto created = result_of(job).value("created_count", 0ull);
      tell_requester(sql, deps, job, kLearnerImportKind,
                     import_outcome(job, "learner import",
                                    plural(created, "learner was", "learners were") +
                                        " imported. Their usernames and passwords are on the "
                                        "list of learners who have not logged in."));
    });
    if (!ctx.context().principal)
      return fail(failure("The person who uploaded this file can no longer import learners."));
    if (!deps.secrets) return fail(domain::Error::internal("no secret key to seal passwords"));
    // Two imports running at once can give the same new username (on PostgreSQL each looks
    // usernames up before it writes, and sees only committed ones): the unique key refuses the
    // second, whose transaction then rolls back whole. Read again, the file gets other names.
    for (int attempt = 1;; ++attempt) {
      try {
        return import_once(ctx, audit, settings);
      } catch (const store::learner_import::UsernameTaken& clash) {
        spdlog::warn("learner import {}: attempt {}: {}", ctx.id(), attempt, clash.what());
        if (attempt == kUsernameAttempts)
          return fail(failure(
              "Another import was creating learners with the same usernames at the same time. "
              "Nothing from this file was imported; upload it again."));
      }
    }
  };
}

}  // namespace lt::jobs
