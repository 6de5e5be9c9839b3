// Streams one XML part of a zip archive (any ByteSource) to a handler, a buffer at a time, so a
// 100 MB sheet never sits in memory as a document: through expat, or for the big UTF-8 parts
// through the fast tokenizer of xml_scanner.hpp, which gives the same callbacks. Names reach the
// handler without their namespace prefix ("x:c" -> "c"); documents with a DOCTYPE are refused
// outright (no entity expansion, no external references), since no spreadsheet part has one.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "domain/error.hpp"
#include "formats/zip_archive.hpp"

namespace lt::formats {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's list: name, value, name, value, …, nullptr.
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  // From a callback: stop parsing with this error, or stop early with success (the rest of the
  // part is not needed).
  void fail(domain::Error error) {
    if (!error_) error_ = std::move(error);
  }
  void stop() { stopped_ = true; }
  bool stopping() const { return error_ || stopped_; }

  // The value of the attribute with this local name, or nullptr.
  static const char* attribute(const char** attributes, std::string_view name);
  // The values of several attributes in one pass: values[i] for names[i], nullptr when absent.
  static void attributes(const char** attributes, std::initializer_list<std::string_view> names,
                         const char** values);

 private:
  std::optional<domain::Error> error_;
  bool stopped_ = false;
  friend domain::Result<void> parse_xml(ByteSource&, XmlHandler&, std::size_t);
  friend class XmlScannerAccess;
};

// Parses the whole entry (or until the handler stops). Malformed XML is corrupt_file. With
// `fast_token_limit` > 0 a UTF-8 part goes through the fast tokenizer (xml_scanner.hpp), whose
// tokens may not exceed that many bytes; other parts, and every part when it is 0, through expat.
domain::Result<void> parse_xml(ByteSource& entry, XmlHandler& handler,
                               std::size_t fast_token_limit = 0);

// The part name without its namespace prefix.
std::string_view local_name(std::string_view qualified);

}  // namespace lt::formats
