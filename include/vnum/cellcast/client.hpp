// vnum — Cellcast: the blocking client, which runs each operation's plan (plan.hpp) through the
// user's transport: validate -> build -> send -> parse, retried as the plan says.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_CLIENT_HPP
#define VNUM_CELLCAST_CLIENT_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/plan.hpp>
#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/intent.hpp>

#include <string_view>
#include <utility>
#include <vector>

namespace vnum::cellcast {

// Works owning (client<my_transport>) and borrowing (client<my_transport&>). Nothing is sent when
// validation fails. No write is retried (reads only as config::retry allows): a purchase that ends
// in errc::outcome_unknown may have been charged, so reconcile before trying again. Not safe for
// concurrent use of one instance. config() and transport() come from the shared base.
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  // Each method runs the plan of the same name (plan.hpp), which says whether it is a read
  // (retried as config::retry allows) or a write (sent once; its kind, and what an answer that
  // does not say how it ended means, is its parser's).

  result<purchase_receipt> purchase_virtual_number(const purchase_request& r) {
    return this->run(plans::purchase_virtual_number(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<purchase_receipt> purchase_virtual_number(const purchase_request& r, intent_key<L> k) {
    return this->run(plans::purchase_virtual_number(this->config(), r, std::move(k)));
  }

  result<purchase_receipt> purchase_virtual_number_postpaid(const postpaid_purchase_request& r) {
    return this->run(plans::purchase_virtual_number_postpaid(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<purchase_receipt> purchase_virtual_number_postpaid(const postpaid_purchase_request& r,
                                                            intent_key<L> k) {
    return this->run(plans::purchase_virtual_number_postpaid(this->config(), r, std::move(k)));
  }

  result<unsubscribe_receipt> unsubscribe_virtual_number(std::string_view id) {
    return this->run(plans::unsubscribe_virtual_number(this->config(), id));
  }

  result<custom_number_receipt> add_custom_number(const custom_number_request& r) {
    return this->run(plans::add_custom_number(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<custom_number_receipt> add_custom_number(const custom_number_request& r, intent_key<L> k) {
    return this->run(plans::add_custom_number(this->config(), r, std::move(k)));
  }

  result<verify_custom_number_receipt> verify_custom_number(const verify_custom_number_request& r) {
    return this->run(plans::verify_custom_number(this->config(), r));
  }

  result<business_name_receipt> add_business_name(const business_name_request& r) {
    return this->run(plans::add_business_name(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<business_name_receipt> add_business_name(const business_name_request& r, intent_key<L> k) {
    return this->run(plans::add_business_name(this->config(), r, std::move(k)));
  }

  result<std::vector<card>> list_cards() { return this->run(plans::list_cards(this->config())); }

  result<std::vector<custom_number>> list_custom_numbers() {
    return this->run(plans::list_custom_numbers(this->config()));
  }

  // The catalog purchases are checked against (config::products); add numbers as you learn them.
  product_catalog& products() noexcept { return this->mutable_config().products; }
};

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_CLIENT_HPP
