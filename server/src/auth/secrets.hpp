// Password hashing (argon2id, libsodium's interactive limits) and random tokens. Hashing is
// deliberately slow (~0.1-0.3 s), so concurrent hashes are bounded: sign-ins queue for a slot
// instead of starving every other request of CPU.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lt::auth {

// Initialises libsodium; call once at start-up (safe to call again).
void init_crypto();

// How much work a new hash costs. `standard` (libsodium's interactive limits: 64 MiB, 2 passes)
// is the only setting for real use; `minimum` (8 KiB, 1 pass) exists for the test suites, which
// hash and verify thousands of passwords and would otherwise spend most of their time doing so.
// Verifying reads the cost from the hash itself, so either setting verifies both kinds.
enum class HashCost { standard, minimum };
void set_password_hash_cost(HashCost cost);
HashCost password_hash_cost();

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& hash);
// A hash to verify against when the user does not exist, so timing does not reveal it.
const std::string& dummy_password_hash();

// 32 random bytes, URL-safe base64 without padding (43 characters): session ids, reset links.
std::string random_token();
// A random 16-hex-character identifier.
std::string random_hex(std::size_t bytes = 8);
// Lower-case hex SHA-256 of the text: how tokens are stored, and the audit chain's hash.
std::string sha256_hex(std::string_view text);
// A readable one-time password that satisfies the standard policy: 4 letters, 4 digits, a symbol.
std::string generate_password();
// `count` such passwords at once (an import's), drawing the randomness in large blocks.
std::vector<std::string> generate_passwords(std::size_t count);

}  // namespace lt::auth
