#pragma once

#include <vector>

#include "loaders/cameo.hpp"

namespace newsgraph::country_data {

struct Iso2Code {
    const char* iso2;
    const char* code; // the CAMEO code
};

struct CountryAlias {
    const char* alias;
    const char* code;
};

// ISO 3166 alpha-2 -> CAMEO country code, for every state of the CAMEO table (plus SSD, XKX, CUW).
const std::vector<Iso2Code>& iso2Codes();
// States the CAMEO table lacks (South Sudan, Kosovo, Curacao).
const std::vector<CodeName>& extraCountries();
// Other names of states: official long forms, ISO list forms ("Korea, Republic of"), short forms.
const std::vector<CountryAlias>& aliases();

} // namespace newsgraph::country_data
