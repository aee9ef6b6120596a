// A program whose VNUM_IMPLEMENTATION unit belongs to the library under test, which knows nothing
// of the test kit: this unit compiles Boost.JSON's sources and vnum's definitions, kit.cpp the test
// kit's (VNUM_TESTING_IMPLEMENTATION), and test.cpp, which defines neither, uses all three.
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>

#include <string>

// The library's own code, as a service under test would have it.
std::string provider_name() { return "cellcast"; }
