// Counts heap allocations: alloc_counter.cpp replaces the global operator new (every overload:
// plain, array, nothrow, aligned, and the matching deletes), so that a benchmark can report how
// many allocations one operation makes.
#ifndef VNUM_BENCHMARKS_ALLOC_COUNTER_HPP
#define VNUM_BENCHMARKS_ALLOC_COUNTER_HPP

#include <cstddef>

namespace bench {

// The allocations made so far by the calling thread (per thread: a benchmark's count is not
// disturbed by another thread, and counting needs no atomic instruction).
std::size_t allocations() noexcept;

}  // namespace bench

#endif  // VNUM_BENCHMARKS_ALLOC_COUNTER_HPP
