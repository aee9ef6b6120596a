// The one unit of the test program that compiles the test kit's definitions, and nothing else: the
// program's VNUM_IMPLEMENTATION unit (library.cpp) does not include the kit.
#define VNUM_TESTING_IMPLEMENTATION
#include <vnum/vnum_testing.hpp>
