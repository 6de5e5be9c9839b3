// The compound-file and BIFF walk behind xls_formula_cells (see xls_formulas.hpp), following
// [MS-CFB] (header, DIFAT, FAT, directory, mini stream) and [MS-XLS] 2.4 (BoundSheet8, Formula).
// Every offset and chain is checked against the file; a bad one ends the walk quietly.
#include "formats/xls_formulas.hpp"

#include <cstring>
#include <optional>

#include "formats/cell_values.hpp"

namespace lt::formats {

namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;

std::uint16_t u16(std::string_view b, std::size_t at) {
  std::uint16_t v = 0;
  if (at + 2 <= b.size()) std::memcpy(&v, b.data() + at, 2);
  return v;
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  if (at + 4 <= b.size()) std::memcpy(&v, b.data() + at, 4);
  return v;
}

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view bytes) : b_(bytes) {}

  // The content of the stream named Workbook (or Book, BIFF5), or nullopt.
  std::optional<std::string> workbook_stream() {
    if (b_.size() < 512 || b_.substr(0, 8) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") return {};
    const std::uint16_t shift = u16(b_, 30);
    if (shift != 9 && shift != 12) return {};
    sector_size_ = std::size_t{1} << shift;
    if (u16(b_, 32) != 6) return {};
    if (!load_fat()) return {};
    auto directory = chain_bytes(fat_, u32(b_, 48), 0, false);
    if (!directory || directory->size() < 128) return {};
    const std::uint32_t mini_cutoff = u32(b_, 56);
    std::optional<std::string> mini_stream;
    for (std::size_t at = 0; at + 128 <= directory->size(); at += 128) {
      const std::string_view entry = std::string_view(*directory).substr(at, 128);
      const std::uint8_t type = static_cast<std::uint8_t>(entry[66]);
      const std::uint32_t start = u32(entry, 116);
      const std::uint32_t size = u32(entry, 120);
      if (at == 0) {
        if (type != 5) return {};  // the root entry owns the mini stream
        root_start_ = start;
        root_size_ = size;
        continue;
      }
      if (type != 2 || !is_workbook_name(entry)) continue;
      if (size > b_.size()) return {};
      if (size >= mini_cutoff) return chain_bytes(fat_, start, size, false);
      if (!load_mini_fat()) return {};
      return chain_bytes(mini_fat_, start, size, true);
    }
    return {};
  }

 private:
  static bool is_workbook_name(std::string_view entry) {
    const std::uint16_t length = u16(entry, 64);  // bytes, with the terminating NUL
    if (length < 2 || length > 64) return false;
    std::string name;
    for (std::size_t i = 0; i + 2 < length; i += 2) {
      const std::uint16_t c = u16(entry, i);
      if (c > 127) return false;
      name.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    }
    return name == "WORKBOOK" || name == "BOOK";
  }

  std::size_t sector_offset(std::uint32_t sector) const { return (sector + 1ull) * sector_size_; }

  bool load_fat() {
    std::vector<std::uint32_t> fat_sectors;
    const std::uint32_t fat_count = u32(b_, 44);
    if (fat_count > b_.size() / sector_size_ + 1) return false;
    for (std::size_t i = 0; i < 109 && fat_sectors.size() < fat_count; ++i)
      fat_sectors.push_back(u32(b_, 76 + 4 * i));
    std::uint32_t difat = u32(b_, 68);
    std::size_t guard = 0;
    while (fat_sectors.size() < fat_count && difat <= kMaxRegularSector) {
      if (++guard > b_.size() / sector_size_ + 1) return false;
      const std::size_t at = sector_offset(difat);
      if (at + sector_size_ > b_.size()) return false;
      const std::size_t per = sector_size_ / 4 - 1;
      for (std::size_t i = 0; i < per && fat_sectors.size() < fat_count; ++i)
        fat_sectors.push_back(u32(b_, at + 4 * i));
      difat = u32(b_, at + 4 * per);
    }
    for (std::uint32_t s : fat_sectors) {
      const std::size_t at = sector_offset(s);
      if (s > kMaxRegularSector || at + sector_size_ > b_.size()) return false;
      for (std::size_t i = 0; i < sector_size_ / 4; ++i) fat_.push_back(u32(b_, at + 4 * i));
    }
    return !fat_.empty();
  }

  bool load_mini_fat() {
    if (!mini_fat_.empty()) return true;
    auto table = chain_bytes(fat_, u32(b_, 60), 0, false);
    auto stream = chain_bytes(fat_, root_start_, root_size_, false);
    if (!table || !stream) return false;
    for (std::size_t i = 0; i + 4 <= table->size(); i += 4) mini_fat_.push_back(u32(*table, i));
    mini_stream_ = std::move(*stream);
    return !mini_fat_.empty();
  }

  // Follows a chain from `start`; `size` 0 reads the whole chain. Mini chains read 64-byte
  // sectors of the mini stream.
  std::optional<std::string> chain_bytes(const std::vector<std::uint32_t>& table,
                                         std::uint32_t start, std::size_t size, bool mini) {
    const std::string_view source = mini ? std::string_view(mini_stream_) : b_;
    const std::size_t unit = mini ? 64 : sector_size_;
    std::string out;
    std::uint32_t sector = start;
    // A chain visits each sector of the file at most once: more steps than sectors is a loop.
    const std::size_t max_steps = source.size() / unit + 1;
    for (std::size_t steps = 0; sector != kEndOfChain; ++steps) {
      if (sector >= table.size() || steps > max_steps) return {};
      const std::size_t at = mini ? sector * std::size_t{64} : sector_offset(sector);
      if (at + unit > source.size()) return {};
      out.append(source.substr(at, unit));
      if (size && out.size() >= size) break;
      sector = table[sector];
    }
    if (size) {
      if (out.size() < size) return {};
      out.resize(size);
    }
    return out;
  }

  std::string_view b_;
  std::size_t sector_size_ = 512;
  std::vector<std::uint32_t> fat_, mini_fat_;
  std::string mini_stream_;
  std::uint32_t root_start_ = kEndOfChain, root_size_ = 0;
};

constexpr std::uint16_t kFormula = 0x0006, kEof = 0x000A, kBoundSheet = 0x0085, kBof = 0x0809;

std::string cached_value(std::string_view value) {
  // [MS-XLS] 2.5.133 FormulaValue: the top two bytes 0xFFFF mark a non-number result.
  if (static_cast<unsigned char>(value[6]) == 0xFF &&
      static_cast<unsigned char>(value[7]) == 0xFF) {
    if (value[0] == 1) return value[2] ? "TRUE" : "FALSE";
    return {};  // a string (in the next record), an error or an empty string
  }
  double number = 0;
  std::memcpy(&number, value.data(), 8);
  return number_text(number);
}

}  // namespace

std::vector<XlsFormulaCell> xls_formula_cells(std::string_view bytes, std::size_t max_cells) {
  std::vector<XlsFormulaCell> out;
  const auto stream = CompoundFile(bytes).workbook_stream();
  if (!stream) return out;
  const std::string_view s = *stream;
  // Globals: the first BoundSheet8 record gives the first sheet's substream offset.
  std::optional<std::uint32_t> first_sheet;
  for (std::size_t at = 0; at + 4 <= s.size();) {
    const std::uint16_t type = u16(s, at), length = u16(s, at + 2);
    if (type == kBoundSheet && length >= 4 && !first_sheet) first_sheet = u32(s, at + 4);
    at += 4 + length;
    if (type == kEof) break;
  }
  if (!first_sheet || *first_sheet + 4 > s.size() || u16(s, *first_sheet) != kBof) return out;
  for (std::size_t at = *first_sheet; at + 4 <= s.size() && out.size() < max_cells;) {
    const std::uint16_t type = u16(s, at), length = u16(s, at + 2);
    if (at + 4 + length > s.size()) break;
    if (type == kFormula && length >= 20) {
      const std::string_view r = s.substr(at + 4, length);
      out.push_back({u16(r, 0), u16(r, 2), cached_value(r.substr(6, 8))});
    }
    if (type == kEof) break;
    at += 4 + length;
  }
  return out;
}

}  // namespace lt::formats
