#include "cli/output_format.hpp"

#include <array>
#include <utility>

namespace newsgraph {

namespace {

constexpr std::array<std::pair<std::string_view, OutputFormat>, 4> kFormats{{
    {"table", OutputFormat::Table},
    {"csv", OutputFormat::Csv},
    {"json", OutputFormat::Json},
    {"dot", OutputFormat::Dot},
}};

} // namespace

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
    for (const auto& [formatName, format] : kFormats) {
        if (formatName == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::string_view outputFormatName(OutputFormat format) {
    for (const auto& [formatName, candidate] : kFormats) {
        if (candidate == format) {
            return formatName;
        }
    }
    return "table";
}

std::string_view outputFormatNames() {
    return "table, csv, json, dot";
}

} // namespace newsgraph
