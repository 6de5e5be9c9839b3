// Generated usernames (see generated_username.hpp).
#include "domain/generated_username.hpp"

namespace lt::domain {

namespace {
constexpr std::size_t kMaxBase = 115;
constexpr std::size_t kMinLength = 6;

std::string name_part(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if ((c == '-' || c == ' ') && !out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}
}  // namespace

std::string username_base(std::string_view first_name, std::string_view last_name) {
  const std::string first = name_part(first_name), last = name_part(last_name);
  std::string base = first.empty() || last.empty() ? first + last : first + "." + last;
  if (base.empty()) base = "learner";
  if (base.size() > kMaxBase) base.resize(kMaxBase);
  while (!base.empty() && (base.back() == '-' || base.back() == '.')) base.pop_back();
  return base;
}

std::string username_candidate(const std::string& base, unsigned long n) {
  if (n <= 1 && base.size() >= kMinLength) return base;
  std::string suffix = std::to_string(n < 1 ? 1 : n);
  while (base.size() + suffix.size() < kMinLength) suffix.insert(suffix.begin(), '0');
  return base + suffix;
}

}  // namespace lt::domain
