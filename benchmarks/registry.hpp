// The one list of benchmark cases, shared by Google Benchmark and by `--instructions NAME N`, so
// that both run the same bodies. Cases come in pairs, "<group>/<name>/vnum" and
// "<group>/<name>/baseline"; benchmarks/run reads the pairs from these names.
#ifndef VNUM_BENCHMARKS_REGISTRY_HPP
#define VNUM_BENCHMARKS_REGISTRY_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace bench {

// One operation; its result is sunk so that the compiler cannot drop the work.
using body = std::function<void()>;
// Sets up a case's fixture and returns its body. Called on the case's first use only, so a run of
// one case (--instructions) pays for no other case's setup, such as seeding a fake of 100 000.
using body_factory = std::function<body()>;

class registry {
 public:
  void add(std::string name, body_factory make);

  // The names in the order they were added.
  const std::vector<std::string>& names() const noexcept { return order_; }
  bool contains(const std::string& name) const { return entries_.contains(name); }

  // The case's body, set up on first use. Throws std::out_of_range for an unknown name.
  const body& get(const std::string& name);

  // A pair whose two sides disagree: the benchmark refuses to run, so no baseline is faster only
  // because it computes something else.
  void mismatch(std::string pair, std::string why) {
    mismatches_.push_back(std::move(pair) + ": " + std::move(why));
  }
  const std::vector<std::string>& mismatches() const noexcept { return mismatches_; }

 private:
  struct entry {
    body_factory make;
    body made;
  };
  std::map<std::string, entry> entries_;
  std::vector<std::string> order_;
  std::vector<std::string> mismatches_;
};

// Each group's file adds its pairs (and checks that their two sides agree).
void add_parse_cases(registry& cases);
void add_build_cases(registry& cases);
void add_client_cases(registry& cases);
void add_fake_cases(registry& cases);
void add_async_cases(registry& cases);

// Keeps `value` alive as far as the optimizer knows; the body's result goes here.
template <class T>
void sink(T& value) {
  benchmark::DoNotOptimize(value);
}

// Adds "<pair>/vnum" and "<pair>/baseline": each body calls its lambda, which carries its own
// fixture (a lambda rather than a function pointer, so that the call inlines into the body).
template <class VnumRun, class BaselineRun>
void add_pair(registry& cases, const std::string& pair, VnumRun vnum_run,
              BaselineRun baseline_run) {
  cases.add(pair + "/vnum", [vnum_run] {
    return body([vnum_run] {
      auto out = vnum_run();
      sink(out);
    });
  });
  cases.add(pair + "/baseline", [baseline_run] {
    return body([baseline_run] {
      auto out = baseline_run();
      sink(out);
    });
  });
}

// How a result prints in a mismatch report ("value:..." or "error:...", as vnum prints results).
template <class T>
std::string describe(const vnum::result<T>& r) {
  std::ostringstream out;
  if constexpr (std::is_void_v<T>)
    out << (r ? std::string("value") : "error:" + to_string(r.error()));
  else
    out << r;
  return out.str();
}

// A request byte for byte, the authorization header included (operator<< would mask it).
std::string describe(const vnum::http::request& r);

// Records a mismatch unless both sides succeeded with equal values.
template <class T>
void check_same(registry& cases, const std::string& pair, const vnum::result<T>& from_vnum,
                const vnum::result<T>& from_baseline) {
  if (!from_vnum || !from_baseline) {
    if (!from_vnum) cases.mismatch(pair, "vnum failed: " + describe(from_vnum));
    if (!from_baseline) cases.mismatch(pair, "the baseline failed: " + describe(from_baseline));
    return;
  }
  if constexpr (std::is_void_v<T>) {
    return;
  } else if (!(*from_vnum == *from_baseline)) {
    cases.mismatch(pair, "vnum read " + describe(from_vnum) + " but the baseline read " +
                             describe(from_baseline));
  }
}

}  // namespace bench

#endif  // VNUM_BENCHMARKS_REGISTRY_HPP
