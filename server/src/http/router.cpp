// Route table: splits patterns into segments once, then matches request paths segment by segment.
// When several patterns match, the most specific wins: at the first segment where they differ, a
// literal beats a capture ("/users/me" before "/users/{id}"); ties go to the first registered.
#include "http/router.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

#include "http/problem.hpp"

namespace lt::http {
namespace {

constexpr std::size_t kMaxSegments = 32;

// Splits "/a/b/c" into {"a","b","c"} without allocating; "/" is one empty segment. Returns the
// count, or kMaxSegments + 1 when the path has too many segments to match any route.
std::size_t split_path(std::string_view path, std::array<std::string_view, kMaxSegments>& out) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::size_t n = 0;
  for (;;) {
    if (n == kMaxSegments) return kMaxSegments + 1;
    std::size_t slash = path.find('/');
    out[n++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return n;
    path.remove_prefix(slash + 1);
  }
}

bool is_capture(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t n = split_path(pattern, parts);
  if (n > kMaxSegments) throw std::invalid_argument("route pattern too long: " + pattern);
  Route route{std::move(method), {}, {}, std::move(handler)};
  for (std::size_t i = 0; i < n; ++i) route.segments.emplace_back(parts[i]);
  route.pattern = std::move(pattern);
  routes_.push_back(std::move(route));
}

namespace {

// Bit i (from the top) is set when segment i is literal; a larger score is more specific.
template <class Route>
bool matches(const Route& route, const std::array<std::string_view, kMaxSegments>& parts,
             std::size_t n, std::uint64_t& score) {
  if (route.segments.size() != n) return false;
  score = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& seg = route.segments[i];
    score <<= 1;
    if (is_capture(seg)) {
      if (parts[i].empty()) return false;  // a capture needs a value
    } else {
      if (seg != parts[i]) return false;
      score |= 1;
    }
  }
  return true;
}

}  // namespace

Response Router::dispatch(Request& request) const {
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t n = split_path(request.path, parts);
  const Route* best = nullptr;
  const Route* best_get = nullptr;  // HEAD falls back to GET when no HEAD route exists
  std::uint64_t best_score = 0, best_get_score = 0;
  bool any_path_match = false;
  if (n <= kMaxSegments) {
    for (const auto& route : routes_) {
      std::uint64_t score = 0;
      if (!matches(route, parts, n, score)) continue;
      any_path_match = true;
      if (route.method == request.method && (!best || score > best_score)) {
        best = &route;
        best_score = score;
      } else if (request.method == "HEAD" && route.method == "GET" &&
                 (!best_get || score > best_get_score)) {
        best_get = &route;
        best_get_score = score;
      }
    }
  }
  if (!best) best = best_get;
  if (!best) {
    if (!any_path_match) {
      return problem(404, "not_found", "No resource at this address.", request.request_id);
    }
    std::vector<std::string> allowed;
    for (const auto& route : routes_) {
      std::uint64_t score = 0;
      if (matches(route, parts, n, score)) allowed.push_back(route.method);
      if (route.method == "GET" && matches(route, parts, n, score)) allowed.push_back("HEAD");
    }
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    std::string allow;
    for (const auto& m : allowed) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    Response r =
        problem(405, "method_not_allowed", "This address does not support " + request.method + ".",
                request.request_id);
    r.set_header("Allow", allow);
    return r;
  }
  request.route = best->pattern;
  request.path_params.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& seg = best->segments[i];
    if (is_capture(seg)) request.path_params[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
  }
  return best->handler(request);
}

bool Router::has_path(const std::string& path) const {
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t n = split_path(path, parts);
  if (n > kMaxSegments) return false;
  std::uint64_t score = 0;
  return std::any_of(routes_.begin(), routes_.end(),
                     [&](const Route& r) { return matches(r, parts, n, score); });
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace lt::http
