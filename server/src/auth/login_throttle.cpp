// Sliding-window sign-in throttle.
#include "auth/login_throttle.hpp"

namespace lt::auth {

bool LoginThrottle::allow(const std::string& ip, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (attempts_.size() > 100000) attempts_.clear();  // bound memory under a flood of addresses
  auto& times = attempts_[ip];
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (times.size() >= max_attempts_) return false;
  times.push_back(now);
  return true;
}

long LoginThrottle::retry_after(const std::string& ip, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = attempts_.find(ip);
  if (it == attempts_.end() || it->second.empty()) return 0;
  const auto wait = window_ - (now - it->second.front());
  return std::max<long>(1, std::chrono::duration_cast<std::chrono::seconds>(wait).count());
}

}  // namespace lt::auth
