// Encryption with the server's secret key (libsodium secretbox: XSalsa20-Poly1305), for secrets
// that must be read back later rather than only checked: the generated first passwords of
// imported learners, listed for distribution until the learner first signs in (DESIGN section 6).
// The key is 32 random bytes in a file (LT_SECRET_KEY_FILE, else <data dir>/secret.key, created
// with mode 0600 on first start); every instance of a deployment must share the same file.
// Thread safety: a SecretBox is immutable after load; seal and open may run on any thread.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lt::auth {

class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // Reads the key from `path`; when the file does not exist and `create` is true, writes a new
  // random key there first (mode 0600). Throws std::runtime_error for an unreadable file or one
  // that does not hold exactly 32 bytes (raw) or 64 hexadecimal characters.
  static SecretBox from_file(const std::string& path, bool create);
  // A box with a fresh random key held only in memory (tests, one-off CLI runs).
  static SecretBox ephemeral();

  // Base64 (URL-safe, no padding) of a random nonce followed by the sealed text.
  std::string seal(std::string_view plain) const;
  // seal() of each, in order, with the nonces drawn in one go.
  std::vector<std::string> seal_all(const std::vector<std::string>& plains) const;
  // The plain text, or nullopt when `sealed` was not made with this key or was altered.
  std::optional<std::string> open(std::string_view sealed) const;

 private:
  std::string seal_with_nonce(std::string_view plain, const unsigned char* nonce) const;
  explicit SecretBox(const std::array<unsigned char, kKeyBytes>& key) : key_(key) {}
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace lt::auth
