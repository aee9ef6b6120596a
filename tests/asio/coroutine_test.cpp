// The asynchronous clients in asio::awaitable coroutines: co_await on the default token (deferred)
// and on use_awaitable. (Not built by clang 14 with AddressSanitizer, which cannot compile Asio
// coroutines; g++ runs it under the sanitizers instead.)
#include <vnum/asio.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "support.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace ic = vnum::identitycall;
namespace cc = vnum::cellcast;
using vnum::errc;
using vnum::testing::async_adapter;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;

TEST_CASE("coroutine: co_await on the default token gives the typed result") {
  asio::io_context io;
  fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  ic::config cfg;
  cfg.api_key = fake.api_key();
  ic::async_client<async_adapter<fake_identitycall&>> client{{fake, io.get_executor()}, cfg};
  auto run = [&]() -> asio::awaitable<std::vector<std::string>> {
    ic::purchase_request order;  // named: g++ 12 miscompiles a braced temporary in co_await
    order.phone_number = "+15551234567";
    auto bought = co_await client.async_purchase_number(order);
    auto again = co_await client.async_purchase_number(order);
    auto listed = co_await client.async_list_virtual_numbers();
    co_return std::vector<std::string>{bought ? bought->phone_number : "",
                                       again ? "" : std::string(to_string(again.error().code)),
                                       listed ? std::to_string(listed->size()) : ""};
  };
  auto future = asio::co_spawn(io, run(), asio::use_future);
  io.run();
  CHECK(future.get() == std::vector<std::string>{"+15551234567", "unprocessable", "1"});
}

TEST_CASE("coroutine: use_awaitable works as the token, and errors come back as values") {
  asio::io_context io;
  fake_cellcast fake;
  fake.add_card("card_1");
  fake.expire_key();
  cc::config cfg;
  cfg.api_key = fake.api_key();
  cc::async_client<async_adapter<fake_cellcast&>> client{{fake, io.get_executor()}, cfg};
  auto run = [&]() -> asio::awaitable<vnum::result<std::vector<cc::card>>> {
    co_return co_await client.async_list_cards(asio::use_awaitable);
  };
  auto future = asio::co_spawn(io, run(), asio::use_future);
  io.run();
  auto r = future.get();
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::unauthorized);
  CHECK(r.error().http_status == 401);
}
