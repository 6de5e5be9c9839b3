// The aiosmtpd child process and Maildir reading.
#include "support/app/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace lt::test {

namespace {

unsigned short free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool accepts(unsigned short port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

std::string header_value(const std::string& headers, const std::string& name) {
  std::istringstream in(headers);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > name.size() && line.compare(0, name.size() + 1, name + ":") == 0) {
      auto value = line.substr(name.size() + 1);
      return value.substr(value.find_first_not_of(' '));
    }
  }
  return {};
}

}  // namespace

SmtpSink::SmtpSink() {
  dir_ = std::filesystem::temp_directory_path() /
         ("lt-smtp-" + std::to_string(getpid()) + "-" + std::to_string(free_port()));
  port_ = free_port();
  const std::string listen = "127.0.0.1:" + std::to_string(port_);
  pid_ = fork();
  if (pid_ == 0) {
    execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
          "aiosmtpd.handlers.Mailbox", dir_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200; ++i) {
    if (accepts(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("the test SMTP server (python3 -m aiosmtpd) did not start");
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::vector<ReceivedMail> SmtpSink::messages() const {
  std::vector<ReceivedMail> out;
  const auto fresh = dir_ / "new";
  if (!std::filesystem::exists(fresh)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(fresh))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
  });
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto split = raw.find("\n\n");
    std::size_t skip = 2;
    if (const auto crlf = raw.find("\r\n\r\n"); crlf != std::string::npos && crlf < split) {
      split = crlf;
      skip = 4;
    }
    const std::string headers = raw.substr(0, split);
    ReceivedMail mail{header_value(headers, "To"), header_value(headers, "Subject"),
                      split == std::string::npos ? "" : raw.substr(split + skip)};
    out.push_back(std::move(mail));
  }
  return out;
}

std::vector<ReceivedMail> SmtpSink::wait_for(std::size_t count,
                                             std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto found = messages();
  while (found.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    found = messages();
  }
  return found;
}

}  // namespace lt::test
