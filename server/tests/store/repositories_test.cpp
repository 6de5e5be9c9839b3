// The repositories against a real database — SQLite by default, PostgreSQL under
// scripts/with-postgres: migrations, round trips, optimistic updates, single-use claims and tenant
// isolation.
#include <gtest/gtest.h>

#include "store/audit_repo.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/outbox_repo.hpp"
#include "store/providers_repo.hpp"
#include "store/sessions_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"
#include "support/app/test_app.hpp"

using namespace lt::store;

namespace {

const std::string kNow = "2026-11-22T09:00:00.000Z";

class Repositories : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open({database_.url(), 2});
    migrate(*db_);
    tenant_a_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "alpha", kNow); });
    tenant_b_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "beta", kNow); });
    RecordProperty("database", lt::test::database_kind());
  }

  Id add_user(Id tenant, const std::string& username) {
    return db_->write([&](soci::session& sql) {
      UserRow u;
      u.tenant_id = tenant;
      u.username = username;
      u.email = username + "@example.org";
      u.first_name = "First";
      u.last_name = username;
      u.created_at = kNow;
      return users::insert(sql, u);
    });
  }

  lt::test::TestDatabase database_;
  std::unique_ptr<Database> db_;
  Id tenant_a_ = 0, tenant_b_ = 0;
};

}  // namespace

TEST_F(Repositories, MigrationsAreRecordedAndIdempotent) {
  EXPECT_TRUE(migrate(*db_).empty()) << "a second run applies nothing";
  const auto status = migration_status(*db_);
  EXPECT_TRUE(status.pending.empty());
  EXPECT_EQ(status.applied.front(), "0001_foundation");
  EXPECT_EQ(db_->is_postgres(), lt::test::database_kind() == "postgres");
}

TEST_F(Repositories, UsersRoundTripWithRolesAndNulls) {
  const Id id = add_user(tenant_a_, "Jo.Bloggs");
  db_->write([&](soci::session& sql) {
    users::replace_roles(sql, tenant_a_, id,
                         {{"administrator", "tenant", std::nullopt}, {"tutor", "provider", 7}},
                         kNow);
  });
  auto user = db_->read(
      [&](soci::session& sql) { return users::find_by_username(sql, tenant_a_, "jo.bloggs"); });
  ASSERT_TRUE(user);
  EXPECT_EQ(user->username, "Jo.Bloggs") << "found case-insensitively, stored as typed";
  EXPECT_EQ(user->email, "Jo.Bloggs@example.org");
  EXPECT_FALSE(user->password_hash.has_value());
  EXPECT_FALSE(user->last_login_at.has_value());
  ASSERT_EQ(user->roles.size(), 2u);
  EXPECT_FALSE(user->roles[0].scope_id.has_value());
  EXPECT_EQ(user->roles[1].scope_id, 7);
  EXPECT_TRUE(db_->read(
      [&](soci::session& sql) { return users::username_taken(sql, tenant_a_, "JO.BLOGGS"); }));
  EXPECT_FALSE(db_->read(
      [&](soci::session& sql) { return users::username_taken(sql, tenant_a_, "jo.bloggs", id); }));
}

TEST_F(Repositories, UpdatesAreOptimistic) {
  const Id id = add_user(tenant_a_, "jo.bloggs");
  auto user = *db_->read([&](soci::session& sql) { return users::find(sql, tenant_a_, id); });
  user.first_name = "Joanna";
  EXPECT_TRUE(db_->write([&](soci::session& sql) { return users::update(sql, user, kNow); }));
  user.first_name = "Stale";
  EXPECT_FALSE(db_->write([&](soci::session& sql) { return users::update(sql, user, kNow); }))
      << "version 1 is stale now";
  auto saved = *db_->read([&](soci::session& sql) { return users::find(sql, tenant_a_, id); });
  EXPECT_EQ(saved.first_name, "Joanna");
  EXPECT_EQ(saved.version, 2);
}

TEST_F(Repositories, TenantsNeverSeeEachOthersRows) {
  const Id a = add_user(tenant_a_, "shared.name");
  add_user(tenant_b_, "shared.name");
  EXPECT_FALSE(db_->read([&](soci::session& sql) { return users::find(sql, tenant_b_, a); }));
  auto page_a = db_->read([&](soci::session& sql) { return users::list(sql, tenant_a_, {}); });
  EXPECT_EQ(page_a.total, 1);
  db_->write([&](soci::session& sql) {
    ProviderRow p;
    p.tenant_id = tenant_a_;
    p.name = "Alpha College";
    p.ukprn = "10000001";
    p.created_at = kNow;
    providers::insert(sql, p);
  });
  EXPECT_TRUE(db_->read(
      [&](soci::session& sql) { return providers::ukprn_taken(sql, tenant_a_, "10000001"); }));
  EXPECT_FALSE(db_->read(
      [&](soci::session& sql) { return providers::ukprn_taken(sql, tenant_b_, "10000001"); }));
  EXPECT_EQ(
      db_->read([&](soci::session& sql) { return providers::list(sql, tenant_b_, {}); }).total, 0);
}

TEST_F(Repositories, ListsPageByKeysetAndSearchSafely) {
  for (int i = 0; i < 5; ++i) add_user(tenant_a_, "user_" + std::to_string(i) + ".name");
  add_user(tenant_a_, "percent%name");
  users::ListFilter filter;
  filter.limit = 2;
  auto first = db_->read([&](soci::session& sql) { return users::list(sql, tenant_a_, filter); });
  EXPECT_EQ(first.total, 6);
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next_cursor);
  filter.after = std::stoll(*first.next_cursor);
  auto second = db_->read([&](soci::session& sql) { return users::list(sql, tenant_a_, filter); });
  EXPECT_GT(second.items.front().id, first.items.back().id);
  users::ListFilter search;
  search.q = "%";
  auto literal = db_->read([&](soci::session& sql) { return users::list(sql, tenant_a_, search); });
  EXPECT_EQ(literal.total, 1) << "% is searched for, not a wildcard";
  search.q = "USER_3";
  EXPECT_EQ(
      db_->read([&](soci::session& sql) { return users::list(sql, tenant_a_, search); }).total, 1);
}

TEST_F(Repositories, TokensAreUsedOnceAndSessionsEndPerUser) {
  const Id id = add_user(tenant_a_, "jo.bloggs");
  const Id token = db_->write([&](soci::session& sql) {
    return tokens::insert(sql, tenant_a_, id, "password_reset", "hash-1", kNow,
                          "2026-11-22T10:00:00.000Z");
  });
  EXPECT_TRUE(db_->write([&](soci::session& sql) { return tokens::mark_used(sql, token, kNow); }));
  EXPECT_FALSE(db_->write([&](soci::session& sql) { return tokens::mark_used(sql, token, kNow); }));
  EXPECT_FALSE(db_->read([&](soci::session& sql) {
    return tokens::find_by_hash(sql, "verification", "hash-1");
  })) << "purpose is part of the look-up";

  const Id keep = db_->write([&](soci::session& sql) {
    sessions::insert(sql, tenant_a_, id, "s1", kNow, "2026-11-23T00:00:00.000Z", "", "");
    return sessions::insert(sql, tenant_a_, id, "s2", kNow, "2026-11-23T00:00:00.000Z", "", "");
  });
  db_->write([&](soci::session& sql) { sessions::remove_for_user(sql, id, keep); });
  EXPECT_FALSE(db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "s1"); }));
  EXPECT_TRUE(db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "s2"); }));
}

TEST_F(Repositories, OutboxMessagesAreClaimedOnce) {
  const Id id = db_->write([&](soci::session& sql) {
    return outbox::insert(sql, tenant_a_, "jo@example.org", "Hello", "Body", kNow);
  });
  auto due = db_->read(
      [&](soci::session& sql) { return outbox::due(sql, "2026-11-22T09:00:01.000Z", 10); });
  ASSERT_EQ(due.size(), 1u);
  const std::string later = "2026-11-22T09:05:00.000Z";
  EXPECT_TRUE(db_->write([&](soci::session& sql) { return outbox::claim(sql, id, kNow, later); }));
  EXPECT_FALSE(db_->write([&](soci::session& sql) { return outbox::claim(sql, id, kNow, later); }))
      << "a second worker loses";
  db_->write([&](soci::session& sql) { outbox::mark_sent(sql, id, kNow); });
  auto page = db_->read(
      [&](soci::session& sql) { return outbox::list(sql, tenant_a_, std::string("sent"), 10, 0); });
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].attempts, 1);
  EXPECT_TRUE(page.items[0].sent_at.has_value());
}

TEST_F(Repositories, AuditEventsChainPerTenantAndListNewestFirst) {
  auto append = [&](Id tenant, const std::string& action) {
    return db_->write([&](soci::session& sql) {
      AuditRow e;
      e.tenant_id = tenant;
      e.at = kNow;
      e.action = action;
      e.entity_type = "provider";
      e.entity_id = 1;
      e.prev_hash = audit::lock_chain_head(sql, db_->is_postgres(), tenant);
      e.hash = "h-" + action;
      audit::insert(sql, e);
      return e.prev_hash;
    });
  };
  EXPECT_EQ(append(tenant_a_, "one"), "");
  EXPECT_EQ(append(tenant_b_, "other"), "") << "each tenant has its own chain";
  EXPECT_EQ(append(tenant_a_, "two"), "h-one");
  auto page = db_->read([&](soci::session& sql) { return audit::list(sql, tenant_a_, {}); });
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.items[0].action, "two");
  audit::ListFilter by_type;
  by_type.entity_type = "user";
  EXPECT_EQ(
      db_->read([&](soci::session& sql) { return audit::list(sql, tenant_a_, by_type); }).total, 0);
}

TEST_F(Repositories, AFailedTransactionLeavesNothingBehind) {
  auto result = db_->write([&](soci::session& sql) -> lt::domain::Result<int> {
    tenants::insert(sql, "gamma", kNow);
    return lt::domain::fail(lt::domain::Error::validation("name", "invalid", "no"));
  });
  EXPECT_FALSE(result);
  EXPECT_FALSE(db_->read([](soci::session& sql) { return tenants::find_by_name(sql, "gamma"); }));
  EXPECT_THROW(db_->write([&](soci::session& sql) {
    tenants::insert(sql, "delta", kNow);
    tenants::insert(sql, "delta", kNow);  // unique name: throws
  }),
               soci::soci_error);
  EXPECT_FALSE(db_->read([](soci::session& sql) { return tenants::find_by_name(sql, "delta"); }));
}
