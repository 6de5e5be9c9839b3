// The learnertrack command line, run as the real binary: help everywhere, clear errors with a
// non-zero exit, tenant and user creation, a backup taken while serving, and audit verify.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "support/app/test_app.hpp"

namespace {

struct CommandResult {
  int exit_code;
  std::string output;
};

// Runs the binary with a data directory, capturing stdout and stderr.
CommandResult run(const std::string& data_dir, const std::string& args) {
  const std::string command =
      "LT_DATABASE_URL= LT_DATA_DIR='" + data_dir + "' " LT_BINARY " " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string output;
  std::array<char, 4096> buffer;
  while (fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  const int status = pclose(pipe.release());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("lt-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  CommandResult lt(const std::string& args) { return run(dir_.string(), args); }
  std::filesystem::path dir_;
};

}  // namespace

TEST_F(Cli, EveryCommandHasHelp) {
  for (const std::string command : {"", "serve", "migrate", "tenant", "tenant create", "user",
                                    "user create", "backup", "audit", "audit verify"}) {
    auto r = lt(command + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << command << ": " << r.output;
  }
}

TEST_F(Cli, ErrorsAreClearAndExitNonZero) {
  auto none = lt("");
  EXPECT_NE(none.exit_code, 0);
  auto unknown = lt("frobnicate");
  EXPECT_NE(unknown.exit_code, 0);
  auto missing = lt("user create --username jo.bloggs");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("--password"), std::string::npos) << missing.output;
  auto weak = lt("user create --username jo.bloggs --password abc --role administrator");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.output.find("error:"), std::string::npos);
  EXPECT_NE(weak.output.find("password"), std::string::npos) << weak.output;
  auto bad_tenant = lt("tenant create 'Bad Name'");
  EXPECT_EQ(bad_tenant.exit_code, 1);
  auto no_tenant =
      lt("user create --username jo.bloggs --password Secret12 --role viewer --tenant nowhere");
  EXPECT_EQ(no_tenant.exit_code, 1);
  EXPECT_NE(no_tenant.output.find("no tenant called 'nowhere'"), std::string::npos);
  auto bad_listen = run(dir_.string(), "migrate");
  EXPECT_EQ(bad_listen.exit_code, 0);
  auto listen = run(dir_.string(), "serve --config /no/such/file.toml");
  EXPECT_EQ(listen.exit_code, 1);
  EXPECT_NE(listen.output.find("cannot read configuration"), std::string::npos) << listen.output;
}

TEST_F(Cli, CreatesTenantsAndUsers) {
  auto tenant = lt("tenant create north-college");
  ASSERT_EQ(tenant.exit_code, 0) << tenant.output;
  EXPECT_EQ(lt("tenant create north-college").exit_code, 1) << "already exists";
  auto user =
      lt("user create --username jo.bloggs --password Secret12 --role administrator "
         "--email jo@example.org --first-name Jo --last-name Bloggs --tenant north-college");
  ASSERT_EQ(user.exit_code, 0) << user.output;
  EXPECT_NE(user.output.find("verification email"), std::string::npos);
  soci::session sql(soci::sqlite3, "db=" + (dir_ / "learnertrack.db").string());
  std::string username;
  int changes = 0;
  sql << "SELECT u.username, u.must_change_password FROM users u JOIN tenants t ON t.id = "
         "u.tenant_id "
         "WHERE t.name = 'north-college'",
      soci::into(username), soci::into(changes);
  EXPECT_EQ(username, "jo.bloggs");
  EXPECT_EQ(changes, 1) << "a password set by the operator must be changed at first sign-in";
  long long outbox = 0;
  sql << "SELECT COUNT(*) FROM outbox WHERE to_address = 'jo@example.org'", soci::into(outbox);
  EXPECT_EQ(outbox, 1);
}

TEST_F(Cli, BackupWhileServingAndAuditVerify) {
  ASSERT_EQ(
      lt("user create --username jo.bloggs --password Secret12 --role administrator").exit_code, 0);
  // Serve from the same data directory while the backup runs.
  const auto log = dir_ / "serve.log";
  const std::string serve = "LT_DATABASE_URL= LT_DATA_DIR='" + dir_.string() +
                            "' LT_LISTEN=127.0.0.1:0 LT_WEB_DIR= " LT_BINARY " serve > '" +
                            log.string() + "' 2>&1 & echo $!";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(serve.c_str(), "r"), pclose);
  char pid_text[32] = {0};
  ASSERT_NE(fgets(pid_text, sizeof pid_text, pipe.get()), nullptr);
  const int pid = std::stoi(pid_text);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  const auto backup = dir_ / "copy.db";
  auto r = lt("backup --to '" + backup.string() + "'");
  kill(pid, SIGTERM);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  soci::session copy(soci::sqlite3, "db=" + backup.string());
  std::string username;
  copy << "SELECT username FROM users", soci::into(username);
  EXPECT_EQ(username, "jo.bloggs");

  auto intact = lt("audit verify");
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("intact"), std::string::npos);
  {
    soci::session sql(soci::sqlite3, "db=" + (dir_ / "learnertrack.db").string());
    sql << "UPDATE audit_events SET actor_username = 'mallory' WHERE id = 2";
  }
  auto broken = lt("audit verify");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("BROKEN at event 2"), std::string::npos) << broken.output;
}
