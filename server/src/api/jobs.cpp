// /api/v1/jobs/{id}: a job's state, cancelling it, and downloading its result file. Visible to
// its requester and to tenant administrators (jobs.manage); 404 for everyone else.
#include "services/jobs.hpp"

#include "api/download.hpp"
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

void add_job_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Jobs& jobs = *api.jobs;

  router.add("GET", "/api/v1/jobs/{id}",
             gate.wrap(Access::signed_in, [&jobs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(jobs.get(ctx, *id), ctx, job_json);
             }));

  router.add("POST", "/api/v1/jobs/{id}/cancel",
             gate.wrap(Access::signed_in, [&jobs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(jobs.cancel(ctx, *id), ctx, job_json);
             }));

  router.add("GET", "/api/v1/jobs/{id}/result",
             gate.wrap(Access::signed_in, [&jobs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto file = jobs.result_file(ctx, *id);
               if (!file) return error_response(file.error(), ctx.request_id);
               Response response = Response::text(200, std::move(file->bytes), file->content_type);
               response.set_header("Content-Disposition", content_disposition(file->filename));
               return response;
             }));
}

}  // namespace lt::api
