// SMTP delivery through libcurl.
#include "mail/smtp.hpp"

#include <cstring>
#include <ctime>

#include <curl/curl.h>

#include "auth/secrets.hpp"

namespace lt::mail {

namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data->size() - upload->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

std::string address_of(const std::string& from) {
  const auto open = from.find('<');
  const auto close = from.find('>');
  if (open != std::string::npos && close != std::string::npos && close > open)
    return from.substr(open, close - open + 1);
  return "<" + from + ">";
}

std::string rfc5322_date() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

// Header values must not carry line breaks (header injection).
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

}  // namespace

std::string format_message(const std::string& from, const std::string& to,
                           const std::string& subject, const std::string& body,
                           const std::string& date, const std::string& message_id) {
  std::string message = "Date: " + date + "\r\nFrom: " + one_line(from) +
                        "\r\nTo: " + one_line(to) + "\r\nSubject: " + one_line(subject) +
                        "\r\nMessage-ID: <" + message_id + "@learnertrack>\r\n" +
                        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
                        "Content-Transfer-Encoding: 8bit\r\n\r\n";
  // Normalise line ends to CRLF; a line of a single dot is escaped by libcurl.
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) message += '\r';
    message += body[i];
  }
  return message;
}

domain::Result<void> send_email(const SmtpSettings& settings, const std::string& to,
                                const std::string& subject, const std::string& body) {
  CURL* curl = curl_easy_init();
  if (!curl) return domain::fail(domain::Error::internal("curl_easy_init failed"));
  const std::string message =
      format_message(settings.from, to, subject, body, rfc5322_date(), auth::random_hex(12));
  Upload upload{&message};
  const std::string from_address = address_of(settings.from);
  const std::string to_address = "<" + one_line(to) + ">";
  curl_slist* recipients = curl_slist_append(nullptr, to_address.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from_address.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    return domain::fail(domain::Error::internal(std::string(curl_easy_strerror(code)) +
                                                (error[0] ? std::string(": ") + error : "")));
  }
  return domain::ok();
}

}  // namespace lt::mail
