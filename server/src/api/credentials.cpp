// /api/v1/learners/never-logged-in (JSON) and /api/v1/learners/never-logged-in.xlsx: learners
// who have never signed in, with their generated first passwords (manual 6.4, 7.5).
#include "services/credentials.hpp"

#include "api/download.hpp"
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using nlohmann::json;
using services::Context;

namespace {

domain::Result<services::NeverLoggedInQuery> read_query(const Request& req) {
  auto limit = query_int(req, "limit");
  if (!limit) return domain::fail(limit.error());
  auto provider = query_id(req, "provider_id");
  if (!provider) return domain::fail(provider.error());
  services::NeverLoggedInQuery query;
  query.limit = *limit;
  query.provider_id = *provider;
  query.q = req.query_param("q");
  query.cursor = req.query_param("cursor");
  return query;
}

json item_json(const services::NeverLoggedIn& item) {
  const auto& l = item.learner;
  return {{"learner_id", l.id},
          {"provider_id", l.provider_id},
          {"provider_name", l.provider_name},
          {"first_name", l.first_name},
          {"last_name", l.last_name},
          {"postcode", l.postcode},
          {"uln", l.uln},
          {"date_of_birth", l.date_of_birth},
          {"username", l.username},
          {"password", item.password ? json(*item.password) : json()},
          {"created_at", l.created_at}};
}

}  // namespace

void add_credential_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Credentials& credentials = *api.credentials;

  router.add("GET", "/api/v1/learners/never-logged-in",
             gate.wrap(Access::signed_in, [&credentials](Request& req, Context& ctx) {
               auto query = read_query(req);
               if (!query) return error_response(query.error(), ctx.request_id);
               return respond(credentials.never_logged_in(ctx, *query), ctx,
                              [](const store::Page<services::NeverLoggedIn>& page) {
                                json out = page_json(page, item_json);
                                out["total_capped"] = page.total_capped;
                                return out;
                              });
             }));

  router.add("GET", "/api/v1/learners/never-logged-in.xlsx",
             gate.wrap(Access::signed_in, [&credentials](Request& req, Context& ctx) {
               auto query = read_query(req);
               if (!query) return error_response(query.error(), ctx.request_id);
               auto file = credentials.never_logged_in_workbook(ctx, *query);
               if (!file) return error_response(file.error(), ctx.request_id);
               return download_response(*file);
             }));
}

}  // namespace lt::api
