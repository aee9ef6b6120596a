// The one translation unit of the test programs that defines VNUM_IMPLEMENTATION: it compiles
// Boost.JSON's sources, vnum's definitions and the test kit's (vnum_testing.hpp).
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>
