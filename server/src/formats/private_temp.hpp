// A private temporary directory (mode 0700, under TMPDIR) for the libraries that only work with
// file paths: FreeXL reads .xls from a path, libxlsxwriter writes .xlsx to one. Removed with
// everything in it when the object goes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace lt::formats {

class PrivateTempDir {
 public:
  static domain::Result<PrivateTempDir> create();
  PrivateTempDir(PrivateTempDir&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  PrivateTempDir& operator=(PrivateTempDir&&) = delete;
  PrivateTempDir(const PrivateTempDir&) = delete;
  ~PrivateTempDir();

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to a new file (mode 0600) in the directory and returns its path.
  domain::Result<std::filesystem::path> write_file(const std::string& name,
                                                   std::string_view bytes) const;
  // The whole content of a file in the directory.
  domain::Result<std::string> read_file(const std::string& name) const;

 private:
  explicit PrivateTempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace lt::formats
