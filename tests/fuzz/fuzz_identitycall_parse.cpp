// Every IdentityCall parser over any status and body: a typed result or a typed error, never a
// crash or an exception; a creating write never reads a 5xx as anything but outcome_unknown.
#define VNUM_IMPLEMENTATION
#include <vnum/identitycall/parse.hpp>
#include <vnum/vnum.hpp>  // the compiled part: this is the one VNUM_IMPLEMENTATION unit

#include "fuzz_input.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [status, body] = fuzz::split_answer(data, size);
  const vnum::http::response r{status, {{"retry-after", "5"}}, std::string(body)};
  namespace ic = vnum::identitycall;
  auto bought = ic::parse_purchase_number(r);
  if (status >= 500 && status <= 599 &&
      (bought || bought.error().code != vnum::errc::outcome_unknown))
    std::abort();
  (void)ic::parse_list_virtual_numbers(r);
  (void)ic::parse_list_virtual_numbers_page(r);
  (void)ic::parse_get_virtual_number(r);
  (void)ic::parse_update_virtual_number(r);
  (void)ic::parse_search_available_numbers(r);
  (void)ic::parse_add_operator(r);
  (void)ic::parse_remove_operator(r);
  (void)ic::parse_list_operators(r);
  (void)ic::parse_list_operators_page(r);
  (void)ic::parse_get_operator(r);
  (void)ic::parse_create_operator(r);
  (void)ic::parse_update_operator(r);
  (void)ic::parse_delete_operator(r);
  return 0;
}
