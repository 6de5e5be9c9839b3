// A test client for server-sent event streams: opens GET <path> on a raw socket (HTTP/1.1 or 1.0),
// reads the response head, then reads the body as it arrives — undoing chunked encoding — and
// parses it into events and comments, so tests can wait for the next event with a timeout.
// Not thread-safe: one client per thread.
#pragma once

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace lt::test {

struct SseEvent {
  std::string event;  // "message" when the server named none
  std::string data;   // data: lines joined by '\n'
};

class SseClient {
 public:
  // Connects and reads the response head (up to `timeout`). Throws when it cannot connect.
  SseClient(unsigned short port, const std::string& path, const Headers& headers = {},
            bool http10 = false,
            std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
  ~SseClient();
  SseClient(const SseClient&) = delete;
  SseClient& operator=(const SseClient&) = delete;

  int status() const { return status_; }
  std::optional<std::string> header(const std::string& name) const;  // case-insensitive
  // The next event within `timeout`, or nullopt (timeout, or the stream ended).
  std::optional<SseEvent> next(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // The next event of this type, skipping others; nullopt as above.
  std::optional<SseEvent> next_of(const std::string& type,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Comment lines seen so far (": heartbeat" → "heartbeat"), and the retry: value (-1 if none).
  const std::vector<std::string>& comments() const { return comments_; }
  long retry_ms() const { return retry_; }
  // Reads until the server ends the response (or `timeout`); true when it did end it.
  bool wait_for_end(std::chrono::milliseconds timeout);
  bool ended() const { return ended_; }
  // The raw body bytes received (after chunked decoding) and whether the last chunk arrived.
  const std::string& body() const { return body_; }
  bool saw_last_chunk() const { return last_chunk_; }
  // For a non-stream answer (401, 429…): reads the whole body.
  std::string read_all(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  void close();

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);  // false on timeout or end
  void decode();
  void parse();

  int fd_ = -1;
  int status_ = 0;
  Headers headers_;
  bool chunked_ = false;
  bool ended_ = false;
  bool last_chunk_ = false;
  std::string raw_;         // bytes read but not yet decoded
  std::string body_;        // decoded body so far
  std::size_t parsed_ = 0;  // how much of body_ has been parsed into events
  std::deque<SseEvent> events_;
  std::vector<std::string> comments_;
  long retry_ = -1;
};

}  // namespace lt::test
