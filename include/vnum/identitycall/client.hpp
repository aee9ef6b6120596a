// vnum — IdentityCall: the blocking client, which runs each operation's plan (plan.hpp) through
// the user's transport: validate -> build -> send -> parse, retried and paged as the plan says.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_CLIENT_HPP
#define VNUM_IDENTITYCALL_CLIENT_HPP

#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/plan.hpp>
#include <vnum/intent.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnum::identitycall {

// Works owning (client<my_transport>) and borrowing (client<my_transport&>). Nothing is sent when
// validation fails. No write is retried (reads only as config::retry allows): a purchase that ends
// in errc::outcome_unknown may have gone through, so reconcile with list_virtual_numbers() before
// trying again (and likewise a create_operator with list_operators()). Not safe for concurrent use
// of one instance. config() and transport() come from the shared base.
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  // Each method runs the plan of the same name (plan.hpp), which says whether it is a read
  // (retried as config::retry allows) or a write (sent once; its kind, and what an answer that
  // does not say how it ended means, is its parser's).

  result<virtual_number> purchase_number(const purchase_request& r) {
    return this->run(plans::purchase_number(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<virtual_number> purchase_number(const purchase_request& r, intent_key<L> k) {
    return this->run(plans::purchase_number(this->config(), r, std::move(k)));
  }

  // Every number on the account (or the key's project): when the answer is one page of several,
  // the following pages are read too (see list_plan).
  result<std::vector<virtual_number>> list_virtual_numbers() {
    return this->run(plans::list_virtual_numbers(this->config()));
  }

  result<virtual_number_detail> get_virtual_number(std::int64_t id) {
    return this->run(plans::get_virtual_number(this->config(), id));
  }

  // The number as updated; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> update_virtual_number(std::int64_t id,
                                                                     const update_request& r) {
    return this->run(plans::update_virtual_number(this->config(), id, r));
  }

  result<std::vector<available_number>> search_available_numbers(const search_request& r = {}) {
    return this->run(plans::search_available_numbers(this->config(), r));
  }

  // The number with the operator attached; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r) {
    return this->run(plans::add_operator(this->config(), id, r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r,
                                                            intent_key<L> k) {
    return this->run(plans::add_operator(this->config(), id, r, std::move(k)));
  }

  // The number without the operator; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> remove_operator(std::int64_t id,
                                                               std::int64_t operator_id) {
    return this->run(plans::remove_operator(this->config(), id, operator_id));
  }

  // Every operator the key sees, across pages as list_virtual_numbers.
  result<std::vector<operator_summary>> list_operators() {
    return this->run(plans::list_operators(this->config()));
  }

  result<operator_detail> get_operator(std::int64_t id) {
    return this->run(plans::get_operator(this->config(), id));
  }

  result<operator_detail> create_operator(const create_operator_request& r) {
    return this->run(plans::create_operator(this->config(), r));
  }

  // Once per intent key: see <vnum/intent.hpp>.
  template <ledger L>
  result<operator_detail> create_operator(const create_operator_request& r, intent_key<L> k) {
    return this->run(plans::create_operator(this->config(), r, std::move(k)));
  }

  // The operator as updated; empty when the provider answered 204 without a body.
  result<std::optional<operator_detail>> update_operator(std::int64_t id,
                                                         const update_operator_request& r) {
    return this->run(plans::update_operator(this->config(), id, r));
  }

  result<void> delete_operator(std::int64_t id) {
    return this->run(plans::delete_operator(this->config(), id));
  }

  // The most pages a list may have before it is refused as a protocol error (list_plan).
  static constexpr std::int64_t max_pages = list_plan<virtual_number>::max_pages;
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_CLIENT_HPP
