// GET /api/v1/imports/learners/template: the blank learner import spreadsheet (manual 7.2).
#include "services/import_templates.hpp"
#include "api/download.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

void add_import_template_routes(http::Router& router, Api& api) {
  router.add("GET", "/api/v1/imports/learners/template",
             api.gate.wrap(Access::signed_in, [&api](Request&, Context& ctx) {
               auto file = api.import_templates->learner_template(ctx);
               if (!file) return error_response(file.error(), ctx.request_id);
               return download_response(*file);
             }));
}

}  // namespace lt::api
