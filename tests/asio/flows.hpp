// What the tests that compare the blocking and the asynchronous clients share: each provider's
// whole flow (every operation, in the order an account lives them), written once for both kinds of
// client, and the runners that carry a flow out through one client and write down every answer.
#ifndef VNUM_TESTS_ASIO_FLOWS_HPP
#define VNUM_TESTS_ASIO_FLOWS_HPP

#include <vnum/asio.hpp>

#include "requests.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace flows {

namespace asio = boost::asio;
namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
using namespace std::chrono_literals;

// Both forms of one call: c.method(args...) and c.async_method(args..., token).
#define BOTH(method, ...)                         \
  [&](auto& c) { return c.method(__VA_ARGS__); }, \
      [&](auto& c, auto token) { return c.async_##method(__VA_ARGS__ __VA_OPT__(, ) token); }

// What a call gave, in full: the value as printed, or every field of the error (but its message,
// when `message` is false: over sockets it names each server's own port).
template <class R>
std::string describe(const R& r, bool message = true) {
  std::ostringstream os;
  if (r) {
    os << r;
  } else {
    const vnum::error& e = r.error();
    os << "error:" << to_string(e.code) << '|' << e.http_status << '|' << (message ? e.message : "")
       << '|' << e.field << '|' << e.provider_message << '|'
       << (e.retry_after ? e.retry_after->count() : -1);
  }
  return os.str();
}

// Runs each call of a flow through one client, arming `before(k)` ahead of call k, and writes
// down each answer.
struct recorder {
  std::function<void(int)> before;
  bool messages = true;  // compare error messages too
  int calls = 0;
  std::vector<std::string> answers;
  void next() {
    if (before) before(calls);
    ++calls;
  }
};

template <class Client>
struct blocking_runner : recorder {
  Client& client;
  explicit blocking_runner(Client& c) : client(c) {}
  template <class Sync, class Async>
  auto operator()(Sync sync, Async) {
    next();
    auto r = sync(client);
    answers.push_back(describe(r, messages));
    return r;
  }
};

template <class Client>
struct async_runner : recorder {
  Client& client;
  asio::io_context& io;
  async_runner(Client& c, asio::io_context& i) : client(c), io(i) {}
  template <class Sync, class Async>
  auto operator()(Sync, Async async) {
    next();
    auto future = async(client, asio::use_future);
    io.restart();
    io.run();
    auto r = future.get();
    answers.push_back(describe(r, messages));
    return r;
  }
};

template <class Config>
Config retrying(std::string key) {
  Config c;
  c.api_key = std::move(key);
  c.retry.max_attempts = 2;
  c.retry.initial_backoff = 1ms;
  c.retry.max_backoff = 5ms;
  c.retry.sleep = [](std::chrono::milliseconds) {};
  return c;
}

// ---- The flows: every operation of a provider, in the order an account lives them.

using requests::business;

const std::string number_a = "66ea98514f0c1a121c76ec17";
const std::string number_b = "66ea98514f0c1a121c76ec18";
constexpr int cellcast_calls = 9;

template <class Run>
void cellcast_flow(Run& run, const std::function<std::string()>& otp) {
  const cc::purchase_request monthly{"card_1", "prod_M1", number_a, cc::billing_cycle::month};
  const cc::postpaid_purchase_request postpaid{number_b};
  const cc::custom_number_request custom{"Support", "0400 000 000"};
  const auto name = business();
  run(BOTH(list_cards));
  run(BOTH(purchase_virtual_number, monthly));
  run(BOTH(purchase_virtual_number_postpaid, postpaid));
  run(BOTH(unsubscribe_virtual_number, number_a));
  run(BOTH(add_custom_number, custom));
  const cc::verify_custom_number_request verify{"Support", "0400 000 000", otp()};
  run(BOTH(verify_custom_number, verify));
  run(BOTH(list_custom_numbers));
  run(BOTH(add_business_name, name));
  run(BOTH(purchase_virtual_number_postpaid, postpaid));  // bought already: a refusal
}

constexpr int identitycall_calls = 15;

template <class Run>
void identitycall_flow(Run& run) {
  ic::purchase_request first;
  first.phone_number = "+15551230001";
  first.country_code = "US";
  first.type = ic::number_type::local;
  first.name = "Main";
  first.requirement_group_id = 1;
  ic::purchase_request unapproved = first;
  unapproved.phone_number = "+15551230002";
  unapproved.requirement_group_id = 2;
  const ic::search_request search{"US", ic::number_type::local};
  ic::update_request rename;
  rename.name = "Sales";
  rename.routing = ic::routing_strategy::round_robin;
  const ic::create_operator_request grace{"Grace Hopper", "+15550000002", "grace@example.com",
                                          true};
  ic::update_operator_request change;
  change.name = "Grace B. Hopper";
  const auto attach = ic::add_operator_request::existing(10);

  run(BOTH(search_available_numbers, search));
  auto bought = run(BOTH(purchase_number, first));
  const std::int64_t id = bought ? bought->id : 1;
  run(BOTH(purchase_number, unapproved));
  run(BOTH(list_virtual_numbers));
  run(BOTH(get_virtual_number, id));
  run(BOTH(update_virtual_number, id, rename));
  run(BOTH(add_operator, id, attach));
  run(BOTH(remove_operator, id, 10));
  run(BOTH(list_operators));
  auto created = run(BOTH(create_operator, grace));
  const std::int64_t op = created ? created->id : 11;
  run(BOTH(get_operator, op));
  run(BOTH(update_operator, op, change));
  run(BOTH(delete_operator, op));
  run(BOTH(get_operator, op));  // deleted: not_found
  run(BOTH(list_operators));
}

}  // namespace flows

#endif  // VNUM_TESTS_ASIO_FLOWS_HPP
