// The job queue and blob repositories against a real database (SQLite, and PostgreSQL under
// scripts/with-postgres): claiming in order, leases, expiry and reclaim, max attempts, cancel,
// release, two instances claiming at once, and content-addressed blobs.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "store/blobs_repo.hpp"
#include "store/database.hpp"
#include "store/jobs_repo.hpp"
#include "store/migrations.hpp"
#include "store/tenants_repo.hpp"
#include "support/app/test_app.hpp"

using namespace lt::store;

namespace {

const std::string t0 = "2026-11-22T09:00:00.000Z";
const std::string t10 = "2026-11-22T09:00:10.000Z";
const std::string t30 = "2026-11-22T09:00:30.000Z";
const std::string t31 = "2026-11-22T09:00:31.000Z";
const std::string t61 = "2026-11-22T09:01:01.000Z";
const std::string t100 = "2026-11-22T09:01:40.000Z";
const std::vector<std::string> kinds = {"test.a", "test.b"};

class JobsRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open({database_.url(), 4});
    migrate(*db_);
    tenant_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "alpha", t0); });
    other_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "beta", t0); });
  }

  Id add(const std::string& kind = "test.a", int max_attempts = 3, Id tenant = 0) {
    return db_->write([&](soci::session& sql) {
      jobs::NewJob job;
      job.tenant_id = tenant ? tenant : tenant_;
      job.kind = kind;
      job.payload = R"({"n":1})";
      job.max_attempts = max_attempts;
      return jobs::insert(sql, job, t0);
    });
  }
  std::optional<jobs::JobRow> claim(const std::string& owner, const std::string& now,
                                    const std::string& until) {
    return db_->write(
        [&](soci::session& sql) { return jobs::claim_next(sql, kinds, owner, now, until); });
  }
  jobs::JobRow get(Id id) {
    return *db_->read([&](soci::session& sql) { return jobs::find(sql, tenant_, id); });
  }

  lt::test::TestDatabase database_;
  std::unique_ptr<Database> db_;
  Id tenant_ = 0, other_ = 0;
};

}  // namespace

TEST_F(JobsRepo, QueuedJobsAreClaimedOldestFirstUnderALease) {
  const Id first = add();
  const Id second = add("test.b");
  add("test.unknown");  // a kind this worker does not run
  auto a = claim("worker-a", t0, t30);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, first);
  EXPECT_EQ(a->status, "running");
  EXPECT_EQ(a->attempts, 1);
  EXPECT_EQ(a->lease_owner, "worker-a");
  EXPECT_EQ(a->lease_expires_at, t30);
  EXPECT_EQ(a->started_at, t0);
  EXPECT_EQ(a->payload, R"({"n":1})");
  EXPECT_EQ(a->version, 2);
  auto b = claim("worker-a", t0, t30);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, second);
  EXPECT_FALSE(claim("worker-a", t0, t30)) << "the unknown kind stays queued";
  EXPECT_FALSE(db_->read([&](soci::session& sql) { return jobs::any_claimable(sql, kinds, t10); }));
  EXPECT_TRUE(db_->read(
      [&](soci::session& sql) { return jobs::any_claimable(sql, {"test.unknown"}, t10); }));
}

TEST_F(JobsRepo, AnExpiredLeaseIsClaimableAgainAndTheOldClaimChangesNothing) {
  const Id id = add();
  auto a = claim("worker-a", t0, t30);
  ASSERT_TRUE(a);
  EXPECT_FALSE(claim("worker-b", t10, t61)) << "the lease still holds";
  auto b = claim("worker-b", t31, t61);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, id);
  EXPECT_EQ(b->attempts, 2);
  EXPECT_EQ(b->lease_owner, "worker-b");
  EXPECT_EQ(b->started_at, t0) << "first start kept";

  const jobs::Claim old{id, "worker-a", 1};
  bool cancel = false;
  int version = 0;
  db_->write([&](soci::session& sql) {
    EXPECT_FALSE(jobs::renew(sql, old, t100, t31, cancel));
    EXPECT_FALSE(jobs::set_progress(sql, old, 5, 10, t31, cancel, version));
    EXPECT_FALSE(jobs::hold(sql, old, t31));
    EXPECT_FALSE(jobs::finish(sql, old, "succeeded", "{}", std::nullopt, 1, 1, t31));
    EXPECT_FALSE(jobs::release(sql, old, t31));
    EXPECT_FALSE(jobs::still_held(sql, old, cancel));
  });
  EXPECT_EQ(get(id).status, "running");
  EXPECT_EQ(get(id).lease_owner, "worker-b");

  const jobs::Claim current{id, "worker-b", 2};
  db_->write([&](soci::session& sql) {
    EXPECT_TRUE(jobs::set_progress(sql, current, 5, 10, t31, cancel, version));
    EXPECT_TRUE(
        jobs::finish(sql, current, "succeeded", R"({"ok":true})", std::nullopt, 10, 10, t31));
  });
  const auto done = get(id);
  EXPECT_EQ(done.status, "succeeded");
  EXPECT_EQ(done.result, R"({"ok":true})");
  EXPECT_EQ(done.progress_done, 10);
  EXPECT_EQ(done.finished_at, t31);
  EXPECT_FALSE(done.lease_owner);
  EXPECT_FALSE(claim("worker-c", t100, t100)) << "a finished job is never claimed again";
}

TEST_F(JobsRepo, RenewingTheLeaseKeepsOthersAway) {
  add();
  auto a = claim("worker-a", t0, t30);
  bool cancel = true;
  EXPECT_TRUE(db_->write([&](soci::session& sql) {
    return jobs::renew(sql, {a->id, "worker-a", 1}, t61, t10, cancel);
  }));
  EXPECT_FALSE(cancel);
  EXPECT_FALSE(claim("worker-b", t31, t100)) << "renewed until t61";
  EXPECT_EQ(get(a->id).version, a->version) << "renewal is not a change anyone watches";
}

TEST_F(JobsRepo, AfterMaxAttemptsAnAbandonedJobFailsWithAClearError) {
  const Id id = add("test.a", 2);
  ASSERT_TRUE(claim("worker-a", t0, t30));
  ASSERT_TRUE(claim("worker-b", t31, t61));  // attempt 2 of 2
  EXPECT_FALSE(claim("worker-c", t100, t100)) << "no third attempt";
  auto ended = db_->write([&](soci::session& sql) { return jobs::end_abandoned(sql, t100); });
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].id, id);
  const auto job = get(id);
  EXPECT_EQ(job.status, "failed");
  ASSERT_TRUE(job.error);
  EXPECT_NE(job.error->find("stopped responding"), std::string::npos) << *job.error;
  EXPECT_EQ(job.attempts, 2);
  EXPECT_EQ(job.finished_at, t100);
  EXPECT_TRUE(
      db_->write([&](soci::session& sql) { return jobs::end_abandoned(sql, t100); }).empty());
}

TEST_F(JobsRepo, CancelEndsAQueuedJobAtOnceAndAsksARunningOneToStop) {
  const Id queued = add();
  EXPECT_EQ(db_->write([&](soci::session& sql) {
    return jobs::request_cancel(sql, tenant_, queued, t10);
  }),
            jobs::CancelOutcome::cancelled);
  EXPECT_EQ(get(queued).status, "cancelled");
  EXPECT_EQ(get(queued).finished_at, t10);
  EXPECT_EQ(db_->write([&](soci::session& sql) {
    return jobs::request_cancel(sql, tenant_, queued, t10);
  }),
            jobs::CancelOutcome::already_finished);
  EXPECT_EQ(db_->write(
                [&](soci::session& sql) { return jobs::request_cancel(sql, other_, queued, t10); }),
            jobs::CancelOutcome::not_found)
      << "another tenant's job does not exist";

  const Id running = add();
  auto a = claim("worker-a", t10, t61);
  ASSERT_EQ(a->id, running);
  EXPECT_EQ(db_->write([&](soci::session& sql) {
    return jobs::request_cancel(sql, tenant_, running, t30);
  }),
            jobs::CancelOutcome::requested);
  const jobs::Claim mine{running, "worker-a", 1};
  bool cancel = false;
  db_->write([&](soci::session& sql) {
    EXPECT_TRUE(jobs::still_held(sql, mine, cancel));
    EXPECT_TRUE(cancel);
    EXPECT_FALSE(jobs::hold(sql, mine, t30)) << "a commit after a cancel request is refused";
  });
  EXPECT_EQ(get(running).status, "running") << "it stops at the worker's next check";
}

TEST_F(JobsRepo, ACancelledJobWhoseWorkerDiedEndsCancelled) {
  const Id id = add();
  ASSERT_TRUE(claim("worker-a", t0, t30));
  db_->write([&](soci::session& sql) { jobs::request_cancel(sql, tenant_, id, t10); });
  EXPECT_FALSE(claim("worker-b", t31, t61)) << "not run again";
  auto ended = db_->write([&](soci::session& sql) { return jobs::end_abandoned(sql, t31); });
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(get(id).status, "cancelled");
  EXPECT_FALSE(get(id).error);
}

TEST_F(JobsRepo, ReleaseGivesTheJobBackWithoutCountingTheAttempt) {
  const Id id = add();
  ASSERT_TRUE(claim("worker-a", t0, t30));
  EXPECT_TRUE(db_->write([&](soci::session& sql) {
    return jobs::release(sql, {id, "worker-a", 1}, t10);
  }));
  const auto job = get(id);
  EXPECT_EQ(job.status, "queued");
  EXPECT_EQ(job.attempts, 0);
  EXPECT_FALSE(job.lease_owner);
  auto again = claim("worker-b", t10, t61);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 1);
}

TEST_F(JobsRepo, ListsChangesAndPagesPerTenant) {
  const Id a = add();
  const Id b = add("test.b");
  add("test.a", 3, other_);
  auto page = db_->read([&](soci::session& sql) {
    return jobs::list(sql, tenant_, std::nullopt, std::nullopt, 1, {});
  });
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, b) << "newest first";
  auto next = db_->read([&](soci::session& sql) {
    return jobs::list(sql, tenant_, std::nullopt, std::nullopt, 5, page.next_cursor);
  });
  ASSERT_EQ(next.items.size(), 1u);
  EXPECT_EQ(next.items[0].id, a);
  auto of_kind = db_->read([&](soci::session& sql) {
    return jobs::list(sql, tenant_, std::string("test.b"), std::nullopt, 5, {});
  });
  EXPECT_EQ(of_kind.total, 1);

  claim("worker-a", t30, t61);
  auto changed = db_->read([&](soci::session& sql) { return jobs::changed_since(sql, t10, 100); });
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].id, a);
}

TEST_F(JobsRepo, TwoInstancesClaimingAtOnceNeverGetTheSameJob) {
  constexpr int kJobs = 60;
  for (int i = 0; i < kJobs; ++i) add(i % 2 ? "test.a" : "test.b");
  // Two "instances": separate connection pools on the same database, two threads each.
  auto other_db = Database::open({database_.url(), 4});
  std::mutex mutex;
  std::vector<Id> claimed;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    Database* db = t % 2 ? db_.get() : other_db.get();
    threads.emplace_back([&, db, t] {
      const std::string owner = "instance-" + std::to_string(t);
      while (true) {
        auto job = db->write(
            [&](soci::session& sql) { return jobs::claim_next(sql, kinds, owner, t0, t30); });
        if (!job) return;
        std::lock_guard lock(mutex);
        claimed.push_back(job->id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(claimed.size(), static_cast<std::size_t>(kJobs));
  std::set<Id> unique(claimed.begin(), claimed.end());
  EXPECT_EQ(unique.size(), static_cast<std::size_t>(kJobs)) << "no job claimed twice";
  auto running = db_->read([&](soci::session& sql) {
    return jobs::list(sql, tenant_, std::nullopt, std::nullopt, 500, {});
  });
  for (const auto& job : running.items) EXPECT_EQ(job.attempts, 1);
}

TEST_F(JobsRepo, BlobsAreStoredOncePerTenantAndKeepEveryByte) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += std::string("\0\0zip\xff", 6);
  const Id a = db_->write([&](soci::session& sql) {
    return blobs::put(sql, tenant_, "abc123", bytes, "application/zip", "a.zip", t0);
  });
  const Id again = db_->write([&](soci::session& sql) {
    return blobs::put(sql, tenant_, "abc123", bytes, "text/plain", "b.txt", t10);
  });
  EXPECT_EQ(a, again) << "same content, same blob";
  const Id elsewhere = db_->write([&](soci::session& sql) {
    return blobs::put(sql, other_, "abc123", bytes, "application/zip", "a.zip", t0);
  });
  EXPECT_NE(a, elsewhere) << "tenants never share rows";
  auto blob = db_->read([&](soci::session& sql) { return blobs::find(sql, tenant_, a); });
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->bytes, bytes);
  EXPECT_EQ(blob->size, static_cast<long long>(bytes.size()));
  EXPECT_EQ(blob->content_type, "application/zip") << "the first keeps its type and name";
  EXPECT_EQ(blob->filename, "a.zip");
  // Stored as bytes, not text, and on PostgreSQL uncompressed (migration 0011): uploads are zips.
  const std::string storage = db_->read([&](soci::session& sql) {
    std::string s;
    if (sql.get_backend_name() == "postgresql")
      sql << "SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'blobs'::regclass AND "
             "attname = 'bytes'",
          soci::into(s);
    else
      sql << "SELECT typeof(bytes) FROM blobs WHERE id = :id", soci::use(a), soci::into(s);
    return s;
  });
  EXPECT_EQ(storage, db_->is_postgres() ? "e" : "blob");
  auto meta = db_->read([&](soci::session& sql) { return blobs::find(sql, tenant_, a, false); });
  EXPECT_TRUE(meta->bytes.empty());
  EXPECT_FALSE(db_->read([&](soci::session& sql) { return blobs::find(sql, other_, a); }));
}
