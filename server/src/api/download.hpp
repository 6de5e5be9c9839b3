// Renders a file for download: its bytes with their content type and a Content-Disposition that
// names the file (attachment, so browsers save it rather than show it).
#pragma once

#include <string>

#include "http/message.hpp"
#include "services/import_templates.hpp"

namespace lt::api {

// The Content-Disposition of an attachment named `filename` ("result" when empty).
std::string content_disposition(const std::string& filename);
// Takes the file by value so a caller done with it can move it in: an export of 100,000
// learners is megabytes, and each copy of it is peak memory.
http::Response download_response(services::DownloadFile file);

}  // namespace lt::api
