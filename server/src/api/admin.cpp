// /api/v1/audit, /api/v1/outbox and /api/v1/settings: what administrators oversee.
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

void add_admin_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;

  router.add("GET", "/api/v1/audit",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               auto entity_id = query_id(req, "entity_id");
               auto actor_id = query_id(req, "actor_id");
               for (const auto* bad :
                    {limit ? nullptr : &limit.error(), entity_id ? nullptr : &entity_id.error(),
                     actor_id ? nullptr : &actor_id.error()})
                 if (bad) return error_response(*bad, ctx.request_id);
               auto entity_type = req.query_param("entity_type");
               if (entity_type && entity_type->empty()) entity_type.reset();
               return respond(api.audit.list(ctx, entity_type, *entity_id, *actor_id, *limit,
                                             req.query_param("cursor")),
                              ctx, [](const auto& page) { return page_json(page, audit_json); });
             }));

  router.add("GET", "/api/v1/outbox",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               auto status = req.query_param("status");
               if (status && status->empty()) status.reset();
               return respond(api.outbox.list(ctx, status, *limit, req.query_param("cursor")), ctx,
                              [](const auto& page) { return page_json(page, outbox_json); });
             }));

  router.add("GET", "/api/v1/settings",
             gate.wrap(Access::signed_in, [&api](Request&, Context& ctx) {
               return respond(api.tenants.settings(ctx), ctx, settings_json);
             }));

  router.add(
      "PATCH", "/api/v1/settings", gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
        auto body = JsonBody::parse(req);
        if (!body) return error_response(body.error(), ctx.request_id);
        services::SettingsPatch patch{body->string("password_policy"), body->integer("version")};
        if (auto shape = body->finish(); !shape)
          return error_response(shape.error(), ctx.request_id);
        return respond(api.tenants.update_settings(ctx, patch), ctx, settings_json);
      }));
}

}  // namespace lt::api
