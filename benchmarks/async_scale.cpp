// vnum_async_scale: N purchases at once, on one thread, through
// identitycall::async_client<beast_transport> against vnum-fake-server; then the same N purchases
// one after another through client<curl_transport>, against the same world reset. Prints the
// throughput of both, their ratio, and the heap each in-flight operation holds; checks that every
// purchase succeeded and that the server's journal holds exactly N purchases each time.
//
//   vnum_async_scale SERVER [--operations N] [--check]
//
// SERVER is the vnum-fake-server binary (the benchmark starts it on 127.0.0.1 and a free port, and
// stops it). --check runs the same steps and prints no timing: meson's benchmarks test runs it with
// a small N so that the program cannot rot. Exit 0 when every check held.
#define VNUM_IMPLEMENTATION
#include <vnum/asio.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/transport/beast.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "../tests/transport/process.hpp"
#include "fake_world.hpp"

#include <boost/asio/io_context.hpp>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using bench::phone;
using bench::world;

namespace ic = vnum::identitycall;
namespace http = vnum::http;
using clock_type = std::chrono::steady_clock;

ic::purchase_request order(int i) {
  ic::purchase_request r;
  r.phone_number = phone(i);
  r.country_code = "US";
  r.type = ic::number_type::local;
  return r;
}

std::size_t heap_in_use() { return mallinfo2().uordblks; }

// The server's journal: how many purchases it received.
std::size_t purchases_received(vnum::curl_transport& admin, const std::string& url) {
  auto r = admin.send({http::method::get, url + "/_fake/journal", {}, {}});
  if (!r || r->status != 200) return 0;
  auto journal = vnum::detail::parse_json(r->body);
  if (!journal || !journal->is_array()) return 0;
  const auto& entries = journal->get_array();
  return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [](const auto& e) {
    return e.at("path").as_string() == "/api/v1/public/virtual_numbers/purchase";
  }));
}

bool fail(const std::string& why) { return bench::fail("vnum_async_scale", why); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2)
    return std::fprintf(stderr, "usage: vnum_async_scale SERVER [--operations N] [--check]\n"), 2;
  int n = 1000;
  bool check = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--check")
      check = true;
    else if (arg == "--operations" && i + 1 < argc)
      n = std::atoi(argv[++i]);
    else
      return std::fprintf(stderr, "vnum_async_scale: unknown argument %s\n", arg.c_str()), 2;
  }
  if (n < 1) return std::fprintf(stderr, "vnum_async_scale: --operations must be at least 1\n"), 2;

  proc::temp_dir dir;
  proc::child server({argv[1], "identitycall", "--world", dir.write("world.json", world(n))});
  auto ready = server.first_line();
  if (!ready) return fail("vnum-fake-server did not start"), 1;
  auto line = vnum::detail::parse_json(*ready);
  if (!line || !line->is_object()) return fail("unreadable ready line: " + *ready), 1;
  const std::string url(line->at("url").as_string());
  ic::config cfg;
  cfg.api_key = std::string(line->at("api_key").as_string());
  cfg.base_url = url;
  vnum::curl_transport admin;
  bool ok = true;

  // N purchases at once on one thread.
  boost::asio::io_context io;
  vnum::beast_transport::options options;
  options.timeout = std::chrono::seconds(60);
  options.connect_timeout = std::chrono::seconds(25);
  ic::async_client<vnum::beast_transport> async_client{
      vnum::beast_transport{io.get_executor(), options}, cfg};
  int succeeded = 0;
  int failed = 0;
  std::size_t peak = 0;
  const std::size_t heap_before = heap_in_use();
  const auto async_start = clock_type::now();
  for (int i = 0; i < n; ++i)
    async_client.async_purchase_number(order(i), [&](vnum::result<ic::virtual_number> r) {
      if (r)
        ++succeeded;
      else if (failed++ == 0)
        fail("the first async purchase that failed: " + to_string(r.error()));
      peak = std::max(peak, heap_in_use());
    });
  const std::size_t heap_started = heap_in_use();
  io.run();
  const double async_seconds =
      std::chrono::duration<double>(clock_type::now() - async_start).count();
  if (succeeded != n)
    ok =
        fail(std::to_string(succeeded) + " of " + std::to_string(n) + " async purchases succeeded");
  if (auto got = purchases_received(admin, url); got != static_cast<std::size_t>(n))
    ok = fail("the journal holds " + std::to_string(got) + " purchases after the async run");

  // The same purchases one after another, blocking, on a world reset to the file.
  auto reset = admin.send({http::method::post, url + "/_fake/reset", {}, {}});
  if (!reset || reset->status != 200) return fail("reset failed"), 1;
  ic::client<vnum::curl_transport> blocking{vnum::curl_transport{}, cfg};
  int blocking_succeeded = 0;
  const auto blocking_start = clock_type::now();
  for (int i = 0; i < n; ++i)
    if (blocking.purchase_number(order(i))) ++blocking_succeeded;
  const double blocking_seconds =
      std::chrono::duration<double>(clock_type::now() - blocking_start).count();
  if (blocking_succeeded != n)
    ok = fail(std::to_string(blocking_succeeded) + " of " + std::to_string(n) +
              " blocking purchases succeeded");
  if (auto got = purchases_received(admin, url); got != static_cast<std::size_t>(n))
    ok = fail("the journal holds " + std::to_string(got) + " purchases after the blocking run");

  if (check) {
    std::printf(
        "vnum_async_scale: %d purchases at once and %d one after another, all checked: %s\n", n, n,
        ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
  }
  const double async_rate = n / async_seconds;
  const double blocking_rate = n / blocking_seconds;
  std::printf(
      "| purchases | async_client<beast_transport>, all at once, one thread | "
      "client<curl_transport>, one after another | ratio |\n");
  std::printf("|---|---|---|---|\n");
  std::printf("| %d | %.0f /s (%.2f s) | %.0f /s (%.2f s) | %.2f |\n", n, async_rate, async_seconds,
              blocking_rate, blocking_seconds, async_rate / blocking_rate);
  std::printf(
      "\nheap per operation: %.0f bytes once started (before any I/O), %.0f bytes at the "
      "run's peak (connections and buffers included)\n",
      static_cast<double>(heap_started - heap_before) / n,
      static_cast<double>(peak > heap_before ? peak - heap_before : 0) / n);
  return ok ? 0 : 1;
}
