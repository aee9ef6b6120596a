// A translation unit that uses vnum (and so Boost.JSON) without defining VNUM_IMPLEMENTATION.
// It includes standard headers first, as user code often does: vnum's names must not lose to
// std names found by argument-dependent lookup (std::quoted once did).
// clang-format off
#include <iomanip>
#include <iostream>
#include <vnum/vnum.hpp>
// clang-format on

int run_user_code() {
  auto r = vnum::cellcast::parse_unsubscribe_virtual_number(
      {404, {}, R"({"code":404,"message":"Virtual number not found","stack":""})"});
  if (r || r.error().code != vnum::errc::not_found ||
      r.error().message != "Virtual number not found") {
    std::cerr << "parse in the user unit failed\n";
    return 1;
  }
  vnum::cellcast::product_catalog catalog;
  catalog.add("66ea98514f0c1a121c76ec17", {"prod_M", "prod_Y"});
  auto wrong = vnum::cellcast::validate(
      vnum::cellcast::purchase_request{"card_1", "prod_Y", "66ea98514f0c1a121c76ec17",
                                       vnum::cellcast::billing_cycle::month},
      catalog);
  if (wrong ||
      wrong.error().message.find("\"prod_Y\" is not the month product") == std::string::npos) {
    std::cerr << "catalog check in the user unit failed\n";
    return 1;
  }
  std::cout << "two translation units, one VNUM_IMPLEMENTATION: ok\n";
  return 0;
}
