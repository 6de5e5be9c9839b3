// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) run as a child process on a
// free loopback port, storing every message it accepts in a Maildir that tests read back.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace lt::test {

struct ReceivedMail {
  std::string to, subject, body;
};

class SmtpSink {
 public:
  SmtpSink();  // throws when the server does not come up
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<ReceivedMail> messages() const;
  // Waits until at least `count` messages arrived (or the timeout passes) and returns them all.
  std::vector<ReceivedMail> wait_for(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  std::filesystem::path dir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace lt::test
