// The learner import job (see learner_import_job.hpp). Timings of each phase go to the log and
// the job's result, so the benchmark can report parse, check and commit separately.
#include "jobs/learner_import_job.hpp"

#include <spdlog/spdlog.h>

#include <malloc.h>

#include <chrono>

#include "auth/secret_box.hpp"
#include "auth/secrets.hpp"
#include "formats/read_table.hpp"
#include "jobs/job_context.hpp"
#include "jobs/job_outcome_message.hpp"
#include "store/blobs_repo.hpp"

namespace lt::jobs {

using domain::fail;
using nlohmann::json;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return formats::with_thousands(n) + " " + (n == 1 ? one : many);
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
    // The upload's copies (request body, blob) were freed by the threads that made them; give
    // that memory back before the file is read, so it does not add to the parse's peak.
    ::malloc_trim(0);
    const auto started = std::chrono::steady_clock::now();
    const auto& payload = ctx.payload();
    auto blob = deps.db.read([&](soci::session& sql) {
      return store::blobs::find(sql, ctx.tenant_id(), payload.value("blob_id", 0ll));
    });
    if (!blob) return fail(failure("The uploaded file is no longer available; upload it again."));

    // Parse.
    auto table = formats::read_table(blob->bytes, payload.value("content_type", ""),
                                     payload.value("filename", ""), settings.limits);
    blob->bytes = std::string();  // the table holds what is needed now
    if (!table) {
      services::ImportProblems unreadable;
      unreadable.add(0, "", "", table.error().message);
      ctx.keep_result_on_failure(unreadable.rejection());
      return fail(failure(table.error().message));
    }
    const double parse_s = seconds_since(started);
    const long long total = static_cast<long long>(table->rows.size());
    ctx.progress(0, total);

    // Check every row.
    const auto check_start = std::chrono::steady_clock::now();
    bool stopped = false;
    auto check = deps.db.read([&](soci::session& sql) {
      return services::check_learner_import(sql, ctx.context(), *table, deps.now().substr(0, 10),
                                            settings.checks, [&](std::size_t done) {
                                              ctx.progress(static_cast<long long>(done), total);
                                              stopped = ctx.cancelled();
                                              return !stopped;
                                            });
    });
    *table = formats::Table{};  // free what is left before the learners are written
    ::malloc_trim(0);           // and give it back, so the commit's pages do not stack on it
    if (stopped) return fail(jobs::stopped());
    const double check_s = seconds_since(check_start);
    if (check.problems.any()) {
      ctx.keep_result_on_failure(check.problems.rejection());
      return fail(failure(check.problems.summary()));
    }

    // Generated passwords, sealed (argon2id hashes for 100,000 learners would take hours; the
    // first sign-in turns the sealed password into a hash).
    const auto commit_start = std::chrono::steady_clock::now();
    auto sealed = deps.secrets->seal_all(auth::generate_passwords(check.learners.size()));
    for (std::size_t i = 0; i < sealed.size(); ++i)
      check.learners[i].sealed_password = std::move(sealed[i]);
    const double passwords_s = seconds_since(commit_start);
    const std::size_t count = check.learners.size();
    auto outcome = ctx.commit([&](soci::session& sql) -> domain::Result<json> {
      const auto usernames_start = std::chrono::steady_clock::now();
      services::assign_usernames(sql, ctx.tenant_id(), check.learners);
      const double usernames_s = seconds_since(usernames_start);
      const auto insert_start = std::chrono::steady_clock::now();
      const auto ids =
          store::learner_import::insert(sql, ctx.tenant_id(), check.learners, deps.now());
      spdlog::info("learner import {}: passwords {:.3f} s, usernames {:.3f} s, insert {:.3f} s",
                   ctx.id(), passwords_s, usernames_s, seconds_since(insert_start));
      services::Changes changes;
      changes.field("created_count", nullptr, count)
          .field("first_learner_id", nullptr, ids.front())
          .field("last_learner_id", nullptr, ids.back())
          .field("filename", nullptr, payload.value("filename", ""));
      audit.record(sql, ctx.context(), "learners.imported", "job", ctx.id(), changes);
      return json{
          {"created_count", count},
          {"error_count", 0},
          {"rows_with_errors", 0},
          {"errors", json::array()},
          {"errors_truncated", false},
          {"seconds",
           {{"parse", parse_s}, {"check", check_s}, {"commit", seconds_since(commit_start)}}}};
    });
    if (outcome)
      spdlog::info(
          "learner import {}: {} learners; parse {:.3f} s, check {:.3f} s, commit {:.3f} s",
          ctx.id(), count, parse_s, check_s, seconds_since(commit_start));
    return outcome;
  };
}

}  // namespace lt::jobs
