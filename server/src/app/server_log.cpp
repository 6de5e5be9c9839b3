// The buffered server log (see server_log.hpp).
#include "app/server_log.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace lt::app {

namespace {

// Standard output through stdio's own buffer, flushed only when asked.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::fwrite(formatted.data(), 1, formatted.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

}  // namespace

void buffer_server_log_unless_terminal() {
  if (::isatty(STDOUT_FILENO)) return;
  auto logger =
      std::make_shared<spdlog::logger>("learnertrack", std::make_shared<BufferedStdoutSink>());
  logger->set_level(spdlog::default_logger()->level());
  logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");  // the default's, without the name
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace lt::app
