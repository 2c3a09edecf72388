#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsgraph {

// Text helpers the formatters share.

// The number of code points (the width a terminal gives text without wide characters).
size_t displayWidth(std::string_view text);
// `text` cut to at most `width` code points, the last one '…' when it was cut.
std::string truncateToWidth(std::string_view text, size_t width);
// Control characters written as \u001b (they would move the cursor), invalid UTF-8 as U+FFFD.
std::string printable(std::string_view text);
// `text` as a JSON string literal with its quotes; invalid UTF-8 becomes U+FFFD.
std::string jsonString(std::string_view text);
// Invalid UTF-8 sequences replaced by U+FFFD.
std::string validUtf8(std::string_view text);

} // namespace newsgraph
