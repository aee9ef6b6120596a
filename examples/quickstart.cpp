// Quick start: buy a virtual number, register a custom number as sender ID through the OTP flow,
// and unsubscribe, printing each typed result. It runs against vnum's fake Cellcast; in
// production the transport is your HTTP client (see README, "Transports").
#define VNUM_IMPLEMENTATION  // this one translation unit compiles Boost.JSON's sources
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/vnum.hpp>

#include <iostream>

int main() {
  namespace cc = vnum::cellcast;

  // The provider's side: an account with a card on file, one number for sale, OTP required.
  vnum::testing::fake_cellcast provider;
  provider.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH");
  provider.add_number("66ea98514f0c1a121c76ec17", "+61400111222", "prod_PFdN753rT3lNFW",
                      "prod_YEARLY0000001");
  provider.require_otp(true);

  // Our side.
  cc::config cfg;
  cfg.api_key = provider.api_key();
  // Each number's monthly and yearly product, as "Get Available Virtual Numbers" lists them: a
  // purchase with the other cycle's product is refused before anything is sent.
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLY0000001"});
  cc::client<vnum::testing::fake_cellcast&> cellcast{provider, cfg};

  std::cout << "purchase with the yearly product for a monthly cycle:\n  "
            << cellcast.purchase_virtual_number({"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_YEARLY0000001",
                                                 "66ea98514f0c1a121c76ec17", cc::billing_cycle::month})
                   .error()
            << '\n';

  auto bought = cellcast.purchase_virtual_number({"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                                  "66ea98514f0c1a121c76ec17", cc::billing_cycle::month});
  if (!bought) return std::cerr << "purchase failed: " << bought.error() << '\n', 1;
  std::cout << "purchase:\n  " << *bought << '\n';

  auto added = cellcast.add_custom_number({"Support line", "0400 000 000"});
  if (!added) return std::cerr << "custom number failed: " << added.error() << '\n', 1;
  std::cout << "register a custom number as sender ID:\n  " << *added << '\n';
  if (added->otp_required) {
    // In production the OTP arrives by SMS on that phone; the fake lets us read it.
    const std::string otp = provider.otp_for("+61400000000").value_or("");
    auto verified = cellcast.verify_custom_number({"Support line", "0400 000 000", otp});
    if (!verified) return std::cerr << "verification failed: " << verified.error() << '\n', 1;
    std::cout << "verify it with the OTP " << otp << ":\n  " << *verified << '\n';
  }

  auto released = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  if (!released) return std::cerr << "unsubscribe failed: " << released.error() << '\n', 1;
  std::cout << "unsubscribe:\n  " << *released << '\n';

  std::cout << "requests the provider received: " << provider.journal().size() << '\n';
  return 0;
}
