// A learner's qualifications over HTTP: /api/v1/learners/{id}/qualifications for their managers
// and /api/v1/me/learner/qualifications for the signed-in learner; the same service serves both.
#include "services/qualifications.hpp"
#include "api/json_body.hpp"
#include "api/qualification_json.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

domain::Result<services::QualificationInput> read_qualification_input(const Request& req) {
  auto body = JsonBody::parse(req);
  if (!body) return domain::fail(body.error());
  services::QualificationInput in;
  for (auto [target, field] : {std::pair{&in.type, "type"},
                               {&in.subject, "subject"},
                               {&in.completed_on, "completed_on"},
                               {&in.predicted_grade, "predicted_grade"},
                               {&in.actual_grade, "actual_grade"}})
    *target = body->is_null(field) ? std::optional<std::string>("") : body->string(field);
  in.version = body->integer("version");
  if (auto shape = body->finish(); !shape) return domain::fail(shape.error());
  return in;
}

// The learner a route acts on: {id} for managers, nullopt (the signed-in learner) for /me.
domain::Result<std::optional<store::Id>> learner_of(const Request& req, bool own) {
  if (own) return std::optional<store::Id>{};
  auto id = path_id(req);
  if (!id) return domain::fail(id.error());
  return std::optional<store::Id>(*id);
}

}  // namespace

void add_qualification_routes(http::Router& router, Api& api) {
  services::Qualifications& quals = *api.qualifications;
  const Gatekeeper& gate = api.gate;

  for (const bool own : {false, true}) {
    const std::string base =
        own ? "/api/v1/me/learner/qualifications" : "/api/v1/learners/{id}/qualifications";

    router.add("GET", base, gate.wrap(Access::signed_in, [&quals, own](Request& req, Context& ctx) {
      auto learner = learner_of(req, own);
      if (!learner) return error_response(learner.error(), ctx.request_id);
      return respond(quals.list(ctx, *learner), ctx, [](const services::QualificationList& list) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& q : list.items) items.push_back(qualification_json(q));
        return nlohmann::json{{"items", items},
                              {"next_cursor", nullptr},
                              {"total", list.items.size()},
                              {"section", list.section},
                              {"learner_may_add", list.learner_may_add}};
      });
    }));

    router.add("POST", base,
               gate.wrap(Access::signed_in, [&quals, own](Request& req, Context& ctx) {
                 auto learner = learner_of(req, own);
                 if (!learner) return error_response(learner.error(), ctx.request_id);
                 auto input = read_qualification_input(req);
                 if (!input) return error_response(input.error(), ctx.request_id);
                 return respond(quals.add(ctx, *learner, *input), ctx, qualification_json, 201);
               }));

    router.add("PATCH", base + "/{qualification_id}",
               gate.wrap(Access::signed_in, [&quals, own](Request& req, Context& ctx) {
                 auto learner = learner_of(req, own);
                 if (!learner) return error_response(learner.error(), ctx.request_id);
                 auto id = path_id(req, "qualification_id");
                 if (!id) return error_response(id.error(), ctx.request_id);
                 auto input = read_qualification_input(req);
                 if (!input) return error_response(input.error(), ctx.request_id);
                 return respond(quals.update(ctx, *learner, *id, *input), ctx, qualification_json);
               }));

    router.add("DELETE", base + "/{qualification_id}",
               gate.wrap(Access::signed_in, [&quals, own](Request& req, Context& ctx) {
                 auto learner = learner_of(req, own);
                 if (!learner) return error_response(learner.error(), ctx.request_id);
                 auto id = path_id(req, "qualification_id");
                 if (!id) return error_response(id.error(), ctx.request_id);
                 return respond(quals.remove(ctx, *learner, *id), ctx,
                                [] { return Response::empty(204); });
               }));
  }
}

}  // namespace lt::api
