// EpochCache: an entry serves only its own write epoch, only for its time limit, and a full cache
// starts again rather than grow.
#include <gtest/gtest.h>

#include <thread>

#include "services/epoch_cache.hpp"

using lt::services::EpochCache;
using namespace std::chrono_literals;

TEST(EpochCache, ServesAnEntryOnlyInTheEpochItWasReadIn) {
  EpochCache<int> cache(10s);
  cache.store("a", 1, 7);
  EXPECT_EQ(cache.find("a", 7), 1);
  EXPECT_FALSE(cache.find("a", 8).has_value());  // a write ended since: read again
  EXPECT_FALSE(cache.find("b", 7).has_value());
  cache.store("a", 2, 8);
  EXPECT_EQ(cache.find("a", 8), 2);
}

TEST(EpochCache, ForgetsAfterItsTimeLimit) {
  EpochCache<int> cache(30ms);
  cache.store("a", 1, 0);
  EXPECT_EQ(cache.find("a", 0), 1);
  std::this_thread::sleep_for(40ms);
  EXPECT_FALSE(cache.find("a", 0).has_value());
}

TEST(EpochCache, StaysWithinItsCapacity) {
  EpochCache<int> cache(10s, 2);
  cache.store("a", 1, 0);
  cache.store("b", 2, 0);
  cache.store("c", 3, 0);  // full: starts again
  EXPECT_FALSE(cache.find("a", 0).has_value());
  EXPECT_EQ(cache.find("c", 0), 3);
}
