#include "loaders/news_load.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace fs = std::filesystem;

bool isDirectory(const std::string& path) {
    std::error_code code;
    return fs::is_directory(path, code);
}

bool fileExists(const std::string& path) {
    std::error_code code;
    return fs::is_regular_file(path, code);
}

std::string joinPath(const std::string& folder, std::string_view name) {
    return (fs::path(folder) / std::string(name)).string();
}

std::string fileName(const std::string& path) {
    return fs::path(path).filename().string();
}

std::string provenanceName(const std::string& path) {
    const fs::path full = fs::absolute(path).lexically_normal();
    for (fs::path folder = full.parent_path(); folder.has_relative_path(); folder = folder.parent_path()) {
        if (folder.filename() == "datasets") {
            return full.lexically_relative(folder).generic_string();
        }
    }
    return full.filename().string();
}

std::vector<std::string> listInputFiles(const std::string& path, const std::vector<std::string_view>& suffixes) {
    std::error_code code;
    if (!fs::exists(path, code)) {
        throw LoadError(path, 0, "cannot open: no such file or folder");
    }
    if (!fs::is_directory(path, code)) {
        return {path};
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(path, code)) {
        if (!entry.is_regular_file(code)) {
            continue;
        }
        const std::string name = entry.path().filename().string();
        const bool wanted = suffixes.empty() || std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view s) {
                                return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
                            });
        if (wanted) {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        throw LoadError(path, 0, "the folder holds no input file of this format");
    }
    return files;
}

size_t firstInvalidUtf8Field(const std::vector<std::string_view>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string_view text = fields[i];
        if (!isAscii(text) && findInvalidUtf8(text)) {
            return i + 1;
        }
    }
    return 0;
}

} // namespace newsgraph
