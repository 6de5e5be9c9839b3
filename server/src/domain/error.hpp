// Expected failures as values: every service returns Result<T>, never throws for a user mistake.
// An Error carries a stable machine code, a message fit for the user, field-level errors for
// validation, and a separate internal detail that only goes to the log.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace lt::domain {

// The broad kind decides the HTTP status (one mapping, in api/problem.cpp); the code refines it.
enum class ErrorKind {
  bad_request,         // 400: malformed request shape
  unauthenticated,     // 401: no or bad session, wrong credentials, locked account
  forbidden,           // 403: signed in but not allowed
  not_found,           // 404
  method_not_allowed,  // 405
  conflict,            // 409: stale version, illegal transition, duplicate
  gone,                // 410: expired or used token
  payload_too_large,   // 413
  unsupported_media,   // 415
  validation,          // 422: field errors
  too_many_requests,   // 429
  unavailable,         // 503
  internal,            // 500
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
  std::string detail;  // internal only: logged, never sent

  static Error make(ErrorKind kind, std::string code, std::string message) {
    return Error{kind, std::move(code), std::move(message), {}, {}};
  }
  static Error validation(std::vector<FieldError> fields) {
    return Error{ErrorKind::validation,
                 "validation_failed",
                 "Some fields need attention.",
                 std::move(fields),
                 {}};
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
    return Error{ErrorKind::internal,
                 "internal_error",
                 "Something went wrong on our side.",
                 {},
                 std::move(detail)};
  }
};

// A failure on its way into a Result: `return fail(Error::not_found());`.
struct Failure {
  Error error;
};

inline Failure fail(Error e) {
  return Failure{std::move(e)};
}

// A value or an Error: the subset of std::expected the code base uses. Our own type because
// clang 14 (used for the libFuzzer builds and clang-tidy) cannot compile libstdc++ 12's
// std::expected with a non-trivial error type.
template <class T>
class Result {
 public:
  Result(const T& value) : state_(std::in_place_index<0>, value) {}
  Result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
  template <class U>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, Result> &&
           !std::is_same_v<std::remove_cvref_t<U>, Failure> &&
           !std::is_same_v<std::remove_cvref_t<U>, T>) Result(U&& value)
      : state_(std::in_place_index<0>, T(std::forward<U>(value))) {}
  Result(Failure failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return checked(); }
  const T& value() const& { return const_cast<Result*>(this)->checked(); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->checked(); }
  T&& operator*() && { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checked(); }

  Error& error() { return std::get<1>(state_); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  T& checked() {
    if (!has_value()) throw std::logic_error("Result holds an error: " + error().code);
    return std::get<0>(state_);
  }
  std::variant<T, Error> state_;
};

template <>
class Result<void> {
 public:
  Result() = default;
  Result(Failure failure) : error_(std::move(failure.error)) {}
  bool has_value() const { return !error_; }
  explicit operator bool() const { return has_value(); }
  Error& error() { return *error_; }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

// Result<void> success value, to write `return ok();` in functions returning Result<void>.
inline Result<void> ok() {
  return {};
}

}  // namespace lt::domain
