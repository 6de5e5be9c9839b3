// /api/v1/providers: provider records.
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {
domain::Result<services::ProviderInput> read_provider(const Request& req) {
  auto body = JsonBody::parse(req);
  if (!body) return domain::fail(body.error());
  services::ProviderInput input;
  input.name = body->string("name");
  input.ukprn = body->string("ukprn");
  input.version = body->integer("version");
  input.local_authority = body->string("local_authority");
  input.sign_off_profiles = body->boolean("sign_off_profiles");
  input.learners_add_qualifications = body->boolean("learners_add_qualifications");
  input.referee_name = body->nested_string("default_referee", "name");
  input.referee_position = body->nested_string("default_referee", "position");
  input.referee_telephone = body->nested_string("default_referee", "telephone");
  input.referee_email = body->nested_string("default_referee", "email");
  if (auto shape = body->finish(); !shape) return domain::fail(shape.error());
  return input;
}
}  // namespace

void add_provider_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;

  router.add("GET", "/api/v1/providers",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               return respond(
                   api.providers.list(ctx, req.query_param("q"), *limit, req.query_param("cursor")),
                   ctx, [](const auto& page) { return page_json(page, provider_json); });
             }));

  router.add("POST", "/api/v1/providers",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto input = read_provider(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(api.providers.create(ctx, *input), ctx, provider_json, 201);
             }));

  router.add("GET", "/api/v1/providers/{id}",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(api.providers.get(ctx, *id), ctx, provider_json);
             }));

  router.add("PATCH", "/api/v1/providers/{id}",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto input = read_provider(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(api.providers.update(ctx, *id, *input), ctx, provider_json);
             }));
}

}  // namespace lt::api
