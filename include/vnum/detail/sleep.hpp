// vnum — the definition of detail::sleep_for, declared in <vnum/retry.hpp>: compiled once per
// program, in the translation unit that defines VNUM_IMPLEMENTATION (see <vnum/src.hpp>).
// Upper detail level: built on the core headers.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_SLEEP_HPP
#define VNUM_DETAIL_SLEEP_HPP

#include <vnum/retry.hpp>

#include <chrono>
#include <thread>

namespace vnum::detail {

void sleep_for(std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_SLEEP_HPP
