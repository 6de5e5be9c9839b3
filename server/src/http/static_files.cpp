// Static file serving for the web app (see static_files.hpp).
#include "http/static_files.hpp"

#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "http/codec.hpp"
#include "http/problem.hpp"

namespace lt::http::detail {
namespace {

constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr const char* kRevalidate = "no-cache";

// True when some segment is "." or "..", or the path holds a backslash or NUL: anything that
// could step outside the root once joined to it.
bool unsafe_path(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return true;
  }
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    if (seg == "." || seg == "..") return true;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return false;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view tag = trim(if_none_match.substr(0, comma));
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::string StaticFiles::content_type_for(const std::filesystem::path& file) {
  std::string ext = to_lower(file.extension().string());
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".gif") return "image/gif";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".xml") return "application/xml";
  if (ext == ".wasm") return "application/wasm";
  return "application/octet-stream";
}

Response StaticFiles::serve(const Request& request) const {
  const std::string& path = request.path;
  if (path.empty() || path.front() != '/' || unsafe_path(path)) {
    return problem(400, "invalid_path", "The path is not allowed.", request.request_id);
  }
  bool asset = path.starts_with("/assets/");
  std::string_view relative = std::string_view(path).substr(1);
  if (!relative.empty() && relative.back() != '/') {
    std::error_code ec;
    std::filesystem::path file = root_ / relative;
    if (std::filesystem::is_regular_file(file, ec)) return file_response(file, request, asset);
  }
  // A missing hashed asset is a real 404: answering index.html would hand HTML to a <script>.
  if (!asset) {
    std::error_code ec;
    std::filesystem::path index = root_ / "index.html";
    if (std::filesystem::is_regular_file(index, ec)) return file_response(index, request, false);
  }
  return problem(404, "not_found", "No resource at this address.", request.request_id);
}

Response StaticFiles::file_response(const std::filesystem::path& file, const Request& request,
                                    bool immutable) const {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  auto mtime = std::filesystem::last_write_time(file, ec);
  if (ec) return problem(404, "not_found", "No resource at this address.", request.request_id);
  std::string etag = fmt::format("\"{:x}-{:x}\"", size,
                                 static_cast<unsigned long long>(mtime.time_since_epoch().count()));
  const char* cache = immutable ? kImmutable : kRevalidate;
  if (auto inm = request.header("if-none-match"); inm && etag_matches(*inm, etag)) {
    Response r = Response::empty(304);
    r.headers.emplace_back("ETag", std::move(etag));
    r.headers.emplace_back("Cache-Control", cache);
    return r;
  }
  std::ifstream in(file, std::ios::binary);
  std::string body(size, '\0');
  if (!in || !in.read(body.data(), static_cast<std::streamsize>(size))) {
    return problem(404, "not_found", "No resource at this address.", request.request_id);
  }
  Response r = Response::text(200, std::move(body), content_type_for(file));
  r.headers.emplace_back("ETag", std::move(etag));
  r.headers.emplace_back("Cache-Control", cache);
  return r;
}

}  // namespace lt::http::detail
