// GDELT rows made up for the loader tests.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::testing {

// 61 tab-separated fields in the shape of a GDELT 2.0 row.
inline std::string v2Row(const std::string& id, const std::string& date = "20150218", const std::string& goldstein = "2.8",
                         const std::string& actor1 = "CHN", const std::string& actor2 = "USA",
                         const std::string& code = "112") {
    std::vector<std::string> fields(61);
    fields[0] = id;
    fields[1] = date;
    fields[5] = actor1;
    fields[6] = actor1.empty() ? "" : "NAME " + actor1;
    fields[15] = actor2;
    fields[16] = actor2.empty() ? "" : "NAME " + actor2;
    fields[26] = code;
    fields[27] = code.substr(0, 3);
    fields[28] = code.substr(0, 2);
    fields[29] = "3";
    fields[30] = goldstein;
    fields[31] = "4";
    fields[34] = "-1.5";
    fields[59] = "20150218230000";
    fields[60] = "http://example.org/" + id;
    std::string row;
    for (size_t i = 0; i < fields.size(); ++i) {
        row += (i == 0 ? "" : "\t") + fields[i];
    }
    return row + "\n";
}

} // namespace newsgraph::testing
