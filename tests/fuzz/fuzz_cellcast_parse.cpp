// Every Cellcast parser over any status and body: a typed result or a typed error, never a crash,
// an exception or a success for a status other than the documented 200.
#define VNUM_IMPLEMENTATION
#include <vnum/cellcast/parse.hpp>
#include <vnum/vnum.hpp>  // the compiled part: this is the one VNUM_IMPLEMENTATION unit

#include "fuzz_input.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [status, body] = fuzz::split_answer(data, size);
  const vnum::http::response r{status, {{"retry-after", "5"}}, std::string(body)};
  namespace cc = vnum::cellcast;
  const bool successes[] = {
      cc::parse_purchase_virtual_number(r).has_value(),
      cc::parse_purchase_virtual_number_postpaid(r).has_value(),
      cc::parse_unsubscribe_virtual_number(r).has_value(),
      cc::parse_add_custom_number(r).has_value(),
      cc::parse_verify_custom_number(r).has_value(),
      cc::parse_add_business_name(r).has_value(),
      cc::parse_list_cards(r).has_value(),
      cc::parse_list_custom_numbers(r).has_value(),
  };
  for (bool ok : successes)
    if (ok && status != 200) std::abort();  // only the documented 200 is a success
  return 0;
}
