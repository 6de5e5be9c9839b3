// The event stream's queue and wire format (see event_stream.hpp).
#include "http/event_stream.hpp"

#include <utility>

namespace lt::http {

EventStream::EventStream(Settings settings) : settings_(settings) {}

EventStream::~EventStream() {
  finish();
}

bool EventStream::send(std::string_view event, std::string_view data) {
  std::string text;
  text.reserve(event.size() + data.size() + 16);
  if (!event.empty()) {
    text += "event: ";
    text += event;
    text += '\n';
  }
  // Each line of the payload is its own data: field; the client joins them with newlines.
  std::size_t start = 0;
  while (true) {
    const std::size_t end = data.find('\n', start);
    text += "data: ";
    text +=
        data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    text += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  text += '\n';
  return queue(std::move(text));
}

bool EventStream::comment(std::string_view text) {
  std::string line = ": ";
  line += text;
  line += "\n\n";
  return queue(std::move(line));
}

bool EventStream::queue(std::string text) {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    if (pending_.size() + text.size() > settings_.max_buffered) {
      closed_ = true;  // too far behind: drop it; the client reconnects and reloads its state
    } else {
      pending_ += text;
    }
    waker = waker_;
  }
  if (waker) waker();
  return !closed();
}

void EventStream::close() {
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    waker = waker_;
  }
  if (waker) waker();
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void EventStream::on_close(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_close_ = std::move(callback);
}

std::string EventStream::preamble() const {
  return "retry: " + std::to_string(settings_.retry.count()) + "\n\n";
}

std::string EventStream::take(bool& closed) {
  std::lock_guard lock(mutex_);
  closed = closed_;
  return std::exchange(pending_, {});
}

void EventStream::set_waker(std::function<void()> waker) {
  std::lock_guard lock(mutex_);
  if (!finished_) waker_ = std::move(waker);
}

void EventStream::finish() {
  std::function<void()> callback;
  std::function<void()> waker;
  {
    std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
    closed_ = true;
    pending_.clear();
    callback = std::exchange(on_close_, {});
    waker = std::exchange(waker_, {});  // destroyed outside the lock
  }
  if (callback) callback();
}

}  // namespace lt::http
