// A user's program, shared by every consumer project (tools/consumers.sh copies it in): buys a
// number through vnum's fake Cellcast. Exits 0 only if the purchase succeeded (and, when the
// build states which vnum it found, that the headers are that version).
#if __has_include("vnum_testing.hpp")
#include "vnum.hpp"  // the single headers, copied next to this file
#include "vnum_testing.hpp"
#else
#include <vnum/vnum.hpp>  // the clients: <vnum/vnum_testing.hpp> has only the test kit
#include <vnum/vnum_testing.hpp>
#endif

#include <iostream>
#include <string_view>

int main() {
  vnum::testing::fake_cellcast fake;
  fake.add_card("card_1");
  fake.add_number("66ea98514f0c1a121c76ec17", "+61400000000", "prod_M", "prod_Y");

  vnum::cellcast::config cfg;
  cfg.api_key = fake.api_key();
  vnum::cellcast::client<vnum::testing::fake_cellcast&> cellcast{fake, cfg};
  auto bought = cellcast.purchase_virtual_number(
      {"card_1", "prod_M", "66ea98514f0c1a121c76ec17", vnum::cellcast::billing_cycle::month});
  if (!bought) {
    std::cerr << "purchase failed: " << bought.error() << '\n';
    return 1;
  }
  if (fake.subscriptions().size() != 1 || fake.subscriptions()[0].number != "+61400000000") {
    std::cerr << "the fake holds no subscription to +61400000000\n";
    return 1;
  }
#ifdef EXPECTED_VNUM_VERSION
  if (std::string_view(VNUM_VERSION_STRING) != EXPECTED_VNUM_VERSION) {
    std::cerr << "headers are vnum " VNUM_VERSION_STRING ", the build found " EXPECTED_VNUM_VERSION
                 "\n";
    return 1;
  }
#endif
  std::cout << "vnum " VNUM_VERSION_STRING ": bought +61400000000: " << bought->message << '\n';
  return 0;
}
