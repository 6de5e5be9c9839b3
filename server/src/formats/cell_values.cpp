// Number and date text for spreadsheet cells (see cell_values.hpp).
#include "formats/cell_values.hpp"

#include <charconv>
#include <chrono>
#include <cmath>

namespace lt::formats {

std::string number_text(double value) {
  if (!std::isfinite(value)) return {};
  if (value == 0) return "0";  // also -0
  char buf[64];
  const double magnitude = std::fabs(value);
  const auto format =
      magnitude < 1e15 && magnitude >= 1e-5 ? std::chars_format::fixed : std::chars_format::general;
  const auto result = std::to_chars(buf, buf + sizeof buf, value, format);
  return std::string(buf, result.ptr);
}

namespace {
using namespace std::chrono;

constexpr double kLastSerial1900 = 2958465;  // 9999-12-31

// Zero-padded decimal digits, without printf (date cells are many).
void append_padded(std::string& out, long long n, int width) {
  char digits[24];
  int len = 0;
  do {
    digits[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0 && len < 20);
  for (int i = len; i < width; ++i) out.push_back('0');
  while (len > 0) out.push_back(digits[--len]);
}

std::string two(int n) {
  std::string out;
  append_padded(out, n, 2);
  return out;
}

std::string iso(const year_month_day& ymd) {
  std::string out;
  out.reserve(10);
  append_padded(out, static_cast<int>(ymd.year()), 4);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(ymd.month()), 2);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(ymd.day()), 2);
  return out;
}
}  // namespace

std::optional<std::string> excel_date_text(double serial, bool date1904, DateStyle style) {
  if (!std::isfinite(serial) || style == DateStyle::none) return std::nullopt;
  const double last = date1904 ? kLastSerial1900 - 1462 : kLastSerial1900;
  if (serial < 0 || serial >= last + 1) return std::nullopt;
  long long day = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(day)) * 86400.0);
  if (seconds >= 86400) {
    ++day;
    seconds -= 86400;
  }
  std::string time = two(static_cast<int>(seconds / 3600)) + ":" +
                     two(static_cast<int>(seconds / 60 % 60)) + ":" +
                     two(static_cast<int>(seconds % 60));
  if (style == DateStyle::time) return time;
  std::string date;
  if (date1904) {
    date = iso(year_month_day{sys_days{year{1904} / January / 1} + days{day}});
  } else {
    if (day < 1) return std::nullopt;  // Excel shows serial 0 as the non-date 1900-01-00
    if (day == 60) {
      date = "1900-02-29";  // the day Excel keeps for Lotus 1-2-3's leap-year mistake
    } else {
      // Serials before the phantom day count from 31 Dec 1899, later ones from 30 Dec 1899.
      const auto epoch =
          day < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
      date = iso(year_month_day{epoch + days{day}});
    }
  }
  if (style == DateStyle::datetime) return date + " " + time;
  return date;
}

std::optional<double> excel_serial(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const char* s = text.data();
  if (std::from_chars(s, s + 4, y).ptr != s + 4 || std::from_chars(s + 5, s + 7, m).ptr != s + 7 ||
      std::from_chars(s + 8, s + 10, d).ptr != s + 10)
    return std::nullopt;
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok() || y < 1900) return std::nullopt;
  const auto days_since = (sys_days{ymd} - sys_days{year{1899} / December / 30}).count();
  // Before 1 March 1900 Excel's count is one lower (it has no 29 February 1900 to skip).
  return static_cast<double>(days_since < 61 ? days_since - 1 : days_since);
}

DateStyle builtin_format_style(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return DateStyle::date;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateStyle::time;
  if (id == 22) return DateStyle::datetime;
  return DateStyle::none;
}

DateStyle format_code_style(std::string_view code) {
  bool day_or_year = false, month_or_minute = false, time = false, in_quote = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (in_quote) {
      in_quote = c != '"';
      continue;
    }
    if (c == ';') break;  // only the first section (positive numbers) decides
    if (c == '"') {
      in_quote = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped literal, a space the width of the next character, or a fill character
    } else if (c == '[') {
      // [h], [mm], [ss] are elapsed time; [Red], [$-809], [>100] are not dates
      const auto close = code.find(']', i);
      if (close == std::string_view::npos) break;
      const auto inner = code.substr(i + 1, close - i - 1);
      if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos)
        time = true;
      i = close;
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      day_or_year = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      time = true;
    } else if (c == 'm' || c == 'M') {
      month_or_minute = true;
    }
  }
  // "m" is the month beside a day or year, or alone ("mmm yy", "mmmm"); beside h or s, minutes.
  const bool date = day_or_year || (month_or_minute && !time);
  if (date && time) return DateStyle::datetime;
  if (date) return DateStyle::date;
  if (time) return DateStyle::time;
  return DateStyle::none;
}

}  // namespace lt::formats
