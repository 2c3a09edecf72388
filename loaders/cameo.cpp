#include "loaders/cameo.hpp"

#include <array>
#include <regex>

namespace newsgraph {

namespace {

constexpr size_t kRootDigits = 2;
constexpr size_t kBaseDigits = 3;
constexpr int kQuadVerbalCooperation = 1;
constexpr int kQuadMaterialCooperation = 2;
constexpr int kQuadVerbalConflict = 3;
constexpr int kQuadMaterialConflict = 4;
constexpr int kLastVerbalCooperationRoot = 5;
constexpr int kLastMaterialCooperationRoot = 9;
constexpr int kLastVerbalConflictRoot = 14;
constexpr int kLastRoot = 20;

// The codes of the country table that name regions or places, not states.
constexpr std::array<std::string_view, 28> kRegionCodes = {
    "WSB", "BAG", "GZS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU",
    "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"};

struct Repair {
    std::string_view code;
    std::string_view description;
};
constexpr std::array<Repair, 3> kRepairs = {{
    {"033", "Express intent to provide material aid, not specified below"},
    {"044", "Meet at a third location"},
    {"2041", "Use chemical, biological, or radiological weapons"},
}};

constexpr std::array<std::string_view, 2> kNotSpecified = {" not specified below", " not spec below"};

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string collapseSpaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

std::string cameoVerb(std::string_view description) {
    std::string out;
    out.reserve(description.size());
    bool pending = false;
    for (char c : description) {
        if (!isAlnum(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) {
            out.push_back('_');
            pending = false;
        }
        out.push_back(upper(c));
    }
    return out;
}

std::string looseKey(std::string_view text) {
    std::string out;
    bool pending = false;
    for (char c : text) {
        if (!isAlnum(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) {
            out.push_back(' ');
            pending = false;
        }
        out.push_back(lower(c));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> repairCameoEventRow(std::string_view code, std::string_view description) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string text = collapseSpaces(description);
    // "...engagement106:[-5.0] Demand withdrawal": a second row glued onto the first.
    static const std::regex glued(R"(^(.*?)(\d{2,4}):\[[-0-9.]+\]\s*(.*)$)");
    std::smatch match;
    if (std::regex_match(text, match, glued)) {
        out.emplace_back(std::string(code), collapseSpaces(match[1].str()));
        out.emplace_back(match[2].str(), collapseSpaces(match[3].str()));
        return out;
    }
    for (const Repair& repair : kRepairs) {
        if (repair.code == code) {
            out.emplace_back(std::string(code), std::string(repair.description));
            return out;
        }
    }
    out.emplace_back(std::string(code), text);
    return out;
}

int cameoQuadClass(std::string_view rootCode) {
    if (rootCode.size() != kRootDigits || rootCode[0] < '0' || rootCode[0] > '9' || rootCode[1] < '0' ||
        rootCode[1] > '9') {
        return 0;
    }
    const int root = (rootCode[0] - '0') * 10 + (rootCode[1] - '0');
    if (root < 1 || root > kLastRoot) {
        return 0;
    }
    if (root <= kLastVerbalCooperationRoot) {
        return kQuadVerbalCooperation;
    }
    if (root <= kLastMaterialCooperationRoot) {
        return kQuadMaterialCooperation;
    }
    if (root <= kLastVerbalConflictRoot) {
        return kQuadVerbalConflict;
    }
    return kQuadMaterialConflict;
}

CameoEvents::CameoEvents(const std::vector<std::pair<std::string, std::string>>& rows) {
    for (const auto& [code, description] : rows) {
        if (code.size() < kRootDigits || byCode_.count(code) != 0) {
            continue; // QuadClass rows ("1".."4") and repeats
        }
        CameoEvent event;
        event.code = code;
        event.description = description;
        event.verb = cameoVerb(description);
        event.rootCode = code.substr(0, kRootDigits);
        event.baseCode = code.substr(0, std::min(code.size(), kBaseDigits));
        event.level = code.size() == kRootDigits  ? CameoLevel::Root
                      : code.size() == kBaseDigits ? CameoLevel::Base
                                                   : CameoLevel::Leaf;
        event.quadClass = cameoQuadClass(event.rootCode);
        byCode_.emplace(code, events_.size());
        events_.push_back(std::move(event));
    }
    // Names: roots first, then the specific codes without "not specified below", then their
    // exact descriptions, each later pass overriding the earlier.
    for (size_t i = 0; i < events_.size(); ++i) {
        if (events_[i].level == CameoLevel::Root) {
            byName_[looseKey(events_[i].description)] = i;
        }
    }
    for (size_t i = 0; i < events_.size(); ++i) {
        if (events_[i].level == CameoLevel::Root) {
            continue;
        }
        std::string text = events_[i].description;
        for (std::string_view suffix : kNotSpecified) {
            if (const size_t cut = text.find(suffix); cut != std::string::npos) {
                text.erase(cut);
                byName_[looseKey(text)] = i;
                break;
            }
        }
    }
    for (size_t i = 0; i < events_.size(); ++i) {
        if (events_[i].level != CameoLevel::Root) {
            byName_[looseKey(events_[i].description)] = i;
        }
    }
}

const CameoEvents& CameoEvents::builtin() {
    static const CameoEvents table = [] {
        std::vector<std::pair<std::string, std::string>> rows;
        for (const CodeName& row : cameo_data::events()) {
            rows.emplace_back(row.code, row.name);
        }
        return CameoEvents(rows);
    }();
    return table;
}

const CameoEvent* CameoEvents::find(std::string_view code) const {
    auto it = byCode_.find(code);
    return it == byCode_.end() ? nullptr : &events_[it->second];
}

const CameoEvent* CameoEvents::matchName(std::string_view name) const {
    auto it = byName_.find(looseKey(name));
    return it == byName_.end() ? nullptr : &events_[it->second];
}

bool isCameoRegion(std::string_view code) {
    for (std::string_view region : kRegionCodes) {
        if (region == code) {
            return true;
        }
    }
    return false;
}

} // namespace newsgraph
