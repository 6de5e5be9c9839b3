// Streams one XML part of a zip archive through expat to a handler, a buffer at a time, so a
// 100 MB sheet never sits in memory as a document. Names reach the handler without their namespace
// prefix ("x:c" -> "c"); documents with a DOCTYPE are refused outright (no entity expansion, no
// external references), since no spreadsheet part has one.
#pragma once

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

 private:
  std::optional<domain::Error> error_;
  bool stopped_ = false;
  friend domain::Result<void> parse_xml(ZipArchive::Entry&, XmlHandler&);
};

// Parses the whole entry (or until the handler stops). Malformed XML is corrupt_file.
domain::Result<void> parse_xml(ZipArchive::Entry& entry, XmlHandler& handler);

// The part name without its namespace prefix.
std::string_view local_name(std::string_view qualified);

}  // namespace lt::formats
