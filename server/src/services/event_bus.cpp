// The in-process event bus (see event_bus.hpp).
#include "services/event_bus.hpp"

#include <vector>

namespace lt::services {

EventBus::Subscription& EventBus::Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    reset();
    bus_ = std::exchange(other.bus_, nullptr);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

void EventBus::Subscription::reset() {
  if (bus_) bus_->unsubscribe(id_);
  bus_ = nullptr;
  id_ = 0;
}

EventBus::Subscription EventBus::subscribe(store::Id tenant_id, store::Id user_id,
                                           Callback callback) {
  std::lock_guard lock(mutex_);
  const long long id = next_id_++;
  entries_.emplace(
      id, Entry{tenant_id, user_id, std::make_shared<const Callback>(std::move(callback))});
  return Subscription(this, id);
}

void EventBus::publish(const Event& event) const {
  std::vector<std::shared_ptr<const Callback>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, entry] : entries_) {
      const bool everything = entry.user_id == 0 && entry.tenant_id == 0;
      if (everything || (entry.tenant_id == event.tenant_id && entry.user_id == event.user_id))
        targets.push_back(entry.callback);
    }
  }
  // Outside the lock: a callback may (un)subscribe, and a slow one holds up only its publisher.
  for (const auto& callback : targets) (*callback)(event);
}

std::size_t EventBus::subscriber_count() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void EventBus::unsubscribe(long long id) {
  std::shared_ptr<const Callback> dropped;  // destroyed outside the lock
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  dropped = std::move(it->second.callback);
  entries_.erase(it);
}

}  // namespace lt::services
