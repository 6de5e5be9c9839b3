// Read-only access to a zip archive held in memory (an .xlsx file), through libzip. Every byte
// read is counted against the limits, per entry and in total, whatever the archive claims about
// its sizes, so a zip bomb stops at the limit instead of filling memory. Not thread-safe: one
// archive per reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"

namespace lt::formats {

// Bytes read a buffer at a time: a zip entry, or (in tests) a string.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `capacity` bytes into `buffer`; 0 at the end.
  virtual domain::Result<std::size_t> read(char* buffer, std::size_t capacity) = 0;
  // What it is, for error details ("xl/worksheets/sheet1.xml").
  virtual const std::string& name() const = 0;
};

class ZipArchive {
 public:
  class Entry;

  // Opens `bytes`, which must outlive the archive. Fails with corrupt_file for a truncated or
  // damaged archive (or bytes that are no zip at all).
  static domain::Result<std::unique_ptr<ZipArchive>> open(std::string_view bytes,
                                                          const Limits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether an entry with this name exists (names compare case-insensitively, as in OPC).
  bool contains(std::string_view name) const;
  // Opens an entry for reading; corrupt_file when it is missing.
  domain::Result<std::unique_ptr<Entry>> open_entry(std::string_view name);
  // A small entry's whole content (relationships, workbook.xml, mimetype).
  domain::Result<std::string> read_all(std::string_view name);

 private:
  ZipArchive(void* zip, const Limits& limits) : zip_(zip), limits_(limits) {}
  void* zip_;  // zip_t*
  const Limits& limits_;
  std::uint64_t total_read_ = 0;
  friend class Entry;
};

class ZipArchive::Entry final : public ByteSource {
 public:
  ~Entry() override;
  Entry(const Entry&) = delete;
  Entry& operator=(const Entry&) = delete;
  // Reads up to `capacity` decompressed bytes into `buffer`; 0 at the end. Fails with corrupt_file
  // (bad data, CRC mismatch, encryption) or file_too_large (a limit reached).
  domain::Result<std::size_t> read(char* buffer, std::size_t capacity) override;
  const std::string& name() const override { return name_; }

 private:
  Entry(ZipArchive& archive, void* file, std::string name)
      : archive_(archive), file_(file), name_(std::move(name)) {}
  ZipArchive& archive_;
  void* file_;  // zip_file_t*
  std::string name_;
  std::uint64_t read_ = 0;
  friend class ZipArchive;
};

}  // namespace lt::formats
