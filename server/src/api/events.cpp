// GET /api/v1/events: the signed-in user's server-sent event stream — "job" events for their jobs
// and "notification" events with their unread count (the current one first) — from the in-process
// event bus. At most Api::max_streams_per_user streams per user are open at once; more get 429.
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "api/routes.hpp"
#include "http/event_stream.hpp"
#include "services/event_bus.hpp"

namespace lt::api {

using http::Request;
using http::Response;
using services::Context;

namespace {

// Open streams per (tenant, user).
class StreamCounter {
 public:
  bool acquire(std::pair<store::Id, store::Id> key, std::size_t limit) {
    std::lock_guard lock(mutex_);
    std::size_t& open = open_[key];
    if (open >= limit) return false;
    ++open;
    return true;
  }
  void release(std::pair<store::Id, store::Id> key) {
    std::lock_guard lock(mutex_);
    auto it = open_.find(key);
    if (it != open_.end() && --it->second == 0) open_.erase(it);
  }

 private:
  std::mutex mutex_;
  std::map<std::pair<store::Id, store::Id>, std::size_t> open_;
};

}  // namespace

void add_event_routes(http::Router& router, Api& api) {
  const Gatekeeper& gate = api.gate;
  auto counter = std::make_shared<StreamCounter>();

  router.add(
      "GET", "/api/v1/events",
      gate.wrap(Access::signed_in, [&api, counter](Request&, Context& ctx) {
        const std::pair key{ctx.tenant_id, ctx.actor_id()};
        if (!api.events || !counter->acquire(key, api.max_streams_per_user)) {
          Response busy = error_response(
              domain::Error::make(domain::ErrorKind::too_many_requests, "too_many_streams",
                                  "Too many live update streams are open for your account. "
                                  "Close other Learnertrack tabs and try again."),
              ctx.request_id);
          busy.set_header("Retry-After", "30");
          return busy;
        }
        auto stream = std::make_shared<http::EventStream>(api.event_stream);
        // Subscribed before the current count is read, so no change falls between the two.
        std::weak_ptr<http::EventStream> weak = stream;
        auto subscription = std::make_shared<services::EventBus::Subscription>(
            api.events->subscribe(ctx.tenant_id, ctx.actor_id(), [weak](const services::Event& e) {
              if (auto open = weak.lock())
                open->send(e.type,
                           e.data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            }));
        stream->on_close([subscription, counter, key] {
          subscription->reset();
          counter->release(key);
        });
        if (auto unread = api.notifications.unread(ctx))
          stream->send("notification", nlohmann::json{{"unread", *unread}}.dump());
        return Response::event_stream(std::move(stream));
      }));
}

}  // namespace lt::api
