// /api/v1/learners/{id}/reference…, /api/v1/me/learner/reference: a learner's reference (manual
// 5.5) — the draft, its completion into numbered versions, and the learner's own view.
#include "services/references.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using nlohmann::json;
using services::Context;

namespace {

struct ReferenceBody {
  domain::ReferenceContent content;
  int version = 0;
};

// The whole draft as PUT: absent members are empty; `version` is required (0 for the first save).
domain::Result<ReferenceBody> read_reference(const Request& req) {
  auto body = JsonBody::parse(req);
  if (!body) return domain::fail(body.error());
  ReferenceBody out;
  domain::ReferenceContent& c = out.content;
  c.different_referee = body->boolean("different_referee").value_or(false);
  for (auto [target, field] : {std::pair{&c.referee.name, "name"},
                               {&c.referee.position, "position"},
                               {&c.referee.telephone, "telephone"},
                               {&c.referee.email, "email"}})
    *target = body->nested_string("referee", field).value_or("");
  c.attendance = body->integer("attendance");
  for (std::size_t i = 0; i < domain::kCriteriaCount; ++i)
    c.ratings[i] =
        body->nested_string("ratings", std::string(domain::reference_criteria()[i].field))
            .value_or("");
  c.further_details = body->string("further_details").value_or("");
  c.additional_support = body->boolean("additional_support");
  c.display_to_learner = body->boolean("display_to_learner");
  const auto version = body->integer("version");
  if (!version && (!body->has("version") || body->is_null("version")))  // mistyped: already named
    body->add_error("version", "required", "Send the version you edited (0 for a new one).");
  if (auto shape = body->finish(); !shape) return domain::fail(shape.error());
  out.version = *version;
  return out;
}

json referee_json(const domain::Referee& r) {
  return {
      {"name", r.name}, {"position", r.position}, {"telephone", r.telephone}, {"email", r.email}};
}

json view_json(const services::ReferenceView& v) {
  json out = domain::reference_to_json(v.content);
  out["learner_id"] = v.learner_id;
  out["state"] = v.state;
  out["default_referee"] = referee_json(v.default_referee);
  out["current_version"] = v.current_version ? json(*v.current_version) : json(nullptr);
  out["updated_at"] = v.updated_at ? json(*v.updated_at) : json(nullptr);
  out["version"] = v.version;
  return out;
}

json version_json(const services::ReferenceVersion& v) {
  json out = domain::reference_to_json(v.content);
  out["number"] = v.number;
  out["completed_by"] = v.completed_by ? json(*v.completed_by) : json(nullptr);
  out["completed_by_name"] = v.completed_by_name;
  out["completed_at"] = v.completed_at;
  return out;
}

}  // namespace

void add_reference_document_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::References& refs = api.references;

  router.add("GET", "/api/v1/learners/{id}/reference",
             gate.wrap(Access::signed_in, [&refs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(refs.get(ctx, *id), ctx, view_json);
             }));

  for (const bool completing : {false, true}) {
    router.add(
        completing ? "POST" : "PUT",
        completing ? "/api/v1/learners/{id}/reference/complete" : "/api/v1/learners/{id}/reference",
        gate.wrap(Access::signed_in, [&refs, completing](Request& req, Context& ctx) {
          auto id = path_id(req);
          if (!id) return error_response(id.error(), ctx.request_id);
          auto body = read_reference(req);
          if (!body) return error_response(body.error(), ctx.request_id);
          return respond(completing
                             ? refs.complete(ctx, *id, std::move(body->content), body->version)
                             : refs.save(ctx, *id, std::move(body->content), body->version),
                         ctx, view_json);
        }));
  }

  router.add("GET", "/api/v1/learners/{id}/reference/versions",
             gate.wrap(Access::signed_in, [&refs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(refs.versions(ctx, *id), ctx, [](const auto& list) {
                 json items = json::array();
                 for (const auto& v : list) items.push_back(version_json(v));
                 return json{{"items", items}, {"next_cursor", nullptr}, {"total", list.size()}};
               });
             }));

  router.add("GET", "/api/v1/learners/{id}/reference/versions/{number}",
             gate.wrap(Access::signed_in, [&refs](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto number = path_id(req, "number");
               if (!number || *number > 2147483647)
                 return error_response(domain::Error::not_found("reference version"),
                                       ctx.request_id);
               return respond(refs.version(ctx, *id, static_cast<int>(*number)), ctx, version_json);
             }));

  router.add("GET", "/api/v1/me/learner/reference",
             gate.wrap(Access::signed_in, [&refs](Request&, Context& ctx) {
               return respond(refs.own(ctx), ctx, version_json);
             }));
}

}  // namespace lt::api
