// The text of the emails the platform sends, in one place so wording stays consistent.
#pragma once

#include <string>

namespace lt::services::emails {

struct Email {
  std::string subject;
  std::string body;
};

Email verification(const std::string& first_name, const std::string& username,
                   const std::string& link);
Email password_reset(const std::string& first_name, const std::string& username,
                     const std::string& link);

}  // namespace lt::services::emails
