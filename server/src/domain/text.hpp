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

}  // namespace lt::domain
