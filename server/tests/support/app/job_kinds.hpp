// Job kinds that exist only in tests, and helpers to queue and watch jobs through a TestApp:
// test.echo (progress 1..n, result = the payload), test.wait (runs until cancelled), test.file
// (stores a CSV result file named by the payload). Register them with register_test_jobs from
// TestAppOptions::before_listen.
#pragma once

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/application.hpp"
#include "jobs/job_context.hpp"
#include "support/app/test_app.hpp"

namespace lt::test {

inline void register_test_jobs(app::Application& app) {
  using domain::Result;
  using nlohmann::json;
  app.job_settings().poll = std::chrono::milliseconds(50);
  app.job_settings().context.progress_interval = std::chrono::milliseconds(0);
  app.job_settings().context.cancel_check_interval = std::chrono::milliseconds(10);
  app.job_registry().add("test.echo", [](jobs::JobContext& ctx) -> Result<json> {
    const int n = ctx.payload().value("n", 3);
    for (int i = 1; i <= n; ++i) {
      ctx.progress(i, n);
      std::this_thread::sleep_for(std::chrono::milliseconds(ctx.payload().value("pause_ms", 0)));
    }
    return ctx.payload();
  });
  app.job_registry().add("test.wait", [](jobs::JobContext& ctx) -> Result<json> {
    ctx.progress(1, 10);
    while (!ctx.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return domain::fail(jobs::stopped());
  });
  app.job_registry().add("test.file", [](jobs::JobContext& ctx) -> Result<json> {
    auto blob = ctx.store_result_blob("name,count\nJo,1\n", "text/csv",
                                      ctx.payload().value("filename", std::string("result.csv")));
    if (!blob) return domain::fail(blob.error());
    return json{{"rows", 1}};
  });
}

inline TestAppOptions with_test_jobs(TestAppOptions options = {}) {
  options.before_listen = register_test_jobs;
  return options;
}

// Queues a job as the given user, as a feature's use case would.
inline long long enqueue_as(TestApp& t, long long user_id, const std::string& kind,
                            const nlohmann::json& payload = nlohmann::json::object(),
                            long long tenant = 0) {
  services::Context ctx;
  ctx.tenant_id = tenant ? tenant : t.tenant_id();
  auth::Principal p;
  p.tenant_id = ctx.tenant_id;
  p.user_id = user_id;
  ctx.principal = p;
  ctx.request_id = "test-setup";
  auto job = t.app().jobs().enqueue(ctx, kind, payload);
  if (!job) throw std::runtime_error("enqueue failed: " + job.error().message);
  return job->id;
}

// Polls GET /jobs/{id} until the job has `status`; returns the last answer's body.
inline nlohmann::json wait_for_job(HttpClient& client, long long id, const std::string& status,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  nlohmann::json body;
  while (std::chrono::steady_clock::now() < deadline) {
    auto response = client.get("/api/v1/jobs/" + std::to_string(id));
    if (response.status == 200) {
      body = response.json();
      if (body["status"] == status) return body;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return body;
}

}  // namespace lt::test
