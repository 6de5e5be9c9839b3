// More repository round trips on the real database (SQLite by default, PostgreSQL under
// scripts/with-postgres): every embedded migration recorded, sessions, token retirement, provider
// UKPRN uniqueness enforced by the schema itself, the outbox's due/failed bookkeeping, audit
// filters, and tenant isolation of the outbox, audit and tokens.
#include <gtest/gtest.h>

#include <iostream>

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
const std::string kLater = "2026-11-22T10:00:00.000Z";

class Records : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Database::open({database_.url(), 2});
    applied_ = migrate(*db_);
    tenant_a_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "alpha", kNow); });
    tenant_b_ = db_->write([](soci::session& sql) { return tenants::insert(sql, "beta", kNow); });
  }

  Id add_user(Id tenant, const std::string& username) {
    return db_->write([&](soci::session& sql) {
      UserRow u;
      u.tenant_id = tenant;
      u.username = username;
      u.first_name = "First";
      u.last_name = username;
      u.created_at = kNow;
      return users::insert(sql, u);
    });
  }

  Id add_provider(Id tenant, const std::string& ukprn) {
    return db_->write([&](soci::session& sql) {
      ProviderRow p;
      p.tenant_id = tenant;
      p.name = "Provider " + ukprn;
      p.ukprn = ukprn;
      p.created_at = kNow;
      return providers::insert(sql, p);
    });
  }

  Id add_event(Id tenant, const std::string& action, const std::string& entity_type, Id entity,
               std::optional<Id> actor) {
    return db_->write([&](soci::session& sql) {
      AuditRow e;
      e.tenant_id = tenant;
      e.at = kNow;
      e.action = action;
      e.entity_type = entity_type;
      e.entity_id = entity;
      e.actor_id = actor;
      e.actor_username = actor ? "actor" : "";
      e.prev_hash = audit::lock_chain_head(sql, db_->is_postgres(), tenant);
      e.hash = "h-" + action + std::to_string(tenant);
      return audit::insert(sql, e);
    });
  }

  lt::test::TestDatabase database_;
  std::unique_ptr<Database> db_;
  std::vector<std::string> applied_;
  Id tenant_a_ = 0, tenant_b_ = 0;
};

}  // namespace

TEST_F(Records, RunsOnTheDatabaseTheEnvironmentNames) {
  const std::string kind = lt::test::database_kind();
  std::cout << "[ database ] store tests run on " << kind << "\n";
  RecordProperty("database", kind);
  EXPECT_EQ(db_->is_postgres(), kind == "postgres");
  EXPECT_EQ(database_.url().rfind(kind == "postgres" ? "postgresql://" : "sqlite:", 0), 0u)
      << database_.url();
}

TEST_F(Records, EveryEmbeddedMigrationIsAppliedAndRecordedInOrder) {
  const auto& embedded =
      db_->is_postgres() ? embedded_postgres_migrations() : embedded_sqlite_migrations();
  ASSERT_FALSE(embedded.empty());
  std::vector<std::string> names;
  for (const auto& m : embedded) names.push_back(m.name);
  EXPECT_EQ(applied_, names) << "a fresh database gets every migration, in order";
  const auto status = migration_status(*db_);
  EXPECT_EQ(status.applied, names);
  EXPECT_TRUE(status.pending.empty());
  const long long recorded = db_->read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(n);
    return n;
  });
  EXPECT_EQ(recorded, static_cast<long long>(names.size())) << "each recorded once";
  EXPECT_TRUE(migrate(*db_).empty());
  EXPECT_EQ(migration_status(*db_).applied.size(), names.size()) << "no duplicate records";
}

TEST_F(Records, SessionsRoundTripTouchAndExpire) {
  const Id user = add_user(tenant_a_, "jo.bloggs");
  const Id id = db_->write([&](soci::session& sql) {
    return sessions::insert(sql, tenant_a_, user, "hash-a", kNow, kLater, "127.0.0.1", "curl");
  });
  auto found = db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "hash-a"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->tenant_id, tenant_a_);
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->expires_at, kLater);
  EXPECT_EQ(found->last_seen_at, kNow);

  db_->write([&](soci::session& sql) { sessions::touch(sql, id, "2026-11-22T09:30:00.000Z"); });
  EXPECT_EQ(db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "hash-a"); })
                ->last_seen_at,
            "2026-11-22T09:30:00.000Z");

  db_->write([&](soci::session& sql) {
    sessions::insert(sql, tenant_a_, user, "hash-b", kNow, "2026-11-23T00:00:00.000Z", "", "");
    sessions::remove_expired(sql, "2026-11-22T12:00:00.000Z");
  });
  EXPECT_FALSE(db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "hash-a"); }))
      << "expired at 10:00";
  EXPECT_TRUE(db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "hash-b"); }));
  db_->write([&](soci::session& sql) { sessions::remove_for_user(sql, user); });
  EXPECT_FALSE(
      db_->read([&](soci::session& sql) { return sessions::find_by_hash(sql, "hash-b"); }));
}

TEST_F(Records, ANewTokenRetiresTheUsersEarlierOnesOfThatPurposeOnly) {
  const Id jo = add_user(tenant_a_, "jo.bloggs");
  const Id other = add_user(tenant_a_, "other.user");
  db_->write([&](soci::session& sql) {
    tokens::insert(sql, tenant_a_, jo, "password_reset", "reset-1", kNow, kLater);
    tokens::insert(sql, tenant_a_, jo, "verification", "verify-1", kNow, kLater);
    tokens::insert(sql, tenant_a_, other, "password_reset", "reset-other", kNow, kLater);
    tokens::retire_for_user(sql, jo, "password_reset", kNow);
  });
  auto find = [&](const std::string& purpose, const std::string& hash) {
    return db_->read([&](soci::session& sql) { return tokens::find_by_hash(sql, purpose, hash); });
  };
  auto reset = find("password_reset", "reset-1");
  ASSERT_TRUE(reset);
  EXPECT_TRUE(reset->used_at.has_value()) << "retired";
  EXPECT_EQ(reset->tenant_id, tenant_a_);
  EXPECT_EQ(reset->user_id, jo);
  EXPECT_EQ(reset->expires_at, kLater);
  EXPECT_FALSE(find("verification", "verify-1")->used_at.has_value()) << "another purpose";
  EXPECT_FALSE(find("password_reset", "reset-other")->used_at.has_value()) << "another user";
  EXPECT_FALSE(db_->write([&](soci::session& sql) {
    return tokens::mark_used(sql, reset->id, kNow);
  })) << "a retired token cannot be used";
}

TEST_F(Records, TheSchemaItselfKeepsUkprnsUniquePerTenant) {
  const Id first = add_provider(tenant_a_, "10000001");
  EXPECT_THROW(add_provider(tenant_a_, "10000001"), soci::soci_error)
      << "the unique index stops a race the service check cannot";
  EXPECT_GT(add_provider(tenant_b_, "10000001"), 0) << "another tenant may use it";
  EXPECT_FALSE(db_->read([&](soci::session& sql) {
    return providers::ukprn_taken(sql, tenant_a_, "10000001", first);
  })) << "a provider does not clash with itself";
  auto row = *db_->read([&](soci::session& sql) { return providers::find(sql, tenant_a_, first); });
  row.name = "Renamed";
  EXPECT_TRUE(db_->write([&](soci::session& sql) { return providers::update(sql, row, kNow); }));
  EXPECT_FALSE(db_->write([&](soci::session& sql) { return providers::update(sql, row, kNow); }))
      << "stale version";
  EXPECT_FALSE(
      db_->read([&](soci::session& sql) { return providers::find(sql, tenant_b_, first); }));
  providers::ListFilter only;
  only.only_ids = std::vector<Id>{};
  EXPECT_EQ(
      db_->read([&](soci::session& sql) { return providers::list(sql, tenant_a_, only); }).total, 0)
      << "an empty scope sees nothing, not everything";
}

TEST_F(Records, OutboxDueSkipsFutureSentAndFailedMessagesAndListsPerTenant) {
  const Id a1 = db_->write([&](soci::session& sql) {
    return outbox::insert(sql, tenant_a_, "a1@example.org", "A1", "Body", kNow);
  });
  const Id a2 = db_->write([&](soci::session& sql) {
    return outbox::insert(sql, tenant_a_, "a2@example.org", "A2", "Body", kNow);
  });
  const Id b1 = db_->write([&](soci::session& sql) {
    return outbox::insert(sql, tenant_b_, "b1@example.org", "B1", "Body", kNow);
  });
  db_->write([&](soci::session& sql) {
    outbox::mark_attempt_failed(sql, a1, "connection refused", kLater, false);
    outbox::mark_attempt_failed(sql, a2, "mailbox unavailable", kLater, true);
  });
  auto due = db_->read(
      [&](soci::session& sql) { return outbox::due(sql, "2026-11-22T09:30:00.000Z", 10); });
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, b1) << "a1 waits until 10:00, a2 failed for good";
  auto later = db_->read([&](soci::session& sql) { return outbox::due(sql, kLater, 10); });
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].id, a1) << "oldest first";

  auto page_a = db_->read(
      [&](soci::session& sql) { return outbox::list(sql, tenant_a_, std::nullopt, 10, 0); });
  ASSERT_EQ(page_a.total, 2);
  EXPECT_EQ(page_a.items[0].id, a2) << "newest first";
  EXPECT_EQ(page_a.items[0].status, "failed");
  EXPECT_EQ(page_a.items[1].status, "pending");
  EXPECT_EQ(page_a.items[1].attempts, 1);
  EXPECT_EQ(page_a.items[1].last_error, "connection refused");
  EXPECT_EQ(page_a.items[1].next_attempt_at, kLater);
  for (const auto& m : page_a.items) EXPECT_EQ(m.tenant_id, tenant_a_);
  auto failed = db_->read([&](soci::session& sql) {
    return outbox::list(sql, tenant_a_, std::string("failed"), 10, 0);
  });
  EXPECT_EQ(failed.total, 1);
  auto page_b = db_->read(
      [&](soci::session& sql) { return outbox::list(sql, tenant_b_, std::nullopt, 10, 0); });
  ASSERT_EQ(page_b.total, 1);
  EXPECT_EQ(page_b.items[0].to_address, "b1@example.org");
  auto before = db_->read(
      [&](soci::session& sql) { return outbox::list(sql, tenant_a_, std::nullopt, 10, a2); });
  ASSERT_EQ(before.items.size(), 1u);
  EXPECT_EQ(before.items[0].id, a1) << "the page starts below the cursor";
}

TEST_F(Records, AuditFiltersByEntityAndActorWithinTheTenant) {
  const Id e1 = add_event(tenant_a_, "user.created", "user", 11, 1);
  const Id e2 = add_event(tenant_a_, "user.updated", "user", 11, 2);
  const Id e3 = add_event(tenant_a_, "provider.created", "provider", 11, 1);
  add_event(tenant_b_, "user.created", "user", 11, 1);

  auto list = [&](const audit::ListFilter& f) {
    return db_->read([&](soci::session& sql) { return audit::list(sql, tenant_a_, f); });
  };
  audit::ListFilter all;
  auto everything = list(all);
  ASSERT_EQ(everything.total, 3) << "tenant B's event is not listed";
  EXPECT_EQ(everything.items[0].id, e3);
  EXPECT_EQ(everything.items[2].id, e1);

  audit::ListFilter by_user;
  by_user.entity_type = "user";
  by_user.entity_id = 11;
  auto users = list(by_user);
  ASSERT_EQ(users.total, 2);
  EXPECT_EQ(users.items[0].id, e2);

  audit::ListFilter by_actor;
  by_actor.actor_id = 1;
  auto actor = list(by_actor);
  ASSERT_EQ(actor.total, 2);
  EXPECT_EQ(actor.items[0].id, e3);
  EXPECT_EQ(actor.items[1].id, e1);

  audit::ListFilter paged;
  paged.limit = 1;
  paged.before = e3;
  auto page = list(paged);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, e2);

  auto chained = db_->read([](soci::session& sql) { return audit::batch_after(sql, 0, 100); });
  ASSERT_EQ(chained.size(), 4u) << "verification reads every tenant";
  EXPECT_EQ(chained[1].prev_hash, "h-user.created" + std::to_string(tenant_a_));
  EXPECT_EQ(chained[3].prev_hash, "") << "tenant B's chain starts afresh";
}
