// Writing gzip data for the tests that read compressed input.
#pragma once

#include <string>

#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>

namespace newsgraph::testing {

// `text` compressed as one gzip member (header, deflate data, CRC-32 and size trailer).
inline std::string gzipCompress(const std::string& text) {
    std::string compressed;
    {
        boost::iostreams::filtering_ostream out;
        out.push(boost::iostreams::gzip_compressor());
        out.push(boost::iostreams::back_inserter(compressed));
        out << text;
    } // closing the chain flushes the deflate stream and writes the trailer
    return compressed;
}

} // namespace newsgraph::testing
