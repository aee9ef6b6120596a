// vnum — the compiled part of the library: the validators', builders' and parsers' definitions,
// the default retry sleep, and Boost.JSON's sources. <vnum/vnum.hpp> includes it in the one
// translation unit of a program that defines VNUM_IMPLEMENTATION; every other translation unit
// sees only the declarations, and so compiles without Boost.JSON.
// SPDX-License-Identifier: MIT
#ifndef VNUM_SRC_HPP
#define VNUM_SRC_HPP

#include <vnum/cellcast/impl/build.hpp>
#include <vnum/cellcast/impl/parse.hpp>
#include <vnum/cellcast/impl/validate.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/sleep.hpp>
#include <vnum/identitycall/impl/build.hpp>
#include <vnum/identitycall/impl/parse.hpp>
#include <vnum/identitycall/impl/validate.hpp>

#endif  // VNUM_SRC_HPP
