// /api/v1/password-resets and /api/v1/verifications: the emailed single-use links.
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {
// Reads {password} and hands it to `complete`; 204 on success.
template <class Complete>
Response complete_with_password(Request& req, Context& ctx, Complete&& complete) {
  auto body = JsonBody::parse(req);
  if (!body) return error_response(body.error(), ctx.request_id);
  const auto password = body->string("password").value_or("");
  if (auto shape = body->finish(); !shape) return error_response(shape.error(), ctx.request_id);
  auto done = complete(req.param("token"), password, ctx);
  if (!done) return error_response(done.error(), ctx.request_id);
  return Response::empty(204);
}
}  // namespace

void add_account_link_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;

  router.add("POST", "/api/v1/password-resets",
             gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               const auto wanted = body->string("username_or_email").value_or("");
               const auto tenant = body->string("tenant").value_or(api.default_tenant);
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               api.accounts.request_password_reset(tenant, wanted, ctx);
               api.mail_queued();
               // The same answer whether or not the account exists.
               return Response::json(202, {{"status", "accepted"},
                                           {"message",
                                            "If an account matches, we have sent an email with a "
                                            "link to reset the password."}});
             }));

  router.add("GET", "/api/v1/password-resets/{token}",
             gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
               return respond(api.accounts.check_reset(req.param("token")), ctx,
                              [](const domain::PasswordPolicy& policy) {
                                return nlohmann::json{{"password_policy", policy}};
                              });
             }));

  router.add("POST", "/api/v1/password-resets/{token}",
             gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
               return complete_with_password(
                   req, ctx, [&](auto&&... args) { return api.accounts.complete_reset(args...); });
             }));

  router.add(
      "GET", "/api/v1/verifications/{token}",
      gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
        return respond(
            api.accounts.check_verification(req.param("token")), ctx,
            [](const services::Accounts::VerificationView& view) {
              return nlohmann::json{{"username", view.username}, {"password_policy", view.policy}};
            });
      }));

  router.add("POST", "/api/v1/verifications/{token}",
             gate.wrap(Access::open, [&api](Request& req, Context& ctx) {
               return complete_with_password(req, ctx, [&](auto&&... args) {
                 return api.accounts.complete_verification(args...);
               });
             }));
}

}  // namespace lt::api
