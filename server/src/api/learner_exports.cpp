// /api/v1/learners.xlsx and /api/v1/learners.csv: the learner list as a download, with the same
// filters as GET /api/v1/learners (its paging aside). Their first path segment, "learners.xlsx",
// is not "learners", so they never meet /api/v1/learners/{id}.
#include "services/learner_exports.hpp"

#include "api/download.hpp"
#include "api/learner_query.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using services::Context;
using services::ExportFormat;

void add_learner_export_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::LearnerExports& exports = *api.learner_exports;
  for (const auto& [path, format] : {std::pair{"/api/v1/learners.xlsx", ExportFormat::xlsx},
                                     std::pair{"/api/v1/learners.csv", ExportFormat::csv}}) {
    router.add("GET", path,
               gate.wrap(Access::signed_in, [&exports, format](Request& req, Context& ctx) {
                 auto query = read_learner_filters(req);
                 if (!query) return error_response(query.error(), ctx.request_id);
                 auto file = exports.download(ctx, *query, format);
                 if (!file) return error_response(file.error(), ctx.request_id);
                 return download_response(std::move(*file));
               }));
  }
}

}  // namespace lt::api
