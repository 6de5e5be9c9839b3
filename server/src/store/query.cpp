// Keyset pagination and search pattern helpers.
#include "store/query.hpp"

#include <algorithm>
#include <charconv>

#include "domain/text.hpp"

namespace lt::store {

Id cursor_after(const std::optional<std::string>& cursor) {
  if (!cursor || cursor->empty()) return 0;
  Id value = 0;
  const auto* end = cursor->data() + cursor->size();
  const auto [ptr, ec] = std::from_chars(cursor->data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0) return 0;
  return value;
}

int page_limit(std::optional<int> requested) {
  if (!requested) return 50;
  return std::clamp(*requested, 1, 500);
}

std::string id_list(const std::vector<Id>& ids) {
  if (ids.empty()) return "0";
  std::string out;
  for (Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : domain::ascii_lower(text)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::optional<std::string> prefix_end(const std::string& prefix) {
  std::string rest = prefix;
  while (!rest.empty()) {
    // The last code point: its lead byte and the continuation bytes after it.
    std::size_t start = rest.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(rest[start]) & 0xC0) == 0x80) --start;
    const auto lead = static_cast<unsigned char>(rest[start]);
    const std::size_t length = rest.size() - start;
    const std::size_t expected = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (expected != length || (lead >= 0x80 && lead < 0xC0)) {
      // Not valid UTF-8: raise the last byte instead.
      const auto last = static_cast<unsigned char>(rest.back());
      rest.pop_back();
      if (last < 0xFF) return rest + static_cast<char>(last + 1);
      continue;
    }
    char32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t i = start + 1; i < rest.size(); ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(rest[i]) & 0x3F);
    rest.resize(start);
    ++cp;
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xE000;  // surrogates are not characters
    if (cp <= 0x10FFFF) {
      append_utf8(rest, cp);
      return rest;
    }
  }
  return std::nullopt;
}

}  // namespace lt::store
