// The isolated FreeXL reader (see xls_reader.hpp). The child is a fresh process, not a fork: the
// parent runs its own executable again (/proc/self/exe) with LT_XLS_READER_CHILD set, and a static
// initializer of this file turns that process into the reader before main() runs. A fork would
// carry a copy of the server's memory, which a FreeXL over-read (fuzzing finds one in seconds)
// could leak into cell text. The child writes records to the pipe on fd 3:
//   'R' row(u32, 1-based)                      a row with at least one value begins
//   'C' column(u32) length(u32) bytes          a cell of that row
//   'E' code(str) message(str) detail(str)     FreeXL refused the file (str = length(u32) bytes)
//   'D' sheet(str)                             all cells sent
// and the parent feeds them to a TableBuilder, which applies the limits; when a limit is hit the
// parent stops reading and kills the child.
#include "formats/xls_reader.hpp"

#include <fcntl.h>
#include <freexl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "formats/cell_values.hpp"
#include "formats/private_temp.hpp"
#include "formats/xls_formulas.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define LT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LT_UNDER_ASAN 1
#endif
#endif

namespace lt::formats {

using domain::fail;

namespace {

domain::Error unreadable(std::string detail) {
  return file_error(errors::corrupt,
                    "The Excel 97–2003 workbook (.xls) is damaged or uses features we cannot read. "
                    "Open it in Excel, save it as an Excel workbook (.xlsx) and upload that file.",
                    std::move(detail));
}

// ---- child side -------------------------------------------------------------------------------

class PipeWriter {
 public:
  explicit PipeWriter(int fd) : fd_(fd) {}
  void byte(char c) { buffer_.push_back(c); }
  void u32(std::uint32_t v) { buffer_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    buffer_.append(s);
    if (buffer_.size() >= (1u << 16)) flush();
  }
  bool flush() {
    std::size_t at = 0;
    while (at < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + at, buffer_.size() - at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      at += static_cast<std::size_t>(n);
    }
    buffer_.clear();
    return true;
  }

 private:
  int fd_;
  std::string buffer_;
};

std::string cell_text(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT:
      return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE:
      return number_text(v.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return v.value.text_value ? v.value.text_value : "";
    default:
      return {};
  }
}

void send_error(PipeWriter& out, const char* code, const std::string& detail) {
  out.byte('E');
  out.str(code);
  out.str("");
  out.str(detail);
  out.flush();
}

// Runs in the child: never returns.
[[noreturn]] void dump_workbook(const char* path, int fd, unsigned seconds) {
  rlimit cpu{seconds, seconds + 1};
  setrlimit(RLIMIT_CPU, &cpu);
#ifndef LT_UNDER_ASAN
  // FreeXL allocates rows x columns cells up front: bound what it may take beyond what the
  // process already maps (AddressSanitizer reserves terabytes of address space, so not there).
  char statm[64] = {};
  const int statm_fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (statm_fd >= 0) {
    const ssize_t n = ::read(statm_fd, statm, sizeof statm - 1);
    ::close(statm_fd);
    const unsigned long long pages = n > 0 ? std::strtoull(statm, nullptr, 10) : 0;
    if (pages > 0) {
      const rlim_t budget =
          static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) +
          (rlim_t{1} << 30);
      rlimit as{budget, budget};
      setrlimit(RLIMIT_AS, &as);
    }
  }
#endif
  PipeWriter out(fd);
  const void* handle = nullptr;
  const int opened = freexl_open(path, &handle);
  if (opened != FREEXL_OK) {
    send_error(out, opened == FREEXL_BIFF_WORKBOOK_NOT_FOUND ? "no_workbook" : "open",
               "freexl_open " + std::to_string(opened));
    _exit(0);
  }
  unsigned int obfuscated = 0, sheets = 0;
  freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &obfuscated);
  freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &sheets);
  if (obfuscated == FREEXL_BIFF_OBFUSCATED) {
    send_error(out, "password", "FILEPASS record");
    _exit(0);
  }
  if (sheets == 0 || freexl_select_active_worksheet(handle, 0) != FREEXL_OK) {
    send_error(out, "no_sheet", "no worksheet");
    _exit(0);
  }
  const char* name = nullptr;
  freexl_get_worksheet_name(handle, 0, &name);
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) {
    send_error(out, "dimensions", "freexl_worksheet_dimensions");
    _exit(0);
  }
  for (unsigned int r = 0; r < rows; ++r) {
    bool started = false;
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue value;
      if (freexl_get_cell_value(handle, r, c, &value) != FREEXL_OK) continue;
      std::string text = cell_text(value);
      if (text.empty()) continue;
      if (!started) {
        out.byte('R');
        out.u32(r + 1);
        started = true;
      }
      out.byte('C');
      out.u32(c);
      out.str(text);
    }
    if (!out.flush()) _exit(0);  // the parent stopped listening
  }
  out.byte('D');
  out.str(name ? name : "");
  out.flush();
  _exit(0);
}

constexpr const char* kChildVariable = "LT_XLS_READER_CHILD";
constexpr const char* kPathVariable = "LT_XLS_READER_PATH";
constexpr const char* kSecondsVariable = "LT_XLS_READER_SECONDS";

// Before main(): a process started as the reader child reads the workbook and exits; any other
// process (the server, a test binary) carries on untouched.
struct ChildEntry {
  ChildEntry() {
    const char* child = std::getenv(kChildVariable);
    const char* path = std::getenv(kPathVariable);
    const char* seconds = std::getenv(kSecondsVariable);
    if (!child || std::strcmp(child, "1") != 0 || !path || !seconds) return;
    const unsigned long limit = std::strtoul(seconds, nullptr, 10);
    dump_workbook(path, 3, static_cast<unsigned>(limit > 0 && limit < 3600 ? limit : 30));
  }
};
const ChildEntry child_entry;

// Starts the reader child with the pipe's write end as its fd 3 and nothing else open but stdio.
domain::Result<pid_t> spawn_reader(const std::string& path, int write_end, unsigned seconds) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, write_end, 3);
  posix_spawn_file_actions_addclosefrom_np(&actions, 4);
  // Appends rather than operator+: GCC 12 warns falsely (array-bounds) on the inlined
  // concatenation of a temporary.
  const auto variable = [](const char* name, const std::string& value) {
    std::string text(name);
    text.append("=").append(value);
    return text;
  };
  std::string child_var = variable(kChildVariable, "1");
  std::string path_var = variable(kPathVariable, path);
  std::string seconds_var = variable(kSecondsVariable, std::to_string(seconds));
  char name[] = "learnertrack-xls-reader";
  char* argv[] = {name, nullptr};
  char* envp[] = {child_var.data(), path_var.data(), seconds_var.data(), nullptr};
  // A clean slate of signals: none blocked (so the CPU limit's SIGXCPU lands), none ignored.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv, envp);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    return domain::fail(
        domain::Error::internal(std::string("posix_spawn: ") + std::strerror(spawned)));
  return pid;
}

// ---- parent side ------------------------------------------------------------------------------

// Decodes the child's records as they arrive.
class RecordParser {
 public:
  // `formulas`: the formula cells FreeXL leaves out, merged in row order as flagged cells.
  RecordParser(TableBuilder& builder, std::vector<XlsFormulaCell> formulas)
      : builder_(builder), formulas_(std::move(formulas)) {
    std::stable_sort(formulas_.begin(), formulas_.end(), [](const auto& a, const auto& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
  }

  // Consumes what it can of the buffer; an error stops everything.
  domain::Result<void> feed(std::string& buffer) {
    std::size_t at = 0;
    for (;;) {
      const std::size_t start = at;
      if (at >= buffer.size()) break;
      const char tag = buffer[at++];
      if (tag == 'R') {
        std::uint32_t row = 0;
        if (!u32(buffer, at, row)) {
          at = start;
          break;
        }
        if (auto added = formulas_before(row); !added) return added;
        if (auto begun = builder_.begin_row(row); !begun) return begun;
        current_row_ = row;
      } else if (tag == 'C') {
        std::uint32_t column = 0;
        std::string text;
        if (!u32(buffer, at, column) || !str(buffer, at, text)) {
          at = start;
          break;
        }
        if (auto added = builder_.cell(column, std::move(text)); !added) return added;
      } else if (tag == 'E') {
        std::string code, message, detail;
        if (!str(buffer, at, code) || !str(buffer, at, message) || !str(buffer, at, detail)) {
          at = start;
          break;
        }
        refused_ = code;
        detail_ = detail;
      } else if (tag == 'D') {
        std::string sheet;
        if (!str(buffer, at, sheet)) {
          at = start;
          break;
        }
        if (auto added = formulas_before(~std::uint32_t{0}); !added) return added;
        done_ = true;
        sheet_ = std::move(sheet);
      } else {
        return fail(unreadable("bad record from the xls child"));
      }
    }
    buffer.erase(0, at);
    return domain::ok();
  }

  bool done() const { return done_; }
  const std::optional<std::string>& refused() const { return refused_; }
  const std::string& detail() const { return detail_; }
  const std::string& sheet() const { return sheet_; }

 private:
  // Adds the formula cells of the open row, then those of rows before `row` (1-based) that
  // FreeXL sent nothing for.
  domain::Result<void> formulas_before(std::uint32_t row) {
    while (next_ < formulas_.size() && formulas_[next_].row + 1 < row) {
      const XlsFormulaCell& f = formulas_[next_];
      if (f.row + 1 != current_row_) {
        if (f.row + 1 < current_row_) {  // out of order in the file: FreeXL's rows win
          ++next_;
          continue;
        }
        if (auto begun = builder_.begin_row(f.row + 1); !begun) return begun;
        current_row_ = f.row + 1;
      }
      if (auto added = builder_.cell(f.column, f.text, true); !added) return added;
      ++next_;
    }
    return domain::ok();
  }

  static bool u32(const std::string& b, std::size_t& at, std::uint32_t& v) {
    if (b.size() - at < sizeof v) return false;
    std::memcpy(&v, b.data() + at, sizeof v);
    at += sizeof v;
    return true;
  }
  static bool str(const std::string& b, std::size_t& at, std::string& s) {
    std::uint32_t n = 0;
    std::size_t p = at;
    if (!u32(b, p, n) || b.size() - p < n) return false;
    s.assign(b, p, n);
    at = p + n;
    return true;
  }
  TableBuilder& builder_;
  std::vector<XlsFormulaCell> formulas_;
  std::size_t next_ = 0;
  std::uint32_t current_row_ = 0;
  bool done_ = false;
  std::optional<std::string> refused_;
  std::string detail_, sheet_;
};

domain::Error refusal(const std::string& code, const std::string& detail) {
  if (code == "password")
    return file_error(errors::corrupt,
                      "The workbook is protected with a password. Remove the password, save it "
                      "and upload it again.",
                      detail);
  if (code == "no_workbook")
    return file_error(errors::not_a_spreadsheet,
                      "The file is not an Excel workbook that we can read: it may be a Word or "
                      "other Office document, or a workbook encrypted with a password. Save it "
                      "as an Excel workbook (.xlsx) without a password and upload it again.",
                      detail);
  return unreadable(detail);
}

}  // namespace

domain::Result<Table> read_xls(std::string_view bytes, const Limits& limits, RowSink* sink) {
  if (bytes.size() > limits.max_file_bytes)
    return fail(file_error(errors::too_large, "The file is larger than " +
                                                  std::to_string(limits.max_file_bytes >> 20) +
                                                  " MB. Split it into smaller files."));
  auto dir = PrivateTempDir::create();
  if (!dir) return fail(std::move(dir.error()));
  auto path = dir->write_file("upload.xls", bytes);
  if (!path) return fail(std::move(path.error()));

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return fail(domain::Error::internal(std::string("pipe: ") + std::strerror(errno)));
  if (fds[1] == 3) {  // dup2 onto itself would keep close-on-exec set and lose the pipe
    const int moved = ::fcntl(fds[1], F_DUPFD_CLOEXEC, 4);
    ::close(fds[1]);
    fds[1] = moved;
  }
  auto spawned = spawn_reader(path->string(), fds[1], limits.xls_seconds);
  ::close(fds[1]);
  if (!spawned) {
    ::close(fds[0]);
    return fail(std::move(spawned.error()));
  }
  const pid_t child = *spawned;

  TableBuilder builder(limits, sink);
  RecordParser parser(builder, xls_formula_cells(bytes));
  std::optional<domain::Error> error;
  std::string buffer;
  std::uint64_t received = 0;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(limits.xls_seconds + 2);
  char chunk[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) {
      error = unreadable("xls reader timed out");
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the deadline check above ends it
    const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child finished (or died)
    received += static_cast<std::uint64_t>(n);
    if (received > limits.max_uncompressed_bytes) {
      error = file_error(errors::too_large,
                         "The workbook holds far more data than a learner spreadsheet. Check it "
                         "is the right file, or split it into smaller files.");
      break;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    if (auto fed = parser.feed(buffer); !fed) {
      error = std::move(fed.error());
      break;
    }
  }
  ::close(fds[0]);
  if (error) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (error) return fail(std::move(*error));
  if (parser.refused()) return fail(refusal(*parser.refused(), parser.detail()));
  if (!parser.done() || !buffer.empty())
    return fail(unreadable(WIFSIGNALED(status)
                               ? "xls reader stopped by signal " + std::to_string(WTERMSIG(status))
                               : "xls reader ended early"));
  return builder.finish(parser.sheet());
}

}  // namespace lt::formats
