// The one translation unit of the program that defines VNUM_IMPLEMENTATION, and so compiles
// Boost.JSON's sources.
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>
