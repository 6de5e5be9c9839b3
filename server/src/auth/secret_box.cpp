// SecretBox: libsodium's crypto_secretbox_easy with a random nonce per message.
#include "auth/secret_box.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "auth/secrets.hpp"

namespace lt::auth {

namespace {
constexpr int kBase64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::array<unsigned char, SecretBox::kKeyBytes> parse_key(const std::string& text,
                                                          const std::string& path) {
  std::array<unsigned char, SecretBox::kKeyBytes> key{};
  if (text.size() == key.size()) {
    std::copy(text.begin(), text.end(), key.begin());
    return key;
  }
  std::string hex = text;
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' '))
    hex.pop_back();
  std::size_t written = 0;
  if (hex.size() == 2 * key.size() &&
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &written, nullptr) ==
          0 &&
      written == key.size())
    return key;
  throw std::runtime_error("secret key file " + path +
                           " must hold 32 bytes, or 64 hexadecimal characters");
}
}  // namespace

SecretBox SecretBox::from_file(const std::string& path, bool create) {
  init_crypto();
  if (create && !std::filesystem::exists(path)) {
    std::array<unsigned char, kKeyBytes> key{};
    crypto_secretbox_keygen(key.data());
    std::vector<char> hex(2 * kKeyBytes + 1);
    sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error("cannot create the secret key file " + path);
      out << hex.data() << '\n';
    }
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
    return SecretBox(key);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the secret key file " + path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return SecretBox(parse_key(text, path));
}

SecretBox SecretBox::ephemeral() {
  init_crypto();
  std::array<unsigned char, kKeyBytes> key{};
  crypto_secretbox_keygen(key.data());
  return SecretBox(key);
}

std::string SecretBox::seal_with_nonce(std::string_view plain, const unsigned char* nonce) const {
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  std::copy(nonce, nonce + crypto_secretbox_NONCEBYTES, out.begin());
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        out.data(), key_.data());
  std::string text(sodium_base64_encoded_len(out.size(), kBase64), '\0');
  sodium_bin2base64(text.data(), text.size(), out.data(), out.size(), kBase64);
  text.resize(text.find('\0'));
  return text;
}

std::string SecretBox::seal(std::string_view plain) const {
  std::array<unsigned char, crypto_secretbox_NONCEBYTES> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  return seal_with_nonce(plain, nonce.data());
}

std::vector<std::string> SecretBox::seal_all(const std::vector<std::string>& plains) const {
  // One draw of randomness for every nonce: a system call per message cost more than the
  // sealing (an import seals 100,000 passwords).
  std::vector<unsigned char> nonces(plains.size() * crypto_secretbox_NONCEBYTES);
  randombytes_buf(nonces.data(), nonces.size());
  std::vector<std::string> out;
  out.reserve(plains.size());
  for (std::size_t i = 0; i < plains.size(); ++i)
    out.push_back(seal_with_nonce(plains[i], nonces.data() + i * crypto_secretbox_NONCEBYTES));
  return out;
}

std::optional<std::string> SecretBox::open(std::string_view sealed) const {
  std::vector<unsigned char> bytes(sealed.size());
  std::size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), sealed.data(), sealed.size(), nullptr, &length,
                        nullptr, kBase64) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  std::string plain(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 bytes.data() + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, bytes.data(),
                                 key_.data()) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace lt::auth
