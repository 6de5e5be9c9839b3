// File downloads (see download.hpp).
#include "api/download.hpp"

#include <cctype>

namespace lt::api {

// attachment; filename="plain ASCII"; filename*=UTF-8''percent-encoded (RFC 6266), so every
// browser gets a safe name and modern ones the exact one.
std::string content_disposition(const std::string& filename) {
  const std::string name = filename.empty() ? "result" : filename;
  std::string plain, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool safe = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    plain += safe || c == ' ' ? static_cast<char>(c) : '_';
    if (safe) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
}

http::Response download_response(services::DownloadFile file) {
  http::Response r = http::Response::text(200, std::move(file.bytes), std::move(file.content_type));
  r.set_header("Content-Disposition", content_disposition(file.filename));
  return r;
}

}  // namespace lt::api
