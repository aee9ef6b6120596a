// vnum — the library's version: VNUM_VERSION_MAJOR, _MINOR, _PATCH and VNUM_VERSION_STRING.
// SPDX-License-Identifier: MIT
#ifndef VNUM_VERSION_HPP
#define VNUM_VERSION_HPP

// The version is set in meson.build; tests/version_test checks that this file agrees.
#define VNUM_VERSION_MAJOR 0
#define VNUM_VERSION_MINOR 1
#define VNUM_VERSION_PATCH 0
#define VNUM_VERSION_STRING "0.1.0"

#endif  // VNUM_VERSION_HPP
