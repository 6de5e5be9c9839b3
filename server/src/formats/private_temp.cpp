// PrivateTempDir (see private_temp.hpp).
#include "formats/private_temp.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace lt::formats {

using domain::Error;
using domain::fail;

domain::Result<PrivateTempDir> PrivateTempDir::create() {
  std::error_code ec;
  auto base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "learnertrack-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    return fail(Error::internal("mkdtemp " + pattern + ": " + std::strerror(errno)));
  return PrivateTempDir(std::filesystem::path(pattern));
}

PrivateTempDir::~PrivateTempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

domain::Result<std::filesystem::path> PrivateTempDir::write_file(const std::string& name,
                                                                 std::string_view bytes) const {
  const auto file = path_ / name;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return fail(Error::internal("open " + file.string() + ": " + std::strerror(errno)));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return fail(Error::internal("write " + file.string() + ": " + why));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return fail(Error::internal("close " + file.string()));
  return file;
}

domain::Result<std::string> PrivateTempDir::read_file(const std::string& name) const {
  const auto file = path_ / name;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(Error::internal("open " + file.string() + ": " + std::strerror(errno)));
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return fail(Error::internal("read " + file.string()));
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace lt::formats
