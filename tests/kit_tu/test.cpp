// Uses a client, both fakes, a cassette and memory_ledger without defining either macro: every
// definition comes from library.cpp (vnum's) or kit.cpp (the kit's).
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>

#include <chrono>
#include <iostream>
#include <string>

std::string provider_name();

namespace {

int fail(const char* what) {
  std::cerr << "kit in its own unit: " << what << '\n';
  return 1;
}

}  // namespace

int main() {
  namespace cc = vnum::cellcast;
  vnum::testing::fake_cellcast cellcast;
  cellcast.add_card("card_1");
  cellcast.add_number("66ea98514f0c1a121c76ec17", "+61400000000", "prod_M", "prod_Y");
  cc::config cfg;
  cfg.api_key = cellcast.api_key();
  cc::client<vnum::testing::fake_cellcast&> client{cellcast, cfg};
  if (!client.purchase_virtual_number(
          {"card_1", "prod_M", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month}))
    return fail("the purchase failed");
  if (cellcast.subscriptions().size() != 1 || cellcast.journal().size() != 1)
    return fail("the fake holds no subscription");

  vnum::testing::fake_identitycall identitycall;
  identitycall.add_available("+15551234567", "US", "local");
  if (identitycall.available().size() != 1) return fail("the offer is missing");

  vnum::testing::cassette c;
  c.source = provider_name();
  c.exchanges.push_back({cellcast.journal().front(), vnum::http::response{200, {}, "{}"}, {}});
  auto back = vnum::testing::parse_cassette(vnum::testing::to_text(c), "kit_tu");
  if (!back || back->exchanges.size() != 1 || back->source != "cellcast")
    return fail("the cassette did not read back");

  vnum::testing::memory_ledger ledger;
  auto claimed = ledger.claim(
      {"k", "cellcast.purchase_virtual_number", "POST /", "owner", std::chrono::minutes(1)});
  if (!claimed || !claimed->won) return fail("the claim was refused");

  std::cout << "the test kit compiled in its own unit: ok\n";
  return 0;
}
