// /api/v1/reference/{list}: the code lists forms offer (year groups, genders, ethnicities…, and
// the tenant's qualification types).
#include "api/qualification_json.hpp"
#include "api/routes.hpp"
#include "store/reference_repo.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

void add_reference_routes(http::Router& router, Api& api) {
  router.add(
      "GET", "/api/v1/reference/{list}",
      api.gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
        // Qualification types are the tenant's own, edited by its administrators.
        if (req.param("list") == "qualification-types")
          return respond(api.qualification_catalogue->types(ctx), ctx, [](const auto& types) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& type : types) out.push_back(code_label_json(type));
            return out;
          });
        const auto items = api.db.read(
            [&](soci::session& sql) { return store::reference::items(sql, req.param("list")); });
        if (items.empty())
          return error_response(domain::Error::not_found("reference list"), ctx.request_id);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : items) out.push_back({{"code", item.code}, {"label", item.label}});
        return Response::json(200, out);
      }));
}

}  // namespace lt::api
