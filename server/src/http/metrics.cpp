// Prometheus text exposition of request counts, latency histogram, queue depth, rejections and
// gauges registered by other layers. Recording takes the mutex only for the counter lookup.
#include "http/metrics.hpp"

#include <cmath>

#include <fmt/format.h>

namespace lt::http {
namespace {

std::string escape_label(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status,
                     std::chrono::microseconds latency) {
  // A reused per-thread key keeps the hot path free of allocations once warm.
  thread_local std::string key;
  key.clear();
  key.append(method).append(1, '|').append(route).append(1, '|');
  fmt::format_to(std::back_inserter(key), "{}", status);
  Counter* counter = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto& slot = requests_[key];
    if (!slot) slot = std::make_unique<Counter>();
    counter = slot.get();
  }
  counter->value.fetch_add(1, std::memory_order_relaxed);

  requests_latency_.record(latency);
}

void LatencyHistogram::record(std::chrono::microseconds latency) {
  const long long us = std::max<long long>(0, latency.count());
  const double seconds = static_cast<double>(us) / 1e6;
  std::size_t bucket = 0;
  while (bucket < std::size(kBuckets) && seconds > kBuckets[bucket]) ++bucket;
  bucket_counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_us_.fetch_add(static_cast<unsigned long long>(us), std::memory_order_relaxed);
}

void LatencyHistogram::render(std::string& out, std::string_view name,
                              std::string_view help) const {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} histogram\n", name, help, name);
  unsigned long long cumulative = 0;
  for (std::size_t i = 0; i < std::size(kBuckets); ++i) {
    cumulative += bucket_counts_[i].load(std::memory_order_relaxed);
    fmt::format_to(std::back_inserter(out), "{}_bucket{{le=\"{}\"}} {}\n", name, kBuckets[i],
                   cumulative);
  }
  cumulative += bucket_counts_[std::size(kBuckets)].load(std::memory_order_relaxed);
  fmt::format_to(std::back_inserter(out), "{}_bucket{{le=\"+Inf\"}} {}\n{}_sum {}\n{}_count {}\n",
                 name, cumulative, name,
                 format_value(static_cast<double>(sum_us_.load(std::memory_order_relaxed)) / 1e6),
                 name, cumulative);
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  auto put = [&out](std::string_view s) { out.append(s); };
  std::vector<Gauge> gauges;

  put("# HELP lt_http_requests_total HTTP requests answered, by method, route and status.\n");
  put("# TYPE lt_http_requests_total counter\n");
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, counter] : requests_) {
      std::size_t first = key.find('|');
      std::size_t last = key.rfind('|');
      std::string_view k = key;
      fmt::format_to(
          std::back_inserter(out),
          "lt_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
          escape_label(k.substr(0, first)), escape_label(k.substr(first + 1, last - first - 1)),
          escape_label(k.substr(last + 1)), counter->value.load(std::memory_order_relaxed));
    }
    gauges = gauges_;
  }

  requests_latency_.render(out, "lt_http_request_duration_seconds",
                           "Time from request headers read to response ready.");
  handlers_.render(out, "lt_http_handler_duration_seconds",
                   "An API handler's own time on its worker, without the wait for one.");

  fmt::format_to(
      std::back_inserter(out),
      "# HELP lt_http_pending_requests Handler calls queued or running.\n"
      "# TYPE lt_http_pending_requests gauge\n"
      "lt_http_pending_requests {}\n"
      "# HELP lt_http_rejected_total Requests refused with 503 because the pool was full.\n"
      "# TYPE lt_http_rejected_total counter\n"
      "lt_http_rejected_total {}\n",
      pending_.load(std::memory_order_relaxed), rejected_.load(std::memory_order_relaxed));

  // Read outside the lock: a gauge may take its own locks (a database pool, say).
  for (const auto& g : gauges) {
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name,
                   g.help, g.name, g.name, format_value(g.read ? g.read() : 0.0));
  }
  return out;
}

}  // namespace lt::http
