// A test that uses a client and a fake; its definitions come from only_kit_impl.cpp.
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>

#include <iostream>

int main() {
  namespace ic = vnum::identitycall;
  vnum::testing::fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  ic::config cfg;
  cfg.api_key = fake.api_key();
  ic::client<vnum::testing::fake_identitycall&> client{fake, cfg};
  ic::purchase_request order;
  order.phone_number = "+15551234567";
  auto bought = client.purchase_number(order);
  if (!bought || fake.numbers().size() != 1) {
    std::cerr << "kit-only implementation unit: the purchase failed\n";
    return 1;
  }
  std::cout << "one VNUM_IMPLEMENTATION unit with only <vnum/vnum_testing.hpp>: ok\n";
  return 0;
}
