// /api/v1/learners and /api/v1/dashboard: learner records and the learner manager's counts.
#include "services/learners.hpp"
#include "api/json_body.hpp"
#include "api/learner_query.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"
#include "domain/profile.hpp"
#include "store/query.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

domain::Result<services::LearnerInput> read_learner(const Request& req) {
  auto body = JsonBody::parse(req);
  if (!body) return domain::fail(body.error());
  services::LearnerInput in;
  for (auto [target, field] : {std::pair{&in.username, "username"},
                               {&in.password, "password"},
                               {&in.first_name, "first_name"},
                               {&in.last_name, "last_name"},
                               {&in.date_of_birth, "date_of_birth"},
                               {&in.email, "email"},
                               {&in.year_group, "year_group"},
                               {&in.profile_sign_off, "profile_sign_off"},
                               {&in.manager_adds_qualifications, "manager_adds_qualifications"},
                               {&in.house, "house"},
                               {&in.street, "street"},
                               {&in.locality, "locality"},
                               {&in.town, "town"},
                               {&in.postcode, "postcode"},
                               {&in.telephone, "telephone"},
                               {&in.uln, "uln"},
                               {&in.upn, "upn"},
                               {&in.ccis, "ccis"},
                               {&in.gender, "gender"},
                               {&in.ethnicity, "ethnicity"}}) {
    *target = body->is_null(field) ? std::optional<std::string>("") : body->string(field);
  }
  in.provider_id = body->id("provider_id");
  in.version = body->integer("version");
  if (auto shape = body->finish(); !shape) return domain::fail(shape.error());
  return in;
}

}  // namespace

void add_learner_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Learners& learners = api.learners;

  router.add(
      "GET", "/api/v1/learners",
      gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
        auto limit = query_int(req, "limit");
        if (!limit) return error_response(limit.error(), ctx.request_id);
        auto query = read_learner_filters(req);
        if (!query) return error_response(query.error(), ctx.request_id);
        query->cursor = req.query_param("cursor");
        query->limit = *limit;
        // ?view=summary: each item only as the list shows it (render.hpp).
        const auto view = req.query_param("view").value_or("full");
        if (view != "full" && view != "summary")
          return error_response(
              domain::Error::validation("view", "invalid_choice", "Choose full or summary."),
              ctx.request_id);
        query->summary = view == "summary";
        // Each learner goes into the reply as it is read (LearnerPageWriter).
        LearnerPageWriter out(query->summary, static_cast<std::size_t>(store::page_limit(*limit)));
        auto page = learners.list(ctx, *query,
                                  [&out](const store::LearnerRow& learner) { out.add(learner); });
        return respond(page, ctx, [&out](const store::PageInfo& info) { return out.finish(info); });
      }));

  router.add("POST", "/api/v1/learners",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto input = read_learner(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(learners.create(ctx, *input), ctx, learner_json, 201);
             }));

  router.add("GET", "/api/v1/learners/{id}",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(learners.get(ctx, *id), ctx, learner_json);
             }));

  router.add("PATCH", "/api/v1/learners/{id}",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               auto input = read_learner(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(learners.update(ctx, *id, *input), ctx, learner_json);
             }));

  router.add("DELETE", "/api/v1/learners/{id}",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(learners.remove(ctx, *id), ctx, [] { return Response::empty(204); });
             }));

  router.add("POST", "/api/v1/learners/{id}/reset-password",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(learners.reset_password(ctx, *id), ctx,
                              [](const std::string& password) {
                                return nlohmann::json{{"password", password}};
                              });
             }));

  router.add("POST", "/api/v1/learners/{id}/unlock",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(learners.unlock(ctx, *id), ctx, learner_json);
             }));

  // Sections and approval. {section} is key_information, additional_information, qualifications
  // or reference; an unknown one is 404.
  auto section_action = [&gate, &learners](bool own, bool complete) {
    return gate.wrap(Access::signed_in, [&learners, own, complete](Request& req, Context& ctx) {
      const auto section = domain::parse_section(req.param("section"));
      if (!section) return error_response(domain::Error::not_found("section"), ctx.request_id);
      std::optional<store::Id> id;
      if (!own) {
        auto parsed = path_id(req);
        if (!parsed) return error_response(parsed.error(), ctx.request_id);
        id = *parsed;
      }
      return respond(learners.set_section(ctx, id, *section, complete), ctx, learner_json);
    });
  };
  for (const bool complete : {true, false}) {
    const std::string verb = complete ? "complete" : "reopen";
    router.add("POST", "/api/v1/learners/{id}/sections/{section}/" + verb,
               section_action(false, complete));
    router.add("POST", "/api/v1/me/learner/sections/{section}/" + verb,
               section_action(true, complete));
  }
  for (const bool approve : {true, false}) {
    router.add("POST", std::string("/api/v1/learners/{id}/") + (approve ? "approve" : "unapprove"),
               gate.wrap(Access::signed_in, [&learners, approve](Request& req, Context& ctx) {
                 auto id = path_id(req);
                 if (!id) return error_response(id.error(), ctx.request_id);
                 return respond(learners.set_approval(ctx, *id, approve), ctx, learner_json);
               }));
  }

  router.add("GET", "/api/v1/me/learner",
             gate.wrap(Access::signed_in, [&learners](Request&, Context& ctx) {
               return respond(learners.own(ctx), ctx, learner_json);
             }));

  router.add("PATCH", "/api/v1/me/learner",
             gate.wrap(Access::signed_in, [&learners](Request& req, Context& ctx) {
               auto input = read_learner(req);
               if (!input) return error_response(input.error(), ctx.request_id);
               return respond(learners.update_own(ctx, *input), ctx, learner_json);
             }));

  router.add("GET", "/api/v1/dashboard",
             gate.wrap(Access::signed_in, [&learners](Request&, Context& ctx) {
               return respond(learners.dashboard(ctx), ctx, [](const auto& counts) {
                 nlohmann::json out = nlohmann::json::object();
                 for (const auto& [name, count] : counts) out[name] = count;
                 return nlohmann::json{{"counts", out}};
               });
             }));
}

}  // namespace lt::api
