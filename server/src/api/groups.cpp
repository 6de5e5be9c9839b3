// /api/v1/groups: learner groups at providers and their members; /api/v1/learners/{id}/groups: the
// groups one learner is in.
#include "services/groups.hpp"
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

nlohmann::json group_json(const store::GroupRow& g) {
  return {{"id", g.id},
          {"provider_id", g.provider_id},
          {"provider_name", g.provider_name},
          {"name", g.name},
          {"members", g.members},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at},
          {"version", g.version}};
}

// Every group is on one page, so next_cursor is always null.
nlohmann::json group_list_json(const std::vector<store::GroupRow>& rows) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& g : rows) items.push_back(group_json(g));
  return {{"items", items}, {"next_cursor", nullptr}, {"total", rows.size()}};
}

// A list of learner ids under `field`; type mistakes become field errors.
std::vector<store::Id> read_ids(JsonBody& body, const std::string& field) {
  std::vector<store::Id> ids;
  if (!body.has(field)) return ids;
  const auto& raw = body.raw()[field];
  if (!raw.is_array()) {
    body.add_error(field, "invalid_type", "This must be a list of learner ids.");
    return ids;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].is_number_integer() && raw[i].get<long long>() > 0)
      ids.push_back(raw[i].get<long long>());
    else
      body.add_error(field + "[" + std::to_string(i) + "]", "invalid_type",
                     "This must be a learner id.");
  }
  return ids;
}

}  // namespace

void add_group_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Groups& groups = api.groups;

  router.add("GET", "/api/v1/groups",
             gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
               auto provider = query_id(req, "provider_id");
               if (!provider) return error_response(provider.error(), ctx.request_id);
               return respond(groups.list(ctx, *provider), ctx, group_list_json);
             }));

  router.add("GET", "/api/v1/learners/{id}/groups",
             gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(groups.of_learner(ctx, *id), ctx, group_list_json);
             }));

  router.add(
      "POST", "/api/v1/groups", gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
        auto body = JsonBody::parse(req);
        if (!body) return error_response(body.error(), ctx.request_id);
        services::GroupInput input{body->id("provider_id"), body->string("name"), std::nullopt};
        if (auto shape = body->finish(); !shape)
          return error_response(shape.error(), ctx.request_id);
        return respond(groups.create(ctx, input), ctx, group_json, 201);
      }));

  router.add("GET", "/api/v1/groups/{id}",
             gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(groups.get(ctx, *id), ctx, group_json);
             }));

  router.add(
      "PATCH", "/api/v1/groups/{id}",
      gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
        auto id = path_id(req);
        if (!id) return error_response(id.error(), ctx.request_id);
        auto body = JsonBody::parse(req);
        if (!body) return error_response(body.error(), ctx.request_id);
        services::GroupInput input{std::nullopt, body->string("name"), body->integer("version")};
        if (auto shape = body->finish(); !shape)
          return error_response(shape.error(), ctx.request_id);
        return respond(groups.rename(ctx, *id, input), ctx, group_json);
      }));

  router.add("DELETE", "/api/v1/groups/{id}",
             gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(groups.remove(ctx, *id), ctx, [] { return Response::empty(204); });
             }));

  router.add("POST", "/api/v1/groups/{id}/members",
             gate.wrap(Access::signed_in, [&groups](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               services::MembershipChange change{read_ids(*body, "add"), read_ids(*body, "remove")};
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               return respond(groups.change_members(ctx, *id, change), ctx, group_json);
             }));
}

}  // namespace lt::api
