// /healthz (the process answers), /readyz (database reachable and migrations current) and
// /metrics (Prometheus text).
#include <spdlog/spdlog.h>

#include "api/routes.hpp"
#include "store/migrations.hpp"

namespace lt::api {

using http::Request;
using http::Response;

void add_health_routes(http::Router& router, Api& api) {
  router.add("GET", "/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); });

  router.add("GET", "/readyz", [&api](Request& req) {
    try {
      auto status = store::migration_status(api.db);
      if (!status.pending.empty())
        return Response::json(503, {{"status", "migrations_pending"}, {"pending", status.pending}});
      return Response::json(200, {{"status", "ready"}, {"migrations", status.applied.size()}});
    } catch (const std::exception& e) {
      spdlog::error("request {}: readiness check failed: {}", req.request_id, e.what());
      return Response::json(503, {{"status", "database_unavailable"}});
    }
  });

  router.add("GET", "/metrics", [&api](Request&) {
    return Response::text(200, api.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace lt::api
