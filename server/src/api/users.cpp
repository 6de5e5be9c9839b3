// /api/v1/users and /api/v1/roles: staff account administration.
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

// Reads `roles: [{role, scope_type, scope_id}]`; nullopt when absent.
std::optional<std::vector<store::RoleAssignmentRow>> read_roles(JsonBody& body) {
  if (!body.has("roles")) return std::nullopt;
  const auto& raw = body.raw()["roles"];
  std::vector<store::RoleAssignmentRow> roles;
  if (!raw.is_array()) {
    body.add_error("roles", "invalid_type", "This must be a list of role assignments.");
    return roles;
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto& item = raw[i];
    const std::string at = "roles[" + std::to_string(i) + "]";
    if (!item.is_object() || !item.contains("role") || !item["role"].is_string()) {
      body.add_error(at + ".role", "invalid_type", "Each assignment needs a role.");
      continue;
    }
    store::RoleAssignmentRow row;
    row.role = item["role"].get<std::string>();
    row.scope_type = item.value("scope_type", std::string("tenant"));
    if (item.contains("scope_id") && !item["scope_id"].is_null()) {
      if (item["scope_id"].is_number_integer())
        row.scope_id = item["scope_id"].get<long long>();
      else
        body.add_error(at + ".scope_id", "invalid_type", "This must be a record id.");
    }
    roles.push_back(std::move(row));
  }
  return roles;
}

nlohmann::json role_json(const auth::RoleDefinition& role) {
  nlohmann::json permissions = nlohmann::json::array(), scopes = nlohmann::json::array();
  for (auto p : role.permissions) permissions.push_back(auth::permission_name(p));
  for (auto s : role.scope_types) scopes.push_back(auth::scope_type_name(s));
  return {{"name", role.name},
          {"label", role.label},
          {"description", role.description},
          {"permissions", permissions},
          {"scope_types", scopes}};
}

}  // namespace

void add_user_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;

  router.add("GET", "/api/v1/roles", gate.wrap(Access::signed_in, [](Request&, Context&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& role : auth::role_definitions()) items.push_back(role_json(role));
    return Response::json(200, {{"items", items}});
  }));

  router.add("GET", "/api/v1/users",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               services::UserQuery query{req.query_param("q"), req.query_param("status"),
                                         req.query_param("cursor"), *limit};
               return respond(api.users.list(ctx, query), ctx,
                              [](const auto& page) { return page_json(page, user_json); });
             }));

  router.add("POST", "/api/v1/users",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               services::NewUser input;
               input.username = body->string("username").value_or("");
               input.email = body->string("email");
               input.first_name = body->string("first_name").value_or("");
               input.last_name = body->string("last_name").value_or("");
               input.telephone = body->string("telephone");
               input.password = body->string("password");
               if (input.password && input.password->empty()) input.password.reset();
               input.roles = read_roles(*body).value_or(std::vector<store::RoleAssignmentRow>{});
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               auto created = api.users.create(ctx, input);
               if (created) api.mail_queued();
               return respond(created, ctx, user_json, 201);
             }));

  router.add("GET", "/api/v1/users/{id}",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(api.users.get(ctx, *id), ctx, user_json);
             }));

  router.add("PATCH", "/api/v1/users/{id}",
             gate.wrap(Access::signed_in, [&api](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto body = JsonBody::parse(req);
               if (!body) return error_response(body.error(), ctx.request_id);
               services::UserPatch patch;
               patch.first_name = body->string("first_name");
               patch.last_name = body->string("last_name");
               patch.email =
                   body->is_null("email") ? std::optional<std::string>("") : body->string("email");
               patch.telephone = body->string("telephone");
               patch.roles = read_roles(*body);
               patch.version = body->integer("version");
               if (auto shape = body->finish(); !shape)
                 return error_response(shape.error(), ctx.request_id);
               auto updated = api.users.update(ctx, *id, patch);
               if (updated) api.mail_queued();
               return respond(updated, ctx, user_json);
             }));

  auto action = [&api, &gate](auto apply) {
    return gate.wrap(Access::signed_in, [&api, apply](Request& req, Context& ctx) {
      auto id = path_id(req);
      if (!id) return error_response(id.error(), ctx.request_id);
      return respond(apply(api.users, ctx, *id), ctx, user_json);
    });
  };
  router.add("POST", "/api/v1/users/{id}/disable",
             action([](services::Users& users, Context& ctx, long long id) {
               return users.set_disabled(ctx, id, true);
             }));
  router.add("POST", "/api/v1/users/{id}/enable",
             action([](services::Users& users, Context& ctx, long long id) {
               return users.set_disabled(ctx, id, false);
             }));
  router.add("POST", "/api/v1/users/{id}/unlock",
             action([](services::Users& users, Context& ctx, long long id) {
               return users.unlock(ctx, id);
             }));
}

}  // namespace lt::api
