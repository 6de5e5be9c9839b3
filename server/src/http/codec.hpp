// Small text codecs the transport needs: percent-decoding of paths and query strings, header-name
// case folding, and request ids (accepting a sane incoming one or generating a fresh one).
// Pure functions; thread-safe (new_request_id uses a thread-local generator).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace lt::http::detail {

// Decodes %XX escapes; malformed escapes are kept literally. With plus_as_space, '+' becomes ' '
// (application/x-www-form-urlencoded query strings).
std::string percent_decode(std::string_view in, bool plus_as_space);

// Splits "a=1&b=x+y" into decoded pairs appended to `out`. A key without '=' gets an empty value.
void parse_query(std::string_view query, std::multimap<std::string, std::string>& out);

std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::string_view trim(std::string_view s);

// At most 64 characters of [A-Za-z0-9-_.], not empty: safe to echo into headers and logs.
bool is_sane_request_id(std::string_view id);
// 16 random lower-case hex characters.
std::string new_request_id();

}  // namespace lt::http::detail
