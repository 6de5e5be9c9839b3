// Per-address limit on sign-in attempts (DESIGN section 6): at most `max_attempts` in a sliding
// `window` per IP address, so one address cannot guess passwords across many accounts. In memory,
// per instance; the per-account lock-out in the database is the durable defence.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lt::auth {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  LoginThrottle(std::size_t max_attempts, std::chrono::seconds window)
      : max_attempts_(max_attempts), window_(window) {}

  // Records an attempt from `ip` at `now`; false (and nothing recorded) when over the limit.
  bool allow(const std::string& ip, Clock::time_point now = Clock::now());
  // Seconds until the next attempt from `ip` would be allowed.
  long retry_after(const std::string& ip, Clock::time_point now = Clock::now());

 private:
  std::size_t max_attempts_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> attempts_;
};

}  // namespace lt::auth
