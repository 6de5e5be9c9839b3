// `learnertrack demo seed --learners N`: realistic demonstration data — providers, a learner
// manager per provider, and N learners with valid ULNs, UPNs and postcodes and varied profile
// states — written in large multi-row batches so a million learners take seconds, not hours.
#pragma once

#include <cstddef>
#include <string>

namespace lt::app {

class Application;

struct SeedReport {
  std::size_t providers = 0, managers = 0, learners = 0;
  double seconds = 0;
};

// Throws std::runtime_error on failure (nothing of a failed batch is kept).
SeedReport seed_demo(Application& app, const std::string& tenant, std::size_t learners);

}  // namespace lt::app
