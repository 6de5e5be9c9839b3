// Fuzz target: everything the server derives from an outside request before a handler sees it —
// percent-decoding, query strings, cookies — and the JSON body reader every endpoint uses.
// Input layout: the bytes are split at the first NUL into a target and a body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/json_body.hpp"
#include "http/codec.hpp"
#include "http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find('\0');
  const std::string target = input.substr(0, split);
  const std::string body = split == std::string::npos ? std::string() : input.substr(split + 1);

  lt::http::Request request;
  request.method = "POST";
  request.path = lt::http::detail::percent_decode(target.substr(0, target.find('?')), false);
  if (const auto q = target.find('?'); q != std::string::npos)
    lt::http::detail::parse_query(std::string_view(target).substr(q + 1), request.query);
  request.headers = {{"cookie", target}, {"content-type", "application/json"}};
  request.body = body;
  (void)request.cookie("lt_session");
  (void)request.query_param("limit");
  (void)lt::api::query_int(request, "limit");
  (void)lt::http::detail::is_sane_request_id(target);

  if (auto parsed = lt::api::JsonBody::parse(request)) {
    (void)parsed->string("username");
    (void)parsed->integer("version");
    (void)parsed->id("scope_id");
    (void)parsed->finish();
  }
  return 0;
}
