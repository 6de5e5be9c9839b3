// Looking a user up by email (sign-in by email, password reset) against a real database (SQLite,
// or PostgreSQL under scripts/with-postgres): any case of the address finds the account, and the
// look-up seeks an index of the lower-cased address rather than walking the tenant's users
// (migration 0013; a tenant of 1,000,000 learners made it a scan of all of them).
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"
#include "support/app/test_app.hpp"

using namespace lt::store;

namespace {

const std::string kNow = "2026-12-06T09:00:00.000Z";

// The plan of the email look-up, one line per step, in the database's own words.
std::string plan_of_email_lookup(Database& db, Id tenant) {
  const std::string query =
      "SELECT id FROM users WHERE tenant_id = " + std::to_string(tenant) +
      " AND LOWER(email) = 'ann@example.org' AND deleted_at IS NULL ORDER BY id";
  return db.write([&](soci::session& sql) {
    std::string plan, line;
    if (db.is_postgres()) {
      // An empty table is cheaper to scan: ask for the best index the query can use.
      sql << "SET LOCAL enable_seqscan = off";
      soci::statement st = (sql.prepare << "EXPLAIN " + query, soci::into(line));
      st.execute();
      while (st.fetch()) plan += line + "\n";
    } else {
      int id = 0, parent = 0, unused = 0;
      soci::statement st = (sql.prepare << "EXPLAIN QUERY PLAN " + query, soci::into(id),
                            soci::into(parent), soci::into(unused), soci::into(line));
      st.execute();
      while (st.fetch()) plan += line + "\n";
    }
    return plan;
  });
}

}  // namespace

TEST(UserLookups, AnyCaseOfAnEmailFindsTheAccountThroughItsIndex) {
  lt::test::TestDatabase database;
  auto db = Database::open({database.url(), 1});
  migrate(*db);
  const Id tenant =
      db->write([](soci::session& sql) { return tenants::insert(sql, "alpha", kNow); });
  db->write([&](soci::session& sql) {
    for (const char* name : {"ann", "bob", "cat"}) {
      UserRow u;
      u.tenant_id = tenant;
      u.kind = "staff";
      u.username = name;
      u.email = std::string(name == std::string("ann") ? "Ann" : name) + "@Example.org";
      u.first_name = name;
      u.last_name = "Person";
      u.created_at = kNow;
      users::insert(sql, u);
    }
  });
  const auto found = db->read(
      [&](soci::session& sql) { return users::find_by_email(sql, tenant, "ANN@example.ORG"); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().username, "ann");

  // The index is sought on the lower-cased address, not only on the tenant.
  const std::string plan = plan_of_email_lookup(*db, tenant);
  EXPECT_NE(plan.find("users_by_email"), std::string::npos) << plan;
  const std::string sought = db->is_postgres() ? "Index Cond: ((tenant_id = " : "(tenant_id=? AND ";
  const auto at = plan.find(sought);
  ASSERT_NE(at, std::string::npos) << plan;
  const std::string condition = plan.substr(at, plan.find('\n', at) - at);
  EXPECT_NE(condition.find(db->is_postgres() ? "lower(email)" : "<expr>=?"), std::string::npos)
      << condition;
}
