// /api/v1/session and /api/v1/me: signing in and out, and the signed-in user's own account.
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

void add_session_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;

  router.add("POST", "/api/v1/session", gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
    auto body = JsonBody::parse(req);
    if (!body) return error_response(body.error(), ctx.request_id);
    const auto username = body->string("username").value_or("");
    const auto password = body->string("password").value_or("");
    const auto tenant = body->string("tenant").value_or(api.default_tenant);
    if (auto shape = body->finish(); !shape) return error_response(shape.error(), ctx.request_id);
    if (!api.throttle.allow(req.remote_ip)) {
      auto response = error_response(
          domain::Error::make(domain::ErrorKind::too_many_requests, "too_many_requests",
                              "Too many sign-in attempts from your network. Wait and try again."),
          ctx.request_id);
      response.set_header("Retry-After", std::to_string(api.throttle.retry_after(req.remote_ip)));
      return response;
    }
    auto signed_in = api.accounts.sign_in(tenant, username, password, ctx);
    if (!signed_in) return error_response(signed_in.error(), ctx.request_id);
    ctx.principal = signed_in->principal;
    ctx.tenant_id = signed_in->principal.tenant_id;
    auto me = api.accounts.me(ctx);
    if (!me) return error_response(me.error(), ctx.request_id);
    Response response = Response::json(200, me_json(*me));
    response.set_header("Set-Cookie", api.gate.session_cookie(signed_in->token));
    return response;
  }));

  router.add("DELETE", "/api/v1/session", gate.wrap(Access::open, [&api](Request& req, Context&) {
    if (auto token = req.cookie(kSessionCookie)) api.accounts.sign_out(*token);
    Response response = Response::empty(204);
    response.set_header("Set-Cookie", api.gate.cleared_cookie());
    return response;
  }));

  router.add("GET", "/api/v1/me", gate.wrap(Access::signed_in_any, [&api](Request&, Context& ctx) {
    return respond(api.accounts.me(ctx), ctx, me_json);
  }));

  router.add("PATCH", "/api/v1/me",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               services::MePatch patch;
               patch.first_name = body->string("first_name");
               patch.last_name = body->string("last_name");
               patch.email =
                   body->is_null("email") ? std::optional<std::string>("") : body->string("email");
               patch.telephone = body->string("telephone");
               patch.version = body->integer("version");
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               return respond(api.accounts.update_me(ctx, patch), ctx, me_json);
             }));

  router.add("PUT", "/api/v1/me/username",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               const auto username = body->string("username").value_or("");
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               auto changed = api.accounts.change_username(ctx, username);
               if (!changed) return error_response(changed.error(), ctx.request_id);
               Response response = Response::json(200, {{"signed_out", true}});
               response.set_header("Set-Cookie", api.gate.cleared_cookie());
               return response;
             }));

  router.add("PUT", "/api/v1/me/password",
             gate.wrap(Access::signed_in_any, [&api](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               const auto current = body->string("current_password").value_or("");
               const auto next = body->string("new_password").value_or("");
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               return respond(api.accounts.change_password(ctx, current, next), ctx, me_json);
             }));
}

}  // namespace lt::api
