// Transport rules without I/O (see policy.hpp).
#include "http/policy.hpp"

#include <exception>

#include <spdlog/spdlog.h>

#include "http/codec.hpp"
#include "http/problem.hpp"

namespace lt::http::detail {

bool is_api_path(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/readyz" ||
         path == "/metrics";
}

bool is_upload_type(std::string_view content_type) {
  std::string_view media = trim(content_type.substr(0, content_type.find(';')));
  return iequals(media, "text/csv") ||
         iequals(media, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") ||
         iequals(media, "application/vnd.ms-excel");
}

Response run_handler(const Router& router, Request& request) noexcept {
  try {
    try {
      return router.dispatch(request);
    } catch (const std::exception& e) {
      spdlog::error("handler failed: {} {} request_id={}: {}", request.method, request.path,
                    request.request_id, e.what());
    } catch (...) {
      spdlog::error("handler failed: {} {} request_id={}: unknown exception", request.method,
                    request.path, request.request_id);
    }
    return problem(500, "internal_error", "Something went wrong on our side.", request.request_id);
  } catch (...) {
    // Even building the problem failed (out of memory): answer with a bare 500.
    return Response::empty(500);
  }
}

void log_access(std::string_view method, std::string_view path, int status, double ms,
                std::string_view request_id, std::string_view user, std::size_t bytes) {
  spdlog::info("{} {} {} {:.3f}ms id={} user={} bytes={}", method, path, status, ms, request_id,
               user.empty() ? "-" : user, bytes);
}

}  // namespace lt::http::detail
