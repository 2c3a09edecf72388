// Fuzz target: text read as each temporal type (engine/function/temporal_parse.hpp). What reads
// must print back to text that reads as the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/function/temporal_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using newsgraph::ValueType;
    for (const ValueType type : {ValueType::Date, ValueType::LocalTime, ValueType::Time, ValueType::LocalDateTime,
                                 ValueType::DateTime, ValueType::Duration}) {
        const auto parsed = newsgraph::temporalparse::parseValue(type, text);
        if (parsed && newsgraph::temporalparse::parseValue(type, parsed->temporalString()) != parsed) {
            std::abort(); // printing and parsing disagree
        }
    }
    return 0;
}
