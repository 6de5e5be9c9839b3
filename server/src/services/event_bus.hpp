// An in-process publish/subscribe channel for what users watch live: job progress and unread
// notification counts. Publishers call publish() after their change has committed; the event
// stream endpoint subscribes once per open stream. Delivery is best effort and stays in this
// process: an event is the latest state of something, never a change to apply, so a missed one is
// made good by the next (or by reloading), and another instance's job changes reach this one
// through jobs::JobWatch, which polls the jobs table.
// Thread safety: every member may be called from any thread. Callbacks run on the publisher's
// thread, outside the bus's lock; they must be quick (queue and return) and must not throw.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "store/records.hpp"

namespace lt::services {

struct Event {
  store::Id tenant_id = 0;
  store::Id user_id = 0;  // whose event it is
  std::string type;       // "job", "notification"
  nlohmann::json data;
};

class EventBus {
 public:
  using Callback = std::function<void(const Event&)>;

  // Unsubscribes when destroyed. Must not outlive the bus.
  class Subscription {
   public:
    Subscription() = default;
    Subscription(EventBus* bus, long long id) : bus_(bus), id_(id) {}
    Subscription(Subscription&& other) noexcept { *this = std::move(other); }
    Subscription& operator=(Subscription&& other) noexcept;
    ~Subscription() { reset(); }
    void reset();

   private:
    EventBus* bus_ = nullptr;
    long long id_ = 0;
  };

  // Events of one user of one tenant; user_id 0 (with tenant_id 0) receives every event, for
  // observers such as JobWatch.
  [[nodiscard]] Subscription subscribe(store::Id tenant_id, store::Id user_id, Callback callback);
  void publish(const Event& event) const;
  std::size_t subscriber_count() const;

 private:
  struct Entry {
    store::Id tenant_id;
    store::Id user_id;
    std::shared_ptr<const Callback> callback;
  };
  void unsubscribe(long long id);

  mutable std::mutex mutex_;
  long long next_id_ = 1;
  std::map<long long, Entry> entries_;
};

}  // namespace lt::services
