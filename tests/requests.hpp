// Typed requests that the end-to-end, differential and fake-server tests share.
#ifndef VNUM_TESTS_REQUESTS_HPP
#define VNUM_TESTS_REQUESTS_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/identitycall/model.hpp>

#include <string>
#include <utility>

namespace requests {

// A monthly purchase of number `id` with the card on file in the test worlds.
inline vnum::cellcast::purchase_request monthly(std::string id, std::string product) {
  return {"card_1", std::move(product), std::move(id), vnum::cellcast::billing_cycle::month};
}

// A US local number, as the test worlds offer them.
inline vnum::identitycall::purchase_request order(std::string phone) {
  vnum::identitycall::purchase_request r;
  r.phone_number = std::move(phone);
  r.country_code = "US";
  r.type = vnum::identitycall::number_type::local;
  return r;
}

// The business-name request of Cellcast's documented example.
inline vnum::cellcast::business_name_request business() {
  vnum::cellcast::business_name_request r;
  r.business_name = "Pizza Biz";
  r.description_internal = "Marketing campaigns";
  r.purpose_of_use = "Promotional SMS";
  r.ownership = true;
  r.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au",
               "123 Main St, Sydney NSW 2000"};
  r.requestor = {"John", "Smith", "Marketing Manager", "0400000000", "john@pizzaco.com.au"};
  return r;
}

}  // namespace requests

#endif  // VNUM_TESTS_REQUESTS_HPP
