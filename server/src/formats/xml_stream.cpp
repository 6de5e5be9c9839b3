// expat underneath parse_xml (see xml_stream.hpp).
#include "formats/xml_stream.hpp"

#include <expat.h>

#include <memory>
#include <string>
#include <type_traits>

namespace lt::formats {

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

const char* XmlHandler::attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a && a[0]; a += 2)
    if (local_name(a[0]) == name) return a[1];
  return nullptr;
}

namespace {
struct State {
  XML_Parser parser;
  XmlHandler& handler;
  bool doctype = false;
};

void halt_if_stopping(State& s) {
  if (s.handler.stopping()) XML_StopParser(s.parser, XML_FALSE);
}

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& s = *static_cast<State*>(data);
  s.handler.start(local_name(name), attributes);
  halt_if_stopping(s);
}

void on_end(void* data, const XML_Char* name) {
  auto& s = *static_cast<State*>(data);
  s.handler.end(local_name(name));
  halt_if_stopping(s);
}

void on_text(void* data, const XML_Char* text, int length) {
  auto& s = *static_cast<State*>(data);
  s.handler.text(std::string_view(text, static_cast<std::size_t>(length)));
  halt_if_stopping(s);
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& s = *static_cast<State*>(data);
  s.doctype = true;
  XML_StopParser(s.parser, XML_FALSE);
}

domain::Error damaged(const std::string& detail) {
  return file_error(errors::corrupt,
                    "The workbook is damaged and cannot be read. Open it in your spreadsheet "
                    "program, save it again and upload the new copy.",
                    detail);
}
}  // namespace

domain::Result<void> parse_xml(ZipArchive::Entry& entry, XmlHandler& handler) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate(nullptr), &XML_ParserFree);
  if (!parser) return domain::fail(domain::Error::internal("XML_ParserCreate failed"));
  State state{parser.get(), handler};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  constexpr int kChunk = 1 << 16;
  for (;;) {
    void* buffer = XML_GetBuffer(parser.get(), kChunk);
    if (!buffer) return domain::fail(domain::Error::internal("XML_GetBuffer failed"));
    auto n = entry.read(static_cast<char*>(buffer), kChunk);
    if (!n) return domain::fail(std::move(n.error()));
    const bool last = *n == 0;
    const XML_Status status = XML_ParseBuffer(parser.get(), static_cast<int>(*n), last);
    if (handler.error_) return domain::fail(std::move(*handler.error_));
    if (handler.stopped_) return domain::ok();
    if (state.doctype) return domain::fail(damaged(entry.name() + ": DOCTYPE refused"));
    if (status != XML_STATUS_OK)
      return domain::fail(damaged(entry.name() + ": " +
                                  XML_ErrorString(XML_GetErrorCode(parser.get())) + " at line " +
                                  std::to_string(XML_GetCurrentLineNumber(parser.get()))));
    if (last) return domain::ok();
  }
}

}  // namespace lt::formats
