// vnum::beast_transport from C++20 coroutines: async_send with asio::use_awaitable, and the
// cancellation an awaitable operator sends to the operation that loses a race. Built with g++ only
// (clang 14 with AddressSanitizer cannot build Asio's coroutines).
#include <vnum/transport/beast.hpp>

#include "loopback_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>

namespace asio = boost::asio;
namespace http = vnum::http;
using vnum::beast_transport;
using vnum::errc;
using namespace std::chrono_literals;

namespace {

beast_transport::options short_timeouts() {
  beast_transport::options o;
  o.timeout = 5s;
  o.connect_timeout = 1s;
  return o;
}

// Runs `co` to its end on `io` (at most 10 s), rethrowing what it threw.
template <class Coroutine>
void run(asio::io_context& io, Coroutine co) {
  std::exception_ptr failed;
  bool done = false;
  asio::co_spawn(io, std::move(co), [&](std::exception_ptr e) {
    failed = e;
    done = true;
  });
  io.run_for(10s);
  REQUIRE(done);
  if (failed) std::rethrow_exception(failed);
}

}  // namespace

TEST_CASE("co_await async_send(request, use_awaitable)") {
  loopback::server s([](loopback::connection& c) {
    while (c.read_request())
      if (!c.send(loopback::answer(200, R"({"ok":true})"))) return;
  });
  asio::io_context io;
  beast_transport t{io.get_executor(), short_timeouts()};
  std::optional<vnum::result<http::response>> answered;
  std::optional<vnum::result<http::response>> refused;
  run(io, [&]() -> asio::awaitable<void> {
    const http::request r{http::method::get, s.url(), {}, {}};
    answered = co_await t.async_send(r, asio::use_awaitable);
    const http::request bad{http::method::get, "ftp://127.0.0.1/x", {}, {}};
    refused = co_await t.async_send(bad, asio::use_awaitable);
  });
  REQUIRE(answered);
  REQUIRE(*answered);
  CHECK((*answered)->status == 200);
  CHECK((*answered)->body == R"({"ok":true})");
  REQUIRE(refused);
  REQUIRE_FALSE(*refused);
  CHECK(refused->error().code == errc::transport);
}

TEST_CASE("the send that loses a || race is cancelled at once, not at its timeout") {
  // || waits for the loser to complete after cancelling it: a send that ignored the cancellation
  // would hold the race until its 5 s timeout.
  using namespace asio::experimental::awaitable_operators;
  loopback::server s([](loopback::connection& c) {
    c.read_request();
    c.idle(10s);  // never answers
  });
  asio::io_context io;
  beast_transport t{io.get_executor(), short_timeouts()};
  std::size_t winner = 0;
  const auto start = std::chrono::steady_clock::now();
  run(io, [&]() -> asio::awaitable<void> {
    const http::request r{http::method::post, s.url(), {}, R"({"buy":1})"};
    asio::steady_timer timer(io, 300ms);
    auto won =
        co_await (t.async_send(r, asio::use_awaitable) || timer.async_wait(asio::use_awaitable));
    winner = won.index();
  });
  CHECK(winner == 1);  // the timer
  CHECK(std::chrono::steady_clock::now() - start < 2s);
  CHECK(s.requests() == 1);
}
