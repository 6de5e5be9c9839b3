// The registry of per-connection statement caches.
#include "store/statement_cache.hpp"

#include <mutex>
#include <shared_mutex>

namespace lt::store {

namespace {
std::shared_mutex registry_mutex;
std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>>& registry() {
  static std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>> caches;
  return caches;
}
}  // namespace

void StatementCache::attach(soci::session& sql) {
  std::unique_lock lock(registry_mutex);
  registry()[&sql] = std::make_unique<StatementCache>();
}

void StatementCache::forget(soci::session& sql) {
  std::unique_ptr<StatementCache> gone;  // destroyed (statements finalised) outside the lock
  {
    std::unique_lock lock(registry_mutex);
    auto found = registry().find(&sql);
    if (found == registry().end()) return;
    gone = std::move(found->second);
    registry().erase(found);
  }
}

StatementCache* StatementCache::of(soci::session& sql) {
  std::shared_lock lock(registry_mutex);
  auto found = registry().find(&sql);
  return found == registry().end() ? nullptr : found->second.get();
}

}  // namespace lt::store
