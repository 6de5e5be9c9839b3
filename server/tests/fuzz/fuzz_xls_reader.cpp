// Fuzz target: the .xls reader on arbitrary bytes: our compound-file walk that finds formula cells
// (in process, so the fuzzer sees its coverage) and FreeXL in its isolated child, whose crashes and
// hangs must come back as errors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/xls_formulas.hpp"
#include "formats/xls_reader.hpp"
#include "fuzz_reader_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto limits = lt::fuzz::fuzz_limits();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto formulas = lt::formats::xls_formula_cells(bytes, 1000);
  if (formulas.size() > 1000) std::abort();
  // FreeXL only ever sees compound files (read_table routes nothing else to it).
  if (bytes.substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
    lt::fuzz::check_table(lt::formats::read_xls(bytes, limits), limits);
  return 0;
}
