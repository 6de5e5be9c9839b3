// The learner import's pipeline (issue 4): a thread of its own reads the uploaded file and checks
// its rows a batch at a time (services::LearnerImportChecker) while the job's thread, inside the
// job's commit transaction, checks each batch against the learners already there, gives its
// learners usernames and inserts them (store::learner_import::LearnerBatchInsert). So reading,
// checking and writing overlap, and the import takes about as long as its writes alone.
//
// On PostgreSQL two things differ. Its server does the writing, on a core of its own, so the
// writer waits for the reader to finish first (without Options::overlap_writing): an error late
// in the file is then known before anything is written, and a rejected file leaves no dead rows
// behind. And the look-ups of each batch (Options::look_up_apart) run on a third thread and a
// connection of their own as soon as the batch is checked, while the rest of the file is read:
// the writer's transaction is left with nothing but its COPYs, which are what the import waits
// for there.
//
// All or nothing still: once any row has an error, nothing more is inserted (the remaining rows
// are still read and checked, so every error is reported) and write() fails, which rolls the
// transaction back. A bad row late in a file is found in about the time it takes to read and
// check the file: the reader never waits for the writer (once the error is known, the writer
// finishes the batch it is writing, then writes no more).
//
// Thread safety: construct, write() and stop() on the job's thread; the reader and the look-up
// thread are internal.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "auth/secret_box.hpp"
#include "domain/error.hpp"
#include "formats/table.hpp"
#include "jobs/batch_queue.hpp"
#include "jobs/job_context.hpp"
#include "services/import_errors.hpp"
#include "services/learner_import.hpp"
#include "store/database.hpp"

namespace lt::jobs {

class LearnerImportPipeline {
 public:
  struct Options {
    store::Id tenant = 0;
    std::size_t max_errors = 0;    // errors kept for the report
    std::size_t batch_rows = 0;    // rows read and checked before they go on
    bool overlap_writing = false;  // false: write() waits for the file to be read and checked
    // When given (PostgreSQL), the look-ups of a batch (learners already there, usernames taken)
    // run on a connection of this database and a thread of their own, while the file is still
    // being read, rather than in the writer's transaction between its COPYs. Their rows are
    // committed ones either way (another import's uncommitted learners are not seen in either).
    store::Database* look_up_apart = nullptr;
  };
  // Starts reading and checking `bytes` (an upload of `content_type`, named `filename`).
  LearnerImportPipeline(std::string bytes, std::string content_type, std::string filename,
                        const formats::Limits& limits, services::LearnerImportChecker& checker,
                        const auth::SecretBox& secrets, Options options);
  ~LearnerImportPipeline();  // stop()s
  LearnerImportPipeline(const LearnerImportPipeline&) = delete;
  LearnerImportPipeline& operator=(const LearnerImportPipeline&) = delete;

  struct Written {
    std::size_t count = 0;
    store::Id first_id = 0, last_id = 0;
  };

  // Inside the job's commit: writes the batches as they come (see the top of this file). Fails,
  // for the transaction to roll back, when the file could not be read, a row had an error, the
  // file had no learners, or the job was cancelled (stopped()).
  domain::Result<Written> write(soci::session& sql, JobContext& ctx, const std::string& now);

  // Tells the reader to stop and waits for it. Rethrows what the reader threw, if anything.
  void stop();

  // After write() failed on the file or its rows: what the failed job keeps as its result (the
  // errors by row, or the file's problem); nullopt when it failed for another reason.
  std::optional<nlohmann::json> rejection() const;

  // Seconds spent reading, checking and writing (they overlap), and in all.
  nlohmann::json timings() const;
  // How write() had the references of its rows checked: "per batch" or "per row"
  // (store::learner_import::ReferenceChecks).
  const char* reference_checks() const { return checks_per_batch_ ? "per batch" : "per row"; }

 private:
  void read();           // the reader thread
  void look_up_apart();  // the look-up thread, with Options::look_up_apart
  // The look-ups of one batch through `sql`: learners already there, then usernames.
  void look_up(soci::session& sql, services::CheckedLearners& batch);
  // Generates the batch's first passwords and seals them (none once the file has an error).
  void give_passwords(services::CheckedLearners& batch);
  void add_errors(std::vector<services::ImportError>& errors);
  // A thread's exception: the import fails, and stop() rethrows the first one kept.
  void keep_thrown(std::exception_ptr thrown);

  // A batch of checked learners, with their sealed passwords.
  using Batch = services::CheckedLearners;

  std::string bytes_, content_type_, filename_;
  formats::Limits limits_;
  services::LearnerImportChecker& checker_;
  const auth::SecretBox& secrets_;
  Options options_;
  BatchQueue<Batch> queue_;   // read and checked
  BatchQueue<Batch> looked_;  // and looked up apart (Options::look_up_apart)
  BatchQueue<Batch>& ready() { return options_.look_up_apart ? looked_ : queue_; }
  std::atomic<bool> stop_{false};
  std::atomic<bool> any_error_{false};
  std::atomic<std::size_t> rows_read_{0};
  services::UsernamesGiven usernames_;  // the look-ups', from batch to batch

  mutable std::mutex mutex_;  // guards the three below
  services::ImportProblems problems_;
  std::optional<domain::Error> unreadable_;  // the reader's failure, other than being stopped
  std::exception_ptr thrown_;                // what the reader or the look-ups threw first

  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double read_s_ = 0, check_s_ = 0, write_s_ = 0, total_s_ = 0;
  double analyse_s_ = 0;                     // refreshing the statistics the look-ups rely on
  double existing_s_ = 0, usernames_s_ = 0;  // the look-ups: parts of write_s_ unless apart
  double passwords_s_ = 0;                   // generating and sealing first passwords
  bool checks_per_batch_ = false;
  std::thread reader_, looker_;
};

}  // namespace lt::jobs
