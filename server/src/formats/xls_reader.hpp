// Reads the first sheet of a legacy Excel 97–2003 (.xls) workbook into a Table through FreeXL.
// FreeXL needs a file path and was not written for hostile input, so the bytes go to a private
// temporary file and FreeXL runs in a child process (a fresh one, started from our own executable,
// holding none of the server's memory) with CPU and memory limits and a deadline; the child
// streams cells back through a pipe. A file that crashes, hangs or exhausts FreeXL costs a child
// process and gives an error, never the server.
#pragma once

#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"

namespace lt::formats {

// Errors: not_a_spreadsheet (an OLE2 file with no workbook, e.g. a Word document or a
// password-encrypted .xlsx), corrupt_file (damaged, obfuscated with a password, or the reader
// stopped), and the TableBuilder's cell, row and column limits. Formulas cannot be seen through
// FreeXL: their cells are read as their last values, not flagged. With a `sink` the rows go to it
// as they come from the child (see RowSink).
domain::Result<Table> read_xls(std::string_view bytes, const Limits& limits,
                               RowSink* sink = nullptr);

}  // namespace lt::formats
