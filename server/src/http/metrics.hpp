// Request metrics in Prometheus text format: counts by route and status, a latency histogram, the
// worker pool's queue depth, plus gauges supplied by other layers (database pool use). Lock-light:
// recording a request is a few atomic increments after the first sighting of a (route, status).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace lt::http {

// Latencies counted into fixed buckets, rendered as one Prometheus histogram. Lock-free.
class LatencyHistogram {
 public:
  void record(std::chrono::microseconds latency);
  // Appends `name`'s HELP, TYPE, cumulative buckets, sum and count to `out`.
  void render(std::string& out, std::string_view name, std::string_view help) const;

 private:
  // Fine below 10 ms, where the budgets are (DESIGN section 10: p50 <= 2 ms, p99 <= 10 ms) and
  // where a handler's own time falls, so scripts/bench can read percentiles from the counts.
  static constexpr double kBuckets[] = {0.00005, 0.0001,  0.00015, 0.0002, 0.00025, 0.0003, 0.0004,
                                        0.0005,  0.00075, 0.001,   0.0015, 0.002,   0.0025, 0.003,
                                        0.004,   0.005,   0.0075,  0.01,   0.025,   0.05,   0.1,
                                        0.25,    0.5,     1.0,     2.5};
  std::atomic<unsigned long long> bucket_counts_[std::size(kBuckets) + 1]{};
  std::atomic<unsigned long long> sum_us_{0};
};

class Metrics {
 public:
  // A request answered: `latency` from its headers read to its answer ready (so with any wait
  // for a worker).
  void record(const std::string& method, const std::string& route, int status,
              std::chrono::microseconds latency);
  // An API handler's own time on its worker, without the wait for one.
  void record_handler(std::chrono::microseconds latency) { handlers_.record(latency); }
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
  LatencyHistogram requests_latency_;
  LatencyHistogram handlers_;
  std::atomic<long> pending_{0};
  std::atomic<unsigned long long> rejected_{0};
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
};

}  // namespace lt::http
