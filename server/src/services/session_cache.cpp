// SessionCache: lookups by token hash, valid for one write epoch and at most ttl.
#include "services/session_cache.hpp"

namespace lt::services {

std::optional<SessionCache::Entry> SessionCache::find(const std::string& token_hash,
                                                      std::uint64_t epoch) const {
  std::lock_guard lock(mutex_);
  const auto found = slots_.find(token_hash);
  if (found == slots_.end() || found->second.epoch != epoch ||
      Clock::now() - found->second.stored_at >= ttl_)
    return std::nullopt;
  return found->second.entry;
}

void SessionCache::store(const std::string& token_hash, Entry entry, std::uint64_t epoch) {
  std::lock_guard lock(mutex_);
  // Bounded: when full, start again rather than track recency; entries are cheap to reload.
  if (slots_.size() >= capacity_ && !slots_.contains(token_hash)) slots_.clear();
  slots_.insert_or_assign(token_hash, Slot{std::move(entry), epoch, Clock::now()});
}

}  // namespace lt::services
