// The outbox delivery loop.
#include "mail/delivery_worker.hpp"

#include <spdlog/spdlog.h>

#include "store/outbox_repo.hpp"

namespace lt::mail {

void DeliveryWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void DeliveryWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DeliveryWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

void DeliveryWorker::run() {
  while (true) {
    try {
      deliver_due();
    } catch (const std::exception& e) {
      spdlog::error("mail delivery pass failed: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

int DeliveryWorker::deliver_due() {
  const auto due =
      deps_.db.read([&](soci::session& sql) { return store::outbox::due(sql, deps_.now(), 50); });
  int sent = 0;
  for (const auto& message : due) {
    const bool mine = deps_.db.write([&](soci::session& sql) {
      return store::outbox::claim(sql, message.id, deps_.now(),
                                  deps_.from_now(std::chrono::minutes(5)));
    });
    if (!mine) continue;
    auto result = send_email(smtp_, message.to_address, message.subject, message.body);
    if (result) {
      deps_.db.write(
          [&](soci::session& sql) { store::outbox::mark_sent(sql, message.id, deps_.now()); });
      ++sent;
      spdlog::info("mail {} sent to {}", message.id, message.to_address);
      continue;
    }
    const int attempt = message.attempts + 1;
    const bool final = attempt >= kMaxAttempts;
    const auto backoff = std::min<std::chrono::seconds>(
        std::chrono::seconds(30) * (1 << std::min(attempt - 1, 10)), std::chrono::hours(1));
    deps_.db.write([&](soci::session& sql) {
      store::outbox::mark_attempt_failed(sql, message.id, result.error().detail,
                                         deps_.from_now(backoff), final);
    });
    spdlog::warn("mail {} to {} failed (attempt {}): {}", message.id, message.to_address, attempt,
                 result.error().detail);
  }
  return sent;
}

}  // namespace lt::mail
