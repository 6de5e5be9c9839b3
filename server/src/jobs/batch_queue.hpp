// A queue that hands batches from one thread to another: push() never waits (the reader of a
// file runs ahead of the writer, so a bad row late in the file is found in the time it takes to
// read it), pop() waits for the next batch or for close(). Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace lt::jobs {

template <class T>
class BatchQueue {
 public:
  void push(T batch) {
    {
      std::lock_guard lock(mutex_);
      batches_.push_back(std::move(batch));
    }
    ready_.notify_all();
  }
  // No more batches will come; pop() returns nullopt once the queue is empty.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }
  // Waits until close(); the batches stay queued.
  void wait_closed() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_; });
  }
  // The next batch, or nullopt when the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return std::nullopt;
    T batch = std::move(batches_.front());
    batches_.pop_front();
    return batch;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<T> batches_;
  bool closed_ = false;
};

}  // namespace lt::jobs
