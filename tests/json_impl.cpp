// The one translation unit of the test programs that compiles Boost.JSON's sources.
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>
