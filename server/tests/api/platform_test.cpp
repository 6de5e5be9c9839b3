// Health, readiness, metrics, problem+json for unknown routes and methods, security headers, the
// request id, and the OpenAPI document listing every route the router has.
#include <gtest/gtest.h>

#include <set>

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

TEST(Platform, HealthReadinessAndMetrics) {
  TestApp t;
  auto c = t.client();
  EXPECT_EQ(c->get("/healthz").json()["status"], "ok");
  auto ready = c->get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json()["status"], "ready");
  c->get("/api/v1/me");
  auto metrics = c->get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find(
                "lt_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"401\"} 1"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("lt_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("lt_http_pending_requests"), std::string::npos);
  EXPECT_NE(metrics.body.find("lt_db_connections_in_use"), std::string::npos);
}

TEST(Platform, ErrorsAreProblemsWithRequestIds) {
  TestApp t;
  auto c = t.client();
  auto missing = c->get("/api/v1/no-such-thing", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  EXPECT_EQ(missing.header("x-request-id"), "trace-42");
  EXPECT_EQ(missing.json()["request_id"], "trace-42");
  auto wrong_method = c->request("PUT", "/api/v1/users", "{}", {});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_NE(wrong_method.header("allow").value_or("").find("GET"), std::string::npos);
  auto malformed = c->post("/api/v1/session", "{\"username\":");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json()["code"], "malformed_json");
  auto generated = c->get("/healthz");
  EXPECT_EQ(generated.header("x-request-id").value_or("").size(), 16u);
  EXPECT_EQ(generated.header("x-content-type-options"), "nosniff");
  EXPECT_NE(generated.header("content-security-policy").value_or("").find("frame-ancestors 'none'"),
            std::string::npos);
  auto huge = c->post("/api/v1/session", std::string(2 << 20, 'x'));
  EXPECT_EQ(huge.status, 413);
}

TEST(Platform, OpenApiDescribesEveryRoute) {
  TestApp t;
  auto served = t.client()->get("/api/v1/openapi.json");
  ASSERT_EQ(served.status, 200);
  const json document = served.json();
  EXPECT_EQ(document["openapi"], "3.1.0");
  std::set<std::pair<std::string, std::string>> documented, routed;
  for (const auto& [path, operations] : document["paths"].items())
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert({upper, path});
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
      // Each path parameter is described once, and every {name} in the path is described.
      std::set<std::string> parameters;
      for (const auto& p : operation.value("parameters", json::array())) {
        if (p["in"] != "path") continue;
        EXPECT_TRUE(parameters.insert(p["name"].get<std::string>()).second)
            << method << " " << path << " lists " << p["name"] << " twice";
      }
      for (std::size_t open = path.find('{'); open != std::string::npos;
           open = path.find('{', open + 1))
        EXPECT_TRUE(parameters.count(path.substr(open + 1, path.find('}', open) - open - 1)))
            << method << " " << path;
    }
  for (const auto& route : t.app().router().routes()) routed.insert({route.method, route.pattern});
  EXPECT_EQ(documented, routed);
  // Every schema a path refers to exists.
  const auto dumped = document.dump();
  for (const auto& [name, schema] : document["components"]["schemas"].items())
    (void)schema, (void)name;
  std::size_t at = 0;
  while ((at = dumped.find("#/components/schemas/", at)) != std::string::npos) {
    at += 21;
    const auto name = dumped.substr(at, dumped.find('"', at) - at);
    EXPECT_TRUE(document["components"]["schemas"].contains(name)) << name;
  }
}

TEST(Platform, EveryPrivateRouteRefusesASignedOutCaller) {
  TestApp t;
  // The routes anyone may call: probes, the API description, signing in and out, and the emailed
  // single-use links (they carry their own secret).
  const std::set<std::string> open = {"/healthz",
                                      "/readyz",
                                      "/metrics",
                                      "/api/v1/openapi.json",
                                      "/api/v1/session",
                                      "/api/v1/password-resets",
                                      "/api/v1/password-resets/{token}",
                                      "/api/v1/verifications/{token}"};
  auto anonymous = t.client();
  int checked = 0;
  for (const auto& route : t.app().router().routes()) {
    if (open.contains(route.pattern)) continue;
    std::string url = route.pattern;
    if (const auto at = url.find("{id}"); at != std::string::npos) url.replace(at, 4, "1");
    auto r = anonymous->request(route.method, url, route.method == "GET" ? "" : "{}", {});
    EXPECT_EQ(r.status, 401) << route.method << " " << route.pattern;
    EXPECT_EQ(r.json()["code"], "unauthenticated") << route.method << " " << route.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 20);
}
