// The one translation unit of the program that defines VNUM_IMPLEMENTATION, and so compiles
// Boost.JSON's sources.
#define VNUM_IMPLEMENTATION
#if __has_include("vnum.hpp")
#include "vnum.hpp"  // the single header, copied next to this file
#else
#include <vnum/vnum.hpp>
#endif
