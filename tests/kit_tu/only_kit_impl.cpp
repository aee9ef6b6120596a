// The program's one VNUM_IMPLEMENTATION unit includes only <vnum/vnum_testing.hpp>: that still
// compiles all of vnum (Boost.JSON's sources, vnum's definitions, the kit's), as it did when the
// umbrella included <vnum/vnum.hpp>. only_kit_user.cpp uses them.
#define VNUM_IMPLEMENTATION
#include <vnum/vnum_testing.hpp>
