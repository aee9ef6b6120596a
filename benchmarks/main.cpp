// vnum_benchmarks: the pairs of parse_, build_, client_ and fake_benchmark.cpp, each side reporting
// its allocations per operation as the counter "allocs". benchmarks/run runs it and prints the
// table. Three ways to run it:
//   vnum_benchmarks [Google Benchmark flags]   the timed run
//   vnum_benchmarks --check                    only the check that each pair's sides agree
//   vnum_benchmarks --instructions NAME N      NAME's body N times and nothing else, for
//                                              valgrind --tool=callgrind (benchmarks/run does it)
// Before either, every pair's two sides are checked to compute the same result; a pair that
// disagrees is named and the program exits with 1.
// This translation unit compiles Boost.JSON's sources, vnum's definitions and the test kit's (the
// fakes of fake_benchmark.cpp).
#define VNUM_IMPLEMENTATION
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>

#include "alloc_counter.hpp"
#include "registry.hpp"

#include <benchmark/benchmark.h>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define VNUM_BENCHMARKS_HAVE_CALLGRIND 1
#endif

#include <charconv>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>

namespace {

// Runs one body `times` times. Under callgrind started with --instr-atstart=no only these runs
// are instrumented; benchmarks/run subtracts two such counts anyway, so any constant cost goes.
int run_instructions(bench::registry& cases, const std::string& name, std::string_view times) {
  unsigned long count = 0;
  auto [end, ec] = std::from_chars(times.data(), times.data() + times.size(), count);
  if (ec != std::errc() || end != times.data() + times.size()) {
    std::fprintf(stderr, "vnum_benchmarks: N must be a count, not \"%s\"\n",
                 std::string(times).c_str());
    return 2;
  }
  if (!cases.contains(name)) {
    std::fprintf(stderr, "vnum_benchmarks: no case is called %s (see --benchmark_list_tests)\n",
                 name.c_str());
    return 2;
  }
  const bench::body& body = cases.get(name);  // the fixture is set up before counting starts
#ifdef VNUM_BENCHMARKS_HAVE_CALLGRIND
  CALLGRIND_START_INSTRUMENTATION;
#endif
  for (unsigned long i = 0; i < count; ++i) body();
#ifdef VNUM_BENCHMARKS_HAVE_CALLGRIND
  CALLGRIND_STOP_INSTRUMENTATION;
#endif
  return 0;
}

// The Google Benchmark case of one registered body, with its allocations per iteration.
void register_timed(bench::registry& cases, const std::string& name) {
  benchmark::RegisterBenchmark(name.c_str(), [&cases, name](benchmark::State& state) {
    try {
      const bench::body& body = cases.get(name);  // set up once, outside the timed loop
      const std::size_t before = bench::allocations();
      for (auto _ : state) body();
      const std::size_t made = bench::allocations() - before;
      state.counters["allocs"] =
          static_cast<double>(made) / static_cast<double>(state.iterations());
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  bench::registry cases;
  try {
    bench::add_parse_cases(cases);
    bench::add_build_cases(cases);
    bench::add_client_cases(cases);
    bench::add_fake_cases(cases);
    bench::add_async_cases(cases);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnum_benchmarks: setting up the cases failed: %s\n", e.what());
    return 1;
  }
  if (!cases.mismatches().empty()) {
    for (const auto& m : cases.mismatches())
      std::fprintf(stderr, "vnum_benchmarks: the two sides of %s\n", m.c_str());
    return 1;
  }

  // Every pair's two sides agree (checked above); the test suite runs this, untimed.
  if (argc == 2 && std::string_view(argv[1]) == "--check") {
    std::printf("vnum_benchmarks: %zu cases, every pair's two sides agree\n", cases.names().size());
    return 0;
  }

  if (argc > 1 && std::string_view(argv[1]) == "--instructions") {
    if (argc != 4) {
      std::fprintf(stderr, "usage: vnum_benchmarks --instructions NAME N\n");
      return 2;
    }
    try {
      return run_instructions(cases, argv[2], argv[3]);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vnum_benchmarks: %s: %s\n", argv[2], e.what());
      return 1;
    }
  }

  for (const auto& name : cases.names()) register_timed(cases, name);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
