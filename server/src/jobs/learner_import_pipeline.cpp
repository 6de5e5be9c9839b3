// The learner import's pipeline (see learner_import_pipeline.hpp).
#include "jobs/learner_import_pipeline.hpp"

#include <malloc.h>

#include <algorithm>

#include "auth/secrets.hpp"
#include "formats/read_table.hpp"
#include "jobs/registry.hpp"
#include "store/learner_import_repo.hpp"

namespace lt::jobs {

using domain::fail;
using services::ImportError;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

LearnerImportPipeline::LearnerImportPipeline(std::string bytes, std::string content_type,
                                             std::string filename, const formats::Limits& limits,
                                             services::LearnerImportChecker& checker,
                                             const auth::SecretBox& secrets, Options options)
    : bytes_(std::move(bytes)),
      content_type_(std::move(content_type)),
      filename_(std::move(filename)),
      limits_(limits),
      checker_(checker),
      secrets_(secrets),
      options_(options),
      problems_(options.max_errors) {
  reader_ = std::thread([this] { read(); });
  if (options_.look_up_apart) looker_ = std::thread([this] { look_up_apart(); });
}

LearnerImportPipeline::~LearnerImportPipeline() {
  try {
    stop();
  } catch (...) {  // already reported by write() or the handler; a destructor must not throw
  }
}

void LearnerImportPipeline::stop() {
  stop_ = true;
  if (reader_.joinable()) reader_.join();
  if (looker_.joinable()) looker_.join();
  std::lock_guard lock(mutex_);
  if (thrown_) std::rethrow_exception(std::exchange(thrown_, nullptr));
}

void LearnerImportPipeline::keep_thrown(std::exception_ptr thrown) {
  any_error_ = true;
  std::lock_guard lock(mutex_);
  if (!thrown_) thrown_ = std::move(thrown);
}

void LearnerImportPipeline::add_errors(std::vector<ImportError>& errors) {
  if (errors.empty()) return;
  any_error_ = true;
  std::lock_guard lock(mutex_);
  for (auto& e : errors) problems_.add(e.row, e.column, std::move(e.value), std::move(e.message));
  errors.clear();
}

void LearnerImportPipeline::read() {
  const auto start = Clock::now();
  try {
    formats::RowSink sink;
    sink.batch_rows = options_.batch_rows;
    sink.header = [&](const formats::Table& head) {
      std::vector<ImportError> errors;
      const bool accepted = checker_.accept_header(head, errors);
      add_errors(errors);
      return accepted && !stop_;
    };
    sink.rows = [&](std::vector<formats::Row>& rows) {
      if (stop_) return false;
      const auto checking = Clock::now();
      rows_read_ += rows.size();
      Batch batch;
      std::vector<ImportError> errors;
      checker_.check(rows, errors, batch, [&] { return !stop_.load(); });
      add_errors(errors);
      if (!options_.look_up_apart) give_passwords(batch);
      queue_.push(std::move(batch));
      check_s_ += seconds_since(checking);
      return !stop_.load();
    };
    auto table = formats::read_table(bytes_, content_type_, filename_, limits_, &sink);
    if (!table && table.error().code != formats::errors::stopped) {
      any_error_ = true;
      std::lock_guard lock(mutex_);
      unreadable_ = std::move(table.error());
    }
  } catch (...) {
    keep_thrown(std::current_exception());
  }
  bytes_ = std::string();
  // When the writing waits for the reading, give back what reading freed (the file, its cells)
  // before the writing peaks: PostgreSQL's 100,000-row CSV import peaked at 201 MB without it,
  // 171–177 MB with it. Not while the writer runs: its freed pages would fault back in (a 100,000-
  // row CSV import on SQLite took 0.8 s longer).
  if (!options_.overlap_writing) ::malloc_trim(0);
  read_s_ = seconds_since(start) - check_s_;
  queue_.close();
}

// Here, where there is time to spare while the writer works, rather than when the learners are
// written (argon2id hashes for 100,000 learners would take hours; the first sign-in turns the
// sealed password into a hash). A file with errors writes nothing, so needs none.
void LearnerImportPipeline::give_passwords(Batch& batch) {
  if (any_error_) return;
  const auto giving = Clock::now();
  auto sealed = secrets_.seal_all(auth::generate_passwords(batch.learners.size()));
  for (std::size_t i = 0; i < sealed.size(); ++i)
    batch.learners[i].sealed_password = std::move(sealed[i]);
  passwords_s_ += seconds_since(giving);
}

void LearnerImportPipeline::look_up_apart() {
  try {
    // First, outside any transaction of the import's, so that ANALYZE's lock ends with it: the
    // statistics the look-ups' plans rely on (store::learner_import::refresh_stale_statistics).
    const auto analysing = Clock::now();
    options_.look_up_apart->write(
        [](soci::session& sql) { store::learner_import::refresh_stale_statistics(sql); });
    analyse_s_ = seconds_since(analysing);
    options_.look_up_apart->read([&](soci::session& sql) {
      while (auto batch = queue_.pop()) {
        if (!stop_) {
          look_up(sql, *batch);
          // Here rather than in the reader, which the import waits for on PostgreSQL.
          give_passwords(*batch);
        }
        looked_.push(std::move(*batch));  // stopped: passed on as it is, for the writer to drain
      }
    });
  } catch (...) {
    keep_thrown(std::current_exception());
  }
  looked_.close();
}

void LearnerImportPipeline::look_up(soci::session& sql, Batch& batch) {
  const auto looking = Clock::now();
  std::vector<ImportError> errors;
  checker_.check_existing(sql, options_.tenant, batch, errors);
  add_errors(errors);
  existing_s_ += seconds_since(looking);
  if (any_error_ || batch.learners.empty()) return;  // none of it will be written
  const auto naming = Clock::now();
  services::assign_usernames(sql, options_.tenant, batch.learners, &usernames_);
  usernames_s_ += seconds_since(naming);
}

domain::Result<LearnerImportPipeline::Written> LearnerImportPipeline::write(
    soci::session& sql, JobContext& ctx, const std::string& now) {
  store::learner_import::LearnerBatchInsert insert(sql, ctx.tenant_id(), now);
  checks_per_batch_ = insert.checks() == store::learner_import::ReferenceChecks::per_batch;
  Written written;
  bool cancelled = false;
  if (!options_.overlap_writing) ready().wait_closed();  // any error is known before writing
  while (auto batch = ready().pop()) {
    if (ctx.cancel_requested() || ctx.lease_lost()) {
      cancelled = stop_ = true;
      continue;  // the reader stops at its next batch; the queue closes after it
    }
    const auto writing = Clock::now();
    if (!options_.look_up_apart) look_up(sql, *batch);
    // After an error nothing more is written, but the rest of the file is still checked.
    if (!any_error_ && !batch->learners.empty()) {
      const auto ids = insert.add(batch->learners);
      if (written.count == 0) written.first_id = ids.front();
      written.last_id = ids.back();
      written.count += ids.size();
    }
    write_s_ += seconds_since(writing);
    ctx.progress(static_cast<long long>(written.count), static_cast<long long>(rows_read_));
  }
  stop();  // the queues are closed: this only joins the threads (and rethrows what they threw)
  if (cancelled) return fail(jobs::stopped());
  std::lock_guard lock(mutex_);
  if (unreadable_) return fail(failure(unreadable_->message));
  if (!problems_.any() && rows_read_ == 0)
    problems_.add(0, "", "",
                  "The file has no learners in it: fill in one row per learner under the "
                  "headings and upload it again.");
  if (problems_.any()) return fail(failure(problems_.summary()));
  const auto finishing = Clock::now();
  insert.finish();
  write_s_ += seconds_since(finishing);
  total_s_ = seconds_since(started_);
  return written;
}

std::optional<nlohmann::json> LearnerImportPipeline::rejection() const {
  std::lock_guard lock(mutex_);
  if (unreadable_) {
    services::ImportProblems unreadable;
    unreadable.add(0, "", "", unreadable_->message);
    return unreadable.rejection();
  }
  if (!problems_.any()) return std::nullopt;
  // In row order: the reader's errors and the writer's arrive interleaved.
  services::ImportProblems sorted = problems_;
  std::stable_sort(sorted.errors.begin(), sorted.errors.end(),
                   [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  return sorted.rejection();
}

nlohmann::json LearnerImportPipeline::timings() const {
  return {{"parse", read_s_},          {"check", check_s_},       {"commit", write_s_},
          {"analyse", analyse_s_},     {"existing", existing_s_}, {"usernames", usernames_s_},
          {"passwords", passwords_s_}, {"total", total_s_}};
}

}  // namespace lt::jobs
