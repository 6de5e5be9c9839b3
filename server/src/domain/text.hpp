// Small text helpers shared by the domain rules: trimming, case folding, UTF-8 length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lt::domain {

std::string trim(std::string_view text);
std::string ascii_lower(std::string_view text);
// Number of code points in a UTF-8 string (continuation bytes are not counted).
std::size_t utf8_length(std::string_view text);
// A spreadsheet heading as compared with the expected ones: lower case, single spaces, no
// mandatory mark ("  First  Name * " -> "first name").
std::string normalise_heading(std::string_view heading);

}  // namespace lt::domain
