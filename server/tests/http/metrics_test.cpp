// Metrics: Prometheus text rendering of counters, histograms, pending gauge and custom gauges.
#include <gtest/gtest.h>

#include "http/metrics.hpp"

namespace lt::http {
namespace {

using std::chrono::microseconds;

TEST(Metrics, CountsRequestsByMethodRouteAndStatus) {
  Metrics m;
  m.record("GET", "/api/v1/users/{id}", 200, microseconds(300));
  m.record("GET", "/api/v1/users/{id}", 200, microseconds(300));
  m.record("GET", "/api/v1/users/{id}", 404, microseconds(300));
  m.record("POST", "static", 405, microseconds(300));
  auto text = m.render();
  EXPECT_NE(text.find("# TYPE lt_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("lt_http_requests_total{method=\"GET\",route=\"/api/v1/users/{id}\","
                      "status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("lt_http_requests_total{method=\"GET\",route=\"/api/v1/users/{id}\","
                      "status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(
      text.find("lt_http_requests_total{method=\"POST\",route=\"static\",status=\"405\"} 1\n"),
      std::string::npos);
}

TEST(Metrics, HistogramIsCumulativeWithSumAndCount) {
  Metrics m;
  m.record("GET", "/a", 200, microseconds(400));        // <= 0.0005
  m.record("GET", "/a", 200, microseconds(2000));       // <= 0.0025
  m.record("GET", "/a", 200, microseconds(5'000'000));  // beyond the last bucket
  auto text = m.render();
  EXPECT_NE(text.find("# TYPE lt_http_request_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.0005\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.001\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.0015\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.002\"} 2\n"),
            std::string::npos)
      << "a latency on a bucket's bound counts in that bucket";
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.0025\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"2.5\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_sum 5.0024\n"), std::string::npos) << text;
  EXPECT_NE(text.find("lt_http_request_duration_seconds_count 3\n"), std::string::npos);
}

TEST(Metrics, PendingRejectedAndGauges) {
  Metrics m;
  m.set_pending(7);
  m.add_rejected();
  m.add_rejected();
  double in_use = 3;
  m.add_gauge("lt_db_connections_in_use", "Database connections in use.", [&] { return in_use; });
  in_use = 4.5;
  auto text = m.render();
  EXPECT_NE(text.find("# TYPE lt_http_pending_requests gauge\nlt_http_pending_requests 7\n"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE lt_http_rejected_total counter\nlt_http_rejected_total 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("# HELP lt_db_connections_in_use Database connections in use.\n"
                      "# TYPE lt_db_connections_in_use gauge\nlt_db_connections_in_use 4.5\n"),
            std::string::npos)
      << text;
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.record("GET", "/we\"ird\\path\nx", 200, microseconds(1));
  auto text = m.render();
  EXPECT_NE(text.find("route=\"/we\\\"ird\\\\path\\nx\""), std::string::npos) << text;
}

TEST(Metrics, EmptyRenderIsStillValid) {
  Metrics m;
  auto text = m.render();
  EXPECT_NE(text.find("lt_http_request_duration_seconds_count 0\n"), std::string::npos);
  EXPECT_NE(text.find("lt_http_pending_requests 0\n"), std::string::npos);
}

TEST(Metrics, HandlerTimesHaveAHistogramOfTheirOwn) {
  Metrics m;
  m.record("GET", "/a", 200, microseconds(9'000));  // waited for a worker, then
  m.record_handler(microseconds(300));              // ran for 0.3 ms
  auto text = m.render();
  EXPECT_NE(text.find("# TYPE lt_http_handler_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("lt_http_handler_duration_seconds_bucket{le=\"0.00025\"} 0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("lt_http_handler_duration_seconds_bucket{le=\"0.0003\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.0075\"} 0\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_bucket{le=\"0.01\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_handler_duration_seconds_count 1\n"), std::string::npos);
}

}  // namespace
}  // namespace lt::http
