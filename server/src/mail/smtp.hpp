// Sends one plain-text email over SMTP with libcurl. `url` is like smtp://127.0.0.1:2525 or
// smtps://user:pass@mail.example.org:465 (credentials in the URL are used for AUTH).
#pragma once

#include <string>

#include "domain/error.hpp"

namespace lt::mail {

struct SmtpSettings {
  std::string url;
  std::string from = "Learnertrack <no-reply@learnertrack.local>";
  long timeout_seconds = 20;
};

// Ok, or an error whose detail says what the server or connection answered.
domain::Result<void> send_email(const SmtpSettings& settings, const std::string& to,
                                const std::string& subject, const std::string& body);

// The RFC 5322 message (headers and body) as it is sent.
std::string format_message(const std::string& from, const std::string& to,
                           const std::string& subject, const std::string& body,
                           const std::string& date, const std::string& message_id);

}  // namespace lt::mail
