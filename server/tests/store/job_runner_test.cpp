// The job runner against a real database (SQLite, and PostgreSQL under scripts/with-postgres),
// with job kinds registered only here: success with progress and events, failures, cancel, a
// graceful stop that gives the job back, result files, the exactly-once commit when a worker
// dies or stalls and another finishes the job, lease renewal, wake-ups, and the cross-instance
// event fallback (JobWatch).
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "jobs/job_context.hpp"
#include "jobs/job_runner.hpp"
#include "jobs/job_watch.hpp"
#include "jobs/registry.hpp"
#include "services/audit.hpp"
#include "services/event_bus.hpp"
#include "services/jobs.hpp"
#include "services/notifications.hpp"
#include "store/audit_repo.hpp"
#include "store/blobs_repo.hpp"
#include "store/database.hpp"
#include "store/jobs_repo.hpp"
#include "store/migrations.hpp"
#include "store/notifications_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"
#include "support/app/test_app.hpp"

using namespace std::chrono_literals;
using lt::domain::fail;
using lt::jobs::JobContext;
using lt::jobs::JobRunner;
using lt::jobs::RunnerSettings;
using lt::store::Id;
using nlohmann::json;

namespace {

// A gate a handler waits at until the test opens it.
class Gate {
 public:
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

class JobsRunner : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = lt::store::Database::open({database_.url(), 4});
    lt::store::migrate(*db_);
    const std::string now = lt::domain::format_timestamp(clock_.now());
    tenant_ = db_->write(
        [&](soci::session& sql) { return lt::store::tenants::insert(sql, "alpha", now); });
    user_ = db_->write([&](soci::session& sql) {
      lt::store::UserRow u;
      u.tenant_id = tenant_;
      u.username = "jo.bloggs";
      u.first_name = "Jo";
      u.last_name = "Bloggs";
      u.created_at = now;
      return lt::store::users::insert(sql, u);
    });
    deps_ = std::make_unique<lt::services::Deps>(lt::services::Deps{*db_, clock_, {}, &bus_});
    audit_ = std::make_unique<lt::services::AuditLog>(*deps_);
    jobs_ = std::make_unique<lt::services::Jobs>(*deps_, *audit_);

    registry_.add("test.count", [](JobContext& ctx) -> lt::domain::Result<json> {
      const int n = ctx.payload().value("n", 3);
      for (int i = 1; i <= n; ++i) ctx.progress(i, n);
      return json{{"counted", n}};
    });
    // The exactly-once kind: its one change (a notification for the requester) commits with
    // "succeeded".
    registry_.add("test.commit", [this](JobContext& ctx) { return notify_once(ctx); });
    registry_.add("test.block", [this](JobContext& ctx) {
      if (ctx.attempt() == 1) {
        started_.set_value();
        gate_.wait();
      }
      return notify_once(ctx);
    });
    registry_.add("test.until_cancelled", [this](JobContext& ctx) -> lt::domain::Result<json> {
      started_.set_value();
      while (!ctx.cancelled()) std::this_thread::sleep_for(5ms);
      return fail(lt::jobs::stopped());
    });
    registry_.add("test.fail", [](JobContext&) -> lt::domain::Result<json> {
      return fail(lt::jobs::failure("The file has no rows."));
    });
    registry_.add("test.throw", [](JobContext&) -> lt::domain::Result<json> {
      throw std::runtime_error("boom");
    });
    registry_.add("test.file", [](JobContext& ctx) -> lt::domain::Result<json> {
      auto blob =
          ctx.store_result_blob(std::string("name,count\nJo,1\n"), "text/csv", "counts.csv");
      if (!blob) return fail(blob.error());
      return json{{"rows", 1}};
    });
  }

  lt::domain::Result<json> notify_once(JobContext& ctx) {
    return ctx.commit([&](soci::session& sql) -> lt::domain::Result<json> {
      lt::services::notify(sql, ctx.deps(), ctx.tenant_id(), *ctx.requested_by(), "job_done",
                           "Your job has finished", "", "");
      return json{{"notified", true}};
    });
  }

  lt::services::Context requester() {
    lt::services::Context ctx;
    ctx.tenant_id = tenant_;
    lt::auth::Principal p;
    p.tenant_id = tenant_;
    p.user_id = user_;
    ctx.principal = p;
    ctx.request_id = "test";
    return ctx;
  }
  Id enqueue(const std::string& kind, json payload = json::object(), int max_attempts = 3) {
    return jobs_->enqueue(requester(), kind, payload, max_attempts)->id;
  }
  lt::store::jobs::JobRow job(Id id) {
    return *db_->read([&](soci::session& sql) { return lt::store::jobs::find(sql, tenant_, id); });
  }
  long long notifications() {
    return db_->read([&](soci::session& sql) {
      return lt::store::notifications::unread_count(sql, tenant_, user_);
    });
  }
  RunnerSettings settings(const std::string& owner) {
    RunnerSettings s;
    s.owner = owner;
    s.poll = 20ms;
    s.heartbeat = 1h;  // the tests renew by hand
    s.context.progress_interval = 0ms;
    s.context.cancel_check_interval = 0ms;
    return s;
  }
  // Waits (real time) until the job has the status.
  bool wait_for(Id id, const std::string& status, std::chrono::milliseconds timeout = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (job(id).status == status) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }

  lt::test::TestDatabase database_;
  std::unique_ptr<lt::store::Database> db_;
  lt::domain::ManualClock clock_{*lt::domain::parse_timestamp("2026-11-22T09:00:00.000Z")};
  lt::services::EventBus bus_;
  std::unique_ptr<lt::services::Deps> deps_;
  std::unique_ptr<lt::services::AuditLog> audit_;
  std::unique_ptr<lt::services::Jobs> jobs_;
  lt::jobs::Registry registry_;
  std::promise<void> started_;
  Gate gate_;
  Id tenant_ = 0, user_ = 0;
};

}  // namespace

TEST_F(JobsRunner, RunsAJobToSuccessReportingProgressToItsRequester) {
  std::vector<json> events;
  std::mutex mutex;
  auto subscription = bus_.subscribe(tenant_, user_, [&](const lt::services::Event& e) {
    std::lock_guard lock(mutex);
    events.push_back(e.data);
  });
  const Id id = enqueue("test.count", {{"n", 4}});
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  EXPECT_TRUE(runner.run_one());
  EXPECT_FALSE(runner.run_one()) << "nothing left";

  const auto done = job(id);
  EXPECT_EQ(done.status, "succeeded");
  EXPECT_EQ(done.result, R"({"counted":4})");
  EXPECT_EQ(done.progress_done, 4);
  EXPECT_EQ(done.progress_total, 4);
  EXPECT_EQ(done.attempts, 1);
  EXPECT_TRUE(done.started_at && done.finished_at);
  EXPECT_FALSE(done.lease_owner) << "the lease is given up";

  std::lock_guard lock(mutex);
  ASSERT_GE(events.size(), 6u) << "queued, running, 4 × progress, succeeded";
  EXPECT_EQ(events.front()["status"], "queued");
  EXPECT_EQ(events[1]["status"], "running");
  EXPECT_EQ(events[2]["progress"], (json{{"done", 1}, {"total", 4}}));
  EXPECT_EQ(events.back()["status"], "succeeded");
  EXPECT_EQ(events.back()["progress"]["done"], 4);
  for (std::size_t i = 1; i < events.size(); ++i)
    EXPECT_GT(events[i]["version"], events[i - 1]["version"]) << "versions only grow";

  auto audit = db_->read([&](soci::session& sql) {
    lt::store::audit::ListFilter filter;
    filter.entity_type = "job";
    filter.entity_id = id;
    return lt::store::audit::list(sql, tenant_, filter);
  });
  std::vector<std::string> actions;
  for (const auto& e : audit.items) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"job.succeeded", "job.queued"}));
}

TEST_F(JobsRunner, ProgressWritesAreThrottled) {
  RunnerSettings s = settings("runner-a");
  s.context.progress_interval = 1h;
  JobRunner runner(*deps_, *audit_, registry_, s);
  std::atomic<int> progress_events{0};
  auto subscription = bus_.subscribe(tenant_, user_, [&](const lt::services::Event& e) {
    if (e.data["status"] == "running") ++progress_events;
  });
  const Id id = enqueue("test.count", {{"n", 500}});
  ASSERT_TRUE(runner.run_one());
  // The claim, the first report and the last (done == total); the 498 between are skipped.
  EXPECT_LE(progress_events.load(), 3);
  EXPECT_EQ(job(id).progress_done, 500);
}

TEST_F(JobsRunner, AFailingOrThrowingHandlerFailsTheJobWithAMessage) {
  const Id failing = enqueue("test.fail");
  const Id throwing = enqueue("test.throw");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  ASSERT_TRUE(runner.run_one());
  ASSERT_TRUE(runner.run_one());
  EXPECT_EQ(job(failing).status, "failed");
  EXPECT_EQ(job(failing).error, "The file has no rows.");
  EXPECT_EQ(job(throwing).status, "failed");
  EXPECT_EQ(job(throwing).error, "Something went wrong on our side.") << "no internals";
  EXPECT_EQ(job(throwing).attempts, 1) << "a failure is final, not retried";
}

TEST_F(JobsRunner, KindsAreCodeIdentifiers) {
  EXPECT_THROW(registry_.add("Learner Import", {}), std::invalid_argument);
  EXPECT_THROW(enqueue("learner-import"), std::invalid_argument);
  EXPECT_EQ(db_->read([&](soci::session& sql) {
    return lt::store::jobs::list(sql, tenant_, std::nullopt, std::nullopt, 10, {}).total;
  }),
            0)
      << "nothing was queued";
}

TEST_F(JobsRunner, ACancelledRunningJobStopsAtItsNextCheck) {
  const Id id = enqueue("test.until_cancelled");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  runner.start();
  ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready);
  auto cancelled = jobs_->cancel(requester(), id);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_TRUE(cancelled->cancel_requested);
  EXPECT_TRUE(wait_for(id, "cancelled"));
  runner.stop();
  EXPECT_FALSE(job(id).error);
}

TEST_F(JobsRunner, ACommitAfterACancelRequestIsRefused) {
  const Id id = enqueue("test.block");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  runner.start();
  ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready);
  ASSERT_TRUE(jobs_->cancel(requester(), id));
  gate_.open();  // the handler goes on to commit, ignoring the request
  EXPECT_TRUE(wait_for(id, "cancelled"));
  runner.stop();
  EXPECT_EQ(notifications(), 0) << "nothing of a cancelled job's work was committed";
}

TEST_F(JobsRunner, StoppingTheRunnerGivesTheRunningJobBack) {
  const Id id = enqueue("test.until_cancelled");
  {
    JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
    runner.start();
    ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready);
    runner.stop();
  }
  const auto released = job(id);
  EXPECT_EQ(released.status, "queued");
  EXPECT_EQ(released.attempts, 0) << "a clean stop costs no attempt";
  EXPECT_FALSE(released.lease_owner);
}

TEST_F(JobsRunner, AJobsResultFileIsStoredWithIt) {
  const Id id = enqueue("test.file");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  ASSERT_TRUE(runner.run_one());
  const auto done = job(id);
  EXPECT_EQ(done.status, "succeeded");
  ASSERT_TRUE(done.result_blob_id);
  auto file = jobs_->result_file(requester(), id);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->bytes, "name,count\nJo,1\n");
  EXPECT_EQ(file->content_type, "text/csv");
  EXPECT_EQ(file->filename, "counts.csv");
}

// The restart test: a worker claims the job and dies (never finishes, never renews); once the
// lease has expired a new runner claims it and finishes it, exactly once.
TEST_F(JobsRunner, AJobWhoseWorkerDiedIsFinishedOnceByAnotherRunner) {
  const Id id = enqueue("test.commit");
  auto dead = db_->write([&](soci::session& sql) {
    return lt::store::jobs::claim_next(sql, {"test.commit"}, "dead-host:1:0000", deps_->now(),
                                       deps_->from_now(30s));
  });
  ASSERT_TRUE(dead);
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-b"));
  EXPECT_FALSE(runner.run_one()) << "the dead worker's lease has not expired yet";
  clock_.advance(31s);
  EXPECT_TRUE(runner.run_one());
  EXPECT_FALSE(runner.run_one());
  const auto done = job(id);
  EXPECT_EQ(done.status, "succeeded");
  EXPECT_EQ(done.attempts, 2);
  EXPECT_EQ(notifications(), 1);
}

// A worker that stalls (a paused VM, a long GC) past its lease, while another instance finishes
// the job, must not commit the work a second time when it wakes up.
TEST_F(JobsRunner, AStalledWorkerCannotCommitAJobAnotherRunnerFinished) {
  const Id id = enqueue("test.block");
  JobRunner stalled(*deps_, *audit_, registry_, settings("runner-a"));
  stalled.start();
  ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready);
  clock_.advance(31s);  // runner-a never renews: its lease runs out
  JobRunner other(*deps_, *audit_, registry_, settings("runner-b"));
  ASSERT_TRUE(other.run_one());
  EXPECT_EQ(job(id).status, "succeeded");
  EXPECT_EQ(job(id).attempts, 2);
  gate_.open();  // runner-a wakes up and tries to commit
  stalled.stop();
  EXPECT_EQ(notifications(), 1) << "exactly once";
  EXPECT_EQ(job(id).status, "succeeded");
  EXPECT_EQ(job(id).lease_owner, std::nullopt);
}

TEST_F(JobsRunner, HeartbeatsKeepALongJobsLease) {
  const Id id = enqueue("test.block");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  runner.start();
  ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready);
  for (int i = 0; i < 3; ++i) {
    clock_.advance(20s);
    runner.heartbeat();
  }
  JobRunner other(*deps_, *audit_, registry_, settings("runner-b"));
  EXPECT_FALSE(other.run_one()) << "60 s on, the renewed lease still holds";
  gate_.open();
  EXPECT_TRUE(wait_for(id, "succeeded"));
  runner.stop();
  EXPECT_EQ(job(id).attempts, 1);
  EXPECT_EQ(notifications(), 1);
}

TEST_F(JobsRunner, AJobThatKeepsDyingFailsAfterMaxAttempts) {
  const Id id = enqueue("test.commit", json::object(), 2);
  for (const char* owner : {"dead-1", "dead-2"}) {
    ASSERT_TRUE(db_->write([&](soci::session& sql) {
      return lt::store::jobs::claim_next(sql, {"test.commit"}, owner, deps_->now(),
                                         deps_->from_now(30s));
    }));
    clock_.advance(31s);
  }
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-c"));
  EXPECT_FALSE(runner.run_one());
  const auto failed = job(id);
  EXPECT_EQ(failed.status, "failed");
  EXPECT_NE(failed.error.value_or("").find("stopped responding"), std::string::npos);
  EXPECT_EQ(notifications(), 0);
}

TEST_F(JobsRunner, QueuingAJobWakesTheRunnerAtOnce) {
  RunnerSettings s = settings("runner-a");
  s.poll = 1h;  // only a wake-up can start the job in time
  JobRunner runner(*deps_, *audit_, registry_, s);
  jobs_->on_queued([&runner] { runner.wake(); });
  runner.start();
  std::this_thread::sleep_for(50ms);  // the worker has polled once and sleeps
  const Id id = enqueue("test.count");
  EXPECT_TRUE(wait_for(id, "succeeded", 5s));
  runner.stop();
}

TEST_F(JobsRunner, JobsOfOtherInstancesReachThisInstancesStreamsByPolling) {
  lt::jobs::JobWatch watch(*deps_, bus_);
  std::vector<json> heard;
  std::mutex mutex;
  auto subscription = bus_.subscribe(tenant_, user_, [&](const lt::services::Event& e) {
    std::lock_guard lock(mutex);
    heard.push_back(e.data);
  });
  // Another instance (its own bus, which nobody here hears) queues and runs a job.
  lt::services::EventBus elsewhere;
  lt::services::Deps other_deps{*db_, clock_, {}, &elsewhere};
  lt::services::AuditLog other_audit(other_deps);
  lt::services::Jobs other_jobs(other_deps, other_audit);
  const Id id = other_jobs.enqueue(requester(), "test.count", {{"n", 2}})->id;
  JobRunner other(other_deps, other_audit, registry_, settings("elsewhere"));
  ASSERT_TRUE(other.run_one());

  EXPECT_EQ(watch.poll(), 1) << "the latest state, once";
  EXPECT_EQ(watch.poll(), 0) << "nothing new";
  std::lock_guard lock(mutex);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0]["id"], id);
  EXPECT_EQ(heard[0]["status"], "succeeded");
}

TEST_F(JobsRunner, ChangesAlreadyPublishedHereAreNotRepeatedByThePoll) {
  lt::jobs::JobWatch watch(*deps_, bus_);
  const Id id = enqueue("test.count");
  JobRunner runner(*deps_, *audit_, registry_, settings("runner-a"));
  ASSERT_TRUE(runner.run_one());
  EXPECT_EQ(job(id).status, "succeeded");
  EXPECT_EQ(watch.poll(), 0);
}
