// A streaming JSON writer for the hot list endpoints: appends straight into one string instead of
// building an nlohmann::json tree (a std::map per object, an allocation per value), which was most
// of the cost of a 50-row learner page. Produces the same text as nlohmann's compact dump for
// valid UTF-8, and replaces each byte of invalid UTF-8 with U+FFFD as nlohmann's `replace` mode
// does, so user data never breaks a reply. Not thread-safe; one per response.
#pragma once

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace lt::api {

// A reply body already serialised as JSON (what respond() sends as it is).
struct JsonText {
  std::string text;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 0) { out_.reserve(reserve); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The name of the next member of the current object: a plain identifier of ours (letters,
  // digits, underscores), written as it is.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  template <std::integral T>
  JsonWriter& value(T number) {
    if constexpr (std::is_same_v<T, bool>)
      return boolean(number);
    else
      return integer(static_cast<std::int64_t>(number));
  }
  JsonWriter& null();
  template <class T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }

  // key(name) then value(v), the common case.
  template <class T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  const std::string& text() const { return out_; }
  JsonText take() { return {std::move(out_)}; }

 private:
  JsonWriter& integer(std::int64_t number);
  JsonWriter& boolean(bool flag);
  // Whether the next element needs a comma before it (every element of an array or object but
  // the first); marks the container as written to.
  bool needs_comma();
  void separate() {
    if (needs_comma()) out_ += ',';
  }
  // Appends `size` bytes that `fill` writes from the pointer it is given: one capacity check
  // and no zero-filling, where a byte at a time checked each (the list's replies are built of
  // many short pieces).
  template <class Fill>
  void append(std::size_t size, Fill fill) {
    // Grown by doubling here: libstdc++ 12's resize_and_overwrite grows to the exact size, which
    // made a page quadratic.
    if (out_.size() + size > out_.capacity())
      out_.reserve(std::max(2 * out_.capacity(), out_.size() + size));
    out_.resize_and_overwrite(out_.size() + size, [&](char* data, std::size_t total) {
      fill(data + total - size);
      return total;
    });
  }
  void open(char bracket);
  void close(char bracket);
  static bool is_plain(std::string_view text);  // nothing in it to escape or replace
  void escaped(std::string_view text);

  std::string out_;
  // Per open container, a bit: something was written in it already (bit `depth_ - 1` is the
  // innermost). Our replies nest a few levels; deeper than 64 is a programming error.
  std::uint64_t written_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace lt::api
