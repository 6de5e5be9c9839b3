// Request metrics in Prometheus text format: counts by route and status, a latency histogram, the
// worker pool's queue depth, plus gauges supplied by other layers (database pool use). Lock-light:
// recording a request is a few atomic increments after the first sighting of a (route, status).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lt::http {

class Metrics {
 public:
  void record(const std::string& method, const std::string& route, int status,
              std::chrono::microseconds latency);
  void set_pending(long pending) { pending_.store(pending, std::memory_order_relaxed); }
  void add_rejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }

  // A gauge whose value is read at scrape time, e.g. "lt_db_connections_in_use".
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  std::string render() const;  // Prometheus text exposition format 0.0.4

 private:
  struct Counter {
    std::atomic<unsigned long long> value{0};
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Counter>> requests_;  // key: method|route|status
  static constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  std::atomic<unsigned long long> bucket_counts_[std::size(kBuckets) + 1]{};
  std::atomic<unsigned long long> latency_sum_us_{0};
  std::atomic<unsigned long long> latency_count_{0};
  std::atomic<long> pending_{0};
  std::atomic<unsigned long long> rejected_{0};
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
};

}  // namespace lt::http
