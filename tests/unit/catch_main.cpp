// The Catch2 entry point: every other file in tests/unit only defines test cases.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
