// normalize_au, is_e164 and every builder (so every validator) over arbitrary field values: a
// request is built only when each field passes, and then its body is JSON and its header values
// hold no CR or LF.
#define VNUM_IMPLEMENTATION
#include <vnum/cellcast/build.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/phone.hpp>
#include <vnum/vnum.hpp>  // the compiled part: this is the one VNUM_IMPLEMENTATION unit

#include "fuzz_input.hpp"

#include <cstdlib>

namespace {

void check(const vnum::result<vnum::http::request>& r) {
  if (!r) {
    if (r.error().code != vnum::errc::invalid_argument || r.error().field.empty()) std::abort();
    return;
  }
  for (const auto& h : r->headers)
    if (h.value.find_first_of("\r\n") != std::string::npos) std::abort();
  if (!r->body.empty() && !vnum::detail::parse_json(r->body)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto f = fuzz::split_fields(data, size, 8);
  namespace cc = vnum::cellcast;
  namespace ic = vnum::identitycall;
  if (auto n = vnum::phone::normalize_au(f[0]); n && !vnum::phone::is_e164(*n)) std::abort();
  (void)vnum::phone::is_e164(f[0]);

  cc::config cc_cfg;
  cc_cfg.api_key = f[7].empty() ? "key" : f[7];
  const auto cycle = f[3].empty() ? cc::billing_cycle::month : cc::billing_cycle::year;
  check(cc::build_purchase_virtual_number(cc_cfg, {f[0], f[1], f[2], cycle, false, f[4]}));
  check(cc::build_purchase_virtual_number_postpaid(cc_cfg, {f[2], true}));
  check(cc::build_unsubscribe_virtual_number(cc_cfg, f[2]));
  check(cc::build_add_custom_number(cc_cfg, {f[5], f[0]}));
  check(cc::build_verify_custom_number(cc_cfg, {f[5], f[0], f[6]}));
  cc::business_name_request b;
  b.business_name = f[1];
  b.description_internal = f[2];
  b.purpose_of_use = f[3];
  b.company = {f[4], f[5], f[6], f[1]};
  b.requestor = {f[1], f[2], f[3], f[4], f[5]};
  b.customer_contact = f[0];
  check(cc::build_add_business_name(cc_cfg, b));

  ic::config ic_cfg{f[7].empty() ? "idc_key" : f[7]};
  ic_cfg.base_url = f[6].empty() ? ic_cfg.base_url : f[6];
  ic::purchase_request p;
  p.phone_number = f[0];
  p.country_code = f[1];
  p.name = f[2];
  p.upfront_cost = f[3];
  check(ic::build_purchase_number(ic_cfg, p));
  check(ic::build_search_available_numbers(ic_cfg, {f[1], std::nullopt}));
  ic::update_request u;
  u.name = f[2];
  check(ic::build_update_virtual_number(ic_cfg, static_cast<std::int64_t>(size) - 3, u));
  check(ic::build_add_operator(ic_cfg, 1, ic::add_operator_request::create(f[0], f[2])));
  check(ic::build_create_operator(ic_cfg, {f[2], f[0], f[4], std::nullopt}));
  ic::update_operator_request uo;
  uo.email = f[4];
  check(ic::build_update_operator(ic_cfg, 1, uo));
  return 0;
}
