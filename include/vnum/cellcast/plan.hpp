// vnum — Cellcast: each operation as a plan (<vnum/plan.hpp>), built and ready to run. The
// blocking client<T> and the asynchronous async_client<T> (<vnum/asio.hpp>) run these same plans.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_PLAN_HPP
#define VNUM_CELLCAST_PLAN_HPP

#include <vnum/cellcast/build.hpp>
#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/parse.hpp>
#include <vnum/detail/fingerprint.hpp>
#include <vnum/intent.hpp>
#include <vnum/plan.hpp>

#include <string_view>
#include <vector>

namespace vnum::cellcast {

namespace detail {

// The events' context of an operation of this provider: its name and kind, and the config's
// observer.
inline vnum::detail::call_context call_context_of(const config& c, std::string_view name,
                                                  operation_kind kind) {
  return {{"cellcast", name, kind}, &c.observe, 0};
}

}  // namespace detail

// One function per client method, with its arguments: the operation, validated and built (nothing
// is sent when that fails), as a plan of its kind. Each says whether it is a read (retried as
// config::retry allows) or a write (sent once; its parser applies the outcome rule of its kind).
// The config is borrowed: it must outlive the plan.
namespace plans {

/// Purchase a virtual number (card, token or BECS debit): a creating write.
/// @param c the config; borrowed
/// @param r the purchase, checked against config::products too
/// @return the plan
inline write_plan<purchase_receipt> purchase_virtual_number(const config& c,
                                                            const purchase_request& r) {
  return {build_purchase_virtual_number(c, r), parse_purchase_virtual_number, c.api_key,
          detail::call_context_of(c, "purchase_virtual_number", operation_kind::creating_write)};
}

/// Purchase a virtual number on a postpaid account: a creating write.
/// @param c the config; borrowed
/// @param r the purchase
/// @return the plan
inline write_plan<purchase_receipt> purchase_virtual_number_postpaid(
    const config& c, const postpaid_purchase_request& r) {
  return {build_purchase_virtual_number_postpaid(c, r), parse_purchase_virtual_number_postpaid,
          c.api_key,
          detail::call_context_of(c, "purchase_virtual_number_postpaid",
                                  operation_kind::creating_write)};
}

/// Unsubscribe a virtual number: an idempotent write.
/// @param c the config; borrowed
/// @param id the virtual number's ID (one URL path segment)
/// @return the plan
inline write_plan<unsubscribe_receipt> unsubscribe_virtual_number(const config& c,
                                                                  std::string_view id) {
  return {
      build_unsubscribe_virtual_number(c, id), parse_unsubscribe_virtual_number, c.api_key,
      detail::call_context_of(c, "unsubscribe_virtual_number", operation_kind::idempotent_write)};
}

/// Add a custom number: a creating write.
/// @param c the config; borrowed
/// @param r the name and number
/// @return the plan
inline write_plan<custom_number_receipt> add_custom_number(const config& c,
                                                           const custom_number_request& r) {
  return {build_add_custom_number(c, r), parse_add_custom_number, c.api_key,
          detail::call_context_of(c, "add_custom_number", operation_kind::creating_write)};
}

/// Verify a custom number with its OTP: an idempotent write.
/// @param c the config; borrowed
/// @param r the name, number and OTP
/// @return the plan
inline write_plan<verify_custom_number_receipt> verify_custom_number(
    const config& c, const verify_custom_number_request& r) {
  return {build_verify_custom_number(c, r), parse_verify_custom_number, c.api_key,
          detail::call_context_of(c, "verify_custom_number", operation_kind::idempotent_write)};
}

/// Ask for a business name (an Alpha ID, as sender ID) to be approved: a creating write.
/// @param c the config; borrowed
/// @param r the request
/// @return the plan
inline write_plan<business_name_receipt> add_business_name(const config& c,
                                                           const business_name_request& r) {
  return {build_add_business_name(c, r), parse_add_business_name, c.api_key,
          detail::call_context_of(c, "add_business_name", operation_kind::creating_write)};
}

/// List the account's cards: a read.
/// @param c the config; borrowed
/// @return the plan
inline read_plan<std::vector<card>> list_cards(const config& c) {
  return {build_list_cards(c), parse_list_cards, c.retry, c.api_key,
          detail::call_context_of(c, "list_cards", operation_kind::read)};
}

/// List the account's custom numbers: a read.
/// @param c the config; borrowed
/// @return the plan
inline read_plan<std::vector<custom_number>> list_custom_numbers(const config& c) {
  return {build_list_custom_numbers(c), parse_list_custom_numbers, c.retry, c.api_key,
          detail::call_context_of(c, "list_custom_numbers", operation_kind::read)};
}

// The creating writes once per intent key (<vnum/intent.hpp>): claimed in the ledger before the
// send, settled after it; a key already held answers from the ledger and nothing is sent.

/// purchase_virtual_number(const config&, const purchase_request&) once per intent key: the ledger
/// operation "cellcast.purchase_virtual_number".
/// @param c the config; borrowed
/// @param r the purchase
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<purchase_receipt, L> purchase_virtual_number(const config& c, const purchase_request& r,
                                                         intent_key<L> k) {
  return {purchase_virtual_number(c, r), std::move(k), vnum::detail::request_fingerprint};
}

/// purchase_virtual_number_postpaid(const config&, const postpaid_purchase_request&) once per
/// intent key: the ledger operation "cellcast.purchase_virtual_number_postpaid".
/// @param c the config; borrowed
/// @param r the purchase
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<purchase_receipt, L> purchase_virtual_number_postpaid(
    const config& c, const postpaid_purchase_request& r, intent_key<L> k) {
  return {purchase_virtual_number_postpaid(c, r), std::move(k), vnum::detail::request_fingerprint};
}

/// add_custom_number(const config&, const custom_number_request&) once per intent key: the ledger
/// operation "cellcast.add_custom_number".
/// @param c the config; borrowed
/// @param r the name and number
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<custom_number_receipt, L> add_custom_number(const config& c,
                                                        const custom_number_request& r,
                                                        intent_key<L> k) {
  return {add_custom_number(c, r), std::move(k), vnum::detail::request_fingerprint};
}

/// add_business_name(const config&, const business_name_request&) once per intent key: the
/// ledger operation "cellcast.add_business_name".
/// @param c the config; borrowed
/// @param r the request
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<business_name_receipt, L> add_business_name(const config& c,
                                                        const business_name_request& r,
                                                        intent_key<L> k) {
  return {add_business_name(c, r), std::move(k), vnum::detail::request_fingerprint};
}

}  // namespace plans

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_PLAN_HPP
