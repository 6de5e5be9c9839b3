// expat underneath parse_xml (see xml_stream.hpp).
#include "formats/xml_stream.hpp"

#include "domain/text.hpp"
#include "formats/xml_scanner.hpp"

#include <expat.h>

#include <memory>
#include <string>
#include <type_traits>

namespace lt::formats {

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

namespace {
// The local part of a NUL-terminated name in one pass (expat's names: the hot path of a sheet).
std::string_view local_of(const char* name) {
  const char* local = name;
  const char* p = name;
  for (; *p; ++p)
    if (*p == ':') local = p + 1;
  return std::string_view(local, static_cast<std::size_t>(p - local));
}
}  // namespace

const char* XmlHandler::attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a && a[0]; a += 2)
    if (local_of(a[0]) == name) return a[1];
  return nullptr;
}

void XmlHandler::attributes(const char** attributes, std::initializer_list<std::string_view> names,
                            const char** values) {
  std::size_t i = 0;
  for (std::string_view n : names) values[i++] = nullptr, (void)n;
  for (const char** a = attributes; a && a[0]; a += 2) {
    const std::string_view local = local_of(a[0]);
    i = 0;
    for (std::string_view n : names) {
      if (n == local) values[i] = a[1];
      ++i;
    }
  }
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
  s.handler.start(local_of(name), attributes);
  halt_if_stopping(s);
}

void on_end(void* data, const XML_Char* name) {
  auto& s = *static_cast<State*>(data);
  s.handler.end(local_of(name));
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

// Whether the part is UTF-8 (no UTF-16 byte-order mark or NUL bytes, no other encoding declared).
bool utf8_part(std::string_view head) {
  if (head.size() >= 2 &&
      (head[0] == '\0' || head[1] == '\0' || (head[0] == '\xFF' && head[1] == '\xFE') ||
       (head[0] == '\xFE' && head[1] == '\xFF')))
    return false;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) != "<?xml") return true;
  const std::string_view declaration = head.substr(0, head.find("?>"));
  const auto at = declaration.find("encoding");
  if (at == std::string_view::npos) return true;
  const auto quote = declaration.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return false;
  const std::string name = domain::ascii_lower(declaration.substr(quote + 1, 5));
  return name == "utf-8" && declaration.size() > quote + 6 &&
         (declaration[quote + 6] == '"' || declaration[quote + 6] == '\'');
}
}  // namespace

domain::Result<void> parse_xml(ByteSource& entry, XmlHandler& handler,
                               std::size_t fast_token_limit) {
  constexpr int kChunk = 1 << 16;
  // Enough of the start to see a byte-order mark and the XML declaration's encoding.
  std::string first;
  char chunk[4096];
  while (first.size() < 512) {
    auto got = entry.read(chunk, sizeof chunk);
    if (!got) return domain::fail(std::move(got.error()));
    if (*got == 0) break;
    first.append(chunk, *got);
  }
  if (fast_token_limit > 0 && utf8_part(first))
    return scan_xml(first, entry, handler, fast_token_limit);

  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate(nullptr), &XML_ParserFree);
  if (!parser) return domain::fail(domain::Error::internal("XML_ParserCreate failed"));
  State state{parser.get(), handler};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  bool pending_first = true;
  for (;;) {
    std::size_t n = 0;
    bool last = false;
    XML_Status status;
    if (pending_first) {
      pending_first = false;
      last = first.empty();
      status = XML_Parse(parser.get(), first.data(), static_cast<int>(first.size()), last);
    } else {
      void* buffer = XML_GetBuffer(parser.get(), kChunk);
      if (!buffer) return domain::fail(domain::Error::internal("XML_GetBuffer failed"));
      auto read = entry.read(static_cast<char*>(buffer), kChunk);
      if (!read) return domain::fail(std::move(read.error()));
      n = *read;
      last = n == 0;
      status = XML_ParseBuffer(parser.get(), static_cast<int>(n), last);
    }
    if (handler.error_) return domain::fail(std::move(*handler.error_));
    if (handler.stopped_) return domain::ok();
    if (state.doctype) return domain::fail(damaged_workbook(entry.name() + ": DOCTYPE refused"));
    if (status != XML_STATUS_OK)
      return domain::fail(
          damaged_workbook(entry.name() + ": " + XML_ErrorString(XML_GetErrorCode(parser.get())) +
                           " at line " + std::to_string(XML_GetCurrentLineNumber(parser.get()))));
    if (last) return domain::ok();
  }
}

}  // namespace lt::formats
