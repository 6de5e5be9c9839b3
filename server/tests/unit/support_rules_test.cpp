// Timestamps, migration splitting, search prefix ranges, the sign-in throttle, secrets and config.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/config.hpp"
#include "auth/login_throttle.hpp"
#include "auth/secrets.hpp"
#include "domain/clock.hpp"
#include "store/migrations.hpp"
#include "store/query.hpp"

using namespace std::chrono;

TEST(Timestamp, FormatsFixedWidthUtcAndParsesBack) {
  const lt::domain::TimePoint t =
      sys_days{2026y / 11 / 22} + hours(9) + minutes(5) + seconds(7) + milliseconds(42);
  EXPECT_EQ(lt::domain::format_timestamp(t), "2026-11-22T09:05:07.042Z");
  EXPECT_EQ(*lt::domain::parse_timestamp("2026-11-22T09:05:07.042Z"), t);
  EXPECT_FALSE(lt::domain::parse_timestamp("yesterday").has_value());
}

TEST(Timestamp, ManualClockAdvances) {
  lt::domain::ManualClock clock(sys_days{2026y / 1 / 1});
  clock.advance(hours(1) + minutes(1));
  EXPECT_EQ(lt::domain::format_timestamp(clock.now()), "2026-01-01T01:01:00.000Z");
}

TEST(Migrations, SplitsAtLineEndingSemicolonsOutsideQuotes) {
  const auto parts = lt::store::split_statements(
      "-- comment\nCREATE TABLE a (x TEXT DEFAULT 'a;\nb');\nCREATE INDEX i ON a (x);\n-- end\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("'a;\nb'"), std::string::npos);
  EXPECT_NE(parts[1].find("CREATE INDEX"), std::string::npos);
}

TEST(Migrations, KeepsTriggerBodiesAndDollarQuotedFunctionsWhole) {
  const auto parts = lt::store::split_statements(
      "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE a SET x = 1;\n  UPDATE a SET x = 2;\n"
      "END;\nCREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\nEND;\n$$ "
      "LANGUAGE plpgsql;\ncreate trigger u after update on a begin select 1;\nend;\n"
      "-- the provider's defaults; not a statement\nSELECT 'it''s';\n"
      "CREATE TRIGGER p BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 2;\n");
  ASSERT_EQ(parts.size(), 6u);
  EXPECT_EQ(parts[5], "\nSELECT 2");
  EXPECT_NE(parts[0].find("x = 2;"), std::string::npos);
  EXPECT_NE(parts[1].find("RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql"), std::string::npos);
  EXPECT_NE(parts[2].find("select 1;\nend"), std::string::npos);
  EXPECT_EQ(parts[3], "\n-- the provider's defaults; not a statement\nSELECT 'it''s'");
}

TEST(PrefixEnd, IsTheLeastStringAboveEveryStringWithThePrefix) {
  const std::vector<std::pair<std::string, std::optional<std::string>>> cases = {
      {"smi", "smj"},
      {"a", "b"},
      {"o'b", "o'c"},
      {"z", "{"},
      {"ab\x7f", "ab\xc2\x80"},            // U+007F → U+0080
      {"caf\xc3\xa9", "caf\xc3\xaa"},      // é → ê
      {"x\xdf\xbf", "x\xe0\xa0\x80"},      // U+07FF → U+0800
      {"x\xed\x9f\xbf", "x\xee\x80\x80"},  // U+D7FF → U+E000, past the surrogates
      {"x\xf4\x8f\xbf\xbf", "y"},          // U+10FFFF has no successor: raise the one before
      {"\xf4\x8f\xbf\xbf", std::nullopt},
      {"a\xff", "b"},  // not UTF-8: byte order
      {"a\x80", "a\x81"},
  };
  for (const auto& [prefix, end] : cases) EXPECT_EQ(lt::store::prefix_end(prefix), end) << prefix;
}

TEST(Migrations, BothDialectsShipTheSameMigrationNames) {
  const auto& sqlite = lt::store::embedded_sqlite_migrations();
  const auto& postgres = lt::store::embedded_postgres_migrations();
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) EXPECT_EQ(sqlite[i].name, postgres[i].name);
}

TEST(LoginThrottle, LimitsAttemptsPerAddressInASlidingWindow) {
  lt::auth::LoginThrottle throttle(3, seconds(60));
  const auto t0 = steady_clock::time_point{} + hours(1);
  EXPECT_TRUE(throttle.allow("10.0.0.1", t0));
  EXPECT_TRUE(throttle.allow("10.0.0.1", t0 + seconds(1)));
  EXPECT_TRUE(throttle.allow("10.0.0.1", t0 + seconds(2)));
  EXPECT_FALSE(throttle.allow("10.0.0.1", t0 + seconds(3)));
  EXPECT_TRUE(throttle.allow("10.0.0.2", t0 + seconds(3))) << "other addresses unaffected";
  EXPECT_EQ(throttle.retry_after("10.0.0.1", t0 + seconds(10)), 50);
  EXPECT_TRUE(throttle.allow("10.0.0.1", t0 + seconds(60))) << "the first attempt has aged out";
}

TEST(Secrets, PasswordHashesVerifyAndTokensAreRandom) {
  lt::auth::init_crypto();
  const auto hash = lt::auth::hash_password("Passw0rd!");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(lt::auth::verify_password("Passw0rd!", hash));
  EXPECT_FALSE(lt::auth::verify_password("Passw0rd?", hash));
  const auto a = lt::auth::random_token(), b = lt::auth::random_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(lt::auth::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Secrets, TheHashCostIsStandardUnlessATestServerAsksForTheMinimum) {
  lt::auth::init_crypto();
  const auto before = lt::auth::password_hash_cost();
  lt::auth::set_password_hash_cost(lt::auth::HashCost::standard);
  const auto standard = lt::auth::hash_password("Passw0rd!");
  lt::auth::set_password_hash_cost(lt::auth::HashCost::minimum);
  const auto minimum = lt::auth::hash_password("Passw0rd!");
  lt::auth::set_password_hash_cost(before);
  EXPECT_NE(standard.find("$m=65536,t=2,"), std::string::npos) << standard;
  EXPECT_NE(minimum.find("$m=8,t=1,"), std::string::npos) << minimum;
  // Verifying reads the cost from the hash, whatever the current setting.
  EXPECT_TRUE(lt::auth::verify_password("Passw0rd!", standard));
  EXPECT_TRUE(lt::auth::verify_password("Passw0rd!", minimum));
  EXPECT_FALSE(lt::auth::verify_password("Passw0rd?", minimum));
}

TEST(Config, APasswordHashCostOtherThanStandardOrMinimumIsRefused) {
  ::setenv("LT_PASSWORD_HASH_COST", "fast", 1);
  EXPECT_THROW(lt::app::load_config(std::nullopt), std::runtime_error);
  ::setenv("LT_PASSWORD_HASH_COST", "minimum", 1);
  EXPECT_EQ(lt::app::load_config(std::nullopt).password_hash_cost, "minimum");
  ::unsetenv("LT_PASSWORD_HASH_COST");
  EXPECT_EQ(lt::app::load_config(std::nullopt).password_hash_cost, "standard");
}

TEST(Config, WorkerThreadsFollowTheDatabaseUnlessSet) {
  lt::app::Config config;
  const std::size_t cores = std::max(2u, std::thread::hardware_concurrency());
  EXPECT_EQ(config.effective_worker_threads(), cores + 1);  // SQLite: the handlers only compute
  config.database_url = "postgresql://lt@127.0.0.1/lt";
  EXPECT_EQ(config.effective_worker_threads(), 8u);  // PostgreSQL: they wait on the network
  config.worker_threads = 3;
  EXPECT_EQ(config.effective_worker_threads(), 3u);
}

TEST(Secrets, GeneratedPasswordsSatisfyTheStandardPolicy) {
  lt::auth::init_crypto();
  for (int i = 0; i < 50; ++i) {
    const auto password = lt::auth::generate_password();
    EXPECT_EQ(password.size(), 9u);
    EXPECT_NE(password.find_first_of("0123456789"), std::string::npos);
  }
}
