#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

// Byte offset of the first byte that breaks UTF-8 well-formedness (overlongs, surrogates and code
// points above U+10FFFF included), or nothing when `text` is valid UTF-8.
std::optional<size_t> findInvalidUtf8(std::string_view text);

// `text` with A-Z lowered, for names matched without regard to case (functions, aggregates).
std::string asciiLowered(std::string_view text);

} // namespace newsgraph
