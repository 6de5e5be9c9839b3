// Server-sent event test client (see sse_client.hpp).
#include "support/sse_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace lt::test {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

SseClient::SseClient(unsigned short port, const std::string& path, const Headers& headers,
                     bool http10, std::chrono::milliseconds timeout) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("connect failed");
  }
  std::string request = "GET " + path + (http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n") +
                        "Host: 127.0.0.1:" + std::to_string(port) +
                        "\r\nAccept: text/event-stream\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t end = std::string::npos;
  while ((end = raw_.find("\r\n\r\n")) == std::string::npos)
    if (!fill(deadline)) return;  // no head: status stays 0
  const std::string head = raw_.substr(0, end);
  raw_.erase(0, end + 4);
  if (head.size() >= 12 && head.starts_with("HTTP/")) status_ = std::stoi(head.substr(9, 3));
  std::size_t line_start = head.find("\r\n");
  while (line_start != std::string::npos) {
    line_start += 2;
    const std::size_t line_end = head.find("\r\n", line_start);
    const std::string line = head.substr(line_start, line_end - line_start);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      headers_.emplace_back(lower(line.substr(0, colon)), value);
    }
    line_start = line_end;
  }
  chunked_ = lower(header("transfer-encoding").value_or("")) == "chunked";
  decode();
  parse();
}

SseClient::~SseClient() {
  close();
}

void SseClient::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

std::optional<std::string> SseClient::header(const std::string& name) const {
  const std::string wanted = lower(name);
  for (const auto& [key, value] : headers_)
    if (key == wanted) return value;
  return std::nullopt;
}

bool SseClient::fill(std::chrono::steady_clock::time_point deadline) {
  if (fd_ < 0 || ended_) return false;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buffer[8192];
  const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
  if (n <= 0) {
    ended_ = true;
    return false;
  }
  raw_.append(buffer, static_cast<std::size_t>(n));
  return true;
}

void SseClient::decode() {
  if (!chunked_) {
    body_ += raw_;
    raw_.clear();
    return;
  }
  while (!last_chunk_) {
    const std::size_t line_end = raw_.find("\r\n");
    if (line_end == std::string::npos) return;
    const std::size_t size = std::stoul(raw_.substr(0, line_end), nullptr, 16);
    if (raw_.size() < line_end + 2 + size + 2) return;  // the chunk is not all here yet
    if (size == 0) {
      last_chunk_ = true;
      raw_.clear();
      return;
    }
    body_ += raw_.substr(line_end + 2, size);
    raw_.erase(0, line_end + 2 + size + 2);
  }
}

void SseClient::parse() {
  // An event ends at a blank line; keep an unfinished one for later.
  while (true) {
    const std::size_t end = body_.find("\n\n", parsed_);
    if (end == std::string::npos) return;
    const std::string block = body_.substr(parsed_, end - parsed_);
    parsed_ = end + 2;
    SseEvent event;
    bool has_data = false;
    std::size_t start = 0;
    while (start <= block.size()) {
      std::size_t stop = block.find('\n', start);
      if (stop == std::string::npos) stop = block.size();
      const std::string line = block.substr(start, stop - start);
      start = stop + 1;
      if (line.empty()) continue;
      if (line.front() == ':') {
        comments_.push_back(line.size() > 2 ? line.substr(2) : "");
        continue;
      }
      const std::size_t colon = line.find(':');
      const std::string field = line.substr(0, colon);
      std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (field == "event") event.event = value;
      if (field == "data") {
        event.data += (has_data ? "\n" : "") + value;
        has_data = true;
      }
      if (field == "retry") retry_ = std::stol(value);
    }
    if (has_data) {
      if (event.event.empty()) event.event = "message";
      events_.push_back(std::move(event));
    }
  }
}

std::optional<SseEvent> SseClient::next(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (events_.empty()) {
    if (!fill(deadline)) return std::nullopt;
    decode();
    parse();
  }
  SseEvent event = std::move(events_.front());
  events_.pop_front();
  return event;
}

std::optional<SseEvent> SseClient::next_of(const std::string& type,
                                           std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto event = next(left);
    if (!event) return std::nullopt;
    if (event->event == type) return event;
  }
}

bool SseClient::wait_for_end(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto length = header("content-length");
  while (!ended_ && !last_chunk_) {
    if (!chunked_ && length && body_.size() >= std::stoul(*length)) return true;
    if (!fill(deadline) && !ended_) return false;
    decode();
    parse();
  }
  return true;
}

std::string SseClient::read_all(std::chrono::milliseconds timeout) {
  wait_for_end(timeout);
  return body_;
}

}  // namespace lt::test
