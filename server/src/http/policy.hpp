// Per-request rules of the transport that need no I/O: which paths are API, which bodies count as
// uploads, the headers every response carries, running a handler safely, and the access log.
// Kept apart from server.cpp so they can be read (and tested) without Beast.
#pragma once

#include <array>
#include <string_view>

#include "http/message.hpp"
#include "http/router.hpp"

namespace lt::http::detail {

// "/api/…", "/healthz", "/readyz" and "/metrics" go to the router; everything else is static.
bool is_api_path(std::string_view path);

// Spreadsheet uploads (CSV, xlsx, xls) get the large upload limit; every other body the JSON one.
bool is_upload_type(std::string_view content_type);

struct StandardHeader {
  std::string_view name;
  std::string_view value;
};
// Added to every response unless the handler set the same header.
inline constexpr std::array<StandardHeader, 5> kSecurityHeaders{{
    {"Content-Security-Policy",
     "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
     "object-src 'none'; style-src 'self' 'unsafe-inline'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Server", "learnertrack"},
}};

// Calls router.dispatch; an escaping exception becomes a 500 problem carrying the request id and
// is logged with its message, which never reaches the client.
Response run_handler(const Router& router, Request& request) noexcept;

void log_access(std::string_view method, std::string_view path, int status, double ms,
                std::string_view request_id, std::string_view user, std::size_t bytes);

}  // namespace lt::http::detail
