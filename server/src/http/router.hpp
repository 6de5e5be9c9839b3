// Maps (method, path) to a handler. Patterns are literal segments and `{name}` captures, e.g.
// "/api/v1/users/{id}/unlock". Matching is exact per segment; a path that matches some route but
// not its method yields 405 with the allowed methods. Built once at start-up, then read-only, so
// concurrent `dispatch` calls are safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace lt::http {

using Handler = std::function<Response(Request&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  // Finds the route, fills request.path_params and request.route, and calls the handler.
  // Unknown path: 404 problem; known path, wrong method: 405 problem with an Allow header.
  Response dispatch(Request& request) const;

  // Whether a route pattern matches this path (any method); used to tell API 404s from SPA paths.
  bool has_path(const std::string& path) const;

  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" marks a capture
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace lt::http
