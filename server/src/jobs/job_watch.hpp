// The event stream's fallback across instances. A job another instance runs changes rows here
// without a word on this process's event bus, so while anyone here listens, JobWatch polls the
// jobs table (every `interval`, for changes since the last poll less a margin for clock skew
// between instances) and publishes each change it has not already seen published, so every
// instance's streams hear every job, a poll interval late at worst. It listens to the local bus
// too, to know what was already said (versions only ever grow).
// Thread safety: start, stop and poll may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "services/context.hpp"
#include "services/event_bus.hpp"

namespace lt::jobs {

class JobWatch {
 public:
  JobWatch(services::Deps& deps, services::EventBus& bus,
           std::chrono::milliseconds interval = std::chrono::seconds(2));
  ~JobWatch();
  JobWatch(const JobWatch&) = delete;
  JobWatch& operator=(const JobWatch&) = delete;

  void start();
  void stop();
  // One poll now, whether or not anyone listens; returns how many events it published.
  int poll();

  static constexpr std::chrono::seconds kSkewMargin{5};
  static constexpr int kBatch = 1000;

 private:
  void run();
  void heard(const services::Event& event);

  services::Deps& deps_;
  services::EventBus& bus_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;  // guards seen_ and since_
  struct Seen {
    int version = 0;
    std::chrono::steady_clock::time_point at;
  };
  std::map<store::Id, Seen> seen_;
  std::string since_;
  services::EventBus::Subscription subscription_;
  std::mutex thread_mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lt::jobs
