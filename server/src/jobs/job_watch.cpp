// Polling the jobs table for changes made by other instances (see job_watch.hpp).
#include "jobs/job_watch.hpp"

#include <vector>

#include <spdlog/spdlog.h>

#include "services/jobs.hpp"
#include "store/jobs_repo.hpp"

namespace lt::jobs {

namespace {
constexpr auto kForgetAfter = std::chrono::minutes(10);
}

JobWatch::JobWatch(services::Deps& deps, services::EventBus& bus,
                   std::chrono::milliseconds interval)
    : deps_(deps), bus_(bus), interval_(interval) {
  since_ = deps_.now();
  subscription_ = bus_.subscribe(0, 0, [this](const services::Event& event) { heard(event); });
}

JobWatch::~JobWatch() {
  stop();
}

void JobWatch::start() {
  std::lock_guard lock(thread_mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void JobWatch::stop() {
  {
    std::lock_guard lock(thread_mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobWatch::run() {
  while (true) {
    {
      std::unique_lock lock(thread_mutex_);
      if (wakeup_.wait_for(lock, interval_, [&] { return stopping_; })) return;
    }
    // Our own subscription is always there: poll only when a stream listens too.
    if (bus_.subscriber_count() <= 1) continue;
    try {
      poll();
    } catch (const std::exception& e) {
      spdlog::warn("job watch poll failed: {}", e.what());
    }
  }
}

void JobWatch::heard(const services::Event& event) {
  if (event.type != "job" || !event.data.contains("id")) return;
  const store::Id id = event.data["id"].get<store::Id>();
  const int version = event.data.value("version", 0);
  std::lock_guard lock(mutex_);
  Seen& seen = seen_[id];
  if (version > seen.version) seen.version = version;
  seen.at = std::chrono::steady_clock::now();
}

int JobWatch::poll() {
  std::string from;
  {
    std::lock_guard lock(mutex_);
    const auto since = domain::parse_timestamp(since_);
    from = since ? domain::format_timestamp(*since - kSkewMargin) : since_;
  }
  const auto rows = deps_.db.read(
      [&](soci::session& sql) { return store::jobs::changed_since(sql, from, kBatch); });
  std::vector<services::Event> fresh;
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    for (const auto& row : rows) {
      if (row.updated_at > since_) since_ = row.updated_at;
      Seen& seen = seen_[row.id];
      seen.at = now;
      if (row.version <= seen.version) continue;
      seen.version = row.version;
      if (row.requested_by) fresh.push_back(services::job_event(row));
    }
    std::erase_if(seen_, [&](const auto& entry) { return now - entry.second.at > kForgetAfter; });
  }
  // Outside our lock: publishing calls heard(), which takes it.
  for (const auto& event : fresh) bus_.publish(event);
  return static_cast<int>(fresh.size());
}

}  // namespace lt::jobs
