// A server-sent event stream (text/event-stream) as a plain object: a handler creates one, returns
// it in Response::stream, and keeps sending events from any thread; the connection coroutine
// writes them out as they arrive, with a heartbeat comment while nothing happens, without holding
// a worker thread per open stream. No Beast types here, so api/ uses it without Boost.
// Thread safety: every member may be called from any thread. The transport-side members (take,
// set_waker, finish) are for http/server.cpp only.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace lt::http {

class EventStream {
 public:
  struct Settings {
    std::chrono::milliseconds heartbeat{15000};  // a comment line after this much silence
    std::chrono::milliseconds retry{3000};       // the client's reconnection delay ("retry:")
    // The stream ends after this long and the client reconnects, which checks its session
    // again; a signed-out or expired session then gets 401 instead of events.
    std::chrono::milliseconds max_duration{std::chrono::minutes(10)};
    std::size_t max_buffered = std::size_t{1} << 20;  // a client this far behind is dropped
  };

  explicit EventStream(Settings settings);
  EventStream() : EventStream(Settings{}) {}
  // Runs the close callback if the stream never reached the transport.
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Queues one event; `data` may hold newlines (each line becomes a data: field). Returns false
  // once the stream has closed (the client went away, the server is stopping, or the client fell
  // more than max_buffered behind and was dropped).
  bool send(std::string_view event, std::string_view data);
  // Queues a comment line (": text"), which clients ignore.
  bool comment(std::string_view text);
  // Ends the stream from the producing side; the transport finishes the response.
  void close();
  bool closed() const;
  // Called once when the stream has ended, for whatever reason. Set it before returning the
  // response. It runs on the transport's thread (or the last owner's) and must not block.
  void on_close(std::function<void()> callback);

  const Settings& settings() const { return settings_; }
  // "retry: N" — the first bytes on the wire.
  std::string preamble() const;

  // Transport side. take: the queued bytes (and whether the producer closed the stream).
  std::string take(bool& closed);
  // Called after each send/comment/close, outside the stream's lock, until finish().
  void set_waker(std::function<void()> waker);
  // The response is over: closes the stream, drops the waker, runs the close callback once.
  void finish();

 private:
  bool queue(std::string text);

  const Settings settings_;
  mutable std::mutex mutex_;
  std::string pending_;
  bool closed_ = false;
  bool finished_ = false;
  std::function<void()> waker_;
  std::function<void()> on_close_;
};

}  // namespace lt::http
