// The qualification catalogue over HTTP: the subjects and grades of a type as reference lists
// (/api/v1/reference/qualification-types/{code}/subjects|grades; the types themselves are served
// by api/reference.cpp), and the administrator's edits under /api/v1/qualification-catalogue.
#include "api/json_body.hpp"
#include "api/qualification_json.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;
using Kind = store::catalogue::Kind;

namespace {

domain::Result<services::CatalogueInput> read_catalogue_input(const Request& req) {
  auto body = JsonBody::parse(req);
  if (!body) return domain::fail(body.error());
  services::CatalogueInput in;
  in.label = body->string("label");
  in.retired = body->boolean("retired");
  in.version = body->integer("version");
  if (auto shape = body->finish(); !shape) return domain::fail(shape.error());
  return in;
}

Response code_labels(const domain::Result<std::vector<store::catalogue::ItemRow>>& items,
                     const Context& ctx) {
  return respond(items, ctx, [](const auto& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : list) out.push_back(code_label_json(item));
    return out;
  });
}

}  // namespace

void add_qualification_catalogue_routes(http::Router& router, Api& api) {
  services::QualificationCatalogue& catalogue = *api.qualification_catalogue;
  const Gatekeeper& gate = api.gate;

  for (const auto& [kind, tail] : {std::pair{Kind::subject, "subjects"}, {Kind::grade, "grades"}}) {
    router.add("GET", std::string("/api/v1/reference/qualification-types/{code}/") + tail,
               gate.wrap(Access::signed_in, [&catalogue, kind = kind](Request& req, Context& ctx) {
                 return code_labels(catalogue.entries(ctx, req.param("code"), kind), ctx);
               }));
  }

  router.add("GET", "/api/v1/qualification-catalogue",
             gate.wrap(Access::signed_in, [&catalogue](Request&, Context& ctx) {
               return respond(catalogue.everything(ctx), ctx, [](const auto& views) {
                 nlohmann::json items = nlohmann::json::array();
                 for (const auto& view : views) items.push_back(catalogue_type_json(view));
                 return nlohmann::json{{"items", items}};
               });
             }));

  router.add("POST", "/api/v1/qualification-catalogue/types",
             gate.wrap(Access::signed_in, [&catalogue](Request& req, Context& ctx) {
               auto input = read_catalogue_input(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(catalogue.add(ctx, Kind::type, std::nullopt, *input), ctx,
                              catalogue_item_json, 201);
             }));

  for (const auto& [kind, tail] : {std::pair{Kind::subject, "subjects"}, {Kind::grade, "grades"}}) {
    router.add("POST", std::string("/api/v1/qualification-catalogue/types/{id}/") + tail,
               gate.wrap(Access::signed_in, [&catalogue, kind = kind](Request& req, Context& ctx) {
                 auto id = path_id(req);
                 if (!id) return error_response(id.error(), ctx.request_id);
                 auto input = read_catalogue_input(req);
                 if (!input) return error_response(input.error(), ctx.request_id);
                 return respond(catalogue.add(ctx, kind, *id, *input), ctx, catalogue_item_json,
                                201);
               }));
  }

  for (const auto& [kind, tail] :
       {std::pair{Kind::type, "types"}, {Kind::subject, "subjects"}, {Kind::grade, "grades"}}) {
    router.add("PATCH", std::string("/api/v1/qualification-catalogue/") + tail + "/{id}",
               gate.wrap(Access::signed_in, [&catalogue, kind = kind](Request& req, Context& ctx) {
                 auto id = path_id(req);
                 if (!id) return error_response(id.error(), ctx.request_id);
                 auto input = read_catalogue_input(req);
                 if (!input) return error_response(input.error(), ctx.request_id);
                 return respond(catalogue.change(ctx, kind, *id, *input), ctx, catalogue_item_json);
               }));
  }
}

}  // namespace lt::api
