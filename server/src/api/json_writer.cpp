// JsonWriter: commas, escaping and UTF-8 checking (see the header for why it exists).
#include "api/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstring>

namespace lt::api {

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is not well formed
// (overlong forms, surrogates and code points past U+10FFFF included), as RFC 3629 defines it.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  const auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char lo = lead == 0xE0 ? 0xA0 : 0x80, hi = lead == 0xED ? 0x9F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char lo = lead == 0xF0 ? 0x90 : 0x80, hi = lead == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// Whether any of the 8 bytes in `word` needs more than copying: a control character, the quote,
// the backslash, or a byte of a multi-byte UTF-8 sequence (checked one by one). The classic
// "has a zero byte" test, after XOR turns the byte sought into zero.
constexpr bool any_special(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
  const auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  const bool control = ((word - ones * 0x20) & ~word & highs) != 0;  // a byte below 0x20
  return control || (word & highs) != 0 || has_zero(word ^ (ones * '"')) ||
         has_zero(word ^ (ones * '\\'));
}

}  // namespace

bool JsonWriter::needs_comma() {
  if (after_key_) {
    after_key_ = false;
    return false;
  }
  if (depth_ == 0) return false;
  const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
  const bool comma = (written_ & bit) != 0;
  written_ |= bit;
  return comma;
}

void JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  assert(depth_ < 64);
  ++depth_;
  written_ &= ~(std::uint64_t{1} << (depth_ - 1));
}

void JsonWriter::close(char bracket) {
  --depth_;
  out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  // Member names are our own plain identifiers: nothing to escape. One append, not four.
  const bool comma = needs_comma();
  append(name.size() + 3 + comma, [&](char* p) {
    if (comma) *p++ = ',';
    *p++ = '"';
    p = std::copy(name.begin(), name.end(), p);
    *p++ = '"';
    *p = ':';
  });
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  escaped(text);
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
  char digits[24];
  const bool comma = needs_comma();
  if (comma) digits[0] = ',';
  const auto end = std::to_chars(digits + comma, digits + sizeof digits, number).ptr;
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

bool JsonWriter::is_plain(std::string_view s) {
  std::size_t i = 0;
  for (std::uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (any_special(word)) return false;
  }
  for (; i < s.size(); ++i)
    if (!kPlain[static_cast<unsigned char>(s[i])]) return false;
  return true;
}

void JsonWriter::escaped(std::string_view s) {
  // Most text needs no escaping: quoted in one append.
  if (is_plain(s)) {
    append(s.size() + 2, [&](char* p) {
      *p++ = '"';
      p = std::copy(s.begin(), s.end(), p);
      *p = '"';
    });
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size();) {
    // Most text is plain ASCII: step over it eight bytes at a time.
    if (std::uint64_t word;
        i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), true) && !any_special(word)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (const std::size_t n = utf8_length(s, i)) {
        i += n;
        continue;
      }
    }
    out_.append(s.data() + plain, i - plain);
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        } else {
          out_ += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
        }
    }
    plain = ++i;
  }
  out_.append(s.data() + plain, s.size() - plain);
  out_ += '"';
}

}  // namespace lt::api
