// Every API request passes through here before its handler: the session cookie is turned into a
// principal, signed-out callers are turned away from private endpoints, cookie-authenticated
// mutations must come from our own origin (CSRF), a user who must change their password can do
// only that, and anything thrown becomes a 500 that leaks nothing.
#pragma once

#include <functional>
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"
#include "services/accounts.hpp"
#include "services/context.hpp"

namespace lt::api {

inline constexpr const char* kSessionCookie = "lt_session";

enum class Access {
  open,           // anyone (sign-in, password reset links)
  signed_in,      // a session, and no pending forced password change
  signed_in_any,  // a session, even while a password change is pending
};

using ApiHandler = std::function<http::Response(http::Request&, services::Context&)>;

class Gatekeeper {
 public:
  Gatekeeper(services::Accounts& accounts, std::string public_url);

  http::Handler wrap(Access access, ApiHandler handler) const;

  // Set-Cookie values for a new session and for signing out.
  std::string session_cookie(const std::string& token) const;
  std::string cleared_cookie() const;

 private:
  bool same_origin(const http::Request& request) const;
  services::Accounts& accounts_;
  std::string public_origin_;
  bool secure_;
};

// Renders a Result: the value through `render` with `status`, or the error as a problem.
template <class T, class Render>
http::Response respond(const domain::Result<T>& result, const services::Context& ctx,
                       Render&& render, int status = 200);

}  // namespace lt::api

#include "api/errors.hpp"
#include "api/json_writer.hpp"

namespace lt::api {
template <class T, class Render>
http::Response respond(const domain::Result<T>& result, const services::Context& ctx,
                       Render&& render, int status) {
  if (!result) return error_response(result.error(), ctx.request_id);
  if constexpr (std::is_void_v<T>) {
    return render();
  } else if constexpr (std::is_same_v<std::decay_t<decltype(render(*result))>, JsonText>) {
    return http::Response::text(status, render(*result).text, "application/json; charset=utf-8");
  } else {
    return http::Response::json(status, render(*result));
  }
}
}  // namespace lt::api
