// Fuzz target: the domain checks applied to every user-typed field (usernames, emails, names,
// telephone numbers, UKPRNs, passwords) and timestamp parsing. They must never crash or accept
// what they promise to refuse.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "domain/account_rules.hpp"
#include "domain/clock.hpp"
#include "domain/password_policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  using namespace lt::domain;
  if (auto username = check_username(input)) {
    if (username->size() < 6 || username->size() > 256) std::abort();
  }
  if (auto ukprn = check_ukprn(input)) {
    if (ukprn->size() != 8 || (*ukprn)[0] != '1') std::abort();
  }
  (void)check_email(input);
  (void)check_name(input, "first_name");
  (void)check_telephone(input);
  (void)PasswordPolicy::standard().check(input);
  (void)PasswordPolicy::strong().check(input);
  (void)parse_timestamp(input);
  return 0;
}
