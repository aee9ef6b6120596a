// Runs vnum::beast_transport's operations to their end for the tests: one request on an
// io_context run by the calling thread, timed, every wait bounded.
#ifndef VNUM_TESTS_TRANSPORT_BEAST_SEND_HPP
#define VNUM_TESTS_TRANSPORT_BEAST_SEND_HPP

#include <vnum/transport/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <utility>

namespace beast_test {

using namespace std::chrono_literals;

struct timed_result {
  vnum::result<vnum::http::response> answer;
  std::chrono::milliseconds took;
};

// Sends `r` and runs `io` until the handler ran (at most `limit`, then throws).
inline timed_result send(boost::asio::io_context& io, vnum::beast_transport& t,
                         const vnum::http::request& r, std::chrono::milliseconds limit = 20s) {
  std::optional<vnum::result<vnum::http::response>> got;
  const auto start = std::chrono::steady_clock::now();
  t.async_send(r, [&](vnum::result<vnum::http::response> a) { got.emplace(std::move(a)); });
  io.restart();
  while (!got && std::chrono::steady_clock::now() - start < limit) {
    if (io.stopped()) io.restart();
    io.run_one_for(100ms);
  }
  if (!got) throw std::runtime_error("the handler did not run within the limit");
  return {std::move(*got), std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - start)};
}

}  // namespace beast_test

#endif  // VNUM_TESTS_TRANSPORT_BEAST_SEND_HPP
