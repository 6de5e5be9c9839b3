// Reads CSV text into a Table through libcsv (strict RFC 4180 quoting): UTF-8 with or without a
// byte-order mark, commas, quoted fields with embedded commas, quotes and newlines. Row numbers
// count records, as Excel numbers the rows of an opened CSV, not physical lines. Text that is not
// UTF-8 is refused with the row it was found in; no other encoding is guessed.
#pragma once

#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"

namespace lt::formats {

// Errors: not_utf8 (with the row, or UTF-16 named as such), corrupt_file (a stray or unclosed
// quotation mark, with the row), and the TableBuilder's cell, row and column limits. With a `sink`
// the rows go to it as they are read (see RowSink).
domain::Result<Table> read_csv(std::string_view bytes, const Limits& limits,
                               RowSink* sink = nullptr);

}  // namespace lt::formats
