// vnum — IdentityCall: the client, which composes validate -> build -> send -> parse.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_CLIENT_HPP
#define VNUM_IDENTITYCALL_CLIENT_HPP

#include <cstdint>
#include <optional>
#include <vector>
#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/parse.hpp>

namespace vnum::identitycall {

// Works owning (client<my_transport>) and borrowing (client<my_transport&>). Nothing is sent when
// validation fails. No write is retried (reads only as config::retry allows): a purchase that ends
// in errc::outcome_unknown may have gone through, so reconcile with list_virtual_numbers() before
// trying again (and likewise a create_operator with list_operators()). Not safe for concurrent use
// of one instance. settings() and transport() come from the shared base.
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  // Each method says whether it is a read (retried as config::retry allows) or a write (sent once;
  // its kind, and what an answer that does not say how it ended means, is its parser's).

  result<virtual_number> purchase_number(const purchase_request& r) {
    return this->write(build_purchase_number(this->config_, r), parse_purchase_number);
  }

  result<std::vector<virtual_number>> list_virtual_numbers() {
    return this->read(build_list_virtual_numbers(this->config_), parse_list_virtual_numbers);
  }

  result<virtual_number_detail> get_virtual_number(std::int64_t id) {
    return this->read(build_get_virtual_number(this->config_, id), parse_get_virtual_number);
  }

  // The number as updated; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> update_virtual_number(std::int64_t id,
                                                                     const update_request& r) {
    return this->write(build_update_virtual_number(this->config_, id, r),
                       parse_update_virtual_number);
  }

  result<std::vector<available_number>> search_available_numbers(const search_request& r = {}) {
    return this->read(build_search_available_numbers(this->config_, r),
                      parse_search_available_numbers);
  }

  // The number with the operator attached; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r) {
    return this->write(build_add_operator(this->config_, id, r), parse_add_operator);
  }

  // The number without the operator; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> remove_operator(std::int64_t id,
                                                               std::int64_t operator_id) {
    return this->write(build_remove_operator(this->config_, id, operator_id),
                       parse_remove_operator);
  }

  result<std::vector<operator_summary>> list_operators() {
    return this->read(build_list_operators(this->config_), parse_list_operators);
  }

  result<operator_detail> get_operator(std::int64_t id) {
    return this->read(build_get_operator(this->config_, id), parse_get_operator);
  }

  result<operator_detail> create_operator(const create_operator_request& r) {
    return this->write(build_create_operator(this->config_, r), parse_create_operator);
  }

  // The operator as updated; empty when the provider answered 204 without a body.
  result<std::optional<operator_detail>> update_operator(std::int64_t id,
                                                         const update_operator_request& r) {
    return this->write(build_update_operator(this->config_, id, r), parse_update_operator);
  }

  result<void> delete_operator(std::int64_t id) {
    return this->write(build_delete_operator(this->config_, id), parse_delete_operator);
  }
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_CLIENT_HPP
