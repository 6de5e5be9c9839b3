// Runs queued jobs in background threads, as mail::DeliveryWorker delivers mail: each worker
// claims the oldest claimable job of a kind in the registry (queued, or running with an expired
// lease), runs its handler with a JobContext and records how it ended. A heartbeat thread renews
// the leases of the jobs this runner holds, so a long job keeps its claim; when the process dies
// its leases expire and any instance claims the jobs again (attempts + 1; after max_attempts the
// job fails with a clear error). stop() makes running handlers' cancelled() true and gives the
// jobs they stop back to the queue without counting the attempt.
// Thread safety: start, stop, wake and heartbeat may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "jobs/job_context.hpp"
#include "jobs/registry.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"

namespace lt::jobs {

struct RunnerSettings {
  std::string owner;        // the lease owner; empty = make_owner()
  std::size_t workers = 1;  // jobs run at once by this process
  std::chrono::milliseconds lease{30000};
  std::chrono::milliseconds heartbeat{10000};  // lease renewal; well inside `lease`
  std::chrono::milliseconds poll{1000};        // claim attempts while idle (wake() is at once)
  ContextSettings context;
};

class JobRunner {
 public:
  JobRunner(services::Deps& deps, services::AuditLog& audit, const Registry& registry,
            RunnerSettings settings = {});
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void start();
  // Asks running handlers to stop, waits for them, and releases what they stopped.
  void stop();
  // Look for work now rather than at the next poll (a job was just queued in this process).
  void wake();

  // Claims and runs one job on the calling thread; false when none was claimable. The worker
  // threads call it; tests call it directly.
  bool run_one();
  // Renews the leases of the jobs running now (the heartbeat thread calls it; tests too).
  void heartbeat();

  const std::string& owner() const { return settings_.owner; }
  const RunnerSettings& settings() const { return settings_; }
  // hostname:pid:random — unique per process, readable in the jobs table.
  static std::string make_owner();

 private:
  void work_loop();
  void heartbeat_loop();
  void execute(store::jobs::JobRow job);
  void conclude(JobContext& ctx, domain::Result<nlohmann::json>& outcome);

  services::Deps& deps_;
  services::AuditLog& audit_;
  const Registry& registry_;
  RunnerSettings settings_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool woken_ = false;
  std::vector<std::thread> workers_;
  std::thread heartbeat_thread_;
  std::mutex active_mutex_;  // held while a heartbeat renews, so contexts outlive it
  std::set<JobContext*> active_;
};

}  // namespace lt::jobs
