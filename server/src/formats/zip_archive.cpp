// libzip underneath ZipArchive (see zip_archive.hpp).
#include "formats/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <string>

namespace lt::formats {

using domain::fail;

namespace {
zip_t* as_zip(void* p) {
  return static_cast<zip_t*>(p);
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 1024) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

domain::Error too_large(std::uint64_t limit) {
  return file_error(errors::too_large,
                    "The workbook unpacks to more than " + size_text(limit) +
                        ", far more than a learner spreadsheet holds. Check it is the right "
                        "file, or split it into smaller files.",
                    "zip decompressed size over the limit");
}

domain::Error unreadable(int code, const std::string& what) {
  if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_WRONGPASSWD)
    return file_error(errors::corrupt,
                      "The workbook is protected with a password. Remove the password, save it "
                      "and upload it again.",
                      what);
  return file_error(errors::corrupt,
                    "The workbook is damaged or incomplete and cannot be read. Open it in your "
                    "spreadsheet program, save it again and upload the new copy.",
                    what);
}
}  // namespace

domain::Result<std::unique_ptr<ZipArchive>> ZipArchive::open(std::string_view bytes,
                                                             const Limits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return fail(domain::Error::internal("zip_source_buffer_create failed"));
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    const int code = zip_error_code_zip(&error);
    const std::string detail = std::string("zip_open: ") + zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    // The bytes start like a zip (that is how we got here), so "not a zip" means cut short.
    return fail(unreadable(code, detail));
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipArchive>(new ZipArchive(zip, limits));
}

ZipArchive::~ZipArchive() {
  zip_discard(as_zip(zip_));
}

bool ZipArchive::contains(std::string_view name) const {
  return zip_name_locate(as_zip(zip_), std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

domain::Result<std::unique_ptr<ZipArchive::Entry>> ZipArchive::open_entry(std::string_view name) {
  const std::string n(name);
  const zip_int64_t index = zip_name_locate(as_zip(zip_), n.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return fail(unreadable(ZIP_ER_NOENT, "missing part " + n));
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(as_zip(zip_), index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > std::min(limits_.max_entry_bytes, limits_.max_uncompressed_bytes))
    return fail(too_large(std::min(limits_.max_entry_bytes, limits_.max_uncompressed_bytes)));
  zip_file_t* file = zip_fopen_index(as_zip(zip_), index, 0);
  if (!file) {
    zip_error_t* error = zip_get_error(as_zip(zip_));
    return fail(
        unreadable(zip_error_code_zip(error), "zip_fopen " + n + ": " + zip_error_strerror(error)));
  }
  return std::unique_ptr<Entry>(new Entry(*this, file, n));
}

domain::Result<std::string> ZipArchive::read_all(std::string_view name) {
  auto entry = open_entry(name);
  if (!entry) return fail(std::move(entry.error()));
  std::string out;
  char buffer[16384];
  for (;;) {
    auto n = (*entry)->read(buffer, sizeof buffer);
    if (!n) return fail(std::move(n.error()));
    if (*n == 0) return out;
    out.append(buffer, *n);
  }
}

ZipArchive::Entry::~Entry() {
  zip_fclose(static_cast<zip_file_t*>(file_));
}

domain::Result<std::size_t> ZipArchive::Entry::read(char* buffer, std::size_t capacity) {
  const zip_int64_t n = zip_fread(static_cast<zip_file_t*>(file_), buffer, capacity);
  if (n < 0) {
    zip_error_t* error = zip_file_get_error(static_cast<zip_file_t*>(file_));
    return fail(unreadable(zip_error_code_zip(error),
                           "zip_fread " + name_ + ": " + zip_error_strerror(error)));
  }
  read_ += static_cast<std::uint64_t>(n);
  archive_.total_read_ += static_cast<std::uint64_t>(n);
  const Limits& limits = archive_.limits_;
  if (read_ > limits.max_entry_bytes) return fail(too_large(limits.max_entry_bytes));
  if (archive_.total_read_ > limits.max_uncompressed_bytes)
    return fail(too_large(limits.max_uncompressed_bytes));
  return static_cast<std::size_t>(n);
}

}  // namespace lt::formats
