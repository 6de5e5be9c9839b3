// Authentication, CSRF and forced-password-change checks around every API handler.
#include "api/gatekeeper.hpp"

#include <spdlog/spdlog.h>

#include "api/errors.hpp"

namespace lt::api {

using domain::Error;
using domain::ErrorKind;

namespace {

std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto slash = url.find('/', scheme + 3);
  return slash == std::string::npos ? url : url.substr(0, slash);
}

bool is_mutation(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

Gatekeeper::Gatekeeper(services::Accounts& accounts, std::string public_url)
    : accounts_(accounts),
      public_origin_(origin_of(public_url)),
      secure_(public_url.rfind("https://", 0) == 0) {}

std::string Gatekeeper::session_cookie(const std::string& token) const {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" +
         (secure_ ? "; Secure" : "");
}

std::string Gatekeeper::cleared_cookie() const {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
         (secure_ ? "; Secure" : "");
}

bool Gatekeeper::same_origin(const http::Request& request) const {
  const auto origin = request.header("origin");
  if (!origin) return false;
  if (*origin == public_origin_) return true;
  // Behind a proxy or on another address of this machine the Host header names the origin.
  if (const auto host = request.header("host")) {
    const std::string h(*host);
    return *origin == "http://" + h || *origin == "https://" + h;
  }
  return false;
}

http::Handler Gatekeeper::wrap(Access access, ApiHandler handler) const {
  return [this, access, handler = std::move(handler)](http::Request& request) -> http::Response {
    services::Context ctx;
    ctx.request_id = request.request_id;
    ctx.ip = request.remote_ip;
    ctx.user_agent = std::string(request.header("user-agent").value_or(""));
    try {
      const auto token = request.cookie(kSessionCookie);
      if (token && !token->empty()) {
        store::UserRow user;
        ctx.principal = accounts_.authenticate(*token, &user);
        if (ctx.principal) {
          ctx.tenant_id = ctx.principal->tenant_id;
          ctx.user = std::move(user);
        }
      }
      // A browser always sends Origin on a cross-site or fetch mutation; refusing mismatches (and
      // absences when a cookie is present) stops forged requests riding on the session cookie.
      if (is_mutation(request.method) && (token || request.header("origin")) &&
          !same_origin(request))
        return error_response(Error::make(ErrorKind::forbidden, "csrf_rejected",
                                          "This request did not come from this site."),
                              ctx.request_id);
      if (access != Access::open) {
        if (!ctx.principal) return error_response(Error::unauthenticated(), ctx.request_id);
        if (access == Access::signed_in && ctx.principal->must_change_password)
          return error_response(Error::make(ErrorKind::forbidden, "password_change_required",
                                            "Change your password before you continue."),
                                ctx.request_id);
      }
      http::Response response = handler(request, ctx);
      if (ctx.principal) response.user = ctx.principal->username;
      return response;
    } catch (const std::exception& e) {
      return error_response(Error::internal(e.what()), ctx.request_id);
    }
  };
}

}  // namespace lt::api
