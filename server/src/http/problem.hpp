// RFC 9457 problem+json responses. Every error the server sends goes through `problem`, so the
// shape {type, title, status, detail, code[, errors][, request_id]} is the same everywhere.
#pragma once

#include <string>
#include <vector>

#include "http/message.hpp"

namespace lt::http {

struct ProblemField {
  std::string field;
  std::string code;
  std::string message;
};

Response problem(int status, const std::string& code, const std::string& detail,
                 const std::string& request_id = {}, const std::vector<ProblemField>& fields = {});

// The standard reason phrase for a status, used as the problem title.
std::string status_title(int status);

}  // namespace lt::http
