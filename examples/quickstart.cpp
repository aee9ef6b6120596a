// Quick start: the buyer's path on Cellcast. List the cards on file, buy a virtual number with one
// (its answer is lost on the way back, so the outcome is unknown and we reconcile instead of buying
// twice), register a custom number as sender ID through the OTP flow and check that it is listed,
// then unsubscribe. It runs against vnum's fake Cellcast; in production the transport is your HTTP
// client (see README, "Transports").
#define VNUM_IMPLEMENTATION  // this one translation unit compiles Boost.JSON's sources
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/vnum.hpp>

#include <iostream>
#include <string>

int main() {
  namespace cc = vnum::cellcast;
  using vnum::testing::fault;

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

  // 1. The card a purchase pays with.
  auto cards = cellcast.list_cards();
  if (!cards || cards->empty()) return std::cerr << "no card on file\n", 1;
  const std::string card = cards->front().id;
  std::cout << "cards on file:\n";
  for (const auto& c : *cards) std::cout << "  " << c << '\n';

  std::cout << "purchase with the yearly product for a monthly cycle:\n  "
            << cellcast
                   .purchase_virtual_number({card, "prod_YEARLY0000001", "66ea98514f0c1a121c76ec17",
                                             cc::billing_cycle::month})
                   .error()
            << '\n';

  // 2. The purchase goes through, but its answer is lost: the outcome is unknown.
  provider.fail_next(fault::response_lost());
  auto bought = cellcast.purchase_virtual_number(
      {card, "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month});
  if (bought) return std::cerr << "the fault was not injected\n", 1;
  std::cout << "purchase:\n  " << bought.error() << '\n';
  if (bought.error().code == vnum::errc::outcome_unknown) {
    // Never buy again blindly. No documented Cellcast endpoint lists purchased numbers: in
    // production, look at the account in Cellcast's dashboard; here the fake's state shows it.
    const bool owned = !provider.subscriptions().empty();
    std::cout << "reconcile: the number is "
              << (owned ? "already ours: not buying again" : "not ours") << '\n';
    if (!owned) return 1;
  } else {
    return std::cerr << "purchase failed: " << bought.error() << '\n', 1;
  }

  // 3. A custom number as sender ID, verified with the OTP, then listed.
  auto added = cellcast.add_custom_number({"Support line", "0400 000 000"});
  if (!added) return std::cerr << "custom number failed: " << added.error() << '\n', 1;
  std::cout << "register a custom number as sender ID:\n  " << *added << '\n';
  if (added->otp_required) {
    // In production the OTP arrives by SMS on that phone; the fake lets us read it.
    const std::string otp = provider.otp_for("+61400000000").value_or("");
    auto verified = cellcast.verify_custom_number({"Support line", "0400 000 000", otp});
    if (!verified) return std::cerr << "verification failed: " << verified.error() << '\n', 1;
    std::cout << "verify it with the OTP:\n  " << *verified << '\n';
  }
  auto custom = cellcast.list_custom_numbers();
  if (!custom) return std::cerr << "listing custom numbers failed: " << custom.error() << '\n', 1;
  std::cout << "custom numbers on the account:\n";
  for (const auto& c : *custom) std::cout << "  " << c << '\n';

  // 4. Release the number.
  auto released = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  if (!released) return std::cerr << "unsubscribe failed: " << released.error() << '\n', 1;
  std::cout << "unsubscribe:\n  " << *released << '\n';

  std::cout << "requests the provider received: " << provider.journal().size() << '\n';
  return 0;
}
