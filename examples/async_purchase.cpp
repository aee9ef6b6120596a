// Asynchronous use: a coroutine on Boost.Asio that searches IdentityCall's numbers, buys one, and,
// when the purchase's answer is lost (errc::outcome_unknown), reconciles through the complete list
// of the account's numbers instead of buying twice. It runs against vnum's fake IdentityCall served
// as an async transport; in production the transport is vnum::beast_transport
// (<vnum/transport/beast.hpp>) or your own.
#define VNUM_IMPLEMENTATION  // this one translation unit compiles Boost.JSON's sources
#include <vnum/asio.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace asio = boost::asio;
namespace ic = vnum::identitycall;
using transport = vnum::testing::async_adapter<vnum::testing::fake_identitycall&>;

// The number bought, whether its answer came back or the account's list shows it.
asio::awaitable<std::optional<ic::virtual_number>> buy_one(ic::async_client<transport>& client) {
  const ic::search_request wanted{"US", ic::number_type::local};
  auto offers = co_await client.async_search_available_numbers(wanted);
  if (!offers || offers->empty()) {
    std::cerr << "no number offered: " << offers << '\n';
    co_return std::nullopt;
  }
  ic::purchase_request order;
  order.phone_number = offers->front().phone_number;
  order.name = "Support line";
  std::cout << "buying " << order.phone_number << '\n';

  auto bought = co_await client.async_purchase_number(order);
  if (bought) co_return *bought;
  if (bought.error().code != vnum::errc::outcome_unknown) {
    std::cerr << "refused: " << bought.error() << '\n';
    co_return std::nullopt;
  }
  // The purchase may have gone through: the complete list (every page) says whether it did.
  std::cout << "outcome unknown (" << bought.error().message << "); reconciling\n";
  auto numbers = co_await client.async_list_virtual_numbers();
  if (!numbers) {
    std::cerr << "cannot reconcile yet: " << numbers.error() << '\n';
    co_return std::nullopt;
  }
  for (const auto& n : *numbers)
    if (n.phone_number == order.phone_number) co_return n;
  co_return std::nullopt;  // not bought: safe to try again
}

int main() {
  // The provider's side: two numbers for sale; lists come in pages of one entry.
  vnum::testing::fake_identitycall provider;
  provider.add_available("+15551230001", "US", "local");
  provider.add_available("+15551230002", "US", "local");
  provider.set_page_size(1);
  // The purchase is applied, but its answer is lost on the way back.
  provider.fail_next(vnum::testing::fault::response_lost(),
                     vnum::testing::identitycall_route::purchase_number);

  asio::io_context io;
  ic::config cfg;
  cfg.api_key = provider.api_key();
  cfg.retry.max_attempts = 3;  // reads only; the purchase is never sent twice
  ic::async_client<transport> client{{provider, io.get_executor()}, cfg};

  std::optional<ic::virtual_number> result;
  asio::co_spawn(
      io, [&]() -> asio::awaitable<void> { result = co_await buy_one(client); }, asio::detached);
  io.run();

  if (!result) return std::cerr << "nothing bought\n", 1;
  std::cout << "bought: " << *result << '\n';
  std::cout << "numbers on the account: " << provider.numbers().size() << '\n';
  return provider.numbers().size() == 1 ? 0 : 1;
}
