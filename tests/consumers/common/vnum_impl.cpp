// The one translation unit of the program that defines VNUM_IMPLEMENTATION, and so compiles
// Boost.JSON's sources, vnum's definitions and, since the program uses the fakes, the test kit's.
#define VNUM_IMPLEMENTATION
#if __has_include("vnum.hpp")
#include "vnum.hpp"  // the single headers, copied next to this file
#include "vnum_testing.hpp"
#else
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>
#endif
