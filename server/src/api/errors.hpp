// The one mapping from a domain error to an HTTP problem response (DESIGN section 4: error codes
// are mapped to statuses in one place). Internal details are logged here, never sent.
#pragma once

#include <string>

#include "domain/error.hpp"
#include "http/message.hpp"

namespace lt::api {

int status_of(domain::ErrorKind kind);
http::Response error_response(const domain::Error& error, const std::string& request_id);

}  // namespace lt::api
