// The registry of job kinds.
#include "jobs/registry.hpp"

#include <stdexcept>

namespace lt::jobs {

void Registry::add(const std::string& kind, Handler handler) {
  bool valid = !kind.empty();
  for (char c : kind)
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
  if (!valid) throw std::invalid_argument("job kind must be [a-z0-9_.]+: " + kind);
  std::lock_guard lock(mutex_);
  handlers_[kind] = std::move(handler);
}

std::optional<Handler> Registry::find(const std::string& kind) const {
  std::lock_guard lock(mutex_);
  auto it = handlers_.find(kind);
  if (it == handlers_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Registry::kinds() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& entry : handlers_) out.push_back(entry.first);
  return out;
}

domain::Error stopped() {
  return domain::Error::make(domain::ErrorKind::conflict, "job_stopped", "The job was stopped.");
}

domain::Error failure(std::string message) {
  return domain::Error::make(domain::ErrorKind::conflict, "job_failed", std::move(message));
}

}  // namespace lt::jobs
