// File downloads (see download.hpp).
#include "api/download.hpp"

namespace lt::api {

http::Response download_response(const services::DownloadFile& file) {
  http::Response r = http::Response::text(200, file.bytes, file.content_type);
  // Filenames are ours (ASCII, no quotes), so the plain quoted form is enough.
  r.set_header("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
  return r;
}

}  // namespace lt::api
