// Google Benchmark: the per-request costs of the account layer — resolving a session cookie to a
// principal (every API call), the permission check, and argon2id verification (every sign-in).
// Run through `make bench`; results print as JSON with --benchmark_format=json.
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <filesystem>

#include "app/application.hpp"
#include "auth/permissions.hpp"
#include "auth/secrets.hpp"
#include "services/users.hpp"

namespace {

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<lt::app::Application> app;
  std::string token;

  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("lt-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    lt::app::Config config;
    config.data_dir = dir.string();
    config.access_log = false;
    app = std::make_unique<lt::app::Application>(config);
    app->migrate();
    auto boot = app->tenants().bootstrap("default");
    lt::services::Context ctx;
    ctx.tenant_id = boot.tenant_id;
    auto signed_in = app->accounts().sign_in("default", boot.username, boot.password, ctx);
    token = signed_in->token;
  }
  ~Fixture() {
    app.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_AuthenticateSession(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state) {
    auto principal = f.app->accounts().authenticate(f.token);
    if (!principal) state.SkipWithError("session not found");
    benchmark::DoNotOptimize(principal);
  }
}
BENCHMARK(BM_AuthenticateSession)->ThreadRange(1, 2)->UseRealTime();

void BM_PermissionCheck(benchmark::State& state) {
  lt::auth::Principal p;
  p.tenant_id = 1;
  p.user_id = 2;
  p.assignments = {{"learner_manager", lt::auth::ScopeType::provider, 3},
                   {"user_manager", lt::auth::ScopeType::provider, 7}};
  const lt::auth::Resource r{1, {5, 7}, {}, {}};
  for (auto _ : state)
    benchmark::DoNotOptimize(lt::auth::can(p, lt::auth::Permission::users_edit, r));
}
BENCHMARK(BM_PermissionCheck);

void BM_PasswordVerifyArgon2id(benchmark::State& state) {
  lt::auth::init_crypto();
  const auto hash = lt::auth::hash_password("Passw0rd!");
  for (auto _ : state) benchmark::DoNotOptimize(lt::auth::verify_password("Passw0rd!", hash));
}
BENCHMARK(BM_PasswordVerifyArgon2id)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
