#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/catalog/name_table.hpp"

namespace newsgraph {

// CAMEO (Conflict and Mediation Event Observations), as GDELT's lookup files give it: event codes
// (a 2-digit root, a 3-digit base code, an optional 4th digit), country, actor-type and
// known-group codes. The tables are built in (generated from shared/datasets/cameo_lookups), so
// every event loader names its relationship types the same way whether or not `cameo` was loaded.
//
// Repairs to the upstream event file, applied to the built-in table and to files read by the
// `cameo` loader alike: the row "1056 ...engagement106:[-5.0] Demand withdrawal" is two rows (1056
// and 106); 044 is "Meet at a third location" (the upstream text is mojibake); 033 "matyerial" and
// 2041 "radiologicalweapons" are spelling slips. In the country table COL is "Colombia" (upstream
// "Columbia") and REU "Reunion".
struct CodeName {
    const char* code;
    const char* name;
};

namespace cameo_data {
const std::vector<CodeName>& events();
const std::vector<CodeName>& countries();
const std::vector<CodeName>& actorTypes();
const std::vector<CodeName>& knownGroups();
} // namespace cameo_data

// The relationship type of a CAMEO description: ASCII letters and digits upper-cased, every run of
// other characters turned into one '_', none at either end ("Accuse of espionage, treason" ->
// ACCUSE_OF_ESPIONAGE_TREASON, "Make statement, not specified below" ->
// MAKE_STATEMENT_NOT_SPECIFIED_BELOW).
std::string cameoVerb(std::string_view description);

// The repaired rows of one event-file row (usually the row itself; see above).
std::vector<std::pair<std::string, std::string>> repairCameoEventRow(std::string_view code, std::string_view description);

// GDELT's QuadClass of a root code: 01-05 verbal cooperation (1), 06-09 material cooperation (2),
// 10-14 verbal conflict (3), 15-20 material conflict (4); 0 for anything else.
int cameoQuadClass(std::string_view rootCode);

enum class CameoLevel : uint8_t { Root, Base, Leaf };

struct CameoEvent {
    std::string code;
    std::string description;
    std::string verb;
    std::string baseCode; // first three digits (the code itself for roots and base codes: see level)
    std::string rootCode; // first two digits
    CameoLevel level = CameoLevel::Root;
    int quadClass = 0;
};

// The event codes, looked up by code or (for ICEWS relation names) by description.
class CameoEvents {
public:
    explicit CameoEvents(const std::vector<std::pair<std::string, std::string>>& rows);
    // The built-in table.
    static const CameoEvents& builtin();

    const std::vector<CameoEvent>& all() const { return events_; }
    const CameoEvent* find(std::string_view code) const;
    // The event whose description matches `name` (ASCII case, punctuation and a trailing "not
    // specified below" ignored; a 3- or 4-digit code wins over a root of the same name), or null.
    const CameoEvent* matchName(std::string_view name) const;

private:
    std::vector<CameoEvent> events_;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> byCode_;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> byName_;
};

// Whether a code of the country table is a region or place rather than a state (AFR, WSB, ...).
bool isCameoRegion(std::string_view code);

// Lower-cased ASCII letters and digits of `text`, words separated by one space.
std::string looseKey(std::string_view text);

} // namespace newsgraph
