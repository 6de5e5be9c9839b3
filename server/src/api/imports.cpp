// /api/v1/imports: start a learner import by uploading the file as the raw body (its real
// Content-Type; the original name in X-Filename, percent-encoded), watch it, read and download
// its errors, and list one's imports (manual 7.4).
#include "services/imports.hpp"

#include "api/download.hpp"
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"
#include "http/codec.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using nlohmann::json;
using services::Context;
using services::ImportView;

namespace {

// The import as the API shows it: the job's state with the import's outcome lifted out of its
// result (errors only in the detail view).
json import_json(const ImportView& v, bool with_errors) {
  const auto& job = v.job;
  json result = json::object();
  if (job.result) {
    result = json::parse(*job.result, nullptr, false);
    if (result.is_discarded() || !result.is_object()) result = json::object();
  }
  auto text = [](const std::optional<std::string>& s) { return s ? json(*s) : json(); };
  json message;
  if (job.status == "succeeded" && job.kind == "qualification_import")
    message = "Qualifications of " + std::to_string(result.value("learners", 0ll)) +
              " learners imported.";
  else if (job.status == "succeeded")
    message = std::to_string(result.value("created_count", 0ll)) + " learners imported.";
  else if (job.status == "failed" || job.status == "cancelled")
    message =
        job.error ? json(*job.error) : json("The import was cancelled; nothing was imported.");
  json out = {
      {"id", job.id},
      {"kind", job.kind},
      {"status", job.status},
      {"filename", v.filename},
      {"progress", {{"done", job.progress_done}, {"total", job.progress_total}}},
      {"created_count", result.value("created_count", 0ll)},
      {"error_count", result.value("error_count", 0ll)},
      {"rows_with_errors", result.value("rows_with_errors", 0ll)},
      {"errors", json::array()},
      {"errors_truncated", result.value("errors_truncated", false)},
      {"message", message},
      {"requested_by",
       job.requested_by ? json{{"id", *job.requested_by}, {"name", v.requested_by_name}} : json()},
      {"created_at", job.created_at},
      {"started_at", text(job.started_at)},
      {"finished_at", text(job.finished_at)},
      {"version", job.version}};
  if (with_errors && result.contains("errors") && result["errors"].is_array())
    out["errors"] = result["errors"];
  return out;
}

}  // namespace

void add_import_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Imports& imports = *api.imports;

  // Both uploads take the file the same way and differ only in what the job does with it.
  using Submit = domain::Result<ImportView> (services::Imports::*)(
      const Context&, std::string_view, const std::string&, const std::string&);
  for (const auto& [path, submit] :
       {std::pair<const char*, Submit>{"/api/v1/imports/learners",
                                       &services::Imports::submit_learners},
        std::pair<const char*, Submit>{"/api/v1/imports/qualifications",
                                       &services::Imports::submit_qualifications}})
    router.add(
        "POST", path, gate.wrap(Access::signed_in, [&imports, submit](Request& req, Context& ctx) {
          const std::string filename =
              http::detail::percent_decode(req.header("x-filename").value_or(""), false);
          auto started =
              (imports.*submit)(ctx, req.body, std::string(req.header("content-type").value_or("")),
                                filename.substr(0, 255));
          return respond(
              started, ctx, [](const ImportView& v) { return import_json(v, false); }, 202);
        }));

  router.add("GET", "/api/v1/imports",
             gate.wrap(Access::signed_in, [&imports](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               return respond(
                   imports.list(ctx, req.query_param("kind"), *limit, req.query_param("cursor")),
                   ctx, [](const store::Page<ImportView>& page) {
                     return page_json(page,
                                      [](const ImportView& v) { return import_json(v, false); });
                   });
             }));

  router.add("GET", "/api/v1/imports/{id}",
             gate.wrap(Access::signed_in, [&imports](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(imports.get(ctx, *id), ctx,
                              [](const ImportView& v) { return import_json(v, true); });
             }));

  router.add("GET", "/api/v1/imports/{id}/errors.xlsx",
             gate.wrap(Access::signed_in, [&imports](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto file = imports.errors_workbook(ctx, *id);
               if (!file) return error_response(file.error(), ctx.request_id);
               return download_response(*file);
             }));
}

}  // namespace lt::api
