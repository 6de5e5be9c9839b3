// Serves the built single-page app from a directory: files by path with their content type,
// index.html for any other path (client-side routes), long-lived caching for hashed /assets/,
// ETag revalidation (size + mtime). Rejects '..' and other traversal. Read-only after
// construction, so `serve` is safe from many threads.
#pragma once

#include <filesystem>
#include <string>

#include "http/message.hpp"

namespace lt::http::detail {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // Answers a GET or HEAD (the caller checks the method) with the file, the index fallback, a
  // 304, or a problem: 400 for a traversal attempt, 404 when nothing fits.
  Response serve(const Request& request) const;

  static std::string content_type_for(const std::filesystem::path& file);

 private:
  Response file_response(const std::filesystem::path& file, const Request& request,
                         bool immutable) const;
  std::filesystem::path root_;
};

}  // namespace lt::http::detail
