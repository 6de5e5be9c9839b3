// Time seam and the one timestamp format. Services read time only through a Clock so tests can
// freeze or advance it; timestamps are stored and sent as fixed-width UTC ISO-8601 text
// ("2026-11-22T09:00:00.000Z"), which sorts correctly as text on both databases.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lt::domain {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock tests set by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void advance(std::chrono::system_clock::duration by) { now_ += by.count(); }

 private:
  std::atomic<TimePoint::rep> now_;
};

std::string format_timestamp(TimePoint t);  // 2026-11-22T09:00:00.000Z
std::optional<TimePoint> parse_timestamp(std::string_view text);

}  // namespace lt::domain
