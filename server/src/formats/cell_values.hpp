// How numeric spreadsheet values become text: numbers as their shortest exact digits (a 10-digit
// ULN stays 1234567890, never 1.23E+9), Excel date serials as ISO dates in the workbook's date
// system (1900, with Excel's phantom 29 February 1900, or 1904), and which number formats mark a
// cell as a date. Shared by the .xlsx reader and the writers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lt::formats {

enum class DateStyle { none, date, datetime, time };

// Shortest text that reads back as exactly `value`: plain digits below 10^15 (1234567890, 0.1,
// -3.25), exponent form beyond (1e+21, 1.5e-07). Empty for NaN and infinities.
std::string number_text(double value);

// The text of an Excel date serial shown with `style`: "2008-04-01", "2008-04-01 13:45:00" or
// "13:45:00"; nullopt when the serial is outside 1900-01-01 (1904-01-01) … 9999-12-31.
std::optional<std::string> excel_date_text(double serial, bool date1904, DateStyle style);

// The serial of an ISO date "YYYY-MM-DD" in the 1900 system, or nullopt for anything else.
std::optional<double> excel_serial(std::string_view iso_date);

// Whether a built-in number format id (ECMA-376 18.8.30) shows a date or time.
DateStyle builtin_format_style(int id);
// Whether a custom number format code ("yyyy-mm-dd", "[$-809]dd/mm/yyyy;@") shows a date or time.
DateStyle format_code_style(std::string_view code);

}  // namespace lt::formats
