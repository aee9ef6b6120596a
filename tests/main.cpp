// Catch2's runner for every unit test; the TAP reporter lets meson count individual test cases.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#include <catch2/catch_reporter_tap.hpp>
