// /api/v1/exports: the learner qualifications export (manual 9.1): ask for a year group's sheet
// (202 with the job; its file at /api/v1/jobs/{id}/result once done) and list one's exports.
#include "services/qualification_transfer.hpp"

#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using services::Context;

void add_export_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::QualificationTransfer& transfer = *api.qualification_transfer;

  router.add("POST", "/api/v1/exports/qualifications",
             gate.wrap(Access::signed_in, [&transfer](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               const auto year_group = body->string("year_group");
               const auto group = body->id("group_id");
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               return respond(transfer.start_export(ctx, year_group, group), ctx, job_json, 202);
             }));

  router.add("GET", "/api/v1/exports",
             gate.wrap(Access::signed_in, [&transfer](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               return respond(transfer.exports(ctx, *limit, req.query_param("cursor")), ctx,
                              [](const store::Page<store::jobs::JobRow>& page) {
                                return page_json(page, job_json);
                              });
             }));
}

}  // namespace lt::api
