// /api/v1/jobs/{id}: a job's state, cancelling it, and downloading its result file. Visible to
// its requester and to tenant administrators (jobs.manage); 404 for everyone else.
#include "services/jobs.hpp"

#include <cctype>

#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

// attachment; filename="plain ASCII"; filename*=UTF-8''percent-encoded (RFC 6266), so every
// browser gets a safe name and modern ones the exact one.
std::string content_disposition(const std::string& filename) {
  const std::string name = filename.empty() ? "result" : filename;
  std::string plain, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool safe = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    plain += safe || c == ' ' ? static_cast<char>(c) : '_';
    if (safe) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

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
