// libsodium-backed hashing and randomness.
#include "auth/secrets.hpp"

#include <atomic>
#include <semaphore>
#include <stdexcept>

#include <sodium.h>

namespace lt::auth {

namespace {
// At most two argon2id computations at once on a 2-core machine (DESIGN section 10).
std::counting_semaphore<64> hashing_slots(2);

struct SlotGuard {
  SlotGuard() { hashing_slots.acquire(); }
  ~SlotGuard() { hashing_slots.release(); }
};

std::atomic<HashCost> hash_cost{HashCost::standard};
}  // namespace

void set_password_hash_cost(HashCost cost) {
  hash_cost = cost;
}

HashCost password_hash_cost() {
  return hash_cost;
}

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hash_password(std::string_view password) {
  SlotGuard slot;
  char out[crypto_pwhash_STRBYTES];
  const bool minimum = hash_cost == HashCost::minimum;
  if (crypto_pwhash_str(
          out, password.data(), password.size(),
          minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
  SlotGuard slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_password_hash() {
  static const std::string hash = hash_password("not-a-real-password-1");
  return hash;
}

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  out.pop_back();
  return out;
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(out, sizeof out, digest, sizeof digest);
  return out;
}

namespace {
constexpr std::string_view kLetters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
constexpr std::string_view kDigits = "23456789";
constexpr std::string_view kSymbols = "!#%+=?";

// A password from random bytes `next()` yields: each character drawn uniformly from its alphabet
// (bytes that would bias the choice are skipped).
template <class Next>
std::string password_from(Next&& next) {
  const auto draw = [&](std::string_view alphabet) {
    const unsigned limit = 256 - 256 % alphabet.size();
    for (;;)
      if (const unsigned byte = next(); byte < limit) return alphabet[byte % alphabet.size()];
  };
  std::string out;
  for (int i = 0; i < 4; ++i) out += draw(kLetters);
  for (int i = 0; i < 4; ++i) out += draw(kDigits);
  out += draw(kSymbols);
  return out;
}
}  // namespace

std::string generate_password() {
  return password_from([] { return static_cast<unsigned>(randombytes_uniform(256)); });
}

std::vector<std::string> generate_passwords(std::size_t count) {
  // One system call per 64 KiB of randomness rather than one per character.
  std::vector<unsigned char> pool(64 * 1024);
  std::size_t used = pool.size();
  const auto next = [&]() -> unsigned {
    if (used == pool.size()) {
      randombytes_buf(pool.data(), pool.size());
      used = 0;
    }
    return pool[used++];
  };
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(password_from(next));
  return out;
}

}  // namespace lt::auth
