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

}  // namespace lt::store
