// Fuzz target: the CSV reader (libcsv, UTF-8 checks, record numbering) and the format detection
// in front of it, on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/csv_reader.hpp"
#include "formats/read_table.hpp"
#include "fuzz_reader_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto limits = lt::fuzz::fuzz_limits();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lt::fuzz::check_table(lt::formats::read_csv(bytes, limits), limits);
  if (lt::formats::sniff_format(bytes) == lt::formats::FileFormat::csv)
    lt::fuzz::check_table(lt::formats::read_table(bytes, "text/csv", "upload.csv", limits), limits);
  return 0;
}
