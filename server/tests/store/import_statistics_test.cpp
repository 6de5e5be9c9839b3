// refresh_stale_statistics (store/learner_import_repo) against a real database: on PostgreSQL
// (scripts/with-postgres) users whose statistics trail more than 1,000 changed rows are analysed
// (the columns the import's look-ups use), and fresh ones are left alone; on SQLite nothing
// happens.
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/learner_import_repo.hpp"
#include "store/migrations.hpp"
#include "store/tenants_repo.hpp"
#include "support/app/test_app.hpp"

using namespace lt::store;

namespace {

const std::string kNow = "2026-12-06T09:00:00.000Z";

// The planner's row count of users: -1 until the table is first analysed (or vacuumed).
double planner_rows(Database& db) {
  return db.read([](soci::session& sql) {
    double rows = 0;
    sql << "SELECT reltuples FROM pg_class WHERE relname = 'users'", soci::into(rows);
    return rows;
  });
}

// Waits for the statistics of changed rows, which each backend hands in at the end of its
// transactions (at most a second later), to count `rows` changes of users.
bool changes_counted(Database& db, long long rows) {
  for (int i = 0; i < 100; ++i) {
    const long long counted = db.read([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'users'",
          soci::into(n);
      return n;
    });
    if (counted >= rows) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST(ImportStatistics, TablesWithManyChangesSinceTheirLastAnalysisAreAnalysed) {
  lt::test::TestDatabase database;
  auto db = Database::open({database.url(), 1});
  migrate(*db);
  if (!db->is_postgres()) {
    // SQLite's planner keeps no row counts to go stale: nothing to do, and nothing done.
    EXPECT_NO_THROW(
        db->write([](soci::session& sql) { learner_import::refresh_stale_statistics(sql); }));
    return;
  }
  // Autovacuum would analyse the table on its own within a minute: not in this test.
  db->write(
      [](soci::session& sql) { sql << "ALTER TABLE users SET (autovacuum_enabled = false)"; });
  const Id tenant =
      db->write([](soci::session& sql) { return tenants::insert(sql, "alpha", kNow); });
  auto add_users = [&](int from, int to) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO users (tenant_id, kind, username, username_key, created_at, updated_at) "
             "SELECT :t, 'learner', 'u' || g, 'u' || g, :n, :n FROM generate_series(CAST(:a AS "
             "INTEGER), CAST(:b AS INTEGER)) g",
          soci::use(tenant), soci::use(kNow), soci::use(kNow), soci::use(from), soci::use(to);
    });
  };

  add_users(1, 500);
  ASSERT_TRUE(changes_counted(*db, 500));
  db->write([](soci::session& sql) { learner_import::refresh_stale_statistics(sql); });
  EXPECT_LT(planner_rows(*db), 0) << "500 changed rows are not yet worth an analysis";

  add_users(501, 2000);
  ASSERT_TRUE(changes_counted(*db, 2000));
  db->write([](soci::session& sql) { learner_import::refresh_stale_statistics(sql); });
  EXPECT_EQ(planner_rows(*db), 2000) << "analysed: the planner now counts every user";
  // The columns the look-ups use, and only those: the rest are left to autovacuum.
  const auto analysed = db->read([](soci::session& sql) {
    std::vector<std::string> columns(10);
    sql << "SELECT attname FROM pg_stats WHERE tablename = 'users' ORDER BY attname",
        soci::into(columns);
    return columns;
  });
  EXPECT_EQ(analysed, (std::vector<std::string>{"tenant_id", "username_key"}));
}
