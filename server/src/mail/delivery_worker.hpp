// Delivers the email outbox over SMTP in a background thread: claims due messages with a short
// lease (so several app instances never send one twice while both are alive), sends them, and
// records success or the error with exponential backoff (30 s doubling, capped at an hour; failed
// after 8 attempts). Thread safety: start/stop/wake from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "mail/smtp.hpp"
#include "services/context.hpp"

namespace lt::mail {

class DeliveryWorker {
 public:
  DeliveryWorker(services::Deps& deps, SmtpSettings smtp) : deps_(deps), smtp_(std::move(smtp)) {}
  ~DeliveryWorker() { stop(); }

  void start();
  void stop();
  // Look for work now rather than at the next poll (e.g. right after a request queued mail).
  void wake();
  // One pass over the due messages; returns how many were sent. Used by the thread and by tests.
  int deliver_due();

  static constexpr int kMaxAttempts = 8;

 private:
  void run();
  services::Deps& deps_;
  SmtpSettings smtp_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace lt::mail
