// A fast XML tokenizer for the big parts of a workbook (the sheet, the shared strings), feeding
// the same XmlHandler callbacks as expat. Worksheet XML is hundreds of bytes per row and a
// 100,000-row sheet is 70–110 MB: expat alone took most of the import's parse budget, while this
// finds markup with memchr. It understands what those parts contain — elements, attributes in
// either quote, the five predefined and numeric character references, comments, processing
// instructions, CDATA, CR LF line ends and attribute white space as XML 1.0 defines them — checks
// that end tags match and there is one root, refuses any DOCTYPE, and is bounded: no token may
// grow past `max_token_bytes`. It checks less than expat (names' characters, duplicate attributes,
// the characters of UTF-8 text, which the TableBuilder checks per cell). UTF-8 parts only:
// parse_xml sends others to expat. xml_scanner_test compares the two on the same documents.
#pragma once

#include <cstddef>
#include <string_view>

#include "domain/error.hpp"
#include "formats/xml_stream.hpp"
#include "formats/zip_archive.hpp"

namespace lt::formats {

// Tokenizes `first` (bytes already read from the source) and then the rest of the source.
domain::Result<void> scan_xml(std::string_view first, ByteSource& entry, XmlHandler& handler,
                              std::size_t max_token_bytes);

}  // namespace lt::formats
