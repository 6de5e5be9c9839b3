// /api/v1/notifications: the signed-in user's in-app notifications, their unread count, and
// marking them read.
#include "services/notifications.hpp"
#include "api/json_body.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

nlohmann::json notification_json(const store::notifications::NotificationRow& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"link", n.link.empty() ? nlohmann::json() : nlohmann::json(n.link)},
          {"created_at", n.created_at},
          {"read_at", n.read_at ? nlohmann::json(*n.read_at) : nlohmann::json()}};
}

}  // namespace

void add_notification_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  services::Notifications& notifications = api.notifications;

  router.add("GET", "/api/v1/notifications",
             gate.wrap(Access::signed_in, [&notifications](Request& req, Context& ctx) {
               auto limit = query_int(req, "limit");
               if (!limit) return error_response(limit.error(), ctx.request_id);
               const auto unread = req.query_param("unread");
               if (unread && *unread != "true" && *unread != "false" && !unread->empty())
                 return error_response(
                     domain::Error::validation("unread", "invalid_choice", "Use true or false."),
                     ctx.request_id);
               return respond(notifications.list(ctx, unread && *unread == "true", *limit,
                                                 req.query_param("cursor")),
                              ctx, [](const services::NotificationList& list) {
                                auto body = page_json(list.page, notification_json);
                                body["unread"] = list.unread;
                                return body;
                              });
             }));

  router.add("POST", "/api/v1/notifications/{id}/read",
             gate.wrap(Access::signed_in, [&notifications](Request& req, Context& ctx) {
               auto id = path_id(req);
               if (!id) return error_response(id.error(), ctx.request_id);
               return respond(notifications.mark_read(ctx, *id), ctx,
                              [] { return Response::empty(204); });
             }));

  router.add("POST", "/api/v1/notifications/read-all",
             gate.wrap(Access::signed_in, [&notifications](Request&, Context& ctx) {
               return respond(notifications.mark_all_read(ctx), ctx, [](long long marked) {
                 return nlohmann::json{{"marked", marked}};
               });
             }));
}

}  // namespace lt::api
