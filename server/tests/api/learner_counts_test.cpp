// The status flags and per-provider counters of migration 0006 (kept by triggers) against a
// direct recount from the status definitions, after every path that changes a learner's status,
// and after the migration backfills a database that already holds learners.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "app/demo_seed.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/app/learner_bodies.hpp"
#include "support/app/reference_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {

// The statuses as the manual defines them (5.2), over learners l, users u and providers p: the
// specification the triggers' flags must match, written out independently of them.
const std::pair<int, const char*> kDefinitions[] = {
    {1, "u.last_login_at IS NULL"},
    {2, "u.locked = 1"},
    {4,
     "(l.key_information_state <> 'complete' OR l.additional_information_state <> 'complete' OR "
     "l.qualifications_state <> 'complete' OR l.reference_state <> 'complete')"},
    {8,
     "((l.profile_sign_off = 'yes' OR (l.profile_sign_off = 'default' AND p.sign_off_profiles = "
     "1)) AND l.key_information_state = 'complete' AND l.additional_information_state = "
     "'complete' AND l.qualifications_state = 'complete' AND l.reference_state = 'complete' AND "
     "l.approval <> 'approved')"},
    {16,
     "((l.manager_adds_qualifications = 'yes' OR (l.manager_adds_qualifications = 'default' AND "
     "p.learners_add_qualifications = 0)) AND l.qualifications_state <> 'complete')"},
    {32, "l.reference_state <> 'complete'"},
};

using Counts = std::map<std::tuple<long long, long long, int>, long long>;  // tenant, provider,
                                                                            // flags → learners

std::string defined_flags() {
  std::string flags = "0";
  for (const auto& [bit, condition] : kDefinitions)
    flags +=
        " + CASE WHEN " + std::string(condition) + " THEN " + std::to_string(bit) + " ELSE 0 END";
  return flags;
}

Counts rows_of(soci::session& sql, const std::string& query) {
  long long tenant = 0, provider = 0, learners = 0;
  int flags = 0;
  soci::statement st = (sql.prepare << query, soci::into(tenant), soci::into(provider),
                        soci::into(flags), soci::into(learners));
  st.execute();
  Counts out;
  while (st.fetch()) out[{tenant, provider, flags}] = learners;
  return out;
}

Counts recount(soci::session& sql) {
  const std::string flags = defined_flags();
  return rows_of(sql, "SELECT l.tenant_id, l.provider_id, " + flags +
                          ", COUNT(*) FROM learners l JOIN users u ON u.id = l.user_id JOIN "
                          "providers p ON p.id = l.provider_id WHERE l.deleted_at IS NULL GROUP "
                          "BY l.tenant_id, l.provider_id, " +
                          flags);
}

Counts counters(soci::session& sql) {
  return rows_of(sql,
                 "SELECT tenant_id, provider_id, status_flags, learners FROM "
                 "learner_status_counts WHERE learners <> 0");
}

// Learners whose stored flags differ from the definitions.
long long stale_flags(soci::session& sql) {
  long long stale = 0;
  sql << "SELECT COUNT(*) FROM learners l JOIN users u ON u.id = l.user_id JOIN providers p ON "
         "p.id = l.provider_id WHERE l.status_flags <> " +
             defined_flags(),
      soci::into(stale);
  return stale;
}

void expect_counters_match(lt::store::Database& db, const std::string& after) {
  db.read([&](soci::session& sql) {
    EXPECT_EQ(stale_flags(sql), 0) << "flags after " << after;
    EXPECT_EQ(counters(sql), recount(sql)) << "counters after " << after;
  });
}

std::string path(long long id, const std::string& tail = "") {
  return "/api/v1/learners/" + std::to_string(id) + tail;
}

}  // namespace

TEST(LearnerCounts, EveryStatusChangingPathKeepsFlagsAndCountersEqualToARecount) {
  TestApp t;
  auto& db = t.app().db();
  const auto college = t.create_provider("Own Quals College", "10000001");
  const auto school = t.create_provider("Manager Quals School", "10000002");
  auto admin = t.admin();
  const long long one =
      admin->post("/api/v1/learners", lt::test::learner_body("learner.one", college).dump())
          .json()["id"];
  const long long two =
      admin->post("/api/v1/learners", lt::test::learner_body("learner.two", school).dump())
          .json()["id"];
  admin->post("/api/v1/learners", lt::test::learner_body("learner.three", school).dump());
  expect_counters_match(db, "create");

  // Provider defaults change every learner there.
  ASSERT_EQ(admin
                ->patch("/api/v1/providers/" + std::to_string(school),
                        json{{"learners_add_qualifications", false},
                             {"sign_off_profiles", true},
                             {"version", 1}}
                            .dump())
                .status,
            200);
  expect_counters_match(db, "provider defaults");

  // Staff edits: the learner's own choices and a move to another provider.
  ASSERT_EQ(admin
                ->patch(path(one), json{{"profile_sign_off", "yes"},
                                        {"manager_adds_qualifications", "yes"},
                                        {"version", 1}}
                                       .dump())
                .status,
            200);
  ASSERT_EQ(admin->patch(path(two), json{{"provider_id", college}, {"version", 1}}.dump()).status,
            200);
  expect_counters_match(db, "edit");

  // Sign-in, lock-out, unlock and password reset.
  auto bob = t.client();
  ASSERT_EQ(bob->post("/api/v1/session",
                      json{{"username", "learner.one"}, {"password", "Start123"}}.dump())
                .status,
            200);
  bob->put("/api/v1/me/password",
           json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  expect_counters_match(db, "first sign-in");
  for (int i = 0; i < 5; ++i)
    t.client()->post("/api/v1/session",
                     json{{"username", "learner.two"}, {"password", "wrong999"}}.dump());
  expect_counters_match(db, "lock-out");
  ASSERT_EQ(admin->post(path(two, "/unlock"), "").status, 200);
  ASSERT_EQ(admin->post(path(two, "/reset-password"), "").status, 200);
  expect_counters_match(db, "unlock and reset");

  // The learner's own edits and sections, the manager's reference, approval, a later own change.
  ASSERT_EQ(
      bob->patch("/api/v1/me/learner", json{{"town", "Cheltenham"}, {"version", 2}}.dump()).status,
      200);
  for (const std::string section : {"key_information", "additional_information"})
    ASSERT_EQ(bob->post("/api/v1/me/learner/sections/" + section + "/complete", "").status, 200)
        << section;
  expect_counters_match(db, "own sections");
  ASSERT_EQ(admin->post(path(one, "/sections/qualifications/complete"), "").status, 200)
      << "the manager adds learner.one's qualifications";
  expect_counters_match(db, "qualifications");
  ASSERT_EQ(admin
                ->post(lt::test::reference_path(one, "/complete"),
                       lt::test::reference_by_own_referee(0).dump())
                .status,
            200);
  expect_counters_match(db, "awaiting approval");
  ASSERT_EQ(admin->post(path(one, "/approve"), "").status, 200);
  expect_counters_match(db, "approval");
  ASSERT_EQ(admin->post(path(one, "/unapprove"), "").status, 200);
  ASSERT_EQ(admin->post(path(one, "/sections/reference/reopen"), "").status, 200);
  expect_counters_match(db, "unapproval and reopening");

  ASSERT_EQ(admin->del(path(two)).status, 204);
  expect_counters_match(db, "delete");

  lt::app::seed_demo(t.app(), "default", 400);
  expect_counters_match(db, "demo seed");

  // Another tenant's learners are counted apart.
  const auto other = t.create_tenant("other-college");
  const auto elsewhere = t.create_provider("Elsewhere College", "10000003", other);
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto other_admin = t.sign_in("their.admin", "Secret12", "other-college");
  ASSERT_EQ(
      other_admin
          ->post("/api/v1/learners", lt::test::learner_body("their.learner", elsewhere).dump())
          .status,
      201);
  expect_counters_match(db, "another tenant");
  EXPECT_EQ(other_admin->get("/api/v1/dashboard").json()["counts"]["learners"], 1);

  // Every dashboard count is its filtered list's total, tenant-wide and for one provider.
  const json counts = admin->get("/api/v1/dashboard").json()["counts"];
  EXPECT_EQ(counts["learners"], 402);
  for (const auto& [status, count] : counts.items()) {
    if (status == "learners") continue;
    EXPECT_EQ(admin->get("/api/v1/learners?status=" + status).json()["total"], count) << status;
    const auto filtered = admin
                              ->get("/api/v1/learners?limit=500&status=" + status +
                                    "&provider_id=" + std::to_string(college))
                              .json();
    EXPECT_EQ(filtered["total"], filtered["items"].size()) << status;
  }
}

TEST(LearnerCounts, GroupScopedManagersCountTheirGroupsMembers) {
  TestApp t;
  const auto college = t.create_provider("College", "10000001");
  const auto school = t.create_provider("School", "10000002");
  auto admin = t.admin();
  const long long in_group =
      admin->post("/api/v1/learners", lt::test::learner_body("in.group", school).dump())
          .json()["id"];
  admin->post("/api/v1/learners", lt::test::learner_body("not.in.group", school).dump());
  admin->post("/api/v1/learners", lt::test::learner_body("at.college", college).dump());
  auto group = admin->post("/api/v1/groups",
                           json{{"provider_id", school}, {"name", "Tutor group A"}}.dump());
  ASSERT_EQ(group.status, 201) << group.body;
  const long long group_id = group.json()["id"];
  ASSERT_EQ(admin->post("/api/v1/groups/" + std::to_string(group_id) + "/members",
                        json{{"add", {in_group}}}.dump())
                    .status /
                100,
            2);
  // A manager of the college who also manages the school's group.
  t.create_user("lm.mixed", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", college}},
                 {{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", group_id}}});
  auto lm = t.sign_in("lm.mixed", "Secret12");
  const json counts = lm->get("/api/v1/dashboard").json()["counts"];
  EXPECT_EQ(counts["learners"], 2);
  EXPECT_EQ(counts["never_logged_in"], 2);
  EXPECT_EQ(lm->get("/api/v1/learners").json()["total"], 2);
  EXPECT_EQ(lm->get("/api/v1/learners?status=never_logged_in").json()["total"], 2);
  EXPECT_EQ(lm->get("/api/v1/learners?provider_id=" + std::to_string(school)).json()["total"], 1);
  EXPECT_EQ(lm->get("/api/v1/learners?q=in.gr").json()["total"], 1);
}

TEST(LearnerCounts, TheMigrationBackfillsFlagsAndCountersOfExistingLearners) {
  lt::test::TestDatabase empty;
  auto db = lt::store::Database::open({empty.url(), 1});
  const bool postgres = db->is_postgres();
  const auto& all = postgres ? lt::store::embedded_postgres_migrations()
                             : lt::store::embedded_sqlite_migrations();
  // The schema as it was before 0006, with learners in it.
  db->write([&](soci::session& sql) {
    sql << "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";
    for (const auto& m : all) {
      if (m.name >= "0006") break;
      for (const auto& statement : lt::store::split_statements(m.sql)) sql << statement;
      sql << "INSERT INTO schema_migrations (name, applied_at) VALUES (:n, 'then')",
          soci::use(m.name);
    }
    sql << "INSERT INTO tenants (id, name, created_at, updated_at) VALUES (1, 't', 'x', 'x')";
    sql << "INSERT INTO providers (id, tenant_id, name, ukprn, created_at, updated_at, "
           "sign_off_profiles, learners_add_qualifications) VALUES (1, 1, 'A', '1', 'x', 'x', 1, "
           "0), (2, 1, 'B', '2', 'x', 'x', 0, 1)";
    for (int i = 1; i <= 12; ++i) {
      const std::string n = std::to_string(i);
      sql << "INSERT INTO users (id, tenant_id, kind, username, username_key, created_at, "
             "updated_at, locked, last_login_at) VALUES (" +
                 n + ", 1, 'learner', 'u" + n + "', 'u" + n + "', 'x', 'x', " +
                 (i % 4 == 0 ? "1" : "0") + ", " + (i % 3 == 0 ? "NULL" : "'then'") + ")";
      const auto state = [&](int k) { return i & k ? "'complete'" : "'incomplete'"; };
      sql << "INSERT INTO learners (id, tenant_id, user_id, provider_id, date_of_birth, "
             "year_group, profile_sign_off, key_information_state, additional_information_state, "
             "qualifications_state, reference_state, approval, first_name_key, last_name_key, "
             "username_key, created_at, updated_at, deleted_at) VALUES (" +
                 n + ", 1, " + n + ", " + std::to_string(1 + i % 2) +
                 ", '2008-01-01', 'year_12', " + (i % 5 == 0 ? "'yes'" : "'default'") + ", " +
                 state(1) + ", " + state(2) + ", " + state(4) + ", " + state(8) + ", " +
                 (i == 5 ? "'approved'" : "'not_approved'") + ", 'f', 'l', 'u" + n +
                 "', 'x', 'x', " + (i == 7 ? "'gone'" : "NULL") + ")";
    }
    sql << "UPDATE learners SET key_information_state = 'complete', additional_information_state "
           "= 'complete', qualifications_state = 'complete', reference_state = 'complete' WHERE "
           "id IN (3, 5, 10)";
  });
  const auto applied = lt::store::migrate(*db);
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front().rfind("0006", 0), 0u);
  expect_counters_match(*db, "the migration");
  db->read([&](soci::session& sql) {
    long long counted = 0;
    sql << "SELECT CAST(SUM(learners) AS BIGINT) FROM learner_status_counts", soci::into(counted);
    EXPECT_EQ(counted, 11) << "the deleted learner is not counted";
  });
}
