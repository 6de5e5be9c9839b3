// The learner list's hot reads against a real database (SQLite, or PostgreSQL under
// scripts/with-postgres): statements kept prepared per connection still see every later write
// (no stale snapshot, no stale bound values), a search's total stops at the cap, and a search
// pages in order through a range of many learners.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/text.hpp"
#include "store/database.hpp"
#include "store/learner_counts_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/migrations.hpp"
#include "store/providers_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"
#include "support/app/test_app.hpp"

using namespace lt::store;

namespace {

const std::string kNow = "2026-11-22T09:00:00.000Z";

class LearnerListReads : public ::testing::Test {
 protected:
  void SetUp() override {
    // One reader connection, so every read reuses the same cached statements.
    db_ = Database::open({database_.url(), 1});
    migrate(*db_);
    tenant_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "alpha", kNow); });
    provider_ = db_->write([&](soci::session& sql) {
      ProviderRow p;
      p.tenant_id = tenant_;
      p.name = "Northfield College";
      p.ukprn = "10000001";
      p.created_at = p.updated_at = kNow;
      return providers::insert(sql, p);
    });
  }

  // Adds `count` learners called <first_name> <last_name> in one transaction.
  void add_learners(const std::string& last_name, int count,
                    const std::string& year_group = "year_11",
                    const std::string& first_name = "Alex") {
    db_->write([&](soci::session& sql) {
      for (int i = 0; i < count; ++i) {
        UserRow u;
        u.tenant_id = tenant_;
        u.kind = "learner";
        u.username = last_name + "." + std::to_string(next_++);
        u.first_name = first_name;
        u.last_name = last_name;
        u.created_at = kNow;
        LearnerRow l;
        l.tenant_id = tenant_;
        l.user_id = users::insert(sql, u);
        l.provider_id = provider_;
        l.username = u.username;
        l.first_name = u.first_name;
        l.last_name = u.last_name;
        l.date_of_birth = "2008-05-01";
        l.year_group = year_group;
        l.created_at = kNow;
        learners::insert(sql, l);
      }
    });
  }

  Page<LearnerRow> list(std::optional<std::string> q,
                        std::optional<std::string> year_group = std::nullopt) {
    learners::ListFilter f;
    f.q = std::move(q);
    f.year_group = std::move(year_group);
    return db_->read([&](soci::session& sql) { return learners::list(sql, tenant_, f); });
  }

  lt::test::TestDatabase database_;
  std::unique_ptr<Database> db_;
  Id tenant_ = 0, provider_ = 0;
  int next_ = 0;
};

}  // namespace

TEST_F(LearnerListReads, CachedStatementsSeeWritesMadeAfterThem) {
  add_learners("smith", 3);
  EXPECT_EQ(list("smi").total, 3);
  EXPECT_EQ(list(std::nullopt).total, 3);
  EXPECT_EQ(list("jon").total, 0);

  add_learners("smith", 2);
  add_learners("jones", 1);
  const auto smiths = list("smi");
  EXPECT_EQ(smiths.total, 5);
  EXPECT_EQ(smiths.items.size(), 5u);
  EXPECT_FALSE(smiths.total_capped);
  EXPECT_EQ(list(std::nullopt).total, 6);
  // The same statement with another bound value finds the other learners, not the last run's.
  const auto jones = list("jon");
  ASSERT_EQ(jones.total, 1);
  EXPECT_EQ(jones.items.front().last_name, "jones");
  const auto histogram = db_->read(
      [&](soci::session& sql) { return learner_counts::in_scope(sql, tenant_, {}, provider_); });
  EXPECT_EQ(learner_counts::with_flags(histogram, 0), 6);
}

TEST_F(LearnerListReads, ASearchOrYearGroupTotalStopsAtTheCap) {
  add_learners("smith", static_cast<int>(learners::kSearchTotalCap) + 5);
  add_learners("smithers", 2, "year_12");
  const auto many = list("smi");
  EXPECT_EQ(many.total, learners::kSearchTotalCap);
  EXPECT_TRUE(many.total_capped);
  EXPECT_EQ(many.items.size(), 50u);
  ASSERT_TRUE(many.next_cursor.has_value());
  // A narrower term is counted exactly.
  const auto few = list("smithe");
  EXPECT_EQ(few.total, 2);
  EXPECT_FALSE(few.total_capped);
  // An unnarrowed list counts everyone from the counters, uncapped.
  const auto all = list(std::nullopt);
  EXPECT_EQ(all.total, learners::kSearchTotalCap + 7);
  EXPECT_FALSE(all.total_capped);
  // A year group is counted by a query, up to the same cap.
  const auto year_11 = list(std::nullopt, "year_11");
  EXPECT_EQ(year_11.total, learners::kSearchTotalCap);
  EXPECT_TRUE(year_11.total_capped);
  EXPECT_EQ(year_11.items.size(), 50u);
  const auto year_12 = list(std::nullopt, "year_12");
  EXPECT_EQ(year_12.total, 2);
  EXPECT_FALSE(year_12.total_capped);
}

// A search range of 5,000 or more (learners_repo.cpp's kWalkFrom), such as a common first name, is
// read on SQLite by walking the index of the list's order rather than sorted: every order must
// still page through every match once, in order. Here "alex" matches 5,200 first names, and
// 5,101 surnames and the same learners' usernames: big ranges overlapping, read by one walk that
// checks each learner against all their keys.
TEST_F(LearnerListReads, ASearchPagesInOrderThroughARangeOfManyLearners) {
  add_learners("zed", 2600);
  add_learners("abel", 2600);
  add_learners("alexander", 1, "year_11", "Bo");
  add_learners("alexis", 5100, "year_11", "Bo");
  for (const std::string sort : {"last_name", "-last_name", "username", "-created_at"}) {
    learners::ListFilter f;
    f.q = "alex";
    f.sort = sort;
    f.limit = 700;
    f.summary = true;
    std::vector<std::pair<std::string, Id>> seen;  // (the order's key, id)
    for (int page = 0; page < 30; ++page) {
      const auto got =
          db_->read([&](soci::session& sql) { return learners::list(sql, tenant_, f); });
      if (page == 0) {
        EXPECT_TRUE(got.total_capped) << sort;
      }
      for (const auto& l : got.items) {
        const std::string key = sort.ends_with("last_name") ? lt::domain::ascii_lower(l.last_name)
                                : sort == "username"        ? l.username
                                                            : std::string();
        seen.emplace_back(key, l.id);
      }
      if (!got.next_cursor) break;
      f.cursor = got.next_cursor;
    }
    ASSERT_EQ(seen.size(), 10301u) << sort;
    if (sort.starts_with('-')) std::reverse(seen.begin(), seen.end());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << sort << ": by its key, then id";
    EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end()) << sort << ": each once";
  }
}
