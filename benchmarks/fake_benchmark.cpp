// Group "fake": how the test kit's fakes scale with the state they hold. Both sides run the same
// client operations against a fake; "vnum" holds 100 000 numbers and cards (or operators),
// "baseline" 100, so the ratio reads "cost at 100k / cost at 100". Each iteration undoes what it
// did, so the state stays the same size (only the fake's request journal grows).
#include <vnum/cellcast/client.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "registry.hpp"

#include <cstddef>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;

constexpr std::size_t small_state = 100;
constexpr std::size_t large_state = 100'000;

// printf-formatted text, for the seeded ids and numbers.
template <class... Args>
std::string format(const char* pattern, Args... args) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, args...);
  return buffer;
}

// A fake account and a client of it, which borrows the fake.
template <class Fake, class Client, class Config>
struct account {
  explicit account(const Config& cfg) : fake(cfg.api_key), client(fake, cfg) {}
  Fake fake;
  Client client;
};
using cellcast_account = account<fake_cellcast, cc::client<fake_cellcast&>, cc::config>;
using identitycall_account = account<fake_identitycall, ic::client<fake_identitycall&>, ic::config>;

// `size` virtual numbers in the inventory and `size` cards on file; `purchase` is set to buy the
// number in the middle.
std::shared_ptr<cellcast_account> seeded_cellcast(std::size_t size,
                                                  cc::purchase_request& purchase) {
  const std::size_t chosen = size / 2;
  purchase = {format("card_%024zu", chosen), format("prod_M%zu", chosen),
              format("66ea%020zx", chosen), cc::billing_cycle::month};
  cc::config cfg;
  cfg.api_key = "ck_bench_0123456789abcdef0123456789abcdef";
  cfg.products.add(purchase.number, {purchase.product, format("prod_Y%zu", chosen)});
  auto seeded = std::make_shared<cellcast_account>(cfg);
  for (std::size_t i = 0; i < size; ++i) {
    seeded->fake.add_number(format("66ea%020zx", i), format("+614%08zu", i), format("prod_M%zu", i),
                            format("prod_Y%zu", i));
    seeded->fake.add_card(format("card_%024zu", i));
  }
  return seeded;
}

// `size` purchased numbers and `size` operators.
std::shared_ptr<identitycall_account> seeded_identitycall(std::size_t size) {
  ic::config cfg;
  cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
  auto seeded = std::make_shared<identitycall_account>(cfg);
  for (std::size_t i = 0; i < size; ++i) {
    // Offered, then bought at once: the list of offers stays one long, so seeding is linear.
    ic::purchase_request order;
    order.phone_number = format("+1212%07zu", i);
    seeded->fake.add_available(order.phone_number, "US", "local");
    if (auto bought = seeded->client.purchase_number(order); !bought)
      throw std::runtime_error("seeding the IdentityCall fake: " + to_string(bought.error()));
    seeded->fake.add_operator(format("Operator %06zu", i), format("+1646%07zu", i));
  }
  return seeded;
}

// Both results, to be sunk together; a failure ends the benchmark, since a fake that refuses is
// not the cost being measured.
template <class A, class B>
std::pair<A, B> both_succeeded(const std::string& name, A first, B second) {
  if (!first) throw std::runtime_error(name + ": " + to_string(first.error()));
  if (!second) throw std::runtime_error(name + ": " + to_string(second.error()));
  return {std::move(first), std::move(second)};
}

void add_cellcast_case(bench::registry& cases, const std::string& name, std::size_t size) {
  cases.add(name, [name, size] {
    cc::purchase_request purchase;
    auto seeded = seeded_cellcast(size, purchase);
    return bench::body([name, seeded, purchase] {
      auto bought = seeded->client.purchase_virtual_number(purchase);  // before the release
      auto released = seeded->client.unsubscribe_virtual_number(purchase.number);
      auto done = both_succeeded(name, std::move(bought), std::move(released));
      bench::sink(done);
    });
  });
}

void add_identitycall_case(bench::registry& cases, const std::string& name, std::size_t size) {
  cases.add(name, [name, size] {
    auto seeded = seeded_identitycall(size);
    const ic::create_operator_request jane{"Jane Doe", "+15551234567", "jane.doe@example.com",
                                           true};
    return bench::body([name, seeded, jane] {
      auto created = seeded->client.create_operator(jane);
      auto deleted = created ? seeded->client.delete_operator(created->id)
                             : vnum::result<void>(created.error());
      auto done = both_succeeded(name, std::move(created), std::move(deleted));
      bench::sink(done);
    });
  });
}

}  // namespace

namespace bench {

void add_fake_cases(registry& cases) {
  // purchase + unsubscribe of the same number: the state is the same after each iteration.
  const std::string cellcast = "fake/cellcast_purchase_unsubscribe_100k_vs_100";
  add_cellcast_case(cases, cellcast + "/vnum", large_state);
  add_cellcast_case(cases, cellcast + "/baseline", small_state);
  // IdentityCall has no endpoint that releases a number, so a purchase cannot be undone: an
  // operator is created and deleted instead.
  const std::string identitycall = "fake/identitycall_create_delete_operator_100k_vs_100";
  add_identitycall_case(cases, identitycall + "/vnum", large_state);
  add_identitycall_case(cases, identitycall + "/baseline", small_state);
}

}  // namespace bench
