// The learnertrack binary against a test server's own database: a backup taken while the API is
// writing is a consistent, openable copy; operator-created users scoped to a provider; clear
// failures for bad provider ids, roles and backup targets; audit verify names an edited event.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {

struct CommandResult {
  int exit_code;
  std::string output;
};

// Runs the binary on the given database, capturing stdout and stderr.
CommandResult run_on(const std::string& database_url, const std::string& data_dir,
                     const std::string& args) {
  const std::string command = "LT_DATABASE_URL='" + database_url + "' LT_DATA_DIR='" + data_dir +
                              "' " LT_BINARY " " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string output;
  std::array<char, 4096> buffer;
  while (fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  const int status = pclose(pipe.release());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::filesystem::path scratch_dir() {
  auto dir = std::filesystem::temp_directory_path() /
             ("lt-cliops-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST(CliOperations, ABackupTakenWhileTheApiWritesIsConsistent) {
  TestApp t;
  const auto dir = scratch_dir();
  auto admin = t.admin();
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  auto c = t.sign_in("test.admin", "Admin123!");
  std::thread writer([&] {
    for (int i = 0; i < 500 && !stop; ++i) {
      const auto ukprn = std::to_string(10000000 + i);
      if (c->post("/api/v1/providers", json{{"name", "P" + ukprn}, {"ukprn", ukprn}}.dump())
              .status == 201)
        ++written;
    }
  });
  while (written < 5) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto copy = dir / "copy.db";
  auto r = run_on(t.database_url(), dir.string(), "backup --to '" + copy.string() + "'");
  const int written_at_end = written;
  stop = true;
  writer.join();
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Backup written to"), std::string::npos);
  ASSERT_TRUE(std::filesystem::exists(copy));

  if (lt::test::database_kind() == "sqlite") {
    soci::session sql(soci::sqlite3, "db=" + copy.string());
    std::string integrity;
    sql << "PRAGMA integrity_check", soci::into(integrity);
    EXPECT_EQ(integrity, "ok");
    long long providers = 0, created_events = 0, admins = 0;
    sql << "SELECT COUNT(*) FROM providers", soci::into(providers);
    sql << "SELECT COUNT(*) FROM audit_events WHERE action = 'provider.created'",
        soci::into(created_events);
    sql << "SELECT COUNT(*) FROM users WHERE username = 'test.admin'", soci::into(admins);
    EXPECT_EQ(admins, 1);
    EXPECT_GE(providers, 5);
    EXPECT_LE(providers, written_at_end + 1) << "nothing from after the backup ended";
    EXPECT_EQ(providers, created_events) << "each provider with its audit event: one transaction";
  } else {
    // PostgreSQL backups are pg_dump archives; pg_restore lists their contents.
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen(("pg_restore --list '" + copy.string() + "' 2>&1").c_str(), "r"), pclose);
    std::string contents;
    std::array<char, 4096> buffer;
    while (fgets(buffer.data(), buffer.size(), pipe.get())) contents += buffer.data();
    EXPECT_NE(contents.find("TABLE DATA public users"), std::string::npos) << contents;
    EXPECT_NE(contents.find("TABLE DATA public providers"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(CliOperations, UsersScopedToAProviderAndClearFailures) {
  TestApp t;
  const auto dir = scratch_dir();
  const auto provider = t.create_provider("Mine College", "10000001");
  auto ok = run_on(t.database_url(), dir.string(),
                   "user create --username lm.jones --password Secret12 --role learner_manager "
                   "--provider " +
                       std::to_string(provider) + " --email lm.jones@example.org");
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("lm.jones"), std::string::npos);

  auto admin = t.admin();
  auto found = admin->get("/api/v1/users?q=lm.jones").json();
  ASSERT_EQ(found["total"], 1);
  const json user = found["items"][0];
  EXPECT_EQ(user["roles"][0]["role"], "learner_manager");
  EXPECT_EQ(user["roles"][0]["scope_type"], "provider");
  EXPECT_EQ(user["roles"][0]["scope_id"], provider);
  EXPECT_EQ(user["must_change_password"], true);
  auto outbox = admin->get("/api/v1/outbox").json();
  ASSERT_GE(outbox["total"], 1);
  EXPECT_EQ(outbox["items"][0]["to"], "lm.jones@example.org");
  EXPECT_EQ(outbox["items"][0]["subject"], "Verify your Learnertrack account");
  auto created = admin->get("/api/v1/audit?entity_type=user&entity_id=" +
                            std::to_string(user["id"].get<long long>()));
  EXPECT_EQ(created.json()["items"][0]["action"], "user.created");
  EXPECT_EQ(created.json()["items"][0]["request_id"], "cli");

  auto no_provider = run_on(t.database_url(), dir.string(),
                            "user create --username lm.other --password Secret12 --role "
                            "learner_manager --provider 999999");
  EXPECT_EQ(no_provider.exit_code, 1) << no_provider.output;
  EXPECT_NE(no_provider.output.find("error:"), std::string::npos) << no_provider.output;
  auto no_role = run_on(t.database_url(), dir.string(),
                        "user create --username lm.other --password Secret12 --role wizard");
  EXPECT_EQ(no_role.exit_code, 1);
  EXPECT_NE(no_role.output.find("error:"), std::string::npos) << no_role.output;
  auto taken = run_on(t.database_url(), dir.string(),
                      "user create --username LM.JONES --password Secret12 --role viewer");
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_NE(taken.output.find("username"), std::string::npos) << taken.output;
  EXPECT_EQ(admin->get("/api/v1/users?q=lm.other").json()["total"], 0);

  auto nowhere = run_on(t.database_url(), dir.string(), "backup --to /no/such/dir/copy.db");
  EXPECT_NE(nowhere.exit_code, 0);
  EXPECT_NE(nowhere.output.find("error"), std::string::npos) << nowhere.output;
  auto no_target = run_on(t.database_url(), dir.string(), "backup");
  EXPECT_NE(no_target.exit_code, 0);
  EXPECT_NE(no_target.output.find("--to"), std::string::npos) << no_target.output;
  std::filesystem::remove_all(dir);
}

TEST(CliOperations, AuditVerifyNamesTheEventWhoseChangesWereEdited) {
  TestApp t;
  const auto dir = scratch_dir();
  auto admin = t.admin();
  ASSERT_EQ(
      admin->post("/api/v1/providers", json{{"name", "One"}, {"ukprn", "10000001"}}.dump()).status,
      201);
  ASSERT_EQ(
      admin->post("/api/v1/providers", json{{"name", "Two"}, {"ukprn", "10000002"}}.dump()).status,
      201);
  auto intact = run_on(t.database_url(), dir.string(), "audit verify");
  ASSERT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("intact"), std::string::npos);

  const long long target =
      admin->get("/api/v1/audit?entity_type=provider").json()["items"][1]["id"];
  t.app().db().write([&](soci::session& sql) {
    sql << "UPDATE audit_events SET changes = '{\"name\":{\"before\":null,\"after\":\"Forged\"}}' "
           "WHERE id = :id",
        soci::use(target);
  });
  auto broken = run_on(t.database_url(), dir.string(), "audit verify");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("BROKEN at event " + std::to_string(target) + " "),
            std::string::npos)
      << broken.output;
  EXPECT_NE(broken.output.find("provider.created"), std::string::npos) << broken.output;
  std::filesystem::remove_all(dir);
}
