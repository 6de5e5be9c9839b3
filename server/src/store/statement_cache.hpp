// Prepared statements kept per connection, keyed by their SQL text, for the hot read queries
// (the learner list, its counts). Preparing the list's SELECT cost more than running it: SQLite
// parses and plans it afresh each time, and PostgreSQL does the same for an unnamed statement.
// A cached entry owns the statement and every variable bound into it, so each run only sets the
// inputs and steps. Entries are dropped after any error (a statement stopped mid-way could keep
// a SQLite read transaction, and with it an old snapshot, open) and when the cache is full.
//
// Connections opened by Database are registered; a bare soci::session has no cache and its
// queries are prepared each time, so callers work either way.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <soci/soci.h>

namespace lt::store {

class StatementCache {
 public:
  static constexpr std::size_t kCapacity = 64;  // per connection

  // Registers a connection's cache; forget() removes it (before the session is destroyed).
  static void attach(soci::session& sql);
  static void forget(soci::session& sql);
  static StatementCache* of(soci::session& sql);

  struct Entry {
    virtual ~Entry() = default;
  };

  // The entry for this text, made by make() the first time.
  template <class E, class Make>
  E& get(const std::string& text, Make&& make) {
    auto found = entries_.find(text);
    if (found == entries_.end()) {
      if (entries_.size() >= kCapacity) entries_.clear();
      found = entries_.emplace(text, make()).first;
    }
    return static_cast<E&>(*found->second);
  }
  void drop(const std::string& text) { entries_.erase(text); }

 private:
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

// Runs `run(entry)` on the cached entry of type E for `text` (E is constructed from
// (sql, text, args...) and prepares its statement), or on a fresh one when the connection has no
// cache. E's statement must be stepped to its end by run() so that no read stays open.
template <class E, class Run, class... Args>
auto with_cached(soci::session& sql, const std::string& text, Run&& run, Args&&... args) {
  StatementCache* cache = StatementCache::of(sql);
  if (!cache) {
    E fresh(sql, text, args...);
    return run(fresh);
  }
  E& entry = cache->get<E>(text, [&] { return std::make_unique<E>(sql, text, args...); });
  try {
    return run(entry);
  } catch (...) {
    cache->drop(text);
    throw;
  }
}

// Text values bound in order of their placeholders.
using Binds = std::vector<std::string>;

// An entry for with_cached(): a statement with `count` text values bound, and the variables its
// result lands in (`Into` binds them in its bind(temp)).
template <class Into>
struct CachedQuery : StatementCache::Entry {
  Into into;
  Binds binds;
  std::optional<soci::statement> st;
  CachedQuery(soci::session& sql, const std::string& text, std::size_t count = 0) : binds(count) {
    soci::details::prepare_temp_type temp = (sql.prepare << text);
    into.bind(temp);
    for (const auto& value : binds) temp, soci::use(value);
    st.emplace(temp);
  }
  void set(const Binds& values) { std::copy(values.begin(), values.end(), binds.begin()); }
};

}  // namespace lt::store
