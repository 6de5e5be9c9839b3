// Expected failures as values: every service returns Result<T>, never throws for a user mistake.
// An Error carries a stable machine code, a message fit for the user, field-level errors for
// validation, and a separate internal detail that only goes to the log.
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace lt::domain {

// The broad kind decides the HTTP status (one mapping, in api/problem.cpp); the code refines it.
enum class ErrorKind {
  bad_request,        // 400: malformed request shape
  unauthenticated,    // 401: no or bad session, wrong credentials, locked account
  forbidden,          // 403: signed in but not allowed
  not_found,          // 404
  method_not_allowed, // 405
  conflict,           // 409: stale version, illegal transition, duplicate
  gone,               // 410: expired or used token
  payload_too_large,  // 413
  unsupported_media,  // 415
  validation,         // 422: field errors
  too_many_requests,  // 429
  unavailable,        // 503
  internal,           // 500
};

struct FieldError {
  std::string field;
  std::string code;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable, machine-readable: "invalid_credentials", "version_conflict"…
  std::string message;  // UK English, safe to show to the user
  std::vector<FieldError> fields;
  std::string detail;   // internal only: logged, never sent

  static Error make(ErrorKind kind, std::string code, std::string message) {
    return Error{kind, std::move(code), std::move(message), {}, {}};
  }
  static Error validation(std::vector<FieldError> fields) {
    return Error{ErrorKind::validation, "validation_failed", "Some fields need attention.",
                 std::move(fields), {}};
  }
  static Error validation(std::string field, std::string code, std::string message) {
    return validation({FieldError{std::move(field), std::move(code), std::move(message)}});
  }
  static Error not_found(std::string what = "record") {
    return make(ErrorKind::not_found, "not_found", "The " + what + " was not found.");
  }
  static Error forbidden() {
    return make(ErrorKind::forbidden, "forbidden", "You do not have permission to do that.");
  }
  static Error unauthenticated() {
    return make(ErrorKind::unauthenticated, "unauthenticated", "Please sign in.");
  }
  static Error version_conflict() {
    return make(ErrorKind::conflict, "version_conflict",
                "Someone else changed this record. Reload it and try again.");
  }
  static Error internal(std::string detail) {
    return Error{ErrorKind::internal, "internal_error", "Something went wrong on our side.", {},
                 std::move(detail)};
  }
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> success value, to write `return ok();` in functions returning Result<void>.
inline Result<void> ok() { return {}; }

inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

}  // namespace lt::domain
